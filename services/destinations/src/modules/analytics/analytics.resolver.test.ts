import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData, demoId } from '@waymark/demo-data';
import { makeUpn, todayInEngland } from '@waymark/domain';
import type { Principal } from '@waymark/auth';
import { Pupil } from '@waymark/pupils';
import { startHarness, type Harness } from '../../../test/harness.js';
import { PupilsClient } from '../external/pupils.client.js';
import { ActivitySpellRow } from '../spell/spell.entity.js';
import { Intention } from '../intention/intention.entity.js';
import { DESTINATION_CATEGORY_KEYS } from './analytics.rules.js';
import { followedLeavingYears } from '../spell/spell.rules.js';

/*
 * Destination figures (docs/domain-rules.md, "Destination figures") on a small fixture of 2015 leavers,
 * counted by hand: the pupils subgraph is the real one, seeded, with the fixture's pupils added (born
 * in the autumn of 1998, so they finished Year 11 in the summer of 2015), and their spells and
 * intentions are written here. No demo pupil finished Year 11 that summer.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const YEAR = 2015;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id });
const analystWithAccess = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const otherTrustAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID(), pupilLevelAccess: true });
const pupilNorth = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: data.pupils[0].id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: randomUUID() });

const NO_FLAGS = {
  senSupport: false,
  ehcp: false,
  disadvantaged: false,
  lookedAfter: false,
  eal: false,
  youngCarer: false,
  youngParent: false,
  youthJustice: false,
  refugee: false,
  serviceChild: false,
  persistentAbsence: false,
  neetRisk: false,
};

type Spell = { activity: string; providerKind?: string; apprenticeshipLevel?: number; startsOn: string; endsOn?: string };
interface Leaver {
  id: string;
  school: typeof northfield;
  spells: Spell[];
  intentions: string[];
  disadvantaged?: boolean;
  optedOut?: boolean;
  leftOn?: string;
}
const SIXTH_FORM: Spell = { activity: 'EDUCATION', providerKind: 'SCHOOL_SIXTH_FORM', startsOn: `${YEAR}-09-01` };
const COLLEGE: Spell = { activity: 'EDUCATION', providerKind: 'FE_COLLEGE', startsOn: `${YEAR}-09-01`, endsOn: `${YEAR + 1}-07-31` };
const NEET: Spell = { activity: 'NEET_AVAILABLE', startsOn: `${YEAR}-09-01` };
const APPRENTICE: Spell = { activity: 'APPRENTICESHIP', apprenticeshipLevel: 3, startsOn: `${YEAR}-09-01` };
const JOB: Spell = { activity: 'EMPLOYMENT_WITHOUT_TRAINING', startsOn: `${YEAR}-09-01` };

let serial = 0;
const leaver = (school: typeof northfield, spells: Spell[], intentions: string[], extra: Partial<Leaver> = {}): Leaver => {
  serial += 1;
  return { id: demoId('analytics-pupil', String(serial)), school, spells, intentions, ...extra };
};
const times = (n: number, make: () => Leaver) => Array.from({ length: n }, make);

// Northfield: 12 leavers. Southbank: 13. Two more who are not counted.
const fixture: Leaver[] = [
  // 6 stayed in the sixth form (2 of them disadvantaged), as they meant to: sustained, there now.
  ...times(4, () => leaver(northfield, [SIXTH_FORM], ['SCHOOL_SIXTH_FORM'])),
  ...times(2, () => leaver(northfield, [SIXTH_FORM], ['SCHOOL_SIXTH_FORM'], { disadvantaged: true })),
  // 3 went to an FE college for a year (2 had meant to stay on): sustained, nothing known now.
  ...times(2, () => leaver(northfield, [COLLEGE], ['SCHOOL_SIXTH_FORM'])),
  leaver(northfield, [COLLEGE], ['FE_COLLEGE']),
  // 2 NEET since September, who had meant to take an apprenticeship (one changed their mind from the sixth form; the newest counts).
  leaver(northfield, [NEET], ['SCHOOL_SIXTH_FORM', 'APPRENTICESHIP'], { disadvantaged: true }),
  leaver(northfield, [NEET], ['APPRENTICESHIP']),
  // 1 with nothing recorded and no intention.
  leaver(northfield, [], []),
  // Southbank: 5 apprentices as intended, 2 in jobs with no intention recorded, 6 at college for a year as intended.
  ...times(5, () => leaver(southbank, [APPRENTICE], ['APPRENTICESHIP'])),
  ...times(2, () => leaver(southbank, [JOB], [])),
  ...times(6, () => leaver(southbank, [COLLEGE], ['FE_COLLEGE'])),
  // Not counted: opted out of sharing; left Northfield in the spring of Year 11.
  leaver(northfield, [SIXTH_FORM], ['SCHOOL_SIXTH_FORM'], { optedOut: true }),
  leaver(northfield, [COLLEGE], ['FE_COLLEGE'], { leftOn: `${YEAR}-03-01` }),
];

interface Figure {
  count: number | null;
  percent: number | null;
  suppressed: boolean;
  rounded: boolean;
}
interface Row {
  leavingYear: number;
  schoolId: string | null;
  schoolName: string | null;
  group: string | null;
  septemberTooEarly: boolean;
  yearOneSettled: boolean;
  leavers: Figure;
  categories: { category: string; label: string; intended: Figure; september: Figure; current: Figure }[];
  sustained: Figure;
  intentionMet: Figure;
}
interface Analytics {
  exact: boolean;
  suppressBelow: number;
  leavingYears: number[];
  rows: Row[];
}
const FIGURE = '{ count percent suppressed rounded }';
const QUERY = `query ($schoolId: ID, $group: VulnerableGroup) {
  destinationAnalytics(schoolId: $schoolId, group: $group) {
    exact suppressBelow leavingYears
    rows { leavingYear schoolId schoolName group septemberTooEarly yearOneSettled leavers ${FIGURE}
      categories { category label intended ${FIGURE} september ${FIGURE} current ${FIGURE} }
      sustained ${FIGURE} intentionMet ${FIGURE} }
  }
}`;

let harness: Harness;
const ask = (who: Principal, variables: { schoolId?: string; group?: string } = {}) =>
  harness.client.query<{ destinationAnalytics: Analytics | null }>(who, QUERY, variables);
const figures = async (who: Principal, variables: { schoolId?: string; group?: string } = {}): Promise<Analytics> => {
  const res = await ask(who, variables);
  expect(res.errors).toBeUndefined();
  return res.data!.destinationAnalytics!;
};
const rowsOf = (answer: Analytics, schoolId: string | null, group: string | null = null) =>
  answer.rows.filter((row) => row.leavingYear === YEAR && row.schoolId === schoolId && row.group === group);
const rowOf = (answer: Analytics, schoolId: string | null, group: string | null = null) => {
  const rows = rowsOf(answer, schoolId, group);
  expect(rows).toHaveLength(1);
  return rows[0];
};
/** The counts of a row's column by category, leaving out zeros. */
const column = (row: Row, which: 'intended' | 'september' | 'current') =>
  Object.fromEntries(row.categories.filter((c) => c[which].count !== 0).map((c) => [c.category, c[which].count]));
