import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal, type SubgraphTestClient } from '@waymark/subgraph-kit/testing';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { addDays, todayInEngland } from '@waymark/domain';
import { startHarness, type Harness } from '../../../test/harness.js';

/*
 * Today's school dashboard is served from its stored answer (dashboard-answers.ts) while that answer is
 * exact. To tell a stored answer from a computed one, the tests mark the stored answers (a pupil count
 * of -1 no computation can give) and check that the mark is served until a write, and that after each
 * kind of write the answer equals one computed afresh (the stored answers deleted first).
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;
const northPupils = data.pupils.filter((p) => p.schoolId === northfield.id && !p.leftOn && p.yearGroup !== null);

const leader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id, displayName: 'Priya Shah' });
const mayaHerself = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: maya.id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id });
const pupilLevelAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });

const DASHBOARD = `query ($schoolId: ID, $group: VulnerableGroup, $yearGroup: Int, $asOf: String) {
  schoolDashboard(schoolId: $schoolId, group: $group, yearGroup: $yearGroup, asOf: $asOf) {
    asOf academicYear pupilCount school { id } groupFiguresRounded canListPupils
    cells { measure yearGroup group eligible met inProgress notMet }
    groupCells { measure yearGroup group eligible met inProgress notMet }
    workExperience { yearGroup pupils averageHours reachedTarget }
  }
}`;
type Cell = { measure: string; eligible: number; met: number; inProgress: number; notMet: number };
type Dashboard = {
  pupilCount: number;
  groupFiguresRounded: boolean;
  canListPupils: boolean;
  cells: Cell[];
  groupCells: Cell[];
  workExperience: { yearGroup: number; pupils: number; averageHours: number; reachedTarget: number }[];
};
type Filter = { schoolId?: string; group?: string; yearGroup?: number; asOf?: string };

let harness: Harness;
let client: SubgraphTestClient;

beforeAll(async () => {
  harness = await startHarness();
  client = harness.client;
});

afterAll(async () => {
  await harness?.close();
});

async function dashboardVia(via: SubgraphTestClient, who: Principal, filter: Filter = {}): Promise<Dashboard> {
  const res = await via.query<{ schoolDashboard: Dashboard }>(who, DASHBOARD, filter);
  expect(res.errors).toBeUndefined();
  return res.data!.schoolDashboard;
}
const dashboard = (who: Principal, filter: Filter = {}) => dashboardVia(client, who, filter);

const sql = (text: string, params: unknown[] = []) => harness.orm.em.fork().getConnection().execute(text, params);
const forgetAnswers = () => sql('delete from dashboard_answer');
/** Marks every stored answer: a request that serves one answers a pupil count of -1. */
const markAnswers = () => sql(`update dashboard_answer set answer = jsonb_set(answer, '{pupilCount}', '-1')`);
/** The answer the engine computes now, with nothing stored. */
async function fresh(who: Principal, filter: Filter = {}): Promise<Dashboard> {
  await forgetAnswers();
  return dashboard(who, filter);
}

async function mutate<T>(via: SubgraphTestClient, who: Principal, query: string, input: unknown): Promise<T> {
  const res = await via.query<Record<string, T & { error: unknown }>>(who, query, { input });
  expect(res.errors).toBeUndefined();
  const result = Object.values(res.data!)[0];
  expect(result.error).toBeNull();
  return result;
}

