import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isRequestFraming, type Orm } from '@waymark/subgraph-kit';
import { type SubgraphTestClient, makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { createApp, employersService } from '../../app.js';

// The same call as the seed: leftSchoolYear follows from today's date.
const data = demoData();
const [northfield, southbank] = data.schools;
const [sam, jordan, ruth, marek, hollie] = data.volunteers;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const adviserSouth = makePrincipal({ roles: ['careers_adviser'], schoolId: southbank.id, trustId: data.trust.id });
const mayaRecord = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 10)!;
const pupilNorth = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: mayaRecord.id });
const southRecord = data.pupils.find((p) => p.schoolId === southbank.id && p.yearGroup === 9)!;
const pupilSouth = makePrincipal({ roles: ['pupil'], schoolId: southbank.id, trustId: data.trust.id, pupilId: southRecord.id });
const employee = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });
const alumni = makePrincipal({ roles: ['alumni'], volunteerId: jordan.id, employerId: jordan.employerId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const gateway = makePrincipal({ kind: 'system', roles: [] });

let orm: Orm;
let client: SubgraphTestClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(employersService, createApp);
  ({ orm, client } = subgraph);
});

afterAll(() => subgraph?.close());

/** The SQL statements run while `fn` runs (the server is in this process, on the same connection). */
async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(orm.em.getConnection(), 'execute');
  try {
    await fn();
    return spy.mock.calls.map((call) => String(call[0])).filter((sql) => !isRequestFraming(sql));
  } finally {
    spy.mockRestore();
  }
}

type VolunteerView = {
  id: string;
  displayName: string;
  jobTitle: string;
  kind: string;
  email: string | null;
  leftSchoolYear: number | null;
  employer: { id: string; name: string; kind: string } | null;
  alumniOf: { id: string } | null;
};
const FIELDS = 'id displayName jobTitle kind email leftSchoolYear employer { id name kind } alumniOf { id }';
const linkedTo = (schoolId: string) => data.volunteers.filter((v) => v.schoolIds.includes(schoolId));

describe('volunteers query', () => {
  it('gives staff the volunteers linked to their own school only, by surname, with their emails', async () => {
    for (const [who, school] of [
      [leaderNorth, northfield],
      [adviserSouth, southbank],
    ] as const) {
      const res = await client.query<{ volunteers: VolunteerView[] }>(who, `{ volunteers { ${FIELDS} } }`);
      expect(res.errors).toBeUndefined();
      const expected = linkedTo(school.id).sort((a, b) => a.lastName.localeCompare(b.lastName));
      expect(res.data!.volunteers.map((v) => v.id)).toEqual(expected.map((v) => v.id));
      expect(res.data!.volunteers.map((v) => v.email)).toEqual(expected.map((v) => v.email));
    }
    const north = await client.query<{ volunteers: VolunteerView[] }>(leaderNorth, `{ volunteers { id } }`);
    expect(north.data!.volunteers.map((v) => v.id)).not.toContain(marek.id);
    const south = await client.query<{ volunteers: VolunteerView[] }>(adviserSouth, `{ volunteers { id } }`);
    expect(south.data!.volunteers.map((v) => v.id)).not.toContain(jordan.id);
  });

  it('refuses pupils, volunteers, alumni, trust analysts and the gateway itself', async () => {
    for (const who of [pupilNorth, employee, alumni, analyst, gateway]) {
      const res = await client.query(who, '{ volunteers { id } }');
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.volunteers ?? null).toBeNull();
    }
  });
});

