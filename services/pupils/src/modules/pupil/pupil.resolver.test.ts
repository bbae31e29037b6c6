import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SubgraphTestClient, countStatements, makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { createApp, pupilsService } from '../../app.js';

const data = demoData(new Date('2026-11-23T12:00:00Z'));
const [northfield, southbank] = data.schools;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const northPupil = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 10)!;
const otherNorthPupil = data.pupils.find((p) => p.schoolId === northfield.id && p.id !== northPupil.id)!;
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: northPupil.id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id });
const analystWithPupils = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });

let client: SubgraphTestClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  client = subgraph.client;
});

afterAll(() => subgraph?.close());

const PUPILS = `query ($first: Int, $after: String, $yearGroup: Int, $search: String) {
  pupils(first: $first, after: $after, yearGroup: $yearGroup, search: $search) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id displayName yearGroup school { id } } }
  }
}`;

describe('pupils query', () => {
  it("lists only the leader's own school, paged by cursor without gaps or repeats", async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    do {
      const res: Awaited<ReturnType<typeof client.query>> = await client.query<{
        pupils: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; school: { id: string } } }[] };
      }>(leaderNorth, PUPILS, { first: 37, after });
      const page = (
        res.data as {
          pupils: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
            edges: { node: { id: string; school: { id: string } } }[];
          };
        }
      ).pupils;
      total = page.totalCount;
      for (const edge of page.edges) {
        expect(edge.node.school.id).toBe(northfield.id);
        expect(seen.has(edge.node.id)).toBe(false);
        seen.add(edge.node.id);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const onRoll = data.pupils.filter((p) => p.schoolId === northfield.id && !p.leftOn).length;
    expect(total).toBe(onRoll);
    expect(seen.size).toBe(onRoll);
  });

  it('filters by year group and search', async () => {
    const res = await client.query<{ pupils: { totalCount: number; edges: { node: { yearGroup: number; displayName: string } }[] } }>(leaderNorth, PUPILS, {
      yearGroup: 10,
      search: 'Okafor',
    });
    expect(res.data!.pupils.edges.map((e) => e.node.displayName)).toContain('Maya Okafor');
    expect(res.data!.pupils.edges.every((e) => e.node.yearGroup === 10)).toBe(true);
  });

  it('refuses pupils and employers, and gives analysts without pupil-level access nothing', async () => {
    for (const who of [pupil, volunteer]) {
      const res = await client.query(who, PUPILS, {});
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const res = await client.query<{ pupils: { totalCount: number } }>(analyst, PUPILS, {});
    expect(res.data!.pupils.totalCount).toBe(0);
    const granted = await client.query<{ pupils: { totalCount: number } }>(analystWithPupils, PUPILS, {});
    expect(granted.data!.pupils.totalCount).toBe(data.pupils.filter((p) => !p.leftOn).length);
  });
});

