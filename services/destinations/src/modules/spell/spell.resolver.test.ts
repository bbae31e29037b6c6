import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { destinationYears, followUpOf, todayInEngland, year11LeavingYear } from '@waymark/domain';
import type { Principal } from '@waymark/auth';
import { startHarness, type Harness } from '../../../test/harness.js';
import { ActivitySpellRow } from './spell.entity.js';
import { isFollowed } from './spell.rules.js';

// The same call the seeds make: who has left follows from today's date.
const data = demoData();
const [northfield, southbank] = data.schools;
// The seed gives the first six leavers of each school their spells; these tests use others.
const seededLeavers = data.destinations.filter((d) => d.schoolId === northfield.id && d.stage === 'IMMEDIATE').slice(0, 6);
const [leaver, otherLeaver] = data.pupils.filter((p) => p.schoolId === northfield.id && p.leftOn !== null && !seededLeavers.some((d) => d.pupilId === p.id));
const seededLeaver = seededLeavers[0];
const year10 = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 10)!;
// Still at Northfield, in its sixth form: they finished Year 11 a summer or two ago.
const sixthFormer = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 13)!;
// Last summer's Year 13 leavers finished Year 11 two summers before that.
const L = year11LeavingYear(leaver.dateOfBirth);

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const staffSouth = makePrincipal({ roles: ['staff'], schoolId: southbank.id, trustId: data.trust.id });
const leaverSelf = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: leaver.id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id, employerId: data.volunteers[0].employerId });

