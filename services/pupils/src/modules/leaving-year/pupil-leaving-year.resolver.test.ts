import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { year11LeavingYear } from '@waymark/domain';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';

const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const year10 = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 10)!;
const leaver = data.pupils.find((p) => p.schoolId === northfield.id && p.leftOn !== null)!;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const self = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: year10.id });
const parent = makePrincipal({ roles: ['parent'], childPupilIds: [year10.id] });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id, employerId: data.volunteers[0].employerId });

const QUERY = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id year11LeavingYear } } }';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
});

afterAll(() => subgraph?.close());

async function leavingYears(who: Principal, ids: string[]): Promise<(number | null)[]> {
  const res = await subgraph.client.query<{ _entities: ({ id: string; year11LeavingYear: number | null } | null)[] }>(who, QUERY, {
    r: ids.map((id) => ({ __typename: 'Pupil', id })),
  });
  expect(res.errors).toBeUndefined();
  return res.data!._entities.map((pupil) => pupil?.year11LeavingYear ?? null);
}

const dobReads = async () =>
  Number((await subgraph.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from audit_event_field where field = 'dateOfBirth'`))[0].n);

describe('Pupil.year11LeavingYear', () => {
  it("gives staff of the pupil's school (or the school a leaver last left) the summer they finish Year 11, with no date of birth read", async () => {
    const before = await dobReads();
    const expected = [year11LeavingYear(year10.dateOfBirth), year11LeavingYear(leaver.dateOfBirth)];
    expect(await leavingYears(leaderNorth, [year10.id, leaver.id])).toEqual(expected);
    expect(await leavingYears(staffNorth, [year10.id, leaver.id])).toEqual(expected);
    expect(await dobReads()).toBe(before);
    // Whereas the date of birth itself is a read in the trail.
    await subgraph.client.query(leaderNorth, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id dateOfBirth } } }', {
      r: [{ __typename: 'Pupil', id: leaver.id }],
    });
    expect(await dobReads()).toBe(before + 1);
  });

  it.each([
    { who: 'a careers leader of another school', principal: leaderSouth },
    { who: 'the pupil themself', principal: self },
    { who: 'a parent', principal: parent },
    { who: 'a trust analyst with pupil-level access', principal: analyst },
    { who: 'a volunteer', principal: volunteer },
  ])('gives $who nothing', async ({ principal }) => {
    expect(await leavingYears(principal, [year10.id, leaver.id])).toEqual([null, null]);
  });
});
