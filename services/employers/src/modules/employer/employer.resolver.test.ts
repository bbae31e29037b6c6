import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SubgraphTestClient, makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { createApp, employersService } from '../../app.js';

// The same call the seed makes, so the expected rows are the seeded ones.
const data = demoData();
const [northfield] = data.schools;
const [sam, jordan] = data.volunteers;
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: data.pupils[0].id });
const employee = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });
const alumni = makePrincipal({ roles: ['alumni'], volunteerId: jordan.id, employerId: jordan.employerId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id });
const gateway = makePrincipal({ kind: 'system', roles: [] });

let client: SubgraphTestClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(employersService, createApp);
  // Seeding twice must not duplicate anything.
  await employersService.seed!(subgraph.orm, { secondTrust: false });
  client = subgraph.client;
});

afterAll(() => subgraph?.close());

type EmployerView = { id: string; name: string; sector: string; kind: string; postcode: string | null };
const FIELDS = 'id name sector kind postcode';

describe('employers query', () => {
  it('lists every organisation by name to anyone signed in', async () => {
    const expected = [...data.employers]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => ({ id: e.id, name: e.name, sector: e.sector, kind: e.kind, postcode: e.postcode }));
    for (const who of [leader, pupil, employee, alumni, analyst]) {
      const res = await client.query<{ employers: EmployerView[] }>(who, `{ employers { ${FIELDS} } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.employers).toEqual(expected);
    }
  });

  it("refuses the gateway's own principal", async () => {
    const res = await client.query(gateway, '{ employers { id } }');
    // type-graphql reports a failed bare @Authorized() as UNAUTHENTICATED rather than FORBIDDEN.
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data?.employers ?? null).toBeNull();
  });
});

describe('_entities for Employer and the gateway credential', () => {
  const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employer { ${FIELDS} } } }`;
  const unknownId = '00000000-0000-4000-8000-000000000000';
  const reps = [...data.employers.map((e) => e.id), unknownId].map((id) => ({ __typename: 'Employer', id }));

  it('resolves employers by reference for any signed-in person, null for an unknown id', async () => {
    for (const who of [pupil, alumni, analyst]) {
      const res = await client.query<{ _entities: (EmployerView | null)[] }>(who, ENTITIES, { r: reps });
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities.map((e) => e?.id ?? null)).toEqual([...data.employers.map((e) => e.id), null]);
      expect(res.data!._entities[4]).toEqual({
        id: data.employers[4].id,
        name: 'Aire Valley College',
        sector: 'Further education',
        kind: 'FE_COLLEGE',
        postcode: 'LS2 8QT',
      });
    }
  });

  it('treats an id that is not a UUID as unknown, not as a database error', async () => {
    const res = await client.query<{ _entities: (EmployerView | null)[] }>(pupil, ENTITIES, { r: [{ __typename: 'Employer', id: 'not-an-id' }, reps[0]] });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((e) => e?.id ?? null)).toEqual([null, data.employers[0].id]);
  });

  it("refuses to resolve employers for the gateway's own principal", async () => {
    const res = await client.query<{ _entities: unknown[] }>(gateway, ENTITIES, { r: reps.slice(0, 2) });
    expect(res.data!._entities).toEqual([null, null]);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('refuses calls without a valid credential, _service and _entities included', async () => {
    for (const query of [
      '{ _service { sdl } }',
      '{ employers { id } }',
      `{ _entities(representations: [{ __typename: "Employer", id: "${data.employers[0].id}" }]) { ... on Employer { id } } }`,
    ]) {
      const res = await client.query(null, query);
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data).toBeUndefined();
    }
    const forged = await fetch(`${client.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-waymark-credential': 'eyJhbGciOiJub25lIn0.eyJwIjp7fX0.' },
      body: JSON.stringify({ query: '{ employers { id } }' }),
    });
    expect(forged.status).toBe(401);
  });
});
