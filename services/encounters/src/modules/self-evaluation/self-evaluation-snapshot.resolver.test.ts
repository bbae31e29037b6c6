import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal, type SubgraphTestClient } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { todayInEngland } from '@waymark/domain';
import { startHarness, type Harness } from '../../../test/harness.js';
import { SelfEvaluationReading, SelfEvaluationSnapshot } from './self-evaluation-snapshot.entity.js';

/*
 * Self-evaluation snapshots over the seeded records and the real pupils subgraph: who may keep and list them,
 * one a day on demand, and the database refusing to change a kept one.
 */
const data = demoData();
const [northfield, southbank] = data.schools;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id, displayName: 'Priya Shah' });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId: data.trust.id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: data.pupils[0].id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id });

let harness: Harness;
let client: SubgraphTestClient;

beforeAll(async () => {
  harness = await startHarness();
  client = harness.client;
});

afterAll(async () => {
  await harness?.close();
});

type Snapshot = {
  id: string;
  takenOn: string;
  kind: string;
  takenByName: string | null;
  recordsReadOn: string | null;
  scores: { benchmark: number; score: number; achieved: number; areas: number; reading: string }[];
  areas: { key: string; state: string }[];
};
const SNAPSHOT = 'id takenOn kind takenByName recordsReadOn scores { benchmark score achieved areas reading } areas { key state }';
const TAKE = `mutation { takeSelfEvaluationSnapshot { snapshot { ${SNAPSHOT} } error { code message } } }`;
const LIST = `query ($schoolId: ID) { selfEvaluationSnapshots(schoolId: $schoolId) { ${SNAPSHOT} } }`;
const SET = `mutation ($input: SetSelfEvaluationAnswerInput!) { setSelfEvaluationAnswer(input: $input) { error { code } } }`;
type Take = { takeSelfEvaluationSnapshot: { snapshot: Snapshot | null; error: { code: string; message: string } | null } };
type List = { selfEvaluationSnapshots: Snapshot[] | null };

const rowsFor = (schoolId: string) => harness.orm.em.fork().find(SelfEvaluationSnapshot, { schoolId });

describe('self-evaluation snapshots', () => {
  it('refuses pupils, volunteers, analysts and staff who are not careers leaders a snapshot, and keeps nothing', async () => {
    for (const who of [pupil, volunteer, analyst, staffNorth]) {
      const res = await client.query<Take>(who, TAKE);
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
      expect(res.data?.takeSelfEvaluationSnapshot ?? null).toBeNull();
    }
    expect(await rowsFor(northfield.id)).toHaveLength(0);
  });

  it("lets the careers leader keep today's self-evaluation once; a second the same day is refused", async () => {
    await client.query(leaderNorth, SET, { input: { areaKey: 'B1_BACKED', state: 'ACHIEVED', reason: 'On the website' } });
    const first = await client.query<Take>(leaderNorth, TAKE);
    expect(first.errors).toBeUndefined();
    const kept = first.data!.takeSelfEvaluationSnapshot.snapshot!;
    expect(first.data!.takeSelfEvaluationSnapshot.error).toBeNull();
    expect(kept).toMatchObject({ takenOn: todayInEngland(), kind: 'ON_DEMAND', takenByName: 'Priya Shah', recordsReadOn: todayInEngland() });
    expect(kept.scores.map((s) => s.benchmark)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(kept.scores[0]).toMatchObject({ benchmark: 1, achieved: 1, areas: 4, score: 0.25, reading: 'RED' });
    expect(kept.areas.find((a) => a.key === 'B1_BACKED')!.state).toBe('ACHIEVED');

    const second = await client.query<Take>(leaderNorth, TAKE);
    expect(second.data!.takeSelfEvaluationSnapshot).toMatchObject({ snapshot: null, error: { code: 'SNAPSHOT_EXISTS' } });
    expect(await rowsFor(northfield.id)).toHaveLength(1);
    // Taking one also kept the records' answers for the scheduled snapshots.
    const reading = await harness.orm.em.fork().findOneOrFail(SelfEvaluationReading, { schoolId: northfield.id });
    expect(reading.readOn).toBe(todayInEngland());
    expect(reading.areas.some((a) => a.key === 'B5_EACH_YEAR')).toBe(true);
    expect(reading.areas.some((a) => a.key === 'B1_BACKED')).toBe(false);
  });

  it('a kept snapshot never changes: a later answer leaves it as it was, and the database refuses an update', async () => {
    await client.query(leaderNorth, SET, { input: { areaKey: 'B1_PLANNED', state: 'ACHIEVED', reason: 'Planned by year' } });
    const list = await client.query<List>(leaderNorth, LIST);
    const [kept] = list.data!.selfEvaluationSnapshots!;
    expect(kept.scores[0].achieved).toBe(1);
    await expect(harness.orm.em.fork().execute(`update "self_evaluation_snapshot" set "scores" = '[]' where "school_id" = ?`, [northfield.id])).rejects.toThrow(
      /never changed/,
    );
    const [row] = await rowsFor(northfield.id);
    expect(row.scores).toHaveLength(8);
  });

  it("lists the school's snapshots for its staff, and refuses other schools, analysts, pupils and volunteers", async () => {
    const staff = await client.query<List>(staffNorth, LIST);
    expect(staff.errors).toBeUndefined();
    expect(staff.data!.selfEvaluationSnapshots!.map((s) => s.kind)).toEqual(['ON_DEMAND']);
    // Southbank's leader sees their own (none), and may not name Northfield.
    expect((await client.query<List>(leaderSouth, LIST)).data!.selfEvaluationSnapshots).toEqual([]);
    const other = await client.query<List>(leaderSouth, LIST, { schoolId: northfield.id });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const who of [pupil, volunteer, analyst]) {
      const res = await client.query<List>(who, LIST, { schoolId: northfield.id });
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
      expect(res.data?.selfEvaluationSnapshots ?? null).toBeNull();
    }
  });

  it('refuses a malformed school id', async () => {
    const res = await client.query<List>(leaderNorth, LIST, { schoolId: 'not-an-id' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps nothing when the figures cannot be read (the pupils subgraph does not answer)', async () => {
    const unreachable = await harness.clientFor('http://127.0.0.1:1/graphql');
    const res = await unreachable.query<Take>(leaderSouth, TAKE);
    expect(res.errors).toBeDefined();
    expect(await rowsFor(southbank.id)).toHaveLength(0);
  });
});
