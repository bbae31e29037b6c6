import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * A trust's bulk sync through the real gateway (GET /api/sync/<feed>, docs/trust-api.md, "Bulk sync"):
 * the gateway authenticates as /graphql does and pipes the subgraph's NDJSON stream. The attacks first.
 */
const data = demoData();
const trustPupils = data.pupils.filter((p) => p.trustId === data.trust.id);
const stack = useTestStack({ name: 'sync', shared: true });
const script = new URL('../../packages/trust-sync-example/trust-sync.mjs', import.meta.url).pathname;
let analyst: GatewayClient;

beforeAll(async () => {
  analyst = new GatewayClient(stack.url);
  expect((await analyst.signIn('trust@waymark-trust.test')).status).toBe(200);
}, 300_000);

async function keyWith(scopes: string[]): Promise<{ id: string; secret: string }> {
  const created = await analyst.query<{ createApiCredential: { secret: string; credential: { id: string } } }>(
    'mutation ($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { secret credential { id } error { message } } }',
    { input: { name: `bulk ${scopes.join(' ')}`, scopes } },
  );
  return { id: created.data!.createApiCredential.credential.id, secret: created.data!.createApiCredential.secret };
}

interface Answer {
  status: number;
  contentType: string | null;
  body: string;
  lines: Record<string, unknown>[];
}

