import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { academicYearOf, READINESS_ITEM_KEYS, VULNERABLE_GROUPS } from '@waymark/domain';
import { startHarness, type Harness } from '../../../test/harness.js';
import { ReadinessResponse } from './readiness.entity.js';

/*
 * Career readiness (docs/domain-rules.md, "Career readiness"): pupils in Years 7, 9, 11 and 13 answer
 * every question, once a school year (again replaces it); their school's staff read the shares answering
 * positively per year group and vulnerable group; a pupil reads their own answers over time.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const trustId = data.trust.id;
const inYear = (school: typeof northfield, yearGroup: number) => data.pupils.filter((p) => p.schoolId === school.id && p.yearGroup === yearGroup);
const [seven, sevenToo] = inYear(northfield, 7);
const [eight] = inYear(northfield, 8);
const pupil = (p: { id: string; schoolId: string }) => makePrincipal({ roles: ['pupil'], schoolId: p.schoolId, trustId, pupilId: p.id });
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const thisYear = academicYearOf(new Date());

const SUBMIT = `mutation ($answers: [ReadinessAnswerInput!]!) {
  submitReadiness(answers: $answers) { response { academicYear yearGroup answers { item value } } error { code message fields { field message } } }
}`;
const RESULTS = `query { readinessResults { academicYear rows { yearGroup group onRoll answered items { item positivePercent } } } }`;
const MINE = `query ($id: ID!) { _entities(representations: [{ __typename: "Pupil", id: $id }]) { ... on Pupil { readinessResponses { academicYear yearGroup answers { item value } } } } }`;

type Submitted = {
  submitReadiness: {
    response: { academicYear: number; yearGroup: number; answers: { item: string; value: number }[] } | null;
    error: { code: string; fields: { message: string }[] } | null;
  };
};
type Row = { yearGroup: number; group: string | null; onRoll: number; answered: number; items: { item: string; positivePercent: number | null }[] };

const all = (value: number) => READINESS_ITEM_KEYS.map((item) => ({ item, value }));
let h: Harness;
const submit = async (who: Principal, answers: { item: string; value: number }[]) => {
  const res = await h.client.query<Submitted>(who, SUBMIT, { answers });
  expect(res.errors).toBeUndefined();
  return res.data!.submitReadiness;
};
const results = async (who: Principal) => {
  const res = await h.client.query<{ readinessResults: { academicYear: number; rows: Row[] } | null }>(who, RESULTS);
  expect(res.errors).toBeUndefined();
  return res.data!.readinessResults!;
};
const count = () => h.orm.em.fork().count(ReadinessResponse, {});

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h?.close());

describe('the career readiness questionnaire', () => {
  it('refuses staff, parents, volunteers and analysts the questionnaire, and pupils and others the results', async () => {
    const others = [
      leaderNorth,
      makePrincipal({ roles: ['parent'], schoolId: northfield.id, trustId, childPupilIds: [seven.id] }),
      makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id }),
      makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true }),
    ];
    for (const who of others) expect((await h.client.query(who, SUBMIT, { answers: all(3) })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const who of [pupil(seven), makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true })])
      expect((await h.client.query(who, RESULTS)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(0);
  });

  it('saves nothing for a pupil outside Years 7, 9, 11 and 13, or with a question unanswered', async () => {
    expect(await submit(pupil(eight), all(3))).toMatchObject({ response: null, error: { code: 'NOT_A_READINESS_YEAR' } });
    const missing = await submit(pupil(seven), all(3).slice(1));
    expect(missing).toMatchObject({ response: null, error: { code: 'READINESS_INVALID' } });
    expect(missing.error!.fields.map((field) => field.message)).toEqual(['Answer every question: 1 is missing']);
    expect(await count()).toBe(0);
  });

  it('keeps one answer per pupil and year, the newest, and gives the school the positive shares', async () => {
    expect(await submit(pupil(seven), all(2))).toMatchObject({ response: { academicYear: thisYear, yearGroup: 7 }, error: null });
    // Answering again this year replaces it.
    const again = await submit(pupil(seven), all(4));
    expect(again.response!.answers.every((answer) => answer.value === 4)).toBe(true);
    await submit(pupil(sevenToo), all(1));
    expect(await count()).toBe(2);
    const { rows } = await results(leaderNorth);
    const year7 = rows.find((row) => row.yearGroup === 7 && row.group === null)!;
    expect(year7).toMatchObject({ onRoll: inYear(northfield, 7).length, answered: 2 });
    expect(year7.items.every((item) => item.positivePercent === 50)).toBe(true);
    expect(rows.find((row) => row.yearGroup === 9 && row.group === null)).toMatchObject({
      answered: 0,
      items: expect.arrayContaining([{ item: 'TEAMWORK', positivePercent: null }]),
    });
    // Each vulnerable group with someone in it, counting only its own pupils.
    for (const row of rows.filter((r) => r.yearGroup === 7 && r.group !== null)) {
      const key = VULNERABLE_GROUPS.find((g) => row.group === g.key.replace(/([A-Z])/g, '_$1').toUpperCase())?.key;
      expect(row.onRoll, row.group!).toBeGreaterThan(0);
      if (key) expect(row.onRoll).toBe(inYear(northfield, 7).filter((p) => p.flags[key]).length);
    }
    // Another school sees none of it.
    const south = await results(leaderSouth);
    expect(south.rows.every((row) => row.answered === 0)).toBe(true);
  });

  it("is in the pupil's subject-access export", async () => {
    const PART = 'query ($id: ID!) { _entities(representations: [{ __typename: "Pupil", id: $id }]) { ... on Pupil { encountersSubjectAccess } } }';
    const res = await h.client.query<{
      _entities: { encountersSubjectAccess: { sections: { title: string; rows: { year_group: number; answers: Record<string, number> }[] }[] } }[];
    }>(leaderNorth, PART, { id: seven.id });
    expect(res.errors).toBeUndefined();
    const section = res.data!._entities[0].encountersSubjectAccess.sections.find((s) => s.title.startsWith('Career readiness'));
    expect(section?.rows.map((row) => [row.year_group, row.answers.TEAMWORK])).toEqual([[7, 4]]);
  });

  it('shows a pupil their own answers over time, and nobody else', async () => {
    const res = await h.client.query<{ _entities: { readinessResponses: unknown[] | null }[] }>(pupil(seven), MINE, { id: seven.id });
    expect(res.data!._entities[0].readinessResponses).toEqual([{ academicYear: thisYear, yearGroup: 7, answers: all(4) }]);
    for (const who of [pupil(sevenToo), leaderNorth]) {
      const other = await h.client.query<{ _entities: { readinessResponses: unknown[] | null }[] }>(who, MINE, { id: seven.id });
      expect(other.data?._entities?.[0]?.readinessResponses ?? null).toBeNull();
    }
  });
});