async function createVisit(who = leader): Promise<string> {
  const created = await mutate<{ encounter: { id: string } }>(
    client,
    who,
    'mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } error { code message } } }',
    {
      kind: 'WORKPLACE_VISIT',
      title: `Visit ${randomUUID().slice(0, 6)}`,
      date: new Date(Date.now() - 86_400_000).toISOString(),
      hours: 5,
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
  );
  return created.encounter.id;
}

async function addToRegister(encounterId: string, pupilIds: string[], via = client) {
  await mutate(via, leader, 'mutation ($input: InviteInput!) { inviteToEncounter(input: $input) { added error { code } } }', { encounterId, pupilIds });
}
async function markPresent(encounterId: string, pupilIds: string[], via = client) {
  await mutate(via, leader, 'mutation ($input: MarkAttendanceInput!) { markAttendance(input: $input) { changed error { code } } }', {
    encounterId,
    pupilIds,
    attended: true,
  });
}
async function participationOf(encounterId: string, pupilId: string): Promise<string> {
  const rows = (await sql('select id from participation where encounter_id = ? and pupil_id = ?', [encounterId, pupilId])) as { id: string }[];
  return rows[0].id;
}

describe('stored school dashboard answers', () => {
  it('serves a stored answer equal to the engine’s, keyed by filter, and only for today', async () => {
    await forgetAnswers();
    for (const filter of [{}, { group: 'DISADVANTAGED' }, { yearGroup: maya.yearGroup! }, { group: 'SEN_SUPPORT', yearGroup: 10 }] as Filter[]) {
      const computed = await dashboard(leader, filter);
      const served = await dashboard(leader, filter);
      expect(served).toEqual(computed);
      expect(computed.pupilCount).toBeGreaterThan(0);
    }
    const stored = (await sql('select filter, day::text as day from dashboard_answer order by filter')) as { filter: string; day: string }[];
    expect(stored).toHaveLength(4);
    expect(new Set(stored.map((row) => row.day))).toEqual(new Set([todayInEngland()]));

    // Served from the store (the mark shows), each filter its own answer.
    await markAnswers();
    expect((await dashboard(leader)).pupilCount).toBe(-1);
    expect((await dashboard(leader, { group: 'DISADVANTAGED' })).pupilCount).toBe(-1);
    // A past day is computed, never stored.
    const yesterday = addDays(todayInEngland(), -1);
    expect((await dashboard(leader, { asOf: yesterday })).pupilCount).toBeGreaterThan(0);
    expect(
      ((await sql('select count(*)::int as n from dashboard_answer where day <> current_date and day <> ?::date', [todayInEngland()])) as { n: number }[])[0].n,
    ).toBe(0);
  });

  it('asks the pupils subgraph only for the cohort counter when the stored answer is served', async () => {
    await forgetAnswers();
    await dashboard(leader);
    const before = harness.pupilsRequests();
    await dashboard(leader);
    expect(harness.pupilsRequests() - before).toBe(1);
  });

  it("names the school from the cohort call it makes anyway, today's and a past day's alike, for staff and an analyst", async () => {
    const NAMED = 'query ($schoolId: ID, $asOf: String) { schoolDashboard(schoolId: $schoolId, asOf: $asOf) { school { id name } } }';
    const named = async (who: Principal, variables: Record<string, string>) => {
      const res = await client.query<{ schoolDashboard: { school: { id: string; name: string } } }>(who, NAMED, variables);
      expect(res.errors).toBeUndefined();
      return res.data!.schoolDashboard.school;
    };
    await dashboard(leader);
    const before = harness.pupilsRequests();
    expect(await named(leader, {})).toEqual({ id: northfield.id, name: northfield.name });
    // Today's stored answer: still one call to the pupils subgraph, which brought the name too.
    expect(harness.pupilsRequests() - before).toBe(1);
    const pastBefore = harness.pupilsRequests();
    expect(await named(leader, { asOf: addDays(todayInEngland(), -1) })).toEqual({ id: northfield.id, name: northfield.name });
    // A past day's: the cohort and the name in one call to the pupils subgraph too.
    expect(harness.pupilsRequests() - pastBefore).toBe(1);
    expect(await named(pupilLevelAnalyst, { schoolId: southbank.id })).toEqual({ id: southbank.id, name: southbank.name });
    expect(await named(pupilLevelAnalyst, { schoolId: southbank.id, asOf: addDays(todayInEngland(), -1) })).toEqual({ id: southbank.id, name: southbank.name });
  });

  // Each kind of write the engine reads, on either subgraph: after it, the answer equals a fresh one.
  const cases: { name: string; filter?: Filter; setUp?: () => Promise<unknown>; write: () => Promise<unknown>; changes: boolean }[] = [];
  let visit = '';
  let ownActivityId = '';
  cases.push({
    name: 'a pupil added to a register and marked present',
    setUp: async () => (visit = await createVisit()),
    write: async () => {
      await addToRegister(visit, [maya.id]);
      await markPresent(visit, [maya.id]);
    },
    changes: true,
  });
  cases.push({
    name: "a pupil's own reflection on a register row",
    write: async () =>
      mutate(
        client,
        mayaHerself,
        'mutation ($input: RecordReflectionInput!) { recordReflection(input: $input) { participation { meaningful } error { code } } }',
        { participationId: await participationOf(visit, maya.id), reflection: 'I learned how a ward runs.' },
      ),
    changes: false,
  });
  cases.push({
    name: 'staff verifying a pupil’s own activity',
    setUp: async () => {
      const submitted = await mutate<{ activity: { id: string } }>(
        client,
        mayaHerself,
        'mutation ($input: SubmitOwnActivityInput!) { submitOwnActivity(input: $input) { activity { id } error { code message } } }',
        { kind: 'WORK_EXPERIENCE', title: 'A week at the garage', startedOn: addDays(todayInEngland(), -3), hours: 30 },
      );
      ownActivityId = submitted.activity.id;
    },
    write: async () => {
      const res = await client.query<{ verifyOwnActivity: { error: unknown } }>(
        leader,
        'mutation ($id: ID!) { verifyOwnActivity(id: $id) { error { code } } }',
        {
          id: ownActivityId,
        },
      );
      expect(res.data!.verifyOwnActivity.error).toBeNull();
    },
    changes: true,
  });
  cases.push({
    name: 'an encounter’s hours changed (every pupil on its register)',
    write: () => sql('update encounter set hours = hours + 10 where id = ?', [visit]),
    changes: true,
  });
  cases.push({
    name: 'a register row written straight into the table (an import)',
    setUp: async () => (visit = await createVisit()),
    write: () =>
      sql(
        `insert into participation (id, encounter_id, pupil_id, school_id, trust_id, attended) select gen_random_uuid(), ?, ?, school_id, trust_id, true from encounter where id = ?`,
        [visit, northPupils.find((p) => p.id !== maya.id && p.yearGroup === maya.yearGroup)!.id, visit],
      ),
    changes: true,
  });
  cases.push({
    name: "another school's register naming one of this school's pupils",
    write: async () => {
      const [south] = (await sql('select id from encounter where school_id = ? limit 1', [southbank.id])) as { id: string }[];
      await sql(
        `insert into participation (id, encounter_id, pupil_id, school_id, trust_id, attended) values (gen_random_uuid(), ?, ?, ?, ?, true)
         on conflict do nothing`,
        [south.id, maya.id, southbank.id, data.trust.id],
      );
      await sql(`update encounter set kind = 'WORKPLACE_VISIT', benchmarks = '{5,6}', hours = 7 where id = ?`, [south.id]);
    },
    changes: true,
  });
  cases.push({
    name: 'a pupil now considering higher education',
    write: () =>
      sql(
        `insert into pupil_outlook (pupil_id, considering_higher_education, updated_at) values (?, true, now())
         on conflict (pupil_id) do update set considering_higher_education = not pupil_outlook.considering_higher_education`,
        [northPupils.find((p) => p.yearGroup !== null && p.yearGroup >= 12)?.id ?? maya.id],
      ),
    changes: false,
  });
  cases.push({
    name: "a pupil's flag changed in the pupils subgraph",
    filter: { group: 'DISADVANTAGED' },
    write: () =>
      mutate(harness.pupils, leader, 'mutation ($input: SetPupilFlagsInput!) { setPupilFlags(input: $input) { error { code } } }', {
        pupilId: maya.id,
        flags: [{ group: 'DISADVANTAGED', value: !maya.flags.disadvantaged }],
      }),
    changes: true,
  });
  cases.push({
    name: 'a pupil leaving (the pupils subgraph)',
    write: () =>
      mutate(harness.pupils, leader, 'mutation ($input: MarkPupilLeftInput!) { markPupilLeft(input: $input) { error { message } } }', {
        pupilId: northPupils.find((p) => p.id !== maya.id && p.yearGroup === 9)!.id,
        leftOn: todayInEngland(),
      }),
    changes: true,
  });

  it.each(cases)('after $name, the answer equals a fresh one', async ({ filter = {}, setUp, write, changes }) => {
    await setUp?.();
    const before = await fresh(leader, filter);
    expect((await dashboard(leader, filter)).pupilCount).toBe(before.pupilCount);
    await markAnswers();
    expect((await dashboard(leader, filter)).pupilCount).toBe(-1);
    await write();
    const served = await dashboard(leader, filter);
    expect(served.pupilCount).not.toBe(-1);
    const computed = await fresh(leader, filter);
    expect(served).toEqual(computed);
    if (changes) expect(served).not.toEqual(before);
  });

  it('a write about a pupil of another school leaves the stored answer served', async () => {
    await forgetAnswers();
    await dashboard(leader);
    await markAnswers();
    const southPupil = data.pupils.find((p) => p.schoolId === southbank.id && !p.leftOn)!;
    await sql(
      `insert into pupil_outlook (pupil_id, considering_higher_education, updated_at) values (?, true, now())
       on conflict (pupil_id) do update set considering_higher_education = not pupil_outlook.considering_higher_education`,
      [southPupil.id],
    );
    const buckets = (await sql(`select buckets from dashboard_answer limit 1`)) as { buckets: number[] }[];
    const southBucket = ((await sql(`select (hashtext(?::text) & 65535) as b`, [southPupil.id])) as { b: number }[])[0].b;
    // Unless the two schools' pupils happen to share a bucket, the answer is still the stored one.
    if (!buckets[0].buckets.includes(southBucket)) expect((await dashboard(leader)).pupilCount).toBe(-1);
  });

  it('is not served the day after it was stored', async () => {
    await forgetAnswers();
    const today = await dashboard(leader);
    await markAnswers();
    // As if it had been stored yesterday: today's key no longer finds it.
    await sql('update dashboard_answer set day = day - 1');
    expect(await dashboard(leader)).toEqual(today);
    const days = (await sql('select day::text as day from dashboard_answer')) as { day: string }[];
    expect(days.map((row) => row.day)).toEqual([todayInEngland()]);
  });

  it('two apps on the same database never disagree after a write through either', async () => {
    const other = await harness.clientFor(`${harness.pupils.baseUrl}/graphql`);
    await forgetAnswers();
    const first = await dashboardVia(client, leader);
    expect(await dashboardVia(other, leader)).toEqual(first);
    const encounterId = await createVisit();
    await addToRegister(encounterId, [maya.id], other);
    await markPresent(encounterId, [maya.id], other);
    const one = await dashboardVia(client, leader);
    const two = await dashboardVia(other, leader);
    expect(one).toEqual(two);
    expect(one).not.toEqual(first);
    expect(one).toEqual(await fresh(leader));
  });

  it('rounds per caller: an analyst without pupil-level access gets rounded figures even when the exact answer is stored', async () => {
    await forgetAnswers();
    const exact = await dashboard(pupilLevelAnalyst, { schoolId: northfield.id, group: 'DISADVANTAGED' });
    expect(exact.groupFiguresRounded).toBe(false);
    expect(exact.canListPupils).toBe(true);
    const figures = (d: Dashboard) => [d.pupilCount, ...[...d.cells, ...d.groupCells].flatMap((c) => [c.eligible, c.met, c.inProgress, c.notMet])];
    // The exact answer has figures that rounding would change, so the check below could fail.
    expect(figures(exact).some((n) => n % 5 !== 0)).toBe(true);
    expect(((await sql('select count(*)::int as n from dashboard_answer')) as { n: number }[])[0].n).toBe(1);

    const rounded = await dashboard(analyst, { schoolId: northfield.id, group: 'DISADVANTAGED' });
    expect(rounded.groupFiguresRounded).toBe(true);
    expect(rounded.canListPupils).toBe(false);
    expect(figures(rounded).every((n) => n % 5 === 0)).toBe(true);
    // And the exact answer is still exact for the caller who may see it.
    expect(await dashboard(pupilLevelAnalyst, { schoolId: northfield.id, group: 'DISADVANTAGED' })).toEqual(exact);
    // The leader (staff of the school) reads the same exact answer.
    expect((await dashboard(leader, { group: 'DISADVANTAGED' })).cells).toEqual(exact.cells);
  });

  it('refuses a school the caller may not read before anything stored is looked at', async () => {
    await forgetAnswers();
    await dashboard(pupilLevelAnalyst, { schoolId: southbank.id });
    const outsider = makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID(), pupilLevelAccess: true });
    const res = await client.query(outsider, DASHBOARD, { schoolId: southbank.id });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const staff = await client.query(leader, DASHBOARD, { schoolId: southbank.id });
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
