import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';
import { WebhookEndpoint } from './webhook.entity.js';

const data = demoData();
const analystAccount = data.accounts.find((a) => a.roles.includes('trust_analyst'))!;
const analyst = makePrincipal({ roles: ['trust_analyst'], accountId: analystAccount.id, trustId: data.trust.id });
const OTHER_TRUST = '0b5d3c1e-7a1f-4c0e-9d7e-2f1a6b3c4d5e';
const otherTrustAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: OTHER_TRUST });
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: data.schools[0].id, trustId: data.trust.id });
const integration = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: data.trust.id, scopes: ['roster:write', 'reports:read'] });

type Endpoint = { id: string; url: string; events: string[]; scopes: string[]; apiCredentialId: string | null; disabledAt: string | null };
type MutationError = { code: string; message: string; fields: { field: string; message: string }[] };
type SecretResult = { endpoint: Endpoint | null; secret: string | null; error: MutationError | null };
type EndpointResult = { endpoint: Endpoint | null; error: MutationError | null };

const FIELDS = 'id url events scopes apiCredentialId disabledAt';
const REGISTER = `mutation ($input: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $input) { endpoint { ${FIELDS} } secret error { code message fields { field message } } }
}`;
const LIST = `{ webhookEndpoints { ${FIELDS} } }`;
const DELIVERIES = `query ($id: ID!) { webhookDeliveries(endpointId: $id) { id eventId status attempts } }`;
const DISABLE = `mutation ($id: ID!) { disableWebhookEndpoint(id: $id) { endpoint { id disabledAt } error { code } } }`;
const DELETE = `mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) { endpoint { id } error { code } } }`;
const ROTATE = `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { endpoint { id } secret error { code } } }`;
const CREATE_KEY = `mutation ($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { credential { id } } }`;
const REVOKE_KEY = `mutation ($id: ID!) { revokeApiCredential(id: $id) { error { code } } }`;

let h: IdentityHarness;

beforeAll(async () => {
  h = await IdentityHarness.start();
});

afterAll(async () => {
  await h?.close();
});

const register = async (who: Principal, input: Record<string, unknown>) =>
  (await h.query<{ registerWebhookEndpoint: SecretResult }>(who, REGISTER, { input })).data!.registerWebhookEndpoint;