const exact = (count: number, percent: number | null): Figure => ({ count, percent, suppressed: false, rounded: false });

beforeAll(async () => {
  harness = await startHarness();
  const pupilsEm = harness.pupilsOrm.em.fork();
  fixture.forEach((pupil, i) =>
    pupilsEm.create(Pupil, {
      id: pupil.id,
      schoolId: pupil.school.id,
      trustId: pupil.school.trustId,
      upn: makeUpn(`88888${String(i + 1).padStart(7, '0')}`),
      legalForename: `Leaver${i + 1}`,
      legalSurname: 'Figures',
      preferredName: null,
      dateOfBirth: `${YEAR - 17}-11-01`,
      yearGroup: null,
      tutorGroup: null,
      leftOn: pupil.leftOn ?? `${YEAR}-07-20`,
      enrolledOn: `${YEAR - 5}-09-01`,
      destinationTracking: true,
      ...NO_FLAGS,
      disadvantaged: pupil.disadvantaged ?? false,
      localAuthoritySharingOptOut: pupil.optedOut ?? false,
      optOutBy: pupil.optedOut ? 'PUPIL' : null,
    }),
  );
  await pupilsEm.flush();
  const em = harness.orm.em.fork();
  let at = Date.UTC(YEAR, 0, 1);
  for (const pupil of fixture) {
    const tenant = { pupilId: pupil.id, schoolId: pupil.school.id, trustId: pupil.school.trustId };
    for (const kind of pupil.intentions) {
      at += 60_000;
      em.create(Intention, {
        id: randomUUID(),
        ...tenant,
        yearGroup: 11,
        kind: kind as never,
        apprenticeshipLevel: null,
        provider: null,
        course: null,
        enteredById: 'test',
        enteredByRole: 'pupil',
        enteredAt: new Date(at),
      });
    }
    for (const spell of pupil.spells) {
      at += 60_000;
      em.create(ActivitySpellRow, {
        id: randomUUID(),
        ...tenant,
        leavingYear: YEAR,
        activity: spell.activity as never,
        providerKind: (spell.providerKind ?? null) as never,
        apprenticeshipLevel: spell.apprenticeshipLevel ?? null,
        provider: null,
        startsOn: spell.startsOn,
        endsOn: spell.endsOn ?? null,
        source: 'STAFF',
        confirmed: true,
        enteredById: 'test',
        enteredAt: new Date(at),
      });
    }
  }
  await em.flush();
});