describe('pupils query input', () => {
  const LIST = `query ($after: String, $search: String, $tutorGroup: String, $schoolId: ID) {
    pupils(first: 5, after: $after, search: $search, tutorGroup: $tutorGroup, schoolId: $schoolId) { totalCount edges { cursor node { id } } }
  }`;
  const cursor = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const realCursor = async () => {
    const res = await client.query<{ pupils: { edges: { cursor: string }[] } }>(leaderNorth, LIST, {});
    return res.data!.pupils.edges[0].cursor;
  };

  /** The request fails as the caller's mistake, with a message, and no SQL reaches the database. */
  async function refused(who: typeof leaderNorth, variables: Record<string, unknown>): Promise<string> {
    const { result: res, statements } = await countStatements(subgraph.orm, () => client.query(who, LIST, variables));
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.data?.pupils ?? null).toBeNull();
    expect(statements).toEqual([]);
    return res.errors![0].message;
  }

  it('refuses a search longer than 100 characters before asking the database, and takes one of 100', async () => {
    expect(await refused(leaderNorth, { search: 'a'.repeat(101) })).toMatch(/100 characters/);
    expect(await refused(leaderNorth, { search: 'a'.repeat(1_000_000) })).toMatch(/100 characters/);
    const longest = await client.query<{ pupils: { totalCount: number } }>(leaderNorth, LIST, { search: 'a'.repeat(100) });
    expect(longest.errors).toBeUndefined();
    expect(longest.data!.pupils.totalCount).toBe(0);
  });

  it('refuses NUL and other control characters in a search or tutor group', async () => {
    for (const search of ['Oka\u0000for', '\u0000', 'Oka\nfor', 'Oka\tfor', 'Oka\u001bfor', 'Oka\u007ffor']) {
      expect(await refused(leaderNorth, { search })).toMatch(/search/i);
    }
    expect(await refused(leaderNorth, { tutorGroup: '10\u0000A' })).toMatch(/tutor group/i);
    expect(await refused(leaderNorth, { tutorGroup: 'x'.repeat(256) })).toMatch(/tutor group/i);
  });

  it('refuses a school id that is not an id', async () => {
    expect(await refused(analystWithPupils, { schoolId: 'not-a-school' })).toMatch(/school/i);
  });

  it("refuses every cursor it did not give out as the caller's mistake, never as a server error", async () => {
    const good = JSON.parse(Buffer.from(await realCursor(), 'base64url').toString('utf8')) as [string, string, string];
    const crafted = [
      'not a cursor!',
      cursor('{"a":1}'),
      cursor('not json'),
      cursor({ a: 1 }),
      cursor([]),
      cursor(good.slice(0, 2)),
      cursor([...good, 'extra']),
      cursor([1, 2, 3]),
      cursor([good[0], good[1], 'not-a-uuid']),
      cursor([good[0], null, good[2]]),
      cursor([good[0], [good[1]], good[2]]),
      cursor([`${good[0]}\u0000`, good[1], good[2]]),
      cursor(['x'.repeat(300), good[1], good[2]]),
      'A'.repeat(5000),
    ];
    for (const after of crafted) expect(await refused(leaderNorth, { after })).toMatch(/cursor/i);
  });

  it('still pages with the cursors it gives out', async () => {
    const res = await client.query<{ pupils: { edges: { node: { id: string } }[] } }>(leaderNorth, LIST, { after: await realCursor() });
    expect(res.errors).toBeUndefined();
    expect(res.data!.pupils.edges).toHaveLength(5);
  });
});

describe('schools', () => {
  it('counts pupils on roll for staff and analysts, and hides the count from pupils', async () => {
    const onRoll = (schoolId: string) => data.pupils.filter((p) => p.schoolId === schoolId && !p.leftOn).length;
    const leader = await client.query<{ schools: { id: string; pupilCount: number | null }[] }>(leaderNorth, '{ schools { id pupilCount } }');
    expect(leader.data!.schools).toEqual([{ id: northfield.id, pupilCount: onRoll(northfield.id) }]);
    const trust = await client.query<{ schools: { id: string; pupilCount: number | null }[] }>(analyst, '{ schools { id pupilCount } }');
    expect(trust.data!.schools).toHaveLength(2);
    for (const school of trust.data!.schools) expect(school.pupilCount).toBe(onRoll(school.id));
    const own = await client.query<{ schools: { id: string; pupilCount: number | null }[] }>(pupil, '{ schools { id pupilCount } }');
    expect(own.data!.schools).toEqual([{ id: northfield.id, pupilCount: null }]);
  });

  it('lists the schools with their counts in one statement, and counts schools asked for by reference in one more', async () => {
    const listed = await countStatements(subgraph.orm, () => client.query(analyst, '{ schools { id name pupilCount } }'));
    expect(listed.result.errors).toBeUndefined();
    expect(listed.statements).toHaveLength(1);
    // Counted only when asked for, and only for those who may see the counts.
    const unasked = await countStatements(subgraph.orm, () => client.query(analyst, '{ schools { id name } }'));
    const forPupil = await countStatements(subgraph.orm, () => client.query(pupil, '{ schools { id pupilCount } }'));
    expect([listed, unasked, forPupil].map(({ statements }) => statements.some((sql) => /from "?pupil"? /.test(sql)))).toEqual([true, false, false]);
    const onRoll = (schoolId: string) => data.pupils.filter((p) => p.schoolId === schoolId && !p.leftOn).length;
    const reps = data.schools.map((school) => ({ __typename: 'School', id: school.id }));
    const referenced = await countStatements(subgraph.orm, () =>
      client.query<{ _entities: { id: string; pupilCount: number | null }[] }>(
        analyst,
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on School { id pupilCount } } }',
        { r: reps },
      ),
    );
    expect(referenced.result.errors).toBeUndefined();
    expect(referenced.result.data!._entities).toEqual(data.schools.map((school) => ({ id: school.id, pupilCount: onRoll(school.id) })));
    expect(referenced.statements).toHaveLength(2);
  });
});

