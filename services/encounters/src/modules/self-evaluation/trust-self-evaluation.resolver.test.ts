import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST_KEYS } from '@waymark/domain';
import { makePrincipal, type SubgraphTestClient } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { countStatements, startHarness, type Harness } from '../../../test/harness.js';
import { insertSnapshot } from './self-evaluation.snapshots.js';
import type { KeptArea } from './self-evaluation-snapshot.entity.js';

/*
 * The trust's side-by-side of its schools' self-evaluations (trustSelfEvaluation), over the real pupils subgraph with
 * the demo's second trust seeded too. The records are cleared and replaced with ones whose scores are worked out by
 * hand below: Southbank's pupils on roll all went to one meaningful employer talk this year, Northfield's did
 * nothing, and Northfield's careers leader answers three of Benchmark 1's four areas.
 */
const data = demoData(new Date(), { secondTrust: true });
const [northfield, southbank, eastgate] = data.schools;
const riverside = data.trusts[1];

const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id });
const pupilLevelAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const riversideAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: riverside.id, pupilLevelAccess: true });
const unknownTrustAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID() });
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id, displayName: 'Priya Shah' });
const staffSouth = makePrincipal({ roles: ['staff'], schoolId: southbank.id, trustId: data.trust.id });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId: data.trust.id });
// Someone who is both a school's careers leader and an analyst acts for their school, never for the trust.
const leaderAndAnalyst = makePrincipal({ roles: ['careers_leader', 'trust_analyst'], schoolId: northfield.id, trustId: data.trust.id });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: data.pupils[0].id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id });

type Score = { benchmark: number; name: string; score: number; achieved: number; areas: number; reading: string; change: number | null };
type SchoolRow = { school: { id: string }; lastSnapshotOn: string | null; scores: Score[] };
type Side = { trustSelfEvaluation: { asOf: string; groupFiguresRounded: boolean; schools: SchoolRow[] } | null };
const SIDE = `{ trustSelfEvaluation { asOf groupFiguresRounded schools {
  school { id } lastSnapshotOn scores { benchmark name score achieved areas reading change }
} } }`;
const SET = `mutation ($input: SetSelfEvaluationAnswerInput!) { setSelfEvaluationAnswer(input: $input) { error { code } } }`;
const EVALUATION = `query ($schoolId: ID) { selfEvaluation(schoolId: $schoolId) { benchmarks { benchmark score achieved reading } } }`;

let harness: Harness;
let client: SubgraphTestClient;

const sideBySide = (who: ReturnType<typeof makePrincipal>) => client.query<Side>(who, SIDE);
const rowOf = (res: { data?: Side | null }, schoolId: string) => res.data!.trustSelfEvaluation!.schools.find((s) => s.school.id === schoolId)!;
/** [benchmark, achieved, areas, reading] for each of the eight. */
const summary = (row: SchoolRow) => row.scores.map((s) => [s.benchmark, s.achieved, s.areas, s.reading]);

