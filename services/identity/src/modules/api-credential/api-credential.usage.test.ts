import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';

const data = demoData();
const analystAccount = data.accounts.find((a) => a.roles.includes('trust_analyst'))!;
const analyst = makePrincipal({ roles: ['trust_analyst'], accountId: analystAccount.id, trustId: data.trust.id });
const otherTrustAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: '0b5d3c1e-7a1f-4c0e-9d7e-2f1a6b3c4d5e' });

type Usage = { id: string; name: string; requestCount: number; errorCount: number; lastUsedAt: string | null };
const USAGE = '{ apiCredentials { id name requestCount errorCount lastUsedAt } }';

let h: IdentityHarness;
let keyA: string;
let keyB: string;

beforeAll(async () => {
  h = await IdentityHarness.start();
  const create = async (name: string) => {
    const res = await h.query<{ createApiCredential: { credential: { id: string } } }>(
      analyst,
      'mutation ($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { credential { id } } }',
      { input: { name, scopes: ['reports:read'] } },
    );
    return res.data!.createApiCredential.credential.id;
  };
  keyA = await create('usage A');
  keyB = await create('usage B');
});

afterAll(async () => {
  await h?.close();
});

const record = (usage: unknown) => h.internal<{ error?: string }>('/internal/api-key-usage', { usage });
const usageOf = async (id: string) => (await h.query<{ apiCredentials: Usage[] }>(analyst, USAGE)).data!.apiCredentials.find((c) => c.id === id)!;

describe('API key usage (POST /internal/api-key-usage and apiCredentials)', () => {
  it('adds each gateway flush to the key’s totals, and last used only moves forwards', async () => {
    expect(await usageOf(keyA)).toMatchObject({ requestCount: 0, errorCount: 0, lastUsedAt: null });
    expect((await record([{ id: keyA, requests: 5, errors: 1, lastUsedAt: '2026-03-02T10:00:00.000Z' }])).status).toBe(204);
    // A second gateway's flush, with an older last use.
    expect(
      (
        await record([
          { id: keyA, requests: 3, errors: 2, lastUsedAt: '2026-03-01T09:00:00.000Z' },
          { id: keyB, requests: 7, errors: 0, lastUsedAt: '2026-03-01T09:00:00.000Z' },
        ])
      ).status,
    ).toBe(204);
    expect(await usageOf(keyA)).toMatchObject({ requestCount: 8, errorCount: 3, lastUsedAt: '2026-03-02T10:00:00.000Z' });
    expect(await usageOf(keyB)).toMatchObject({ requestCount: 7, errorCount: 0 });
  });

  it('refuses a malformed batch whole, changing nothing', async () => {
    for (const usage of [
      [
        { id: keyA, requests: 1, errors: 0, lastUsedAt: '2026-03-03T10:00:00.000Z' },
        { id: 'not-a-key', requests: 1, errors: 0, lastUsedAt: '2026-03-03T10:00:00.000Z' },
      ],
      [{ id: keyA, requests: 1, errors: 2, lastUsedAt: '2026-03-03T10:00:00.000Z' }],
      [{ id: keyA, requests: -1, errors: 0, lastUsedAt: '2026-03-03T10:00:00.000Z' }],
      [{ id: keyA, requests: 1, errors: 0, lastUsedAt: 'yesterday' }],
      'everything',
    ]) {
      expect((await record(usage)).status, JSON.stringify(usage)).toBe(400);
    }
    expect(await usageOf(keyA)).toMatchObject({ requestCount: 8, errorCount: 3, lastUsedAt: '2026-03-02T10:00:00.000Z' });
  });

  it('shows the counts only to analysts of the key’s own trust', async () => {
    const other = await h.query<{ apiCredentials: Usage[] | null }>(otherTrustAnalyst, USAGE);
    expect(other.data!.apiCredentials).toEqual([]);
  });

  it('answers only the gateway', async () => {
    const response = await h.internal('/internal/api-key-usage', { usage: [] }, makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id }));
    expect(response.status).toBe(401);
  });
});
