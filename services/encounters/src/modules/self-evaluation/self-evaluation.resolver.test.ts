import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal, type SubgraphTestClient } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { startHarness, type Harness } from '../../../test/harness.js';
import { SelfEvaluationOverride } from './self-evaluation-override.entity.js';

/*
 * The self-evaluation on the encounters subgraph, over the seeded records and the real pupils subgraph: who may
 * read and answer it, answers winning over the records and going away again, bad input saving nothing.
 */
const data = demoData();
const [northfield, southbank] = data.schools;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id, displayName: 'Priya Shah' });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId: data.trust.id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id });
const otherTrustAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID() });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: data.pupils[0].id });

let harness: Harness;
let client: SubgraphTestClient;

beforeAll(async () => {
  harness = await startHarness();
  client = harness.client;
});

afterAll(async () => {
  await harness?.close();
});

type Area = {
  key: string;
  answeredBy: string;
  state: string;
  prefillState: string;
  source: string;
  override: { state: string; reason: string; setByName: string } | null;
};
type Evaluation = {
  selfEvaluation: {
    school: { id: string };
    canAnswer: boolean;
    benchmarks: { benchmark: number; name: string; score: number; achieved: number; reading: string; areas: Area[] }[];
  } | null;
};
const AREA = 'key answeredBy state prefillState source override { state reason setByName }';
const EVALUATION = `query ($schoolId: ID) { selfEvaluation(schoolId: $schoolId) {
  school { id } canAnswer benchmarks { benchmark name score achieved reading areas { ${AREA} } }
} }`;
const SET = `mutation ($input: SetSelfEvaluationAnswerInput!) { setSelfEvaluationAnswer(input: $input) {
  area { ${AREA} } error { code message fields { field message } }
} }`;
const REMOVE = `mutation ($areaKey: String!) { removeSelfEvaluationAnswer(areaKey: $areaKey) { area { ${AREA} } error { code message } } }`;
type Answer = { area: Area | null; error: { code: string; message: string; fields?: { field: string; message: string }[] } | null };

const evaluate = async (who: ReturnType<typeof makePrincipal>, schoolId?: string) => client.query<Evaluation>(who, EVALUATION, { schoolId });
const benchmarkOf = (evaluation: Evaluation, n: number) => evaluation.selfEvaluation!.benchmarks.find((b) => b.benchmark === n)!;
const rowsFor = async (schoolId: string) => harness.orm.em.fork().find(SelfEvaluationOverride, { schoolId });