const RECORD = `mutation ($input: RecordActivitySpellInput!) {
  recordActivitySpell(input: $input) {
    spell { id activity activityLabel providerKind apprenticeshipLevel provider startsOn endsOn source confirmed leavingYear }
    destinationYears { leavingYear september { activity activityLabel reason } years { year from to mainActivity mainActivityLabel status sustained reason } }
    error { code message fields { field message } }
  }
}`;
const PUPIL = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil {
  id activitySpells { activity startsOn endsOn } destinationYears { leavingYear years { year status reason } }
} } }`;

interface YearView {
  year: number;
  from: string;
  to: string;
  mainActivity: string | null;
  mainActivityLabel: string | null;
  status: string;
  sustained: boolean;
  reason: string;
}
interface RecordAnswer {
  recordActivitySpell: {
    spell: Record<string, unknown> | null;
    destinationYears: { leavingYear: number; september: { activity: string | null; activityLabel: string | null; reason: string }; years: YearView[] } | null;
    error: { code: string; message: string; fields: { field: string; message: string }[] } | null;
  };
}
interface PupilView {
  activitySpells: { activity: string; startsOn: string; endsOn: string | null }[] | null;
  destinationYears: { leavingYear: number; years: { year: number; status: string; reason: string }[] } | null;
}

let harness: Harness;
const record = (who: Principal, input: Record<string, unknown>) => harness.client.query<RecordAnswer>(who, RECORD, { input });
const readPupil = async (who: Principal, id: string) =>
  (await harness.client.query<{ _entities: (PupilView | null)[] }>(who, PUPIL, { r: [{ __typename: 'Pupil', id }] })).data?._entities[0] ?? null;
const spellCount = (pupilId: string) => harness.orm.em.fork().count(ActivitySpellRow, { pupilId });

beforeAll(async () => {
  harness = await startHarness();
  // `leaver` agreed to being followed after 16; nobody else here did (the demo default).
  const consent = await harness.pupils.query<{ setPupilConsent: { error: unknown } }>(
    leaderNorth,
    'mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) { error { code } } }',
    { input: { pupilId: leaver.id, destinationTracking: true } },
  );
  expect(consent.data!.setPupilConsent.error).toBeNull();
});

afterAll(async () => {
  await harness?.close();
});

describe('recordActivitySpell', () => {
  it("records a leaver's college spell and answers their September destination and a sustained year 1, with reasons", async () => {
    const res = await record(leaderNorth, {
      pupilId: leaver.id,
      activity: 'EDUCATION',
      providerKind: 'FE_COLLEGE',
      provider: 'Aire Valley College',
      startsOn: `${L}-09-04`,
      endsOn: `${L + 1}-07-18`,
      confirmed: true,
    });
    expect(res.errors).toBeUndefined();
    const answer = res.data!.recordActivitySpell;
    expect(answer.error).toBeNull();
    expect(answer.spell).toMatchObject({
      activity: 'EDUCATION',
      activityLabel: 'Education (further education college)',
      source: 'STAFF',
      confirmed: true,
      leavingYear: L,
      startsOn: `${L}-09-04`,
      endsOn: `${L + 1}-07-18`,
    });
    expect(answer.destinationYears!.september).toEqual({
      activity: 'EDUCATION',
      activityLabel: 'Education (further education college)',
      reason: `In September ${L}: education (further education college), from ${L}-09-04`,
    });
    expect(answer.destinationYears!.years[0]).toEqual({
      year: 1,
      from: `${L}-08-01`,
      to: `${L + 1}-07-31`,
      mainActivity: 'EDUCATION',
      mainActivityLabel: 'Education (further education college)',
      status: 'SUSTAINED',
      sustained: true,
      reason: `Sustained: in education every month from October ${L} to March ${L + 1}`,
    });
  });

  it('counts the next spell into year 2, and the leader reads the same through Pupil.destinationYears', async () => {
    const res = await record(leaderNorth, {
      pupilId: leaver.id,
      activity: 'EMPLOYMENT_WITH_TRAINING',
      provider: 'Acme Engineering',
      startsOn: `${L + 1}-11-03`,
      endsOn: `${L + 2}-07-31`,
      source: 'LA_CONFIRMATION',
    });
    const year2 = res.data!.recordActivitySpell.destinationYears!.years[1];
    expect(year2).toMatchObject({
      status: 'SUSTAINED',
      mainActivity: 'EMPLOYMENT_WITH_TRAINING',
      reason: `Sustained: in employment for 5 of the 6 months from October ${L + 1} to March ${L + 2}`,
    });
    const seen = await readPupil(leaderNorth, leaver.id);
    expect(seen!.activitySpells).toEqual([
      { activity: 'EDUCATION', startsOn: `${L}-09-04`, endsOn: `${L + 1}-07-18` },
      { activity: 'EMPLOYMENT_WITH_TRAINING', startsOn: `${L + 1}-11-03`, endsOn: `${L + 2}-07-31` },
    ]);
    expect(seen!.destinationYears!.years.slice(0, 2).map((y) => y.status)).toEqual(['SUSTAINED', 'SUSTAINED']);
    expect((await readPupil(leaverSelf, leaver.id))!.destinationYears!.leavingYear).toBe(L);
  });

  it('refuses a spell that ends before it starts with a clear message, saving nothing', async () => {
    const before = await spellCount(leaver.id);
    const res = await record(leaderNorth, { pupilId: leaver.id, activity: 'NEET_AVAILABLE', startsOn: `${L}-10-10`, endsOn: `${L}-10-01` });
    expect(res.data!.recordActivitySpell).toEqual({
      spell: null,
      destinationYears: null,
      error: {
        code: 'SPELL_INVALID',
        message: 'Some details of the spell need changing. Nothing was saved.',
        fields: [{ field: 'endsOn', message: `A spell cannot end before it starts: it starts on ${L}-10-10 but ends on ${L}-10-01` }],
      },
    });
    expect(await spellCount(leaver.id)).toBe(before);
  });

  it.each([
    { why: 'education with no kind of place', input: { activity: 'EDUCATION', startsOn: `${L}-09-04` }, field: 'providerKind' },
    { why: 'an apprenticeship with no level', input: { activity: 'APPRENTICESHIP', startsOn: `${L}-09-04` }, field: 'apprenticeshipLevel' },
    { why: 'a day that does not exist', input: { activity: 'NOT_KNOWN', startsOn: `${L}-02-30` }, field: 'startsOn' },
  ])('names the field for $why', async ({ input, field }) => {
    const res = await record(leaderNorth, { pupilId: otherLeaver.id, ...input });
    expect(res.data!.recordActivitySpell.error?.fields.map((f) => f.field)).toEqual([field]);
    expect(await spellCount(otherLeaver.id)).toBe(0);
  });

  it("refuses staff another school's leaver, a pupil who has not finished Year 11, and SELF_REPORTED", async () => {
    const other = await record(staffSouth, { pupilId: leaver.id, activity: 'NOT_KNOWN', startsOn: `${L}-09-01` });
    expect(other.data!.recordActivitySpell.error).toMatchObject({ code: 'PUPIL_NOT_FOUND' });
    const young = await record(leaderNorth, { pupilId: year10.id, activity: 'NOT_KNOWN', startsOn: `${L}-09-01` });
    expect(young.data!.recordActivitySpell.error).toMatchObject({ code: 'NOT_A_LEAVER' });
    expect(young.data!.recordActivitySpell.error!.message).toMatch(
      /^They have not finished Year 11 yet: they finish it in the summer of \d{4}\. Nothing was saved\.$/,
    );
    const self = await record(leaderNorth, { pupilId: otherLeaver.id, activity: 'NOT_KNOWN', startsOn: `${L}-09-01`, source: 'SELF_REPORTED' });
    expect(self.data!.recordActivitySpell.error).toMatchObject({ code: 'SPELL_INVALID' });
    expect(await spellCount(year10.id)).toBe(0);
    expect(await spellCount(otherLeaver.id)).toBe(0);
  });

  it("without their agreement to being followed, records only staying on in the school's own sixth form", async () => {
    const S = year11LeavingYear(sixthFormer.dateOfBirth);
    const job = await record(leaderNorth, { pupilId: sixthFormer.id, activity: 'EMPLOYMENT_WITHOUT_TRAINING', startsOn: `${S}-09-01` });
    expect(job.data!.recordActivitySpell.error).toMatchObject({
      code: 'NO_TRACKING_CONSENT',
      message:
        "They have not agreed to being followed after 16, so only their place in your own sixth form can be recorded. If they agree, record it under 'Consent and sharing' on their record first. Nothing was saved.",
    });
    const stayed = await record(leaderNorth, { pupilId: sixthFormer.id, activity: 'EDUCATION', providerKind: 'SCHOOL_SIXTH_FORM', startsOn: `${S}-09-03` });
    expect(stayed.data!.recordActivitySpell.error).toBeNull();
    expect(await spellCount(sixthFormer.id)).toBe(1);
    // A leaver is no longer in the school's sixth form, whatever the spell says.
    const left = await record(leaderNorth, { pupilId: otherLeaver.id, activity: 'EDUCATION', providerKind: 'SCHOOL_SIXTH_FORM', startsOn: `${L}-09-03` });
    expect(left.data!.recordActivitySpell.error).toMatchObject({ code: 'NO_TRACKING_CONSENT' });
    expect(await spellCount(otherLeaver.id)).toBe(0);
  });

  it('is for staff only', async () => {
    for (const who of [leaverSelf, volunteer]) {
      const res = await record(who, { pupilId: leaver.id, activity: 'NOT_KNOWN', startsOn: `${L}-09-01` });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('Pupil.activitySpells and Pupil.destinationYears', () => {
  it('give nothing to staff of another school or to volunteers', async () => {
    const south = await readPupil(staffSouth, leaver.id);
    expect(south?.activitySpells ?? []).toEqual([]);
    expect(south?.destinationYears ?? null).toBeNull();
    expect(await readPupil(volunteer, leaver.id)).toBeNull();
  });

  it("computes a seeded leaver's years: two sustained years in the school's sixth form", async () => {
    const seen = await readPupil(leaderNorth, seededLeaver.pupilId);
    expect(seen!.activitySpells![0]).toMatchObject({ activity: 'EDUCATION' });
    expect(seen!.destinationYears!.years.slice(0, 2).map((y) => y.reason)).toEqual([
      `Sustained: in education every month from October ${L} to March ${L + 1}`,
      `Sustained: in education every month from October ${L + 1} to March ${L + 2}`,
    ]);
  });

  it('is null for a leaver with nothing recorded', async () => {
    expect((await readPupil(leaderNorth, otherLeaver.id))!.destinationYears).toBeNull();
  });
});

describe('destinationsWorklist', () => {
  const WORKLIST = '{ destinationsWorklist { pupil { id } leavingYear status needsConsent activity lastKnownOn reason } }';
  type Entry = {
    pupil: { id: string };
    leavingYear: number;
    status: string;
    needsConsent: boolean;
    activity: string | null;
    lastKnownOn: string | null;
    reason: string;
  };
  const worklist = async (who: Principal) =>
    (await harness.client.query<{ destinationsWorklist: Entry[] | null }>(who, WORKLIST)).data?.destinationsWorklist ?? null;

  it('lists a leaver who is NEET today, with the reason, and not one in the sixth form', async () => {
    const today = todayInEngland();
    const before = await worklist(leaderNorth);
    expect(before!.some((entry) => entry.pupil.id === sixthFormer.id)).toBe(false);
    await harness.pupils.query(leaderNorth, 'mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) { error { code } } }', {
      input: { pupilId: sixthFormer.id, destinationTracking: true },
    });
    const neet = await record(leaderNorth, { pupilId: sixthFormer.id, activity: 'NEET_AVAILABLE', startsOn: today });
    expect(neet.data!.recordActivitySpell.error).toBeNull();
    const after = await worklist(leaderNorth);
    expect(after!.find((entry) => entry.pupil.id === sixthFormer.id)).toEqual({
      pupil: { id: sixthFormer.id },
      leavingYear: year11LeavingYear(sixthFormer.dateOfBirth),
      status: 'NEET',
      needsConsent: false,
      activity: 'NEET_AVAILABLE',
      lastKnownOn: null,
      reason: `Not in education, employment or training (available) since ${today}`,
    });
  });

  it("answers for every leaver with spells as the domain rule does, lists the leavers with none, and only the caller's school", async () => {
    const today = todayInEngland();
    const spells = await harness.orm.em.fork().find(ActivitySpellRow, { schoolId: northfield.id }, { orderBy: { enteredAt: 'asc', id: 'asc' } });
    const pupils = [...new Set(spells.map((spell) => spell.pupilId))];
    const expected = pupils.flatMap((id) => {
      const own = spells.filter((spell) => spell.pupilId === id);
      const followUp = followUpOf(own.at(-1)!.leavingYear, own, today);
      return followUp ? [{ pupil: { id }, leavingYear: own.at(-1)!.leavingYear, ...followUp }] : [];
    });
    const list = (await worklist(leaderNorth))!;
    const byId = (a: { pupil: { id: string } }, b: { pupil: { id: string } }) => a.pupil.id.localeCompare(b.pupil.id);
    const withSpells = list
      .filter((entry) => entry.status !== 'NOTHING_RECORDED')
      .map(({ pupil, leavingYear, activity, lastKnownOn, reason }) => ({ pupil, leavingYear, activity, lastKnownOn, reason }));
    expect(withSpells.sort(byId)).toEqual(expected.sort(byId));
    // The rest are the school's leavers it has recorded no spell for.
    const nothingRecorded = data.pupils
      .filter((p) => p.schoolId === northfield.id && p.leftOn !== null && !pupils.includes(p.id) && isFollowed(year11LeavingYear(p.dateOfBirth), today))
      .map((p) => p.id);
    expect(
      list
        .filter((entry) => entry.status === 'NOTHING_RECORDED')
        .map((entry) => entry.pupil.id)
        .sort(),
    ).toEqual(nothingRecorded.sort());
    // NEET first, then the most recent leavers.
    const keys = list.map((entry) => [entry.status === 'NEET' ? 0 : 1, -entry.leavingYear]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    const south = (await worklist(staffSouth))!;
    expect(south.some((entry) => pupils.includes(entry.pupil.id) || nothingRecorded.includes(entry.pupil.id))).toBe(false);
  });

  it('is for staff only', async () => {
    const res = await harness.client.query(leaverSelf, WORKLIST);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('sustainedSummary', () => {
  const SUMMARY = 'query ($schoolId: ID) { sustainedSummary(schoolId: $schoolId) { leavingYear year sustained notSustained tooEarly notKnown } }';
  type Count = { leavingYear: number; year: number; sustained: number; notSustained: number; tooEarly: number; notKnown: number };
  const summarise = (who: Principal, schoolId?: string) => harness.client.query<{ sustainedSummary: Count[] | null }>(who, SUMMARY, { schoolId });

  /** The same figures worked out here from the rows, leaver by leaver, with the domain's rule. */
  async function expected(filter: { schoolId?: string }): Promise<Count[]> {
    const rows = await harness.orm.em.fork().find(ActivitySpellRow, filter, { orderBy: { enteredAt: 'asc', id: 'asc' } });
    const counts = new Map<string, Count>();
    for (const pupilId of new Set(rows.map((row) => row.pupilId))) {
      const own = rows.filter((row) => row.pupilId === pupilId);
      const computed = destinationYears(own.at(-1)!.leavingYear, own, todayInEngland());
      for (const y of computed.years) {
        const key = `${computed.leavingYear}/${y.year}`;
        const count = counts.get(key) ?? { leavingYear: computed.leavingYear, year: y.year, sustained: 0, notSustained: 0, tooEarly: 0, notKnown: 0 };
        const field = ({ SUSTAINED: 'sustained', NOT_SUSTAINED: 'notSustained', TOO_EARLY: 'tooEarly', NOT_KNOWN: 'notKnown' } as const)[y.status];
        count[field] += 1;
        counts.set(key, count);
      }
    }
    return [...counts.values()].sort((a, b) => b.leavingYear - a.leavingYear || a.year - b.year);
  }

  it("counts the staff member's school's leavers by leaving year and destination year", async () => {
    const res = await summarise(leaderNorth);
    expect(res.errors).toBeUndefined();
    const want = await expected({ schoolId: northfield.id });
    expect(want.length).toBeGreaterThan(0);
    expect(res.data!.sustainedSummary).toEqual(want);
    // `leaver`'s first year is sustained, so at least one leaver of their year is counted as such.
    expect(res.data!.sustainedSummary!.find((c) => c.leavingYear === L && c.year === 1)!.sustained).toBeGreaterThan(0);
  });

  it('gives a trust analyst (figures only) the whole trust or one of its schools', async () => {
    expect((await summarise(analyst)).data!.sustainedSummary).toEqual(await expected({}));
    expect((await summarise(analyst, southbank.id)).data!.sustainedSummary).toEqual(await expected({ schoolId: southbank.id }));
  });

  it("refuses staff another school's figures, and pupils any", async () => {
    expect((await summarise(staffSouth, northfield.id)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DESTINATION_OTHER_SCHOOL' });
    expect((await summarise(leaverSelf)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
