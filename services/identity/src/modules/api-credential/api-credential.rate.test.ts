import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushSystemAccessSummary, setSystemAccessLog } from '@waymark/subgraph-kit';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';
import { ApiCredentialService } from './api-credential.service.js';

/*
 * Limits per key (docs/security.md): each key's token bucket is a row in identity, so every gateway
 * replica draws on the same allowance.
 */
const data = demoData();
const analystAccount = data.accounts.find((a) => a.roles.includes('trust_analyst'))!;
const analyst = makePrincipal({ roles: ['trust_analyst'], accountId: analystAccount.id, trustId: data.trust.id });

let h: IdentityHarness;

beforeAll(async () => {
  h = await IdentityHarness.start();
});

afterAll(async () => {
  await h?.close();
});

async function newKey(name: string): Promise<string> {
  const res = await h.query<{ createApiCredential: { secret: string } }>(
    analyst,
    'mutation ($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { secret } }',
    { input: { name, scopes: ['reports:read'] } },
  );
  return res.data!.createApiCredential.secret;
}

const service = () => new ApiCredentialService(h.orm.em.fork());

describe("an API key's allowance, kept in identity", () => {
  it('allows a burst, then refuses with the seconds until the next request, and refills at the rate', async () => {
    const key = await newKey('bucket');
    const allowance = { perMinute: 30, burst: 3 };
    let now = new Date('2026-12-07T09:00:00.000Z');
    const take = async () => (await service().resolveKey(key, allowance, now))!.rate;
    expect([await take(), await take(), await take()]).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    // 30 a minute: one request every 2 seconds.
    expect(await take()).toEqual({ allowed: false, retryAfterSeconds: 2 });
    now = new Date(now.getTime() + 1_000);
    expect(await take()).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = new Date(now.getTime() + 1_000);
    expect(await take()).toEqual({ allowed: true });
    expect((await take()).allowed).toBe(false);
    // Idle for an hour: full again, never more than the burst.
    now = new Date(now.getTime() + 3_600_000);
    expect((await Promise.all([1, 2, 3, 4].map(() => take()))).filter((r) => r.allowed)).toHaveLength(3);
  });

  it('keeps each key apart: one key over its allowance does not slow another', async () => {
    const [a, b] = [await newKey('apart a'), await newKey('apart b')];
    const allowance = { perMinute: 1, burst: 2 };
    const now = new Date('2026-12-07T10:00:00.000Z');
    const take = async (key: string) => (await service().resolveKey(key, allowance, now))!.rate;
    expect([(await take(a)).allowed, (await take(a)).allowed, (await take(a)).allowed]).toEqual([true, true, false]);
    expect(await take(b)).toEqual({ allowed: true });
    expect(await take(a)).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('lets exactly the burst through when many gateways ask at once', async () => {
    const key = await newKey('at once');
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        h.internal<{ principal?: { kind: string }; rate?: { allowed: boolean } }>('/internal/api-key', { key, rate: { perMinute: 0.001, burst: 10 } }),
      ),
    );
    for (const answer of answers) expect(answer.status).toBe(200);
    expect(answers.filter((a) => a.body.rate?.allowed === true)).toHaveLength(10);
    expect(answers.every((a) => a.body.principal?.kind === 'api')).toBe(true);
  });

  it('looks the key up and takes from its bucket in one go: its principal while live, and nothing on the very next lookup once revoked', async () => {
    const key = await newKey('revoked between two lookups');
    const rate = { perMinute: 600, burst: 120 };
    const live = await h.internal<{ principal?: Record<string, unknown>; rate?: { allowed: boolean } }>('/internal/api-key', { key, rate });
    expect(live.status).toBe(200);
    expect(live.body.rate).toEqual({ allowed: true });
    expect(live.body.principal).toMatchObject({
      kind: 'api',
      accountId: key.split('_')[1],
      displayName: 'revoked between two lookups',
      roles: ['trust_analyst'],
      trustId: data.trust.id,
      scopes: ['reports:read'],
      pupilLevelAccess: false,
    });
    const revoked = await h.query<{ revokeApiCredential: { error: unknown } }>(
      analyst,
      'mutation ($id: ID!) { revokeApiCredential(id: $id) { error { code } } }',
      {
        id: key.split('_')[1],
      },
    );
    expect(revoked.data!.revokeApiCredential.error).toBeNull();
    const next = await h.internal<{ principal?: unknown; rate?: unknown }>('/internal/api-key', { key, rate });
    expect(next.status).toBe(401);
    expect(next.body.principal).toBeUndefined();
    // A made-up secret of the right shape is no key either.
    const madeUp = `${key.slice(0, -4)}AAAA`;
    expect((await h.internal('/internal/api-key', { key: madeUp, rate })).status).toBe(401);
  });

  it('logs the key check as a counted system access, not a line for every request a key makes', async () => {
    const key = await newKey('counted in the log');
    const lines: string[] = [];
    const previous = setSystemAccessLog((line) => lines.push(line));
    try {
      for (let i = 0; i < 5; i += 1) expect((await h.internal('/internal/api-key', { key, rate: { perMinute: 600, burst: 120 } })).status).toBe(200);
      const checks = lines.filter((line) => line.includes('/internal/api-key'));
      // At most the first check in this process is written out in full (an earlier test may have made it).
      expect(checks.length).toBeLessThanOrEqual(1);
      flushSystemAccessSummary();
      const summary = lines.filter((line) => line.includes('/internal/api-key')).at(-1);
      expect(summary).toMatch(/^\[system access\] \d+ more .*: identity \/internal\/api-key: API key check/);
      expect(Number(/\] (\d+) more/.exec(summary!)![1])).toBeGreaterThanOrEqual(4);
    } finally {
      setSystemAccessLog(previous);
    }
  });

  it('lifts the tenant check for its own statement only: inside a transaction acting for nobody, the role and the check are put back', async () => {
    const key = await newKey('lifted for one statement');
    const em = h.orm.em.fork();
    await em.begin();
    try {
      await em.execute(`select set_config('role', 'waymark_app', true), set_config('waymark.trust', '', true)`);
      expect((await new ApiCredentialService(em).resolveKey(key, { perMinute: 600, burst: 120 }))?.principal.kind).toBe('api');
      const [after] = await em.execute<{ role: string; bypass: string | null }[]>(
        `select current_user as role, current_setting('waymark.bypass', true) as bypass`,
      );
      expect(after).toEqual({ role: 'waymark_app', bypass: '' });
      // The transaction still reads no key: the lift did not outlive the lookup.
      expect(await em.execute('select id from api_credential')).toEqual([]);
    } finally {
      await em.rollback();
    }
  });

  it('takes nothing when the gateway sends no allowance, and ignores one that is not an allowance', async () => {
    const key = await newKey('no allowance');
    for (const rate of [undefined, { perMinute: -1, burst: 1 }, { perMinute: 60, burst: 0 }, 'lots']) {
      const answer = await h.internal<{ rate?: { allowed: boolean } }>('/internal/api-key', { key, rate });
      expect(answer.body.rate).toEqual({ allowed: true });
    }
    const [row] = await h.orm.em
      .fork()
      .getConnection()
      .execute<{ rate_tokens: number | null }[]>('select rate_tokens from api_credential where name = ?', ['no allowance']);
    expect(row.rate_tokens).toBeNull();
  });
});