afterAll(async () => {
  await harness?.close();
});

describe('destinationAnalytics: who may ask (attacks first)', () => {
  it("refuses another school's staff, another trust's analyst, pupils and volunteers", async () => {
    const otherSchool = await ask(leaderSouth, { schoolId: northfield.id });
    expect(otherSchool.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(otherSchool.data?.destinationAnalytics ?? null).toBeNull();
    const otherTrust = await ask(otherTrustAnalyst, { schoolId: northfield.id });
    expect(otherTrust.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const who of [pupilNorth, volunteer]) expect((await ask(who)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await ask(analyst, { schoolId: 'not-a-school' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("gives another trust's analyst nothing of this trust's schools when asking about their own trust", async () => {
    const answer = await figures(otherTrustAnalyst);
    expect(answer.rows.filter((row) => row.schoolId !== null)).toEqual([]);
    for (const row of answer.rows) expect(row.leavers.count).toBe(0);
  });

  it('gives staff their own school only, whatever they ask', async () => {
    const answer = await figures(leaderSouth);
    expect(new Set(answer.rows.map((row) => row.schoolId))).toEqual(new Set([southbank.id]));
  });
});

describe('destinationAnalytics: the figures, counted by hand', () => {
  it("gives a school's staff their exact figures for each leaving year", async () => {
    const answer = await figures(leaderNorth);
    expect(answer.exact).toBe(true);
    expect(answer.leavingYears).toContain(YEAR);
    const row = rowOf(answer, northfield.id);
    expect(row).toMatchObject({ schoolName: northfield.name, septemberTooEarly: false, yearOneSettled: true });
    // 12 leavers: the opted-out pupil and the one who left in the spring are not counted.
    expect(row.leavers).toEqual(exact(12, null));
    expect(column(row, 'intended')).toEqual({ SCHOOL_SIXTH_FORM: 8, COLLEGE: 1, APPRENTICESHIP: 2, NOT_KNOWN: 1 });
    expect(column(row, 'september')).toEqual({ SCHOOL_SIXTH_FORM: 6, COLLEGE: 3, NEET: 2, NOT_KNOWN: 1 });
    expect(column(row, 'current')).toEqual({ SCHOOL_SIXTH_FORM: 6, NEET: 2, NOT_KNOWN: 4 });
    const category = (name: string) => row.categories.find((c) => c.category === name)!;
    expect(category('SCHOOL_SIXTH_FORM').september).toEqual(exact(6, 50));
    expect(category('NEET').current).toEqual(exact(2, 16.7));
    expect(category('EMPLOYMENT').september).toEqual(exact(0, 0));
    expect(row.categories.map((c) => c.category)).toEqual(DESTINATION_CATEGORY_KEYS);
    expect(row.sustained).toEqual(exact(9, 75));
    // Sixth form as meant (6) and the one who meant to go to college.
    expect(row.intentionMet).toEqual(exact(7, 58.3));
    // Staff see the same as the leader.
    expect(await figures(staffNorth)).toEqual(answer);
  });

  it('counts a vulnerable group beside all leavers, exactly for staff', async () => {
    const answer = await figures(leaderNorth, { group: 'DISADVANTAGED' });
    expect(rowOf(answer, northfield.id).leavers.count).toBe(12);
    const group = rowOf(answer, northfield.id, 'DISADVANTAGED');
    expect(group.leavers).toEqual(exact(3, null));
    expect(column(group, 'september')).toEqual({ SCHOOL_SIXTH_FORM: 2, NEET: 1 });
    expect(group.sustained).toEqual(exact(2, 66.7));
  });

  it('gives an analyst with pupil-level access every school side by side and the trust total, exactly', async () => {
    const answer = await figures(analystWithAccess);
    expect(answer.exact).toBe(true);
    expect(rowOf(answer, northfield.id).leavers.count).toBe(12);
    const south = rowOf(answer, southbank.id);
    expect(south.leavers).toEqual(exact(13, null));
    expect(column(south, 'intended')).toEqual({ COLLEGE: 6, APPRENTICESHIP: 5, NOT_KNOWN: 2 });
    expect(column(south, 'september')).toEqual({ COLLEGE: 6, APPRENTICESHIP: 5, EMPLOYMENT: 2 });
    expect(column(south, 'current')).toEqual({ APPRENTICESHIP: 5, EMPLOYMENT: 2, NOT_KNOWN: 6 });
    expect(south.sustained).toEqual(exact(13, 100));
    const trust = rowOf(answer, null);
    expect(trust.leavers).toEqual(exact(25, null));
    expect(column(trust, 'september')).toEqual({ SCHOOL_SIXTH_FORM: 6, COLLEGE: 9, APPRENTICESHIP: 5, EMPLOYMENT: 2, NEET: 2, NOT_KNOWN: 1 });
    expect(trust.sustained).toEqual(exact(22, 88));
    expect(trust.intentionMet).toEqual(exact(18, 72));
    // Every school of the trust has a row, the fixture's schools among them.
    expect(new Set(answer.rows.filter((r) => r.leavingYear === YEAR).map((r) => r.schoolId))).toEqual(
      new Set([...data.schools.filter((s) => s.trustId === data.trust.id).map((s) => s.id), null]),
    );
  });

  it('asks the pupils subgraph once for the followed summers (with the names), and once more only for older summers the spells name, however many leavers', async () => {
    const batch = vi.spyOn(PupilsClient.prototype, 'leaverYearBatch');
    try {
      const answer = await figures(analystWithAccess);
      const followed = followedLeavingYears(todayInEngland());
      const older = answer.leavingYears.filter((year) => !followed.includes(year));
      expect(batch).toHaveBeenCalledTimes(older.length > 0 ? 2 : 1);
      expect(batch.mock.calls[0][2]).toEqual(followed.filter((year) => answer.leavingYears.includes(year)));
      expect([...batch.mock.calls.flatMap((call) => call[2])].sort()).toEqual([...answer.leavingYears].sort());
      expect(batch.mock.calls.filter((call) => call[3])).toHaveLength(1);
    } finally {
      batch.mockRestore();
    }
  });
});

describe('destinationAnalytics: small numbers for an analyst without pupil-level access', () => {
  /** Every equation a reader could use: each row's columns add up to its leavers; the schools add up to the trust. */
  function equations(answer: Analytics, group: string | null): (Figure | undefined)[][] {
    const rows = answer.rows.filter((row) => row.leavingYear === YEAR && row.group === group);
    const list: (Figure | undefined)[][] = [];
    for (const row of rows) for (const which of ['intended', 'september', 'current'] as const) list.push([row.leavers, ...row.categories.map((c) => c[which])]);
    const total = rows.find((row) => row.schoolId === null)!;
    const schools = rows.filter((row) => row.schoolId !== null);
    const cells: ((row: Row) => Figure)[] = [
      (row) => row.leavers,
      (row) => row.sustained,
      (row) => row.intentionMet,
      ...DESTINATION_CATEGORY_KEYS.flatMap((category) =>
        (['intended', 'september', 'current'] as const).map((which) => (row: Row) => row.categories.find((c) => c.category === category)![which]),
      ),
    ];
    for (const cell of cells) list.push([cell(total), ...schools.map(cell)]);
    return list;
  }

  it('cannot recover a withheld count from what it is shown (attack)', async () => {
    const answer = await figures(analyst);
    expect(answer).toMatchObject({ exact: false, suppressBelow: 5 });
    const south = rowOf(answer, southbank.id);
    // Southbank's 2 with no intention: withheld, and so is the 5 beside it, so 13 minus what is shown gives nothing.
    const intendedNotKnown = south.categories.find((c) => c.category === 'NOT_KNOWN')!.intended;
    expect(intendedNotKnown).toEqual({ count: null, percent: null, suppressed: true, rounded: false });
    expect(south.leavers.count).toBe(13);
    const shown = south.categories.reduce((sum, c) => sum + (c.intended.count ?? 0), 0);
    expect(south.categories.filter((c) => c.intended.suppressed).length).toBeGreaterThanOrEqual(2);
    // What is missing is the two withheld counts together (2 + 5), never the 2 alone.
    expect(south.leavers.count! - shown).toBe(7);
    // Northfield's 3 at college in September is withheld, and so is Southbank's 6 beside it, so the trust's 9 gives neither away.
    const september = (row: Row) => row.categories.find((c) => c.category === 'COLLEGE')!.september;
    expect(september(rowOf(answer, northfield.id)).suppressed).toBe(true);
    expect(september(south).suppressed).toBe(true);
    expect(september(rowOf(answer, null))).toEqual(exact(9, 36));
    // No equation is left with exactly one unknown, so no withheld count is a difference of shown ones.
    for (const equation of equations(answer, null)) expect(equation.filter((figure) => figure!.suppressed).length).not.toBe(1);
    // Nothing between 1 and 4 is shown, and a withheld count has no percentage to give it away.
    for (const row of answer.rows)
      for (const figure of [row.leavers, row.sustained, row.intentionMet, ...row.categories.flatMap((c) => [c.intended, c.september, c.current])]) {
        if (figure.count !== null) expect(figure.count === 0 || figure.count >= 5).toBe(true);
        if (figure.suppressed) expect(figure).toMatchObject({ count: null, percent: null });
      }
  });

  it('shows one school asked for alone exactly as it shows beside the others (attack: combine the two answers)', async () => {
    const all = await figures(analyst);
    for (const school of [northfield, southbank]) {
      const alone = await figures(analyst, { schoolId: school.id });
      expect(alone.rows.every((row) => row.schoolId === school.id)).toBe(true);
      expect(rowOf(alone, school.id)).toEqual(rowOf(all, school.id));
    }
  });

  it("withholds or rounds a vulnerable group's counts (attack: the group's 3 leavers)", async () => {
    const answer = await figures(analyst, { group: 'DISADVANTAGED' });
    const group = rowOf(answer, northfield.id, 'DISADVANTAGED');
    expect(group.leavers).toEqual({ count: null, percent: null, suppressed: true, rounded: false });
    for (const figure of [group.sustained, ...group.categories.flatMap((c) => [c.intended, c.september, c.current])])
      expect(figure.count === null || figure.count % 5 === 0).toBe(true);
    // All leavers stay exact where they are not small.
    expect(rowOf(answer, northfield.id).leavers).toEqual(exact(12, null));
  });

  it('keeps figures of 5 and over exact', async () => {
    const answer = await figures(analyst);
    const north = rowOf(answer, northfield.id);
    expect(north.categories.find((c) => c.category === 'SCHOOL_SIXTH_FORM')!.september).toEqual(exact(6, 50));
    expect(north.sustained).toEqual(exact(9, 75));
    expect(rowOf(answer, null).leavers).toEqual(exact(25, null));
  });
});