describe('myVolunteerProfile', () => {
  it('gives an employer volunteer their own profile, email and employer', async () => {
    const res = await client.query<{ myVolunteerProfile: VolunteerView }>(employee, `{ myVolunteerProfile { ${FIELDS} } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.myVolunteerProfile).toEqual({
      id: sam.id,
      displayName: 'Sam Patel',
      jobTitle: 'Mechanical engineer',
      kind: 'EMPLOYEE',
      email: 'employer@acme.test',
      leftSchoolYear: null,
      employer: { id: sam.employerId, name: 'Acme Engineering', kind: 'EMPLOYER' },
      alumniOf: null,
    });
  });

  it('gives an alumnus their own profile with the school they left as a School reference', async () => {
    const res = await client.query<{ myVolunteerProfile: VolunteerView }>(alumni, `{ myVolunteerProfile { ${FIELDS} } }`);
    expect(res.data!.myVolunteerProfile).toMatchObject({
      id: jordan.id,
      kind: 'ALUMNI',
      email: jordan.email,
      leftSchoolYear: jordan.leftSchoolYear,
      alumniOf: { id: northfield.id },
      employer: { name: 'Brightwave Digital' },
    });
  });

  it('answers null for a volunteer account without a profile and refuses everyone else', async () => {
    const unlinked = makePrincipal({ roles: ['employer_volunteer'] });
    const none = await client.query<{ myVolunteerProfile: unknown }>(unlinked, '{ myVolunteerProfile { id } }');
    expect(none.errors).toBeUndefined();
    expect(none.data!.myVolunteerProfile).toBeNull();
    for (const who of [leaderNorth, pupilNorth, analyst]) {
      const res = await client.query(who, '{ myVolunteerProfile { id } }');
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('_entities for Volunteer', () => {
  const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Volunteer { ${FIELDS} } } }`;
  const everyone = data.volunteers.map((v) => ({ __typename: 'Volunteer', id: v.id }));
  const resolve = (who: Parameters<typeof client.query>[0]) => client.query<{ _entities: (VolunteerView | null)[] }>(who, ENTITIES, { r: everyone });

  it('resolves for staff only the volunteers linked to their school, emails included, in one statement', async () => {
    let res: Awaited<ReturnType<typeof resolve>> | undefined;
    const statements = await statementsDuring(async () => {
      res = await resolve(adviserSouth);
    });
    expect(res!.errors).toBeUndefined();
    expect(res!.data!._entities.map((v) => v?.id ?? null)).toEqual([sam.id, null, ruth.id, marek.id, hollie.id]);
    expect(res!.data!._entities[3]!.email).toBe(marek.email);
    expect(statements.filter((sql) => /from "volunteer"/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /from "employer"/.test(sql))).toHaveLength(1);
  });

  it('treats an id that is not a UUID as unknown, not as a database error', async () => {
    const res = await client.query<{ _entities: (VolunteerView | null)[] }>(adviserSouth, ENTITIES, {
      r: [{ __typename: 'Volunteer', id: 'not-an-id' }, everyone[0]],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((v) => v?.id ?? null)).toEqual([null, sam.id]);
  });

  it('shows pupils the role models linked to their school, without emails', async () => {
    const north = await resolve(pupilNorth);
    expect(north.data!._entities.map((v) => v?.id ?? null)).toEqual([sam.id, jordan.id, ruth.id, null, hollie.id]);
    expect(north.data!._entities.filter(Boolean).map((v) => v!.email)).toEqual([null, null, null, null]);
    expect(north.data!._entities[1]).toMatchObject({ displayName: 'Jordan Reid', jobTitle: 'Junior software developer', alumniOf: { id: northfield.id } });
    const south = await resolve(pupilSouth);
    expect(south.data!._entities.map((v) => v?.id ?? null)).toEqual([sam.id, null, ruth.id, marek.id, hollie.id]);
    expect(south.data!._entities.every((v) => v === null || v.email === null)).toBe(true);
  });

  it('lets a volunteer resolve only themself', async () => {
    const res = await resolve(employee);
    expect(res.data!._entities.map((v) => v?.email ?? null)).toEqual([sam.email, null, null, null, null]);
    const alum = await resolve(alumni);
    expect(alum.data!._entities.map((v) => v?.id ?? null)).toEqual([null, jordan.id, null, null, null]);
  });

  it('resolves none for trust analysts, the gateway itself, or an unknown id', async () => {
    for (const who of [analyst, gateway]) {
      const res = await resolve(who);
      expect(res.data!._entities).toEqual([null, null, null, null, null]);
    }
    const unknown = await client.query<{ _entities: unknown[] }>(leaderNorth, ENTITIES, {
      r: [{ __typename: 'Volunteer', id: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(unknown.data!._entities).toEqual([null]);
  });
});