describe('pupil record and flags', () => {
  const RECORD = `query ($id: ID!) { pupil(id: $id) { id displayName upn flags { senSupport ehcp disadvantaged } } }`;

  it("shows flags to staff of the pupil's school", async () => {
    const res = await client.query<{ pupil: { upn: string; flags: { disadvantaged: boolean } } }>(leaderNorth, RECORD, { id: northPupil.id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.pupil.upn).toBe(northPupil.upn);
    expect(res.data!.pupil.flags.disadvantaged).toBe(northPupil.flags.disadvantaged);
  });

  it("gives another school's leader nothing", async () => {
    const res = await client.query<{ pupil: unknown }>(leaderSouth, RECORD, { id: northPupil.id });
    expect(res.data!.pupil).toBeNull();
  });

  it("lets a pupil read their own record but not their flags, and not anyone else's record", async () => {
    const own = await client.query<{ pupil: { displayName: string; flags: unknown } }>(pupil, RECORD, { id: northPupil.id });
    expect(own.data!.pupil.displayName).toBe('Maya Okafor');
    expect(own.data!.pupil.flags).toBeNull();
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const other = await client.query<{ pupil: unknown }>(pupil, RECORD, { id: otherNorthPupil.id });
    expect(other.data!.pupil).toBeNull();
  });

  it('answers myPupilRecord for the pupil only', async () => {
    const own = await client.query<{ myPupilRecord: { id: string } }>(pupil, '{ myPupilRecord { id } }');
    expect(own.data!.myPupilRecord.id).toBe(northPupil.id);
    const leader = await client.query(leaderNorth, '{ myPupilRecord { id } }');
    expect(leader.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('_entities and the gateway credential', () => {
  const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id displayName } } }`;
  const reps = (ids: string[]) => ids.map((id) => ({ __typename: 'Pupil', id }));

  it("resolves only the caller's own school's pupils by reference", async () => {
    const ids = data.pupils.slice(0, 300).map((p) => p.id);
    const res = await client.query<{ _entities: ({ id: string } | null)[] }>(leaderSouth, ENTITIES, { r: reps(ids) });
    const expected = data.pupils.slice(0, 300).map((p) => (p.schoolId === southbank.id ? p.id : null));
    expect(res.data!._entities.map((e) => e?.id ?? null)).toEqual(expected);
  });

  it('resolves no pupils for volunteers', async () => {
    const res = await client.query<{ _entities: unknown[] }>(volunteer, ENTITIES, { r: reps([northPupil.id]) });
    expect(res.data!._entities).toEqual([null]);
  });

  it('refuses calls without a valid credential, _service and _entities included', async () => {
    for (const query of ['{ _service { sdl } }', '{ schools { id } }']) {
      const res = await client.query(null, query);
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data).toBeUndefined();
    }
    const forged = await fetch(`${client.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-waymark-credential': 'eyJhbGciOiJub25lIn0.eyJwIjp7fX0.' },
      body: JSON.stringify({ query: '{ schools { id } }' }),
    });
    expect(forged.status).toBe(401);
  });
});