beforeAll(async () => {
  harness = await startHarness(undefined, { secondTrust: true });
  client = harness.client;
  const conn = harness.orm.em.fork().getConnection();
  await conn.execute('truncate encounter, participation, own_activity cascade');
  const talk = randomUUID();
  await conn.execute(
    `insert into encounter (id, school_id, trust_id, kind, title, date, in_school_day, hours, benchmarks, year_groups, employer_ids, volunteer_ids, created_at, checklist_ticked, checklist_met)
     values (?, ?, ?, 'EMPLOYER_TALK', 'Careers in engineering', now(), true, 1, '{5}', '{7,8,9,10,11,12,13}', '{}', '{}', now(), ?::text[], true)`,
    [talk, southbank.id, data.trust.id, `{${CHECKLIST_KEYS.join(',')}}`],
  );
  const onRoll = data.pupils.filter((p) => p.schoolId === southbank.id && p.leftOn === null && p.yearGroup !== null);
  expect(onRoll.length).toBeGreaterThan(0);
  for (const p of onRoll) {
    await conn.execute(
      'insert into participation (id, encounter_id, pupil_id, school_id, attended, declined, reflection, group_reflection_on) values (?, ?, ?, ?, true, false, null, current_date)',
      [randomUUID(), talk, p.id, southbank.id],
    );
  }
  for (const areaKey of ['B1_PUBLISHED', 'B1_PLANNED', 'B1_BACKED']) {
    const res = await client.query<{ setSelfEvaluationAnswer: { error: { code: string } | null } }>(leaderNorth, SET, {
      input: { areaKey, state: 'ACHIEVED', reason: 'Seen by the governors' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.setSelfEvaluationAnswer.error).toBeNull();
  }
});

afterAll(async () => {
  await harness?.close();
});

describe('trustSelfEvaluation', () => {
  it("never shows another trust's schools: each trust's analysts see their own, an unknown trust's none", async () => {
    const riversideRes = await sideBySide(riversideAnalyst);
    expect(riversideRes.errors).toBeUndefined();
    expect(riversideRes.data!.trustSelfEvaluation!.schools.map((s) => s.school.id)).toEqual([eastgate.id]);
    const ours = await sideBySide(analyst);
    expect(ours.data!.trustSelfEvaluation!.schools.map((s) => s.school.id).sort()).toEqual([northfield.id, southbank.id].sort());
    // Nor, one school at a time, another trust's school.
    const theirs = await client.query(riversideAnalyst, EVALUATION, { schoolId: northfield.id });
    expect(theirs.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await sideBySide(unknownTrustAnalyst);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.trustSelfEvaluation!.schools).toEqual([]);
  });

  it("refuses a school's own staff (even one who is also an analyst), pupils and volunteers", async () => {
    for (const who of [leaderNorth, staffSouth, adviserNorth, leaderAndAnalyst, pupil, volunteer]) {
      const res = await sideBySide(who);
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
      expect(res.data?.trustSelfEvaluation ?? null).toBeNull();
    }
  });

  it('gives each school its own eight scores, worked out by hand from its records and answers', async () => {
    const res = await sideBySide(analyst);
    expect(res.errors).toBeUndefined();
    expect(res.data!.trustSelfEvaluation!.groupFiguresRounded).toBe(true);
    const north = rowOf(res, northfield.id);
    const south = rowOf(res, southbank.id);
    expect(north.scores.map((s) => s.name)[0]).toBe('A stable careers programme');
    // Benchmark 3's two vulnerable-group areas are achieved at both schools: no group falls more than 10 points
    // behind the whole school (at Northfield everyone is at 0%, at Southbank everyone met Benchmark 5; nobody has had
    // guidance by 16 at either). Its other three areas are the leader's, unanswered.
    expect(summary(north)).toEqual([
      [1, 3, 4, 'GREEN'], // the leader's three answers: 75%
      [2, 0, 3, 'RED'],
      [3, 2, 5, 'AMBER'], // 40%
      [4, 0, 3, 'RED'],
      [5, 0, 3, 'RED'], // no employer encounters
      [6, 0, 3, 'RED'],
      [7, 0, 4, 'RED'],
      [8, 0, 3, 'RED'],
    ]);
    expect(summary(south)).toEqual([
      [1, 0, 4, 'RED'],
      [2, 0, 3, 'RED'],
      [3, 2, 5, 'AMBER'],
      [4, 0, 3, 'RED'],
      [5, 2, 3, 'AMBER'], // every pupil in every year group met an employer: 9 in 10 and every pupil; planning is the leader's
      [6, 0, 3, 'RED'],
      [7, 0, 4, 'RED'],
      [8, 0, 3, 'RED'],
    ]);
    expect(north.scores[0].score).toBe(0.75);
    expect(south.scores[4].score).toBeCloseTo(2 / 3);
    // Neither has a snapshot yet: nothing to compare with.
    for (const row of [north, south]) {
      expect(row.lastSnapshotOn).toBeNull();
      expect(row.scores.every((s) => s.change === null)).toBe(true);
    }
  });

  it("equals each school's own self-evaluation as the same analyst reads it", async () => {
    for (const who of [analyst, pupilLevelAnalyst]) {
      const side = await sideBySide(who);
      for (const row of side.data!.trustSelfEvaluation!.schools) {
        const own = await client.query<{ selfEvaluation: { benchmarks: { benchmark: number; score: number; achieved: number; reading: string }[] } }>(
          who,
          EVALUATION,
          { schoolId: row.school.id },
        );
        expect(row.scores.map(({ benchmark, score, achieved, reading }) => ({ benchmark, score, achieved, reading }))).toEqual(
          own.data!.selfEvaluation.benchmarks,
        );
      }
    }
  });

  it("gives the change since each school's latest snapshot, withholding Benchmark 3's without pupil-level access", async () => {
    const em = harness.orm.em.fork();
    const areas = (achieved: string[]): KeptArea[] => achieved.map((key) => ({ key, state: 'ACHIEVED' }));
    // An older one, then the latest: Benchmark 1 at 25% (1 of 4), Benchmark 3 at 20% (1 of 5), Benchmark 5 at 1 of 3.
    await insertSnapshot(em, { schoolId: northfield.id, takenOn: '2025-12-31', kind: 'SCHEDULED', areas: [], recordsReadOn: null, takenByName: null });
    await insertSnapshot(em, {
      schoolId: northfield.id,
      takenOn: '2026-03-31',
      kind: 'SCHEDULED',
      areas: areas(['B1_PUBLISHED', 'B3_GROUPS_EMPLOYERS', 'B5_EACH_YEAR']),
      recordsReadOn: '2026-03-30',
      takenByName: null,
    });
    const changes = (row: SchoolRow) => row.scores.map((s) => (s.change === null ? null : Math.round(s.change * 100)));

    const exact = rowOf(await sideBySide(pupilLevelAnalyst), northfield.id);
    expect(exact.lastSnapshotOn).toBe('2026-03-31');
    // 75 − 25 = +50 points; 40 − 20 = +20; 0 − 33 = −33; the rest 0 then and now.
    expect(changes(exact)).toEqual([50, 0, 20, 0, -33, 0, 0, 0]);

    const rounded = rowOf(await sideBySide(analyst), northfield.id);
    expect(rounded.lastSnapshotOn).toBe('2026-03-31');
    expect(changes(rounded)).toEqual([50, 0, null, 0, -33, 0, 0, 0]);
    // Southbank has none of its own: Northfield's snapshots are not its.
    const south = rowOf(await sideBySide(pupilLevelAnalyst), southbank.id);
    expect(south.lastSnapshotOn).toBeNull();
    expect(south.scores.every((s) => s.change === null)).toBe(true);
  });

  it('costs one call to the pupils subgraph and the same statements for a trust of two schools as for one of one', async () => {
    const cost = async (who: ReturnType<typeof makePrincipal>) => {
      const before = harness.pupilsRequests();
      const { result, statements } = await countStatements(harness.orm, () => sideBySide(who));
      expect(result.errors).toBeUndefined();
      return { schools: result.data!.trustSelfEvaluation!.schools.length, statements: statements.length, pupilsCalls: harness.pupilsRequests() - before };
    };
    const two = await cost(pupilLevelAnalyst);
    const one = await cost(riversideAnalyst);
    expect(two.schools).toBe(2);
    expect(one.schools).toBe(1);
    expect(two.pupilsCalls).toBe(1);
    expect(one.pupilsCalls).toBe(1);
    expect(two.statements).toBe(one.statements);
  });
});
