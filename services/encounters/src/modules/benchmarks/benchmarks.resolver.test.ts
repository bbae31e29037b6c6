import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal, type SubgraphTestClient } from '@waymark/subgraph-kit/testing';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { addDays, todayInEngland } from '@waymark/domain';
import { countStatements, startHarness, type Harness } from '../../../test/harness.js';

/*
 * The engine's API on the encounters subgraph, asking the real (seeded) pupils subgraph for cohorts:
 * who may read what, registers and reflections changing a pupil's progress, staff-only notes.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;
const northPupils = data.pupils.filter((p) => p.schoolId === northfield.id && !p.leftOn && p.yearGroup !== null);
const otherNorth = northPupils.find((p) => p.id !== maya.id && p.yearGroup === maya.yearGroup)!;
const [sam] = data.volunteers;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id, displayName: 'Priya Shah' });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: maya.id });
const parent = makePrincipal({ roles: ['parent'], trustId: data.trust.id, schoolId: northfield.id, childPupilIds: [maya.id] });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id });
const pupilLevelAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const otherTrustAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID() });

let harness: Harness;
let client: SubgraphTestClient;

beforeAll(async () => {
  harness = await startHarness();
  client = harness.client;
});

afterAll(async () => {
  await harness?.close();
});

type Cell = { measure: string; yearGroup: number | null; group: string | null; eligible: number; met: number; inProgress: number; notMet: number };
const DASHBOARD = `query ($schoolId: ID, $group: VulnerableGroup, $yearGroup: Int, $asOf: String) {
  schoolDashboard(schoolId: $schoolId, group: $group, yearGroup: $yearGroup, asOf: $asOf) {
    asOf academicYear pupilCount school { id }
    cells { measure yearGroup group eligible met inProgress notMet }
    groupCells { measure yearGroup group eligible met inProgress notMet }
    workExperience { yearGroup pupils averageHours reachedTarget }
  }
}`;
type Dashboard = {
  schoolDashboard: {
    asOf: string;
    pupilCount: number;
    school: { id: string };
    cells: Cell[];
    groupCells: Cell[];
    workExperience: { yearGroup: number; pupils: number }[];
  };
};

const PROGRESS = `query ($id: ID!) { _entities(representations: [{ __typename: "Pupil", id: $id }]) { ... on Pupil {
  benchmarkProgress { yearGroup measures { measure state count needed detail evidence { title counts reason encounterId ownActivityId reflection } } workExperience { hoursTotal days } }
} } }`;
type Progress = {
  _entities: {
    benchmarkProgress: {
      yearGroup: number;
      measures: {
        measure: string;
        state: string;
        count: number;
        detail: string;
        evidence: { title: string; counts: boolean; reason: string | null; encounterId: string | null; ownActivityId: string | null }[];
      }[];
      workExperience: { hoursTotal: number };
    } | null;
  }[];
};
const progressOf = async (who: ReturnType<typeof makePrincipal>, id = maya.id) => {
  const res = await client.query<Progress>(who, PROGRESS, { id });
  return { res, progress: res.data?._entities[0]?.benchmarkProgress ?? null };
};
const measure = (progress: NonNullable<Progress['_entities'][0]['benchmarkProgress']>, key: string) => progress.measures.find((m) => m.measure === key)!;

describe('schoolDashboard', () => {
  it('counts every pupil on roll once per measure, by year group and in total', async () => {
    const res = await client.query<Dashboard>(leaderNorth, DASHBOARD, {});
    expect(res.errors).toBeUndefined();
    const board = res.data!.schoolDashboard;
    expect(board.school.id).toBe(northfield.id);
    expect(board.asOf).toBe(todayInEngland());
    expect(board.pupilCount).toBe(northPupils.length);
    const b5 = board.cells.filter((c) => c.measure === 'B5_EMPLOYERS');
    const total = b5.find((c) => c.yearGroup === null)!;
    expect(total.eligible).toBe(northPupils.length);
    expect(total.met + total.inProgress + total.notMet).toBe(total.eligible);
    for (let year = 7; year <= 13; year += 1) {
      expect(b5.find((c) => c.yearGroup === year)!.eligible).toBe(northPupils.filter((p) => p.yearGroup === year).length);
    }
    // Years 7–11 never count for a "by 18" measure.
    const b8by18 = board.cells.filter((c) => c.measure === 'B8_BY_18' && c.yearGroup !== null && c.yearGroup <= 11);
    expect(b8by18.every((c) => c.eligible === 0)).toBe(true);
  });

  it('narrows to a vulnerable group, and crosses every measure with each group', async () => {
    const disadvantaged = northPupils.filter((p) => p.flags.disadvantaged);
    const res = await client.query<Dashboard>(leaderNorth, DASHBOARD, { group: 'DISADVANTAGED' });
    expect(res.errors).toBeUndefined();
    const total = res.data!.schoolDashboard.cells.find((c) => c.measure === 'B2_LMI' && c.yearGroup === null)!;
    expect(total.eligible).toBe(disadvantaged.length);
    const crossed = res.data!.schoolDashboard.groupCells.find((c) => c.measure === 'B2_LMI' && c.group === 'DISADVANTAGED')!;
    expect(crossed.eligible).toBe(disadvantaged.length);
    expect(crossed.met).toBe(total.met);
  });

  it("is the caller's own school for staff, any school of the trust for analysts, and forbidden otherwise", async () => {
    const other = await client.query(leaderNorth, DASHBOARD, { schoolId: southbank.id });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const trust = await client.query<Dashboard>(analyst, DASHBOARD, { schoolId: southbank.id });
    expect(trust.errors).toBeUndefined();
    expect(trust.data!.schoolDashboard.school.id).toBe(southbank.id);
    const outsider = await client.query(otherTrustAnalyst, DASHBOARD, { schoolId: southbank.id });
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const who of [pupil, parent, volunteer]) {
      const res = await client.query(who, DASHBOARD, {});
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('rounds vulnerable-group figures to the nearest 5 for analysts without pupil-level access, and only those', async () => {
    const ROUNDED = DASHBOARD.replace('workExperience {', 'groupFiguresRounded workExperience {');
    type Rounded = { schoolDashboard: Dashboard['schoolDashboard'] & { groupFiguresRounded: boolean } };
    const ask = (who: typeof analyst, group?: string) => client.query<Rounded>(who, ROUNDED, { schoolId: northfield.id, ...(group ? { group } : {}) });
    const [exact, plain, filtered, staff] = await Promise.all([
      ask(pupilLevelAnalyst, 'DISADVANTAGED'),
      ask(analyst),
      ask(analyst, 'DISADVANTAGED'),
      ask(leaderNorth, 'DISADVANTAGED'),
    ]);
    const figures = (cells: Cell[]) => cells.flatMap((c) => [c.eligible, c.met, c.inProgress, c.notMet]);
    // The unrounded truth has figures that are not multiples of 5, so rounding is visible.
    expect(figures(exact.data!.schoolDashboard.groupCells).some((n) => n % 5 !== 0)).toBe(true);
    expect(exact.data!.schoolDashboard.groupFiguresRounded).toBe(false);
    expect(staff.data!.schoolDashboard).toMatchObject({
      groupFiguresRounded: false,
      cells: exact.data!.schoolDashboard.cells,
      groupCells: exact.data!.schoolDashboard.groupCells,
    });
    // Without pupil-level access: whole year groups exact, every group figure a multiple of 5 near the truth.
    expect(plain.data!.schoolDashboard.groupFiguresRounded).toBe(true);
    const truthAll = await ask(pupilLevelAnalyst);
    expect(plain.data!.schoolDashboard.cells).toEqual(truthAll.data!.schoolDashboard.cells);
    expect(plain.data!.schoolDashboard.pupilCount).toBe(truthAll.data!.schoolDashboard.pupilCount);
    const roundedGroups = figures(plain.data!.schoolDashboard.groupCells);
    expect(roundedGroups.every((n) => n % 5 === 0)).toBe(true);
    figures(truthAll.data!.schoolDashboard.groupCells).forEach((n, i) => expect(Math.abs(roundedGroups[i] - n)).toBeLessThanOrEqual(2));
    // Filtered by a group, everything is about the group: all rounded, the pupil count and work experience too.
    const board = filtered.data!.schoolDashboard;
    expect([...figures(board.cells), board.pupilCount, ...board.workExperience.map((w) => w.pupils)].every((n) => n % 5 === 0)).toBe(true);
  });

  it('refuses a malformed as-of day', async () => {
    const res = await client.query(leaderNorth, DASHBOARD, { asOf: '2026-02-30' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('uses the same number of statements for a school and a single year group, computed and then stored', async () => {
    // Nothing stored (dashboard-answers.ts): the stored answer looked for, the buckets summed, the engine, the answer stored, older days pruned.
    await harness.orm.em.fork().getConnection().execute('delete from dashboard_answer');
    const all = await countStatements(harness.orm, () => client.query(leaderNorth, DASHBOARD, {}));
    const one = await countStatements(harness.orm, () => client.query(leaderNorth, DASHBOARD, { yearGroup: 7 }));
    expect(all.result.errors).toBeUndefined();
    expect(all.statements.length).toBe(one.statements.length);
    expect(all.statements.length).toBe(5);
    // Stored: one statement each.
    const allAgain = await countStatements(harness.orm, () => client.query(leaderNorth, DASHBOARD, {}));
    const oneAgain = await countStatements(harness.orm, () => client.query(leaderNorth, DASHBOARD, { yearGroup: 7 }));
    expect([allAgain.statements.length, oneAgain.statements.length]).toEqual([1, 1]);
    expect(allAgain.result).toEqual(all.result);
    expect(oneAgain.result).toEqual(one.result);
  });

  it("says whether the caller may list the school's pupils within the same request: one call to the pupils subgraph, one statement", async () => {
    const WITH_LISTS = DASHBOARD.replace('workExperience {', 'canListPupils workExperience {');
    const GAPS = 'query ($schoolId: ID) { benchmarkGaps(measure: B5_EMPLOYERS, schoolId: $schoolId, first: 1) { totalCount } }';
    const staff = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId: data.trust.id });
    const cases: [string, ReturnType<typeof makePrincipal>, string | null, boolean][] = [
      ['a careers leader', leaderNorth, null, true],
      ['staff', staff, null, true],
      ['an analyst with pupil-level access', pupilLevelAnalyst, northfield.id, true],
      ['an analyst without it', analyst, northfield.id, false],
    ];
    // The school's answer for today stored first (by whoever asks), so each request below reads it.
    await client.query(leaderNorth, WITH_LISTS, {});
    for (const [who, principal, schoolId, expected] of cases) {
      const before = harness.pupilsRequests();
      const { result, statements } = await countStatements(harness.orm, () =>
        client.query<{ schoolDashboard: { canListPupils: boolean } }>(principal, WITH_LISTS, schoolId ? { schoolId } : {}),
      );
      expect(result.errors, who).toBeUndefined();
      expect({ who, canListPupils: result.data!.schoolDashboard.canListPupils }).toEqual({ who, canListPupils: expected });
      expect({ who, statements: statements.length, pupilsCalls: harness.pupilsRequests() - before }).toEqual({ who, statements: 1, pupilsCalls: 1 });
      // The same answer the gap list itself gives that caller.
      const gaps = await client.query<{ benchmarkGaps: { totalCount: number } | null }>(principal, GAPS, schoolId ? { schoolId } : {});
      expect({ who, listed: gaps.data?.benchmarkGaps != null, code: gaps.errors?.[0].extensions?.code ?? null }).toEqual({
        who,
        listed: expected,
        code: expected ? null : 'FORBIDDEN',
      });
    }
  });
});

describe('trustDashboard', () => {
  const TRUST = '{ trustDashboard { pupilCount schools { school { id } pupilCount cells { measure eligible met } } totals { measure eligible met } } }';
  type Trust = {
    trustDashboard: {
      pupilCount: number;
      schools: { school: { id: string }; pupilCount: number; cells: { measure: string; eligible: number; met: number }[] }[];
      totals: { measure: string; eligible: number; met: number }[];
    };
  };

  it('gives analysts each school of their trust, adding up to the totals', async () => {
    const res = await client.query<Trust>(analyst, TRUST);
    expect(res.errors).toBeUndefined();
    const board = res.data!.trustDashboard;
    expect(board.schools.map((s) => s.school.id).sort()).toEqual([northfield.id, southbank.id].sort());
    expect(board.pupilCount).toBe(board.schools.reduce((sum, s) => sum + s.pupilCount, 0));
    const metB5 = (cells: { measure: string; met: number }[]) => cells.find((c) => c.measure === 'B5_EMPLOYERS')!.met;
    expect(metB5(board.totals)).toBe(board.schools.reduce((sum, s) => sum + metB5(s.cells), 0));
  });

  it("rounds a vulnerable group's figures for analysts without pupil-level access", async () => {
    const GROUPED = `{ trustDashboard(group: EAL) { groupFiguresRounded pupilCount schools { pupilCount cells { eligible met inProgress notMet } } totals { eligible met inProgress notMet } } }`;
    type Grouped = { trustDashboard: { groupFiguresRounded: boolean; pupilCount: number; schools: { pupilCount: number; cells: Cell[] }[]; totals: Cell[] } };
    const figures = (board: Grouped['trustDashboard']) => [
      board.pupilCount,
      ...board.schools.flatMap((s) => [s.pupilCount, ...s.cells.flatMap((c) => [c.eligible, c.met, c.inProgress, c.notMet])]),
      ...board.totals.flatMap((c) => [c.eligible, c.met, c.inProgress, c.notMet]),
    ];
    const [rounded, exact, unfiltered] = await Promise.all([
      client.query<Grouped>(analyst, GROUPED),
      client.query<Grouped>(pupilLevelAnalyst, GROUPED),
      client.query<{ trustDashboard: { groupFiguresRounded: boolean } }>(analyst, '{ trustDashboard { groupFiguresRounded } }'),
    ]);
    expect(rounded.data!.trustDashboard.groupFiguresRounded).toBe(true);
    expect(exact.data!.trustDashboard.groupFiguresRounded).toBe(false);
    expect(unfiltered.data!.trustDashboard.groupFiguresRounded).toBe(false);
    expect(figures(exact.data!.trustDashboard).some((n) => n % 5 !== 0)).toBe(true);
    const roundedFigures = figures(rounded.data!.trustDashboard);
    expect(roundedFigures.every((n) => n % 5 === 0)).toBe(true);
    figures(exact.data!.trustDashboard).forEach((n, i) => expect(Math.abs(roundedFigures[i] - n)).toBeLessThanOrEqual(2));
  });

  it("is for trust analysts only, and empty for another trust's", async () => {
    expect((await client.query(leaderNorth, TRUST)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const other = await client.query<Trust>(otherTrustAnalyst, TRUST);
    expect(other.data!.trustDashboard.schools).toEqual([]);
  });
});

describe('benchmarkGaps', () => {
  const GAPS = `query ($measure: BenchmarkMeasure!, $yearGroup: Int, $schoolId: ID, $after: String) {
    benchmarkGaps(measure: $measure, yearGroup: $yearGroup, schoolId: $schoolId, first: 5, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { pupil { id } yearGroup state detail } }
    }
  }`;
  type Gaps = {
    benchmarkGaps: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: { pupil: { id: string }; yearGroup: number; state: string; detail: string } }[];
    };
  };

  it("lists the pupils missing out, page by page, matching the dashboard's count", async () => {
    const board = await client.query<Dashboard>(leaderNorth, DASHBOARD, {});
    const cell = board.data!.schoolDashboard.cells.find((c) => c.measure === 'B8_BY_16' && c.yearGroup === 11)!;
    const seen = new Set<string>();
    let after: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof client.query<Gaps>>> = await client.query<Gaps>(leaderNorth, GAPS, { measure: 'B8_BY_16', yearGroup: 11, after });
      expect(res.errors).toBeUndefined();
      expect(res.data!.benchmarkGaps.totalCount).toBe(cell.notMet + cell.inProgress);
      for (const { node } of res.data!.benchmarkGaps.edges) {
        expect(node.yearGroup).toBe(11);
        expect(node.state).not.toBe('MET');
        seen.add(node.pupil.id);
      }
      after = res.data!.benchmarkGaps.pageInfo.hasNextPage ? res.data!.benchmarkGaps.pageInfo.endCursor : null;
    } while (after);
    expect(seen.size).toBe(cell.notMet + cell.inProgress);
  });

  it("refuses a cursor it did not give out as the caller's mistake", async () => {
    const cursor = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    for (const after of [cursor([-1]), cursor(['5']), cursor([5, 6]), cursor([1e300]), 'not a cursor!']) {
      const res = await client.query<Gaps>(leaderNorth, GAPS, { measure: 'B8_BY_16', yearGroup: 11, after });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('needs pupil-level access for analysts', async () => {
    expect((await client.query(analyst, GAPS, { measure: 'B5_EMPLOYERS', schoolId: northfield.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await client.query(pupilLevelAnalyst, GAPS, { measure: 'B5_EMPLOYERS', schoolId: northfield.id })).errors).toBeUndefined();
  });
});

describe("a pupil's progress", () => {
  it('is readable by the pupil, a linked parent, staff of the current school and analysts with pupil-level access', async () => {
    for (const who of [pupil, parent, leaderNorth, pupilLevelAnalyst]) {
      const { res, progress } = await progressOf(who);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(progress!.yearGroup).toBe(maya.yearGroup);
      expect(progress!.measures).toHaveLength(12);
    }
  });

  it('is hidden from volunteers, analysts without pupil-level access and other pupils; staff of another school get nothing', async () => {
    // The pupil does not even resolve for them here (nor in the pupils subgraph).
    for (const [who, id] of [
      [volunteer, maya.id],
      [analyst, maya.id],
      [pupil, otherNorth.id],
    ] as const) {
      const { res } = await progressOf(who, id);
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual([null]);
    }
    const south = await progressOf(leaderSouth);
    expect(south.res.errors).toBeUndefined();
    expect(south.progress).toBeNull();
  });

  it('moves when a register, a reflection and a verified activity land', async () => {
    const before = (await progressOf(pupil)).progress!;
    const b6Before = measure(before, 'B6_BY_16').count;

    // A meaningful workplace visit this year: created, Maya invited by year group, marked present.
    const created = await client.query<{ createEncounter: { encounter: { id: string; checklistMet: boolean } | null; error: unknown } }>(
      leaderNorth,
      `mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id checklistMet } error { code message fields { field message } } } }`,
      {
        input: {
          kind: 'WORKPLACE_VISIT',
          title: 'Hospital visit',
          date: new Date(Date.now() - 86_400_000).toISOString(),
          hours: 4,
          inSchoolDay: true,
          yearGroups: [maya.yearGroup],
          register: [],
          checklist: {
            purposeShared: true,
            learningOutcomes: true,
            twoWayInteraction: true,
            reflectionTime: true,
            staffInteraction: true,
            rangeOfPeople: true,
            employerTask: true,
            employerFeedback: true,
          },
        },
      },
    );
    expect(created.data!.createEncounter.error).toBeNull();
    const encounterId = created.data!.createEncounter.encounter!.id;
    expect(created.data!.createEncounter.encounter!.checklistMet).toBe(true);
    const invited = await client.query<{ inviteToEncounter: { added: number; error: unknown } }>(
      leaderNorth,
      'mutation ($input: InviteInput!) { inviteToEncounter(input: $input) { added error { code message } } }',
      { input: { encounterId, yearGroups: [maya.yearGroup] } },
    );
    expect(invited.data!.inviteToEncounter).toEqual({ added: northPupils.filter((p) => p.yearGroup === maya.yearGroup).length, error: null });
    const marked = await client.query<{ markAttendance: { changed: number; error: unknown } }>(
      leaderNorth,
      'mutation ($input: MarkAttendanceInput!) { markAttendance(input: $input) { changed error { code } } }',
      { input: { encounterId, pupilIds: [maya.id], attended: true } },
    );
    expect(marked.data!.markAttendance).toEqual({ changed: 1, error: null });

    // Attended but no reflection yet: listed, not counted, with the reason.
    const attended = (await progressOf(pupil)).progress!;
    const pending = measure(attended, 'B6_BY_16').evidence.find((e) => e.encounterId === encounterId)!;
    expect(pending).toMatchObject({ counts: false, reason: expect.stringContaining('reflection') });
    expect(measure(attended, 'B6_BY_16').count).toBe(b6Before);

    // Maya reflects; now it counts.
    const rows = await client.query<{ _entities: { participations: { id: string; encounter: { id: string } }[] }[] }>(
      pupil,
      `query ($id: ID!) { _entities(representations: [{ __typename: "Pupil", id: $id }]) { ... on Pupil { participations { id encounter { id } } } } }`,
      { id: maya.id },
    );
    const row = rows.data!._entities[0].participations.find((p) => p.encounter.id === encounterId)!;
    const reflected = await client.query<{ recordReflection: { participation: { meaningful: boolean; reflection: string } | null; error: unknown } }>(
      pupil,
      'mutation ($input: RecordReflectionInput!) { recordReflection(input: $input) { participation { meaningful reflection } error { code } } }',
      { input: { participationId: row.id, reflection: 'Nurses and porters work together more than I thought.' } },
    );
    expect(reflected.data!.recordReflection).toEqual({
      participation: { meaningful: true, reflection: 'Nurses and porters work together more than I thought.' },
      error: null,
    });
    const after = (await progressOf(pupil)).progress!;
    expect(measure(after, 'B6_BY_16').count).toBe(b6Before + 1);
    expect(measure(after, 'B6_BY_16').evidence.find((e) => e.encounterId === encounterId)).toMatchObject({ counts: true, reason: null });
    expect(after.workExperience.hoursTotal).toBeGreaterThanOrEqual(4);

    // Another pupil cannot reflect on Maya's row; staff of another school cannot mark this register.
    const stranger = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: otherNorth.id });
    const refused = await client.query<{ recordReflection: { error: { code: string } | null } }>(
      stranger,
      'mutation ($input: RecordReflectionInput!) { recordReflection(input: $input) { error { code } } }',
      { input: { participationId: row.id, reflection: 'Not mine' } },
    );
    expect(refused.data!.recordReflection.error?.code).toBe('PARTICIPATION_NOT_FOUND');
    const southMark = await client.query<{ markAttendance: { error: { code: string } | null } }>(
      leaderSouth,
      'mutation ($input: MarkAttendanceInput!) { markAttendance(input: $input) { error { code } } }',
      { input: { encounterId, pupilIds: [maya.id], attended: false } },
    );
    expect(southMark.data!.markAttendance.error?.code).toBe('ENCOUNTER_NOT_FOUND');
  });

  it("counts a talk for every pupil who attended once the school records the group's reflection time, and says which reflection applied", async () => {
    const before = (await progressOf(pupil)).progress!;
    const b5Before = measure(before, 'B5_EMPLOYERS').count;
    const yesterday = new Date(Date.now() - 86_400_000);
    const created = await client.query<{ createEncounter: { encounter: { id: string } | null; error: unknown } }>(
      leaderNorth,
      'mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } error { code message } } }',
      {
        input: {
          kind: 'EMPLOYER_TALK',
          title: 'Engineers at work',
          date: yesterday.toISOString(),
          hours: 1,
          inSchoolDay: true,
          yearGroups: [maya.yearGroup],
          register: [],
          checklist: { purposeShared: true, learningOutcomes: true, twoWayInteraction: true, reflectionTime: true },
        },
      },
    );
    expect(created.data!.createEncounter.error).toBeNull();
    const encounterId = created.data!.createEncounter.encounter!.id;
    await client.query(leaderNorth, 'mutation ($input: InviteInput!) { inviteToEncounter(input: $input) { added } }', {
      input: { encounterId, pupilIds: [maya.id, otherNorth.id] },
    });
    await client.query(leaderNorth, 'mutation ($input: MarkAttendanceInput!) { markAttendance(input: $input) { changed } }', {
      input: { encounterId, pupilIds: [maya.id], attended: true },
    });
    const RECORD = 'mutation ($input: RecordGroupReflectionInput!) { recordGroupReflection(input: $input) { recorded error { code fields { field } } } }';
    const record = (who: Principal, on: string) =>
      client.query<{ recordGroupReflection: { recorded: number; error: { code: string; fields: { field: string }[] } | null } }>(who, RECORD, {
        input: { encounterId, on },
      });

    // Not another school's, not before the talk, not in the future, not a made-up day.
    expect((await record(leaderSouth, todayInEngland())).data!.recordGroupReflection.error?.code).toBe('ENCOUNTER_NOT_FOUND');
    for (const on of [addDays(todayInEngland(), -3), addDays(todayInEngland(), 1), '2026-02-30']) {
      expect((await record(leaderNorth, on)).data!.recordGroupReflection.error).toMatchObject({ code: 'REFLECTION_DAY_INVALID', fields: [{ field: 'on' }] });
    }
    expect(measure((await progressOf(pupil)).progress!, 'B5_EMPLOYERS').count).toBe(b5Before);

    // Recorded once for the whole register: only the pupil who attended gets it, and again changes nothing.
    expect((await record(leaderNorth, todayInEngland())).data!.recordGroupReflection).toEqual({ recorded: 1, error: null });
    expect((await record(leaderNorth, todayInEngland())).data!.recordGroupReflection).toEqual({ recorded: 0, error: null });
    const after = (await progressOf(pupil)).progress!;
    expect(measure(after, 'B5_EMPLOYERS').count).toBe(b5Before + 1);
    expect(measure(after, 'B5_EMPLOYERS').evidence.find((e) => e.encounterId === encounterId)).toMatchObject({ counts: true, reflection: 'GROUP' });
    const absent = await client.query<{
      _entities: { participations: { encounter: { id: string }; meaningful: boolean; groupReflectionOn: string | null }[] }[];
    }>(
      leaderNorth,
      'query ($id: ID!) { _entities(representations: [{ __typename: "Pupil", id: $id }]) { ... on Pupil { participations { encounter { id } meaningful groupReflectionOn } } } }',
      { id: otherNorth.id },
    );
    expect(absent.data!._entities[0].participations.find((p) => p.encounter.id === encounterId)).toMatchObject({ meaningful: false, groupReflectionOn: null });
  });

  it('counts a part-time job for Benchmark 5 only once staff verify it', async () => {
    const job = data.ownActivities.find((a) => a.pupilId === maya.id && a.kind === 'PART_TIME_JOB')!;
    const before = (await progressOf(pupil)).progress!;
    const jobEvidence = (p: typeof before) => measure(p, 'B5_EMPLOYERS').evidence.find((e) => e.ownActivityId === job.id);
    expect(jobEvidence(before)).toBeUndefined();
    const waiting = await client.query<{ activitiesToVerify: { id: string; pupil: { id: string } }[] }>(
      leaderNorth,
      '{ activitiesToVerify { id pupil { id } } }',
    );
    expect(waiting.data!.activitiesToVerify.map((a) => a.id)).toContain(job.id);
    expect((await client.query(leaderSouth, '{ activitiesToVerify { id } }')).data).toEqual({
      activitiesToVerify: expect.not.arrayContaining([expect.objectContaining({ id: job.id })]),
    });
    const verified = await client.query<{ verifyOwnActivity: { activity: { status: string; decidedBy: string } | null } }>(
      leaderNorth,
      'mutation ($id: ID!) { verifyOwnActivity(id: $id) { activity { status decidedBy } } }',
      { id: job.id },
    );
    expect(verified.data!.verifyOwnActivity.activity).toEqual({ status: 'VERIFIED', decidedBy: 'Priya Shah' });
    const after = (await progressOf(pupil)).progress!;
    expect(jobEvidence(after)).toMatchObject({ counts: true });
    expect(measure(after, 'B5_EMPLOYERS').state).toBe('MET');
  });

  it('is one statement, states with their evidence, for every pupil asked about in a request', async () => {
    // After the tests above, Maya has evidence (a register, a reflection, a verified job).
    const asked = [maya, ...northPupils.filter((p) => p.id !== maya.id).slice(0, 4)];
    const ids = asked.map((p) => p.id);
    const MANY = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Pupil { id benchmarkProgress { yearGroup measures { measure count evidence { title counts } } } } } }`;
    type Many = {
      _entities: {
        id: string;
        benchmarkProgress: { yearGroup: number; measures: { measure: string; count: number; evidence: { counts: boolean }[] }[] } | null;
      }[];
    };
    const { result, statements } = await countStatements(harness.orm, () =>
      client.query<Many>(leaderNorth, MANY, { reps: ids.map((id) => ({ __typename: 'Pupil', id })) }),
    );
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    const entities = result.data!._entities;
    expect(entities.map((e) => e.id)).toEqual(ids);
    entities.forEach((e, i) => expect(e.benchmarkProgress!.yearGroup).toBe(asked[i].yearGroup));
    // Each pupil's evidence is their own: asked alone, every pupil gets the same progress.
    for (const entity of entities.slice(0, 2)) {
      const alone = await client.query<Many>(leaderNorth, MANY, { reps: [{ __typename: 'Pupil', id: entity.id }] });
      expect(alone.data!._entities[0]).toEqual(entity);
    }
    expect(entities[0].benchmarkProgress!.measures.some((m) => m.evidence.some((item) => item.counts))).toBe(true);
  });
});

describe('registers from a CSV', () => {
  const IMPORT =
    'mutation ($input: ImportRegisterInput!) { importRegister(input: $input) { added changed unchanged rejected { line upn reason } error { code message } } }';
  type Imported = {
    importRegister: {
      added: number;
      changed: number;
      unchanged: number;
      rejected: { line: number; upn: string | null; reason: string }[];
      error: { code: string } | null;
    };
  };
  const newEncounter = async () => {
    const res = await client.query<{ createEncounter: { encounter: { id: string } } }>(
      leaderNorth,
      'mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } } }',
      {
        input: {
          kind: 'EMPLOYER_TALK',
          title: 'Register import talk',
          date: new Date().toISOString(),
          hours: 1,
          inSchoolDay: true,
          yearGroups: [10],
          register: [],
        },
      },
    );
    return res.data!.createEncounter.encounter.id;
  };
  const registerOf = async (encounterId: string) => {
    const res = await client.query<{ encounter: { participations: { attended: boolean; pupil: { id: string } }[] } }>(
      leaderNorth,
      'query ($id: ID!) { encounter(id: $id) { participations { attended pupil { id } } } }',
      { id: encounterId },
    );
    return res.data!.encounter.participations;
  };
  const [a, b, c] = northPupils;

  it('saves nothing when any row is wrong, and lists every problem with its line', async () => {
    const encounterId = await newEncounter();
    const csv = `UPN,Attended\r\n${a.upn},yes\r\n${b.upn},maybe\r\nZ999999999999,no\r\n${a.upn},no\r\n`;
    const res = await client.query<Imported>(leaderNorth, IMPORT, { input: { encounterId, csv } });
    expect(res.data!.importRegister.error?.code).toBe('REGISTER_INVALID');
    expect(res.data!.importRegister.rejected.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(res.data!.importRegister.rejected[0].reason).toContain('not yes, no or declined');
    expect(await registerOf(encounterId)).toEqual([]);
  });

  it('adds and marks the pupils, and changes nothing when imported again', async () => {
    const encounterId = await newEncounter();
    const csv = `\uFEFF"Pupil UPN","Attended"\n${a.upn},Y\n${b.upn},absent\n${c.upn},present\n`;
    const first = await client.query<Imported>(leaderNorth, IMPORT, { input: { encounterId, csv } });
    expect(first.data!.importRegister).toMatchObject({ added: 3, changed: 0, unchanged: 0, rejected: [], error: null });
    const again = await client.query<Imported>(leaderNorth, IMPORT, { input: { encounterId, csv } });
    expect(again.data!.importRegister).toMatchObject({ added: 0, changed: 0, unchanged: 3, error: null });
    const register = await registerOf(encounterId);
    expect(
      register
        .filter((r) => r.attended)
        .map((r) => r.pupil.id)
        .sort(),
    ).toEqual([a.id, c.id].sort());
  });
});

describe('personal guidance', () => {
  const MEETINGS = `query ($id: ID!) { _entities(representations: [{ __typename: "Pupil", id: $id }]) { ... on Pupil { guidanceMeetings { id adviserName adviserLevel notes agreedActions { id text doneAt } } } } }`;
  type Meetings = {
    _entities: {
      guidanceMeetings:
        { id: string; adviserName: string; notes: string | null; agreedActions: { id: string; text: string; doneAt: string | null }[] }[] | null;
    }[];
  };

  it("keeps the adviser's notes for staff and shows the agreed actions to the pupil and parent", async () => {
    const recorded = await client.query<{ recordGuidanceMeeting: { meeting: { id: string; notes: string } | null; error: unknown } }>(
      leaderNorth,
      'mutation ($input: RecordGuidanceMeetingInput!) { recordGuidanceMeeting(input: $input) { meeting { id notes } error { code message fields { field message } } } }',
      {
        input: {
          pupilId: maya.id,
          date: new Date().toISOString(),
          adviserName: 'Dana Whitfield',
          adviserLevel: 6,
          notes: 'Private: discussed a worry at home.',
          actions: [{ text: 'Visit the college open evening', dueOn: '2027-01-20' }],
        },
      },
    );
    expect(recorded.data!.recordGuidanceMeeting.error).toBeNull();
    const meetingId = recorded.data!.recordGuidanceMeeting.meeting!.id;

    const staffView = await client.query<Meetings>(leaderNorth, MEETINGS, { id: maya.id });
    expect(staffView.data!._entities[0].guidanceMeetings!.find((m) => m.id === meetingId)!.notes).toBe('Private: discussed a worry at home.');
    for (const who of [pupil, parent, pupilLevelAnalyst]) {
      const view = await client.query<Meetings>(who, MEETINGS, { id: maya.id });
      expect(view.errors).toBeUndefined();
      const meetings = view.data!._entities[0].guidanceMeetings!;
      expect(meetings.length).toBeGreaterThan(0);
      expect(meetings.every((m) => m.notes === null)).toBe(true);
      expect(meetings.find((m) => m.id === meetingId)!.agreedActions.map((a) => a.text)).toEqual(['Visit the college open evening']);
    }
    const volunteerView = await client.query<Meetings>(volunteer, MEETINGS, { id: maya.id });
    expect(volunteerView.data?._entities[0]?.guidanceMeetings ?? []).toEqual([]);

    // The pupil ticks the action off.
    const actionId = staffView.data!._entities[0].guidanceMeetings!.find((m) => m.id === meetingId)!.agreedActions[0].id;
    const done = await client.query<{ setAgreedActionDone: { action: { doneAt: string | null } | null } }>(
      pupil,
      'mutation ($id: ID!) { setAgreedActionDone(id: $id, done: true) { action { doneAt } } }',
      { id: actionId },
    );
    expect(done.data!.setAgreedActionDone.action!.doneAt).not.toBeNull();
  });

  it("never shows a classmate's upcoming guidance meeting among a pupil's upcoming encounters", async () => {
    const soon = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const recorded = await client.query<{ recordGuidanceMeeting: { meeting: { id: string } | null } }>(
      leaderNorth,
      'mutation ($input: RecordGuidanceMeetingInput!) { recordGuidanceMeeting(input: $input) { meeting { id } } }',
      { input: { pupilId: otherNorth.id, date: soon, adviserName: 'Dana Whitfield', adviserLevel: 6 } },
    );
    const meetingId = recorded.data!.recordGuidanceMeeting.meeting!.id;
    const UPCOMING = `query ($id: ID!) { _entities(representations: [{ __typename: "Pupil", id: $id }]) { ... on Pupil { upcomingEncounters { id } } } }`;
    const mine = await client.query<{ _entities: { upcomingEncounters: { id: string }[] }[] }>(pupil, UPCOMING, { id: maya.id });
    expect(mine.errors).toBeUndefined();
    expect(mine.data!._entities[0].upcomingEncounters.map((e) => e.id)).not.toContain(meetingId);
    const stranger = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: otherNorth.id });
    const theirs = await client.query<{ _entities: { upcomingEncounters: { id: string }[] }[] }>(stranger, UPCOMING, { id: otherNorth.id });
    expect(theirs.data!._entities[0].upcomingEncounters.map((e) => e.id)).toContain(meetingId);
  });

  it("moves today's talk out of Coming up once it has started and the pupil is marked as there (it waits for their reflection instead)", async () => {
    const UPCOMING = `query ($id: ID!) { _entities(representations: [{ __typename: "Pupil", id: $id }]) { ... on Pupil { upcomingEncounters { id } } } }`;
    const upcoming = async () =>
      (
        await client.query<{ _entities: { upcomingEncounters: { id: string }[] }[] }>(pupil, UPCOMING, { id: maya.id })
      ).data!._entities[0].upcomingEncounters.map((e) => e.id);
    // Started a moment ago, today.
    const earlierToday = new Date(Date.now() - 1000);
    const created = await client.query<{ createEncounter: { encounter: { id: string } | null } }>(
      leaderNorth,
      'mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } } }',
      {
        input: {
          kind: 'EMPLOYER_TALK',
          title: 'Talk earlier today',
          date: earlierToday.toISOString(),
          hours: 1,
          inSchoolDay: true,
          yearGroups: [maya.yearGroup],
          register: [{ pupilId: maya.id, attended: false }],
          checklist: {},
        },
      },
    );
    const encounterId = created.data!.createEncounter.encounter!.id;
    expect(await upcoming()).toContain(encounterId);
    await client.query(leaderNorth, 'mutation ($input: MarkAttendanceInput!) { markAttendance(input: $input) { changed } }', {
      input: { encounterId, pupilIds: [maya.id], attended: true },
    });
    expect(await upcoming()).not.toContain(encounterId);
  });

  it('refuses a meeting for a pupil of another school, and a missing adviser level', async () => {
    const other = await client.query<{ recordGuidanceMeeting: { error: { code: string } | null } }>(
      leaderSouth,
      'mutation ($input: RecordGuidanceMeetingInput!) { recordGuidanceMeeting(input: $input) { error { code } } }',
      { input: { pupilId: maya.id, date: new Date().toISOString(), adviserName: 'X', adviserLevel: 6 } },
    );
    expect(other.data!.recordGuidanceMeeting.error?.code).toBe('PUPIL_NOT_FOUND');
    const bad = await client.query<{ recordGuidanceMeeting: { error: { code: string; fields: { field: string }[] } | null } }>(
      leaderNorth,
      'mutation ($input: RecordGuidanceMeetingInput!) { recordGuidanceMeeting(input: $input) { error { code fields { field } } } }',
      { input: { pupilId: maya.id, date: new Date().toISOString(), adviserName: 'X', adviserLevel: 12 } },
    );
    expect(bad.data!.recordGuidanceMeeting.error).toMatchObject({ code: 'GUIDANCE_INVALID', fields: [{ field: 'adviserLevel' }] });
  });
});

describe('provider encounters in Years 12–13: offered and declined', () => {
  const sixthFormer = northPupils.find((p) => p.yearGroup === 12)!;
  const year10 = northPupils.find((p) => p.yearGroup === 10)!;
  const MARK = 'mutation ($input: MarkAttendanceInput!) { markAttendance(input: $input) { changed error { code message } } }';
  type Marked = { markAttendance: { changed: number; error: { code: string; message: string } | null } };
  const REGISTER = 'query ($id: ID!) { encounter(id: $id) { participations { attended declined pupil { id } } } }';
  type Register = { encounter: { participations: { attended: boolean; declined: boolean; pupil: { id: string } }[] } };
  const rowOf = async (encounterId: string, pupilId: string) =>
    (await client.query<Register>(leaderNorth, REGISTER, { id: encounterId })).data!.encounter.participations.find((p) => p.pupil.id === pupilId)!;

  const createEncounter = async (kind: string, title: string) => {
    const created = await client.query<{ createEncounter: { encounter: { id: string } | null; error: unknown } }>(
      leaderNorth,
      'mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } error { code message } } }',
      {
        input: {
          kind,
          title,
          date: new Date(Date.now() - 86_400_000).toISOString(),
          hours: 1,
          inSchoolDay: true,
          yearGroups: [10, 12],
          register: [sixthFormer.id, year10.id].map((pupilId) => ({ pupilId, attended: false })),
        },
      },
    );
    expect(created.data!.createEncounter.error).toBeNull();
    return created.data!.createEncounter.encounter!.id;
  };

  it('counts a declined place as offered, tells it apart in the evidence, and refuses "declined" where it cannot apply', async () => {
    const y1213 = async () => measure((await progressOf(leaderNorth, sixthFormer.id)).progress!, 'PROVIDER_ACCESS_Y12_13');
    const before = await y1213();
    const encounterId = await createEncounter('FE_COLLEGE_ENCOUNTER', 'Northfield College taster');

    // Below Year 12 the encounters are compulsory: "declined" is refused and nothing changes.
    const younger = await client.query<Marked>(leaderNorth, MARK, {
      input: { encounterId, pupilIds: [sixthFormer.id, year10.id], attended: false, declined: true },
    });
    expect(younger.data!.markAttendance).toMatchObject({ changed: 0, error: { code: 'REGISTER_CANNOT_DECLINE', message: expect.stringContaining('1 pupil') } });
    const both = await client.query<Marked>(leaderNorth, MARK, { input: { encounterId, pupilIds: [sixthFormer.id], attended: true, declined: true } });
    expect(both.data!.markAttendance.error?.code).toBe('REGISTER_INVALID');
    expect(await rowOf(encounterId, sixthFormer.id)).toMatchObject({ attended: false, declined: false });

    // The sixth-former chose not to go: offered all the same, and the evidence says which.
    const declined = await client.query<Marked>(leaderNorth, MARK, { input: { encounterId, pupilIds: [sixthFormer.id], attended: false, declined: true } });
    expect(declined.data!.markAttendance).toEqual({ changed: 1, error: null });
    expect(await rowOf(encounterId, sixthFormer.id)).toMatchObject({ attended: false, declined: true });
    const after = await y1213();
    expect(after.count).toBe(before.count + 1);
    const res = await client.query<{
      _entities: { benchmarkProgress: { measures: { measure: string; evidence: { encounterId: string | null; counts: boolean; attendance: string }[] }[] } }[];
    }>(
      leaderNorth,
      `query ($id: ID!) { _entities(representations: [{ __typename: "Pupil", id: $id }]) { ... on Pupil {
        benchmarkProgress { measures { measure evidence { encounterId counts attendance } } } } } }`,
      { id: sixthFormer.id },
    );
    const measures = res.data!._entities[0].benchmarkProgress.measures;
    expect(measures.find((m) => m.measure === 'PROVIDER_ACCESS_Y12_13')!.evidence.find((e) => e.encounterId === encounterId)).toEqual({
      encounterId,
      counts: true,
      attendance: 'DECLINED',
    });
    // It counts for nothing the pupil did.
    expect(measures.filter((m) => m.measure !== 'PROVIDER_ACCESS_Y12_13').flatMap((m) => m.evidence.filter((e) => e.encounterId === encounterId))).toEqual([]);

    // Marking them as there clears "declined".
    await client.query<Marked>(leaderNorth, MARK, { input: { encounterId, pupilIds: [sixthFormer.id], attended: true } });
    expect(await rowOf(encounterId, sixthFormer.id)).toMatchObject({ attended: true, declined: false });
  });

  it('reads "declined" in a register CSV, for sixth-formers at a provider encounter only, all or nothing', async () => {
    const IMPORT =
      'mutation ($input: ImportRegisterInput!) { importRegister(input: $input) { added changed unchanged rejected { line upn reason } error { code message } } }';
    type Imported = {
      importRegister: {
        added: number;
        changed: number;
        unchanged: number;
        rejected: { line: number; reason: string }[];
        error: { code: string; message: string } | null;
      };
    };
    const encounterId = await createEncounter('APPRENTICESHIP_PROVIDER_ENCOUNTER', 'Apprenticeships fair');
    // The Year 10 pupil cannot have declined: the line says why, and nothing is saved.
    const tooYoung = await client.query<Imported>(leaderNorth, IMPORT, {
      input: { encounterId, csv: `UPN,Attended\n${sixthFormer.upn},declined\n${year10.upn},Declined\n` },
    });
    expect(tooYoung.data!.importRegister.error?.code).toBe('REGISTER_INVALID');
    expect(tooYoung.data!.importRegister.rejected.map((r) => r.line)).toEqual([3]);
    expect(tooYoung.data!.importRegister.rejected[0].reason).toContain('mark them absent');
    expect(await rowOf(encounterId, sixthFormer.id)).toMatchObject({ attended: false, declined: false });
    // The sixth-former chose not to go; the Year 10 pupil went.
    const csv = `UPN,Attended\n${sixthFormer.upn},chose not to go\n${year10.upn},yes\n`;
    const imported = await client.query<Imported>(leaderNorth, IMPORT, { input: { encounterId, csv } });
    expect(imported.data!.importRegister).toMatchObject({ added: 0, changed: 2, unchanged: 0, error: null });
    expect(await rowOf(encounterId, sixthFormer.id)).toMatchObject({ attended: false, declined: true });
    expect(await rowOf(encounterId, year10.id)).toMatchObject({ attended: true, declined: false });
    const again = await client.query<Imported>(leaderNorth, IMPORT, { input: { encounterId, csv } });
    expect(again.data!.importRegister).toMatchObject({ changed: 0, unchanged: 2, error: null });
    // "Absent" afterwards clears "declined".
    await client.query<Imported>(leaderNorth, IMPORT, { input: { encounterId, csv: `UPN,Attended\n${sixthFormer.upn},absent\n` } });
    expect(await rowOf(encounterId, sixthFormer.id)).toMatchObject({ attended: false, declined: false });
    // At an employer's talk nobody can have declined.
    const talk = await createEncounter('EMPLOYER_TALK', 'Careers talk');
    const refused = await client.query<Imported>(leaderNorth, IMPORT, { input: { encounterId: talk, csv: `UPN,Attended\n${sixthFormer.upn},declined\n` } });
    expect(refused.data!.importRegister.error).toMatchObject({ code: 'REGISTER_INVALID', message: expect.stringContaining('college') });
    expect(await rowOf(talk, sixthFormer.id)).toMatchObject({ attended: false, declined: false });
  });

  it('refuses "declined" for an encounter that is not with a provider', async () => {
    const encounterId = await createEncounter('EMPLOYER_TALK', 'Engineering talk');
    const res = await client.query<Marked>(leaderNorth, MARK, { input: { encounterId, pupilIds: [sixthFormer.id], attended: false, declined: true } });
    expect(res.data!.markAttendance).toMatchObject({ changed: 0, error: { code: 'REGISTER_INVALID', message: expect.stringContaining('college') } });
  });
});
