import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, type Principal } from '@waymark/auth';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';
import { ApiCredential } from './api-credential.entity.js';

const data = demoData();
const analystAccount = data.accounts.find((a) => a.roles.includes('trust_analyst'))!;
const analyst = makePrincipal({ roles: ['trust_analyst'], accountId: analystAccount.id, trustId: data.trust.id });
const otherTrustAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: '0b5d3c1e-7a1f-4c0e-9d7e-2f1a6b3c4d5e' });
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: data.schools[0].id, trustId: data.trust.id });

type Credential = { id: string; name: string; scopes: string[]; createdAt: string; revokedAt: string | null; lastUsedAt: string | null };
type MutationError = { code: string; message: string; fields: { field: string; message: string }[] };
type Created = { createApiCredential: { credential: Credential | null; secret: string | null; error: MutationError | null } };
type Revoked = { revokeApiCredential: { credential: Credential | null; error: MutationError | null } };

const CREATE = `mutation ($input: CreateApiCredentialInput!) {
  createApiCredential(input: $input) { credential { id name scopes createdAt revokedAt } secret error { code message fields { field message } } }
}`;
const REVOKE = `mutation ($id: ID!) { revokeApiCredential(id: $id) { credential { id revokedAt } error { code message } } }`;
const LIST = `{ apiCredentials { id name scopes createdAt revokedAt lastUsedAt } }`;

let h: IdentityHarness;

beforeAll(async () => {
  h = await IdentityHarness.start();
});

afterAll(async () => {
  await h?.close();
});

const apiKey = (key: string) => h.internal<{ principal?: Principal; error?: string }>('/internal/api-key', { key });

async function create(principal: Principal, name: string, scopes: string[]) {
  return h.query<Created>(principal, CREATE, { input: { name, scopes } });
}

describe('API credential lifecycle', () => {
  let credential: Credential;
  let secret: string;

  it('lets a trust analyst create one, showing the secret once', async () => {
    const res = await create(analyst, '  MIS roster sync ', ['roster:write', 'reports:read', 'roster:write']);
    expect(res.errors).toBeUndefined();
    const result = res.data!.createApiCredential;
    expect(result.error).toBeNull();
    credential = result.credential!;
    secret = result.secret!;
    expect(credential).toMatchObject({ name: 'MIS roster sync', scopes: ['roster:write', 'reports:read'], revokedAt: null });
    expect(secret).toMatch(new RegExp(`^wm_${credential.id}_[A-Za-z0-9_-]{43}$`));

    const row = await h.orm.em.fork().findOneOrFail(ApiCredential, { id: credential.id });
    expect(row.trustId).toBe(data.trust.id);
    expect(row.secretHash).toBe(hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(-43));

    const list = await h.query<{ apiCredentials: Credential[] }>(analyst, LIST);
    expect(list.data!.apiCredentials.map((c) => c.id)).toEqual([credential.id]);
  });

  it("resolves the key to an api principal of the trust with the credential's scopes", async () => {
    const res = await apiKey(secret);
    expect(res.status).toBe(200);
    expect(res.body.principal).toEqual({
      kind: 'api',
      accountId: credential.id,
      displayName: 'MIS roster sync',
      roles: ['trust_analyst'],
      trustId: data.trust.id,
      schoolId: null,
      pupilId: null,
      volunteerId: null,
      employerId: null,
      childPupilIds: [],
      pupilLevelAccess: false,
      scopes: ['roster:write', 'reports:read'],
    });
    const list = await h.query<{ apiCredentials: Credential[] }>(analyst, LIST);
    expect(list.data!.apiCredentials[0].lastUsedAt).not.toBeNull();
  });

  it('refuses unknown and malformed keys', async () => {
    const forged = `wm_${credential.id}_${'A'.repeat(43)}`;
    for (const key of [forged, 'wm_nope', secret.toUpperCase(), '']) {
      expect((await apiKey(key)).status).toBe(401);
    }
  });

  it("does not let another trust's analyst see or revoke it", async () => {
    const res = await h.query<Revoked>(otherTrustAnalyst, REVOKE, { id: credential.id });
    expect(res.data!.revokeApiCredential.credential).toBeNull();
    expect(res.data!.revokeApiCredential.error!.code).toBe('API_CREDENTIAL_NOT_FOUND');
    const list = await h.query<{ apiCredentials: Credential[] }>(otherTrustAnalyst, LIST);
    expect(list.data!.apiCredentials).toEqual([]);
    expect((await apiKey(secret)).status).toBe(200);
  });

  it('stops the key working once revoked by its own trust', async () => {
    const res = await h.query<Revoked>(analyst, REVOKE, { id: credential.id });
    expect(res.data!.revokeApiCredential.error).toBeNull();
    const revokedAt = res.data!.revokeApiCredential.credential!.revokedAt;
    expect(revokedAt).not.toBeNull();
    const refused = await apiKey(secret);
    expect(refused.status).toBe(401);
    expect(refused.body.principal).toBeUndefined();

    const again = await h.query<Revoked>(analyst, REVOKE, { id: credential.id });
    expect(again.data!.revokeApiCredential.credential!.revokedAt).toBe(revokedAt);
    const list = await h.query<{ apiCredentials: Credential[] }>(analyst, LIST);
    expect(list.data!.apiCredentials[0].revokedAt).toBe(revokedAt);
  });

  it('answers a revoke of an id that is not a credential with NOT_FOUND', async () => {
    const res = await h.query<Revoked>(analyst, REVOKE, { id: 'not-a-uuid' });
    expect(res.data!.revokeApiCredential.error!.code).toBe('API_CREDENTIAL_NOT_FOUND');
  });
});

describe('who may manage API credentials', () => {
  it('refuses a careers leader, and an integration using an API key', async () => {
    const integration = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: data.trust.id, scopes: ['roster:write'] });
    for (const who of [leader, integration]) {
      const res = await create(who, 'Sneaky', ['reports:read']);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data ?? null).toBeNull();
      const list = await h.query(who, LIST);
      expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const revoke = await h.query(who, REVOKE, { id: '0b5d3c1e-7a1f-4c0e-9d7e-2f1a6b3c4d5e' });
      expect(revoke.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await h.orm.em.fork().count(ApiCredential, { name: 'Sneaky' })).toBe(0);
  });

  it('explains unknown scopes and a missing name without creating anything', async () => {
    const before = await h.orm.em.fork().count(ApiCredential, {});
    const res = await create(analyst, '   ', ['roster:write', 'pupils:delete']);
    const result = res.data!.createApiCredential;
    expect(result.credential).toBeNull();
    expect(result.secret).toBeNull();
    expect(result.error!.code).toBe('API_CREDENTIAL_INVALID');
    expect(result.error!.fields.map((f) => f.field).sort()).toEqual(['name', 'scopes']);
    expect(result.error!.fields.find((f) => f.field === 'scopes')!.message).toContain('pupils:delete');
    const none = await create(analyst, 'Reports', []);
    expect(none.data!.createApiCredential.error!.fields.map((f) => f.field)).toEqual(['scopes']);
    expect(await h.orm.em.fork().count(ApiCredential, {})).toBe(before);
  });

  it('never puts a stored hash in a GraphQL response', async () => {
    const secrets = await h.storedSecrets();
    expect(secrets.length).toBeGreaterThan(0);
    for (const body of h.responses) for (const value of secrets) expect(body).not.toContain(value);
  });
});
