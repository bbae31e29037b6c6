import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { boundSql, withSystemAccess } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';

/*
 * The school lookup behind the volunteer sign-up form (docs/security.md, "Volunteer sign-up"): the
 * gateway asks it with the system credential for an anonymous visitor, so it answers nobody else,
 * and gives only what the DfE publishes anyway.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const gateway: Principal = { ...SYSTEM_PRINCIPAL, accountId: 'gateway' };

const FIND = `query ($q: String!) { schoolsForSignUp(query: $q) { id name localAuthority urn } }`;
const ONE = `query ($id: ID!) { schoolForSignUp(id: $id) { id name localAuthority urn } }`;

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  // A second school with Northfield's name in another place, and a name with a wildcard in it.
  await withSystemAccess(subgraph.orm, 'test: schools of the same name', async (em) => {
    await boundSql(
      em,
      `insert into school (id, trust_id, name, urn, local_authority) values ($1, null, $2, '900001', 'Cumbria'), ($3, null, '100% Girls School', '900002', 'York')`,
      [randomUUID(), northfield.name, randomUUID()],
    );
    for (let i = 0; i < 12; i += 1)
      await boundSql(em, `insert into school (id, trust_id, name, urn, local_authority) values ($1, null, $2, $3, 'Kent')`, [
        randomUUID(),
        `Oakwood Primary ${String(i).padStart(2, '0')}`,
        `9100${String(i).padStart(2, '0')}`,
      ]);
  });
});

afterAll(() => subgraph?.close());

type Found = { id: string; name: string; localAuthority: string; urn: string };

async function find(q: string): Promise<Found[]> {
  const res = await subgraph.client.query<{ schoolsForSignUp: Found[] }>(gateway, FIND, { q });
  expect(res.errors).toBeUndefined();
  return res.data!.schoolsForSignUp;
}

describe('schoolsForSignUp', () => {
  it('finds schools by part of their name, ignoring case, with what tells two of the same name apart', async () => {
    const found = await find('  northFIELD  ');
    expect(found).toHaveLength(2);
    expect(found.map((school) => school.name)).toEqual([northfield.name, northfield.name]);
    expect(found.map((school) => school.localAuthority).sort()).toEqual(['Cumbria', northfield.localAuthority].sort());
    expect(found.find((school) => school.id === northfield.id)).toEqual({
      id: northfield.id,
      name: northfield.name,
      localAuthority: northfield.localAuthority,
      urn: northfield.urn,
    });
    expect((await find('bank')).map((school) => school.id)).toEqual([southbank.id]);
  });

  it('gives at most 10, in order of name, and nothing for fewer than 3 letters or a wildcard', async () => {
    const found = await find('oakwood');
    expect(found.map((school) => school.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Oakwood Primary ${String(i).padStart(2, '0')}`));
    expect(await find('no')).toEqual([]);
    expect(await find('  a  ')).toEqual([]);
    // % and _ are letters here, not wildcards.
    expect((await find('%%%')).map((school) => school.name)).toEqual([]);
    expect((await find('100%')).map((school) => school.name)).toEqual(['100% Girls School']);
    expect(await find('___')).toEqual([]);
  });

  it('refuses everyone but Waymark itself: people of any role, and API keys', async () => {
    for (const who of [
      makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId }),
      makePrincipal({ roles: ['platform_admin'] }),
      makePrincipal({ roles: ['alumni'] }),
      makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: data.pupils[0].id }),
      makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['reports:read', 'roster:write'] }),
    ]) {
      for (const [field, query, variables] of [
        ['schoolsForSignUp', FIND, { q: 'northfield' }],
        ['schoolForSignUp', ONE, { id: northfield.id }],
      ] as const) {
        const res = await subgraph.client.query(who, query, variables);
        expect(res.data?.[field] ?? null, who.roles.join()).toBeNull();
        expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
      }
    }
  });
});

describe('schoolForSignUp', () => {
  it('answers a school by id, and null for an unknown id or something that is not an id', async () => {
    const res = await subgraph.client.query<{ schoolForSignUp: Found | null }>(gateway, ONE, { id: southbank.id });
    expect(res.data!.schoolForSignUp).toEqual({ id: southbank.id, name: southbank.name, localAuthority: southbank.localAuthority, urn: southbank.urn });
    for (const id of [randomUUID(), 'Southbank School']) {
      const unknown = await subgraph.client.query<{ schoolForSignUp: Found | null }>(gateway, ONE, { id });
      expect(unknown.errors).toBeUndefined();
      expect(unknown.data!.schoolForSignUp).toBeNull();
    }
  });
});