describe('selfEvaluation', () => {
  it('gives staff their own school: eight benchmarks, every area with a state and where it came from', async () => {
    const res = await evaluate(staffNorth);
    expect(res.errors).toBeUndefined();
    const evaluation = res.data!.selfEvaluation!;
    expect(evaluation.school.id).toBe(northfield.id);
    expect(evaluation.canAnswer).toBe(false);
    expect(evaluation.benchmarks.map((b) => b.benchmark)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const b of evaluation.benchmarks) {
      expect(b.score).toBe(b.achieved / b.areas.length);
      for (const area of b.areas) {
        expect(area.source.length).toBeGreaterThan(0);
        if (area.answeredBy === 'RECORDS') expect(area.source).toMatch(/^From (the benchmark figures|feedback this school year|the public careers page): /);
        // Nothing is marked achieved without evidence: areas the leader answers start as "not enough evidence".
        else expect(area.state).toBe('NOT_ENOUGH_EVIDENCE');
      }
    }
    expect(
      benchmarkOf(res.data!, 1)
        .areas.filter((a) => a.answeredBy === 'RECORDS')
        .map((a) => a.key),
    ).toEqual(['B1_PUBLISHED', 'B1_REVIEWED']);
    expect(benchmarkOf(res.data!, 5).areas.find((a) => a.key === 'B5_EACH_YEAR')!.answeredBy).toBe('RECORDS');
  });

  it("refuses another school's staff, analysts of another trust and pupils", async () => {
    const south = await evaluate(leaderSouth, northfield.id);
    expect(south.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(south.data?.selfEvaluation ?? null).toBeNull();
    const other = await evaluate(otherTrustAnalyst, northfield.id);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asPupil = await evaluate(pupil);
    expect(asPupil.errors).toBeDefined();
    expect(asPupil.data?.selfEvaluation ?? null).toBeNull();
  });

  it('shows a trust analyst a school of their trust, read-only', async () => {
    const res = await evaluate(analyst, northfield.id);
    expect(res.errors).toBeUndefined();
    expect(res.data!.selfEvaluation!.canAnswer).toBe(false);
    const answer = await client.query<{ setSelfEvaluationAnswer: Answer }>(analyst, SET, {
      input: { areaKey: 'B1_BACKED', state: 'ACHIEVED', reason: 'Seen on the website' },
    });
    expect(answer.data?.setSelfEvaluationAnswer ?? null).toBeNull();
    expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await rowsFor(northfield.id)).toHaveLength(0);
  });

  it('bad input gets a clear error and saves nothing', async () => {
    const cases: [Record<string, string>, string, string | null][] = [
      [{ areaKey: 'B1_BACKED', state: 'ACHIEVED', reason: '  ' }, 'ANSWER_INVALID', 'reason'],
      [{ areaKey: 'B1_BACKED', state: 'ACHIEVED', reason: 'x'.repeat(501) }, 'ANSWER_INVALID', 'reason'],
      [{ areaKey: 'B9_NOTHING', state: 'ACHIEVED', reason: 'Because' }, 'AREA_NOT_FOUND', 'areaKey'],
    ];
    for (const [input, code, field] of cases) {
      const res = await client.query<{ setSelfEvaluationAnswer: Answer }>(leaderNorth, SET, { input });
      expect(res.errors).toBeUndefined();
      expect(res.data!.setSelfEvaluationAnswer.error?.code).toBe(code);
      expect(res.data!.setSelfEvaluationAnswer.error?.fields?.map((f) => f.field)).toEqual([field]);
      expect(res.data!.setSelfEvaluationAnswer.area).toBeNull();
    }
    const notAState = await client.query(leaderNorth, SET, { input: { areaKey: 'B1_BACKED', state: 'NOT_ENOUGH_EVIDENCE', reason: 'Hmm' } });
    expect(notAState.errors).toBeDefined();
    expect(await rowsFor(northfield.id)).toHaveLength(0);
  });

  it("lets the school's careers leader answer an area with a reason, changing the score, and remove the answer again", async () => {
    const before = (await evaluate(leaderNorth)).data!;
    expect(before.selfEvaluation!.canAnswer).toBe(true);
    const b1Before = benchmarkOf(before, 1);

    const set = await client.query<{ setSelfEvaluationAnswer: Answer }>(leaderNorth, SET, {
      input: { areaKey: 'B1_BACKED', state: 'ACHIEVED', reason: '  Published on the website in September  ' },
    });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setSelfEvaluationAnswer.error).toBeNull();
    expect(set.data!.setSelfEvaluationAnswer.area).toMatchObject({
      key: 'B1_BACKED',
      state: 'ACHIEVED',
      prefillState: 'NOT_ENOUGH_EVIDENCE',
      override: { state: 'ACHIEVED', reason: 'Published on the website in September', setByName: 'Priya Shah' },
    });
    const after = (await evaluate(leaderNorth)).data!;
    expect(benchmarkOf(after, 1).achieved).toBe(b1Before.achieved + 1);
    expect(benchmarkOf(after, 1).score).toBeCloseTo((b1Before.achieved + 1) / b1Before.areas.length);
    // Southbank's self-evaluation is its own.
    expect(benchmarkOf((await evaluate(leaderSouth)).data!, 1).achieved).toBe(0);

    // Answering again replaces the answer: still one row.
    await client.query(leaderNorth, SET, { input: { areaKey: 'B1_BACKED', state: 'IN_PROGRESS', reason: 'Needs the parents’ page' } });
    const rows = await rowsFor(northfield.id);
    expect(rows.map((r) => [r.areaKey, r.state, r.setByAccountId])).toEqual([['B1_BACKED', 'IN_PROGRESS', leaderNorth.accountId]]);

    // Another school's leader cannot remove it (they only ever touch their own school).
    await client.query(leaderSouth, REMOVE, { areaKey: 'B1_BACKED' });
    expect(await rowsFor(northfield.id)).toHaveLength(1);

    const removed = await client.query<{ removeSelfEvaluationAnswer: Answer }>(leaderNorth, REMOVE, { areaKey: 'B1_BACKED' });
    expect(removed.data!.removeSelfEvaluationAnswer.area).toMatchObject({ state: 'NOT_ENOUGH_EVIDENCE', override: null });
    expect(await rowsFor(northfield.id)).toHaveLength(0);
    expect(benchmarkOf((await evaluate(leaderNorth)).data!, 1).achieved).toBe(b1Before.achieved);
  });

  it('saves nothing when the figures cannot be read (the pupils subgraph does not answer)', async () => {
    const unreachable = await harness.clientFor('http://127.0.0.1:1/graphql');
    const res = await unreachable.query<{ setSelfEvaluationAnswer: Answer }>(leaderNorth, SET, {
      input: { areaKey: 'B1_BACKED', state: 'ACHIEVED', reason: 'Published' },
    });
    expect(res.errors).toBeDefined();
    expect(res.data?.setSelfEvaluationAnswer ?? null).toBeNull();
    expect(await rowsFor(northfield.id)).toHaveLength(0);
  });

  it('refuses staff who are not careers leaders', async () => {
    const res = await client.query(staffNorth, SET, { input: { areaKey: 'B1_BACKED', state: 'ACHIEVED', reason: 'Because' } });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await rowsFor(northfield.id)).toHaveLength(0);
  });
});