async function bulk(feed: string, headers: Record<string, string>, after?: string, method = 'GET'): Promise<Answer> {
  const url = new URL(`/api/sync/${feed}`, stack.url);
  if (after) url.searchParams.set('after', after);
  const response = await fetch(url, { method, headers });
  const body = await response.text();
  const contentType = response.headers.get('content-type');
  const lines = contentType?.startsWith('application/x-ndjson')
    ? body
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
    : [];
  return { status: response.status, contentType, body, lines };
}
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('bulk sync through the gateway: who may read it (the attacks first)', () => {
  it('refuses no credential, an unknown key, a key without reports:read, a revoked key and a school leader, with a JSON error and no lines', async () => {
    const none = await bulk('pupils', {});
    expect(none.status).toBe(401);
    expect(none.contentType).toContain('application/json');
    expect(JSON.parse(none.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await bulk('pupils', bearer('wm_not_a_key'))).status).toBe(401);

    const roster = await keyWith(['roster:write']);
    for (const feed of ['pupils', 'encounters', 'participations']) {
      const refused = await bulk(feed, bearer(roster.secret));
      expect(refused.status).toBe(403);
      expect(refused.lines).toEqual([]);
      expect(JSON.parse(refused.body).errors[0].message).toContain('reports:read');
    }

    const revoked = await keyWith(['reports:read']);
    expect((await bulk('encounters', bearer(revoked.secret))).status).toBe(200);
    const revoking = await analyst.query<{ revokeApiCredential: { error: unknown } }>(
      'mutation ($id: ID!) { revokeApiCredential(id: $id) { error { code } } }',
      {
        id: revoked.id,
      },
    );
    expect(revoking.data!.revokeApiCredential.error).toBeNull();
    const after = await bulk('encounters', bearer(revoked.secret));
    expect(after.status).toBe(401);
    expect(after.lines).toEqual([]);

    const leader = new GatewayClient(stack.url);
    expect((await leader.signIn('leader@northfield.test')).status).toBe(200);
    const staff = await bulk('pupils', { cookie: leader.cookieHeader });
    expect(staff.status).toBe(403);
    expect(staff.body).not.toContain('UPSERT');
    expect((await bulk('nothing', bearer(revoked.secret))).status).toBe(404);
  });

  it('refuses a key revoked between two streams on the very next one, though the gateway asks the subgraph early for a key it has seen pass', async () => {
    const key = await keyWith(['reports:read']);
    const first = await bulk('participations', bearer(key.secret));
    expect(first.status).toBe(200);
    const cursor = first.lines.at(-1)!.cursor as string;
    // The key has passed once: from here on its streams are asked of the subgraph while identity checks it.
    const again = await bulk('participations', bearer(key.secret), cursor);
    expect(again.status).toBe(200);
    expect(again.lines.at(-1)).toEqual({ cursor: expect.any(String), hasMore: false });
    const revoking = await analyst.query<{ revokeApiCredential: { error: unknown } }>(
      'mutation ($id: ID!) { revokeApiCredential(id: $id) { error { code } } }',
      {
        id: key.id,
      },
    );
    expect(revoking.data!.revokeApiCredential.error).toBeNull();
    for (const after of [cursor, undefined, cursor]) {
      const refused = await bulk('participations', bearer(key.secret), after);
      expect(refused.status).toBe(401);
      expect(refused.contentType).toContain('application/json');
      expect(refused.lines).toEqual([]);
      expect(refused.body).not.toContain('participationId');
      expect(JSON.parse(refused.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('counts each stream as one request of the key’s allowance, and refuses past it with 429', async () => {
    const key = await keyWith(['reports:read']);
    // A cursor the feed never gave out: refused by the subgraph, cheaply, after the allowance was taken.
    const statuses: number[] = [];
    while (!statuses.includes(429) && statuses.length < 600) {
      statuses.push(
        ...(await Promise.all(Array.from({ length: 40 }, () => bulk('participations', bearer(key.secret), 'bm90LWEtY3Vyc29y').then((a) => a.status)))),
      );
    }
    expect(statuses).toContain(429);
    expect(statuses.every((status) => status === 400 || status === 429)).toBe(true);
    // At least the burst (120) went through before the first refusal: a stream takes one request's worth, not more.
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(120);
  });
});

describe('bulk sync through the gateway: what a key reads', () => {
  it("streams the trust's pupils, encounters and registers as NDJSON with the cursor last, then only what changed", async () => {
    const key = await keyWith(['reports:read']);
    const pupils = await bulk('pupils', bearer(key.secret));
    expect(pupils.status).toBe(200);
    expect(pupils.contentType).toContain('application/x-ndjson');
    const final = pupils.lines.pop()!;
    expect(final).toEqual({ cursor: expect.any(String), hasMore: false });
    expect(new Set(pupils.lines.map((line) => line.pupilId))).toEqual(new Set(trustPupils.map((p) => p.id)));
    expect(pupils.lines[0]).toEqual({
      pupilId: expect.any(String),
      kind: 'UPSERT',
      reason: null,
      pupil: expect.objectContaining({ id: pupils.lines[0].pupilId }),
    });
    for (const p of trustPupils.slice(0, 20)) {
      expect(pupils.body).not.toContain(p.upn);
      expect(pupils.body).not.toContain(p.legalSurname);
    }
    for (const feed of ['encounters', 'participations']) {
      const answer = await bulk(feed, bearer(key.secret));
      expect(answer.status).toBe(200);
      expect(answer.lines.length).toBeGreaterThan(1);
      expect(answer.lines.at(-1)).toEqual({ cursor: expect.any(String), hasMore: false });
    }
    // Nothing changed since: the changes after the snapshot's cursor are at most repeats of rows it had.
    const changes = await bulk('pupils', bearer(key.secret), final.cursor as string);
    expect(changes.status).toBe(200);
    expect(changes.lines.at(-1)).toMatchObject({ hasMore: false });
    for (const line of changes.lines.slice(0, -1)) expect(line.kind).toBe('UPSERT');
    const crossed = await bulk('participations', bearer(key.secret), final.cursor as string);
    expect(crossed.status).toBe(400);
    expect(JSON.parse(crossed.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a trust analyst signed in may read it too', async () => {
    const signedIn = await bulk('pupils', { cookie: analyst.cookieHeader });
    expect(signedIn.status).toBe(200);
    expect(signedIn.lines.length).toBe(trustPupils.length + 1);
  });
});

describe('the sample client with --bulk (packages/trust-sync-example)', () => {
  const FEED_ARGS = ['--feed', 'pupils', '--feed', 'encounters', '--feed', 'participations'];
  const run = async (secret: string, out: string, extra: string[]) =>
    (
      await promisify(execFile)(process.execPath, [script, '--endpoint', `${stack.url}/graphql`, '--out', out, ...FEED_ARGS, ...extra], {
        env: { ...process.env, WAYMARK_API_KEY: secret },
      })
    ).stdout;
  const files = (out: string) => Promise.all(['pupils', 'encounters', 'participations'].map((feed) => readFile(join(out, `${feed}.csv`), 'utf8')));

  it('a first run through the bulk route writes what GraphQL pages write, and a later run reads only the changes', async () => {
    const bulkOut = await mkdtemp(join(tmpdir(), 'waymark-bulk-'));
    const pagesOut = await mkdtemp(join(tmpdir(), 'waymark-bulk-'));
    try {
      const { secret } = await keyWith(['reports:read']);
      const first = await run(secret, bulkOut, ['--bulk']);
      expect(first).toMatch(
        /^pupils: full sync: \d+ added or updated, 0 removed, \d+ in pupils\.csv\nencounters: full sync: [1-9]\d* .*\nparticipations: full sync: [1-9]\d* /,
      );
      expect(first).toContain(`${trustPupils.length} in pupils.csv`);
      await run(secret, pagesOut, ['--page-size', '1000']);
      expect(await files(bulkOut)).toEqual(await files(pagesOut));
      const state = JSON.parse(await readFile(join(bulkOut, 'state.json'), 'utf8')) as { cursors: Record<string, string> };
      expect(Object.keys(state.cursors).sort()).toEqual(['encounters', 'participations', 'pupils']);
      // The next night's run, through the route from the saved cursors: at most repeats of rows it has, the files unchanged.
      const before = await files(bulkOut);
      expect(await run(secret, bulkOut, ['--bulk'])).toMatch(/^pupils: changes: \d+ added or updated, 0 removed/);
      expect(await files(bulkOut)).toEqual(before);
      // And the GraphQL pages carry on from the route's cursors.
      expect(await run(secret, bulkOut, [])).toMatch(/^pupils: changes: /);
      expect(await files(bulkOut)).toEqual(before);
    } finally {
      await rm(bulkOut, { recursive: true, force: true });
      await rm(pagesOut, { recursive: true, force: true });
    }
  });
});
