import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData, DEMO_PASSWORD } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';

const data = demoData();
const [leaderAccount, southLeaderAccount, pupilAccount] = data.accounts;

let h: IdentityHarness;
let leader: Principal;

beforeAll(async () => {
  h = await IdentityHarness.start();
  // The principal exactly as the gateway would get it from signing in.
  const res = await h.internal<{ principal: Principal }>('/internal/sign-in', { email: leaderAccount.email, password: DEMO_PASSWORD });
  leader = res.body.principal;
});

afterAll(async () => {
  await h?.close();
});

type AccountView = { id: string; email: string; displayName: string; roles: string[] };
const ME = '{ me { id email displayName roles } }';
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id email displayName roles } } }`;
const reps = (ids: string[]) => ids.map((id) => ({ __typename: 'Account', id }));

describe('me', () => {
  it("returns the caller's own account and nothing else", async () => {
    const res = await h.query<{ me: AccountView }>(leader, ME);
    expect(res.errors).toBeUndefined();
    expect(res.data!.me).toEqual({ id: leaderAccount.id, email: 'leader@northfield.test', displayName: 'Priya Shah', roles: ['careers_leader'] });
    const pupil = makePrincipal({ roles: ['pupil'], accountId: pupilAccount.id, pupilId: pupilAccount.pupilId });
    const own = await h.query<{ me: AccountView }>(pupil, ME);
    expect(own.data!.me.id).toBe(pupilAccount.id);
  });

  it('is null for an account that does not exist, and refused to an API credential (it is not in the scope catalogue)', async () => {
    const unknown = await h.query<{ me: unknown }>(makePrincipal({ roles: ['careers_leader'] }), ME);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.me).toBeNull();
    const api = makePrincipal({
      kind: 'api',
      roles: ['trust_analyst'],
      trustId: data.trust.id,
      accountId: leaderAccount.id,
      scopes: ['reports:read', 'roster:write'],
    });
    const refused = await h.query<{ me: unknown }>(api, ME);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.data ?? null).toBeNull();
  });

  it("refuses the gateway's own credential and calls without one", async () => {
    const system = await h.query<{ me: unknown }>(SYSTEM_PRINCIPAL, ME);
    // type-graphql reports a failed role-less @Authorized() as UNAUTHENTICATED.
    expect(system.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(system.data?.me ?? null).toBeNull();
    const none = await h.query(null, ME);
    expect(none.status).toBe(401);
  });
});

describe('Account _entities', () => {
  it("resolves only the caller's own account", async () => {
    const ids = data.accounts.map((a) => a.id);
    const res = await h.query<{ _entities: (AccountView | null)[] }>(leader, ENTITIES, { r: reps([...ids, 'not-a-uuid']) });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((e) => e?.id ?? null)).toEqual([...ids.map((id) => (id === leaderAccount.id ? id : null)), null]);
  });

  it('resolves nothing for integrations or the gateway', async () => {
    const api = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: data.trust.id, accountId: southLeaderAccount.id });
    for (const who of [api, SYSTEM_PRINCIPAL]) {
      const res = await h.query<{ _entities: unknown[] }>(who, ENTITIES, { r: reps([southLeaderAccount.id]) });
      expect(res.data!._entities).toEqual([null]);
    }
  });

  it('resolves any account for a platform admin', async () => {
    const admin = makePrincipal({ roles: ['platform_admin'] });
    const res = await h.query<{ _entities: (AccountView | null)[] }>(admin, ENTITIES, { r: reps([leaderAccount.id, southLeaderAccount.id]) });
    expect(res.data!._entities.map((e) => e?.displayName)).toEqual(['Priya Shah', 'Tom Hughes']);
  });
});

describe('what the schema can reveal', () => {
  it('has no field for a hash, a secret, a lockout counter or a child link, except the one-time secrets of a new credential, webhook endpoint, parent account or authenticator app', async () => {
    const res = await h.query<{ __schema: { types: { name: string; fields: { name: string }[] | null }[] } }>(
      leader,
      '{ __schema { types { name fields { name } } } }',
    );
    const fields = res.data!.__schema.types.flatMap((t) => (t.fields ?? []).map((f) => `${t.name}.${f.name}`));
    expect(fields.filter((f) => /hash|secret|password|mfa|failed|locked|token|child/i.test(f)).sort()).toEqual([
      // Changing one's own password answers with a count and an error, never a password.
      'ChangePasswordResult.error',
      'ChangePasswordResult.signedOutDevices',
      'CreateApiCredentialResult.secret',
      'LinkParentAccountResult.temporaryPassword',
      'Mutation.changePassword',
      // A webhook endpoint's signing secret, shown once when it is made or rotated (the type's name says Secret).
      'Mutation.rotateWebhookSecret',
      'StartSecondFactorEnrolmentResult.secret',
      'WebhookEndpointSecretResult.endpoint',
      'WebhookEndpointSecretResult.error',
      'WebhookEndpointSecretResult.secret',
    ]);
    const account = res.data!.__schema.types.find((t) => t.name === 'Account')!;
    // identitySubjectAccess is the person's own export, which names each secret without giving it (subject-access tests).
    expect(account.fields!.map((f) => f.name)).toEqual(['id', 'email', 'displayName', 'roles', 'identitySubjectAccess']);
  });

  it('never puts a stored hash in a GraphQL response', async () => {
    const secrets = await h.storedSecrets();
    expect(secrets.some((s) => s.startsWith('scrypt$'))).toBe(true);
    for (const body of h.responses) {
      expect(body).not.toContain('scrypt$');
      for (const value of secrets) expect(body).not.toContain(value);
    }
  });
});