describe('who may manage webhook endpoints', () => {
  let endpoint: Endpoint;

  beforeAll(async () => {
    const made = await register(analyst, { url: 'http://localhost:9/hook', events: ['roster.import.committed'], scopes: ['roster:write'] });
    expect(made.error).toBeNull();
    endpoint = made.endpoint!;
  });

  it("does not let another trust's analyst list, read the deliveries of, disable, rotate or delete it", async () => {
    const list = await h.query<{ webhookEndpoints: Endpoint[] }>(otherTrustAnalyst, LIST);
    expect(list.data!.webhookEndpoints).toEqual([]);
    const deliveries = await h.query<{ webhookDeliveries: unknown }>(otherTrustAnalyst, DELIVERIES, { id: endpoint.id });
    expect(deliveries.data!.webhookDeliveries).toBeNull();
    for (const [mutation, field] of [
      [DISABLE, 'disableWebhookEndpoint'],
      [ROTATE, 'rotateWebhookSecret'],
      [DELETE, 'deleteWebhookEndpoint'],
    ] as const) {
      const res = await h.query<Record<string, EndpointResult>>(otherTrustAnalyst, mutation, { id: endpoint.id });
      expect(res.data![field].error!.code).toBe('WEBHOOK_NOT_FOUND');
      expect(res.data![field].endpoint).toBeNull();
    }
    const row = await h.orm.em.fork().findOneOrFail(WebhookEndpoint, { id: endpoint.id });
    expect(row.disabledAt).toBeNull();
  });

  it('refuses careers leaders and integrations using an API key, the way API keys are managed', async () => {
    for (const who of [leader, integration]) {
      const made = await h.query(who, REGISTER, { input: { url: 'http://localhost:9/x', events: ['roster.import.committed'], scopes: ['roster:write'] } });
      expect(made.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      for (const [query, variables] of [
        [LIST, undefined],
        [DELIVERIES, { id: endpoint.id }],
        [DISABLE, { id: endpoint.id }],
        [ROTATE, { id: endpoint.id }],
        [DELETE, { id: endpoint.id }],
      ] as const) {
        const res = await h.query(who, query, variables);
        expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    }
    expect(await h.orm.em.fork().count(WebhookEndpoint, {})).toBe(1);
  });
});

describe('registering an endpoint', () => {
  it('shows the secret once and keeps it sealed at rest', async () => {
    const made = await register(analyst, {
      url: ' http://localhost:8080/waymark ',
      events: ['roster.import.committed', 'encounter.recorded'],
      scopes: ['roster:write', 'reports:read'],
    });
    expect(made.error).toBeNull();
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(made.endpoint).toMatchObject({ url: 'http://localhost:8080/waymark', scopes: ['roster:write', 'reports:read'], disabledAt: null });
    const [stored] = await h.orm.em
      .fork()
      .getConnection()
      .execute<{ secret: string }[]>('select secret from webhook_endpoint where id = ?', [made.endpoint!.id]);
    expect(stored.secret.startsWith('v1:')).toBe(true);
    expect(stored.secret).not.toContain(made.secret!.slice(6));
    const list = await h.query<{ webhookEndpoints: Endpoint[] }>(analyst, LIST);
    expect(JSON.stringify(list)).not.toContain(made.secret!);

    const rotated = await h.query<{ rotateWebhookSecret: SecretResult }>(analyst, ROTATE, { id: made.endpoint!.id });
    expect(rotated.data!.rotateWebhookSecret.secret).toMatch(/^whsec_/);
    expect(rotated.data!.rotateWebhookSecret.secret).not.toBe(made.secret);
    const reread = await h.orm.em.fork().findOneOrFail(WebhookEndpoint, { id: made.endpoint!.id });
    expect(reread.secret).toBe(rotated.data!.rotateWebhookSecret.secret);
  });

  it('explains what is wrong and saves nothing', async () => {
    const before = await h.orm.em.fork().count(WebhookEndpoint, {});
    const bad = await register(analyst, { url: 'mailto:x@y', events: ['pupil.everything'], scopes: ['pupils:delete'] });
    expect(bad.error!.code).toBe('WEBHOOK_INVALID');
    expect(bad.error!.fields.map((f) => f.field).sort()).toEqual(['events', 'scopes', 'url']);
    const none = await register(analyst, { url: 'http://localhost:1/', events: [], scopes: [] });
    expect(none.error!.fields.map((f) => f.field).sort()).toEqual(['events', 'scopes']);
    // An event needs its scope: a reports key does not get roster events.
    const beyond = await register(analyst, { url: 'http://localhost:1/', events: ['roster.import.committed'], scopes: ['reports:read'] });
    expect(beyond.error!.fields[0].message).toContain('roster.import.committed needs roster:write');
    expect(await h.orm.em.fork().count(WebhookEndpoint, {})).toBe(before);
  });

  it("acts as one of the trust's API keys, never another trust's or a revoked one", async () => {
    const key = await h.query<{ createApiCredential: { credential: { id: string } } }>(analyst, CREATE_KEY, {
      input: { name: 'Hooks', scopes: ['reports:read'] },
    });
    const keyId = key.data!.createApiCredential.credential.id;
    const made = await register(analyst, { url: 'http://localhost:1/', events: ['encounter.recorded'], apiCredentialId: keyId });
    expect(made.error).toBeNull();
    expect(made.endpoint).toMatchObject({ apiCredentialId: keyId, scopes: [] });
    const tooMuch = await register(analyst, { url: 'http://localhost:1/', events: ['roster.import.committed'], apiCredentialId: keyId });
    expect(tooMuch.error!.code).toBe('WEBHOOK_INVALID');
    const foreign = await register(otherTrustAnalyst, { url: 'http://localhost:1/', events: ['encounter.recorded'], apiCredentialId: keyId });
    expect(foreign.error!.fields.map((f) => f.field)).toEqual(['apiCredentialId']);
    await h.query(analyst, REVOKE_KEY, { id: keyId });
    const revoked = await register(analyst, { url: 'http://localhost:1/', events: ['encounter.recorded'], apiCredentialId: keyId });
    expect(revoked.error!.fields.map((f) => f.field)).toEqual(['apiCredentialId']);
  });

  it('disables once and deletes', async () => {
    const made = await register(analyst, { url: 'http://localhost:1/', events: ['encounter.recorded'], scopes: ['reports:read'] });
    const id = made.endpoint!.id;
    const first = await h.query<{ disableWebhookEndpoint: EndpointResult }>(analyst, DISABLE, { id });
    const disabledAt = first.data!.disableWebhookEndpoint.endpoint!.disabledAt;
    expect(disabledAt).not.toBeNull();
    const again = await h.query<{ disableWebhookEndpoint: EndpointResult }>(analyst, DISABLE, { id });
    expect(again.data!.disableWebhookEndpoint.endpoint!.disabledAt).toBe(disabledAt);
    const deleted = await h.query<{ deleteWebhookEndpoint: EndpointResult }>(analyst, DELETE, { id });
    expect(deleted.data!.deleteWebhookEndpoint.error).toBeNull();
    expect(await h.orm.em.fork().count(WebhookEndpoint, { id })).toBe(0);
  });
});

describe('registering in production', () => {
  let prod: IdentityHarness;
  beforeAll(async () => {
    prod = await IdentityHarness.start({
      webhooks: {
        production: true,
        resolve: async (host) => (host === 'hooks.trust.example' ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '10.0.0.7', family: 4 }]),
      },
    });
  });
  afterAll(async () => {
    await prod?.close();
  });

  it('refuses http and private addresses, and takes a public https one', async () => {
    for (const url of ['http://hooks.trust.example/', 'https://127.0.0.1/', 'https://internal.trust.example/', 'https://[::1]/', 'https://169.254.169.254/']) {
      const res = await prod.query<{ registerWebhookEndpoint: SecretResult }>(analyst, REGISTER, {
        input: { url, events: ['roster.import.committed'], scopes: ['roster:write'] },
      });
      expect(res.data!.registerWebhookEndpoint.error!.fields.map((f) => f.field)).toEqual(['url']);
    }
    const ok = await prod.query<{ registerWebhookEndpoint: SecretResult }>(analyst, REGISTER, {
      input: { url: 'https://hooks.trust.example/waymark', events: ['roster.import.committed'], scopes: ['roster:write'] },
    });
    expect(ok.data!.registerWebhookEndpoint.error).toBeNull();
    expect(await prod.orm.em.fork().count(WebhookEndpoint, {})).toBe(1);
  });
});
