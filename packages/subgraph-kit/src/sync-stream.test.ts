import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Query, Resolver } from 'type-graphql';
import { CREDENTIAL_HEADER, type Principal } from '@waymark/auth';
import { openDatabase, type Orm } from './database.js';
import { buildFederatedSchema } from './schema.js';
import { createSubgraphServer, type SubgraphServer } from './server.js';
import { syncCursors } from './sync-feed.js';
import { jsonObjectSql, sqlJson, syncStreamRoutes, type SyncStreamFeed } from './sync-stream.js';
import { makePrincipal, SubgraphTestClient, testDatabase, testKeys, testSigner } from './testing.js';

/*
 * The bulk sync stream's own machinery (sync-stream.ts), on a real database: every batch of the
 * statement's cursor in order with the cursor line last, and a statement that fails part-way cuts the
 * body off without that line, so a client can tell the stream is incomplete.
 */

@Resolver()
class NothingResolver {
  @Query(() => String)
  nothing(): string {
    return '';
  }
}

const cursors = syncCursors('t1', 'pupilChanges');
const lines = (count: number, failAfter: number | null): string =>
  `select case when g <= ${failAfter ?? count} then concat('{"n":', g, '}') else (1 / (g - g))::text end as line
     from generate_series(1, ${count}) g where $1::uuid is not null`;
const FEEDS: SyncStreamFeed[] = [
  { path: 'whole', field: 'pupilChanges', cursors, snapshotSql: lines(12_000, null), changesSql: '' },
  // Fails in its second batch, once the first 5,000 lines have gone out.
  { path: 'broken', field: 'pupilChanges', cursors, snapshotSql: lines(12_000, 7_000), changesSql: '' },
  // What the stream's transaction is.
  {
    path: 'isolation',
    field: 'pupilChanges',
    cursors,
    snapshotSql: `select concat('{"isolation":"', current_setting('transaction_isolation'), '","readOnly":"', current_setting('transaction_read_only'), '"}') as line where $1::uuid is not null`,
    changesSql: '',
  },
  // Fails at once: nothing sent yet, so a plain error.
  { path: 'failing', field: 'pupilChanges', cursors, snapshotSql: lines(10, 0), changesSql: '' },
  // 12,000 changes of one transaction (xid 5), seq 1 to 12,000: more than two batches after a position.
  {
    path: 'changes',
    field: 'pupilChanges',
    cursors,
    snapshotSql: '',
    changesSql: `select c.x::text as xid, g::text as seq, concat('{"n":', g, '}') as line
                   from generate_series(1, 12000) g, (select '5'::xid8 as x) c
                  where $1::uuid is not null and (c.x, g::bigint) > ($2::text::xid8, $3::bigint)
                  order by c.x, g`,
  },
];

const key = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: randomUUID(), scopes: ['reports:read'] });

/** The body as it arrived, and whether it arrived whole (a cut-off chunked body is not). */
async function receive(baseUrl: string, path: string, principal: Principal): Promise<{ status: number; body: string; complete: boolean }> {
  const credential = await testSigner().sign(principal);
  return new Promise((resolve, reject) => {
    const request = get(new URL(`/internal/sync/${path}`, baseUrl), { headers: { [CREDENTIAL_HEADER]: credential } }, (res) => {
      let body = '';
      let settled = false;
      const done = () => {
        if (settled) return;
        settled = true;
        resolve({ status: res.statusCode ?? 0, body, complete: res.complete });
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', done);
      res.on('error', done);
      res.on('close', done);
    });
    request.on('error', reject);
  });
}

describe('bulk sync stream machinery', () => {
  let orm: Orm;
  let server: SubgraphServer;
  let client: SubgraphTestClient;
  const db = testDatabase('kitstream');

  beforeAll(async () => {
    orm = await openDatabase({ service: 'kitstream', entities: [], migrations: [], ...db.options });
    const schema = await buildFederatedSchema({ resolvers: [NothingResolver] });
    server = await createSubgraphServer({
      name: 'kitstream',
      schema,
      orm,
      publicKeyPem: testKeys().publicKeyPem,
      log: () => {},
      routes: syncStreamRoutes(orm, FEEDS, { rowSecurity: false, log: () => {} }),
    });
    client = await SubgraphTestClient.start(server);
  });

  afterAll(async () => {
    await server?.close();
    await orm?.close(true);
    await db.dispose();
  });

  it('streams every batch of the statement in order, then the cursor line', async () => {
    const answer = await receive(client.baseUrl, 'whole', key);
    expect(answer.status).toBe(200);
    expect(answer.complete).toBe(true);
    const received = answer.body.split('\n').filter((line) => line !== '');
    expect(received).toHaveLength(12_001);
    expect(received.slice(0, -1).map((line) => (JSON.parse(line) as { n: number }).n)).toEqual(Array.from({ length: 12_000 }, (_, i) => i + 1));
    const final = JSON.parse(received.at(-1)!) as { cursor: string; hasMore: boolean };
    expect(final.hasMore).toBe(false);
    expect(cursors.decode(final.cursor).seq).toBe('0');
  });

  it('streams the changes after a position a batch at a time, each batch after the last one’s end, then the last position', async () => {
    const answer = await receive(client.baseUrl, `changes?after=${cursors.encode({ xid: '5', seq: '100' })}`, key);
    expect(answer.complete).toBe(true);
    const received = answer.body.split('\n').filter((line) => line !== '');
    expect(received).toHaveLength(11_901);
    expect(received.slice(0, -1).map((line) => (JSON.parse(line) as { n: number }).n)).toEqual(Array.from({ length: 11_900 }, (_, i) => i + 101));
    expect(JSON.parse(received.at(-1)!)).toEqual({ cursor: cursors.encode({ xid: '5', seq: '12000' }), hasMore: false });
    // From the last position: nothing more, and the same position back.
    const after = await receive(client.baseUrl, `changes?after=${cursors.encode({ xid: '5', seq: '12000' })}`, key);
    expect(
      after.body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([{ cursor: cursors.encode({ xid: '5', seq: '12000' }), hasMore: false }]);
  });

  it('reads a snapshot in one REPEATABLE READ, read-only transaction', async () => {
    const answer = await receive(client.baseUrl, 'isolation', key);
    expect(JSON.parse(answer.body.split('\n')[0])).toEqual({ isolation: 'repeatable read', readOnly: 'on' });
  });

  it('ends a stream that fails part-way without the cursor line, and serves the next one whole', async () => {
    const answer = await receive(client.baseUrl, 'broken', key);
    expect(answer.status).toBe(200);
    expect(answer.complete).toBe(false);
    expect(answer.body).toContain('{"n":5000}');
    expect(answer.body).not.toContain('{"n":7001}');
    expect(answer.body).not.toContain('cursor');
    // The failed stream's transaction was rolled back and its connection is usable again.
    expect((await receive(client.baseUrl, 'whole', key)).complete).toBe(true);
    const failing = await receive(client.baseUrl, 'failing', key);
    expect(failing.status).toBe(500);
    expect(JSON.parse(failing.body)).toEqual({ error: 'Internal server error' });
  });

  it('builds each line as one chain of joins that gives what JSON.stringify gives, NULLs and quotes included', async () => {
    const line = jsonObjectSql({
      thingId: sqlJson.key('v.id'),
      kind: sqlJson.literal('UPSERT'),
      reason: sqlJson.null,
      thing: jsonObjectSql({
        id: sqlJson.key('v.id'),
        name: sqlJson.value('v.name'),
        leftOn: sqlJson.plain('v.left_on'),
        count: sqlJson.int('v.n'),
        ok: sqlJson.bool('v.ok'),
      }),
    });
    // The literals between two values are one: a field's name, the quotes of a key, a fixed value, a brace.
    expect(line).not.toMatch(/concat\(/);
    expect(line).toContain(`'","kind":"UPSERT","reason":null,"thing":{"id":"'`);
    const [a, b] = [randomUUID(), randomUUID()];
    const rows = await orm.em
      .fork()
      .execute<{ line: string }[]>(
        `select ${line} as line from (values (?::uuid, ?, ?::date, ?::int, ?::boolean, 1), (?::uuid, null, null, null, null, 2)) v(id, name, left_on, n, ok, i) order by v.i`,
        [a, 'O\'Neil "Jo" \\ é', '2026-07-20', 3, true, b],
      );
    expect(rows.map((row) => row.line)).toEqual([
      JSON.stringify({ thingId: a, kind: 'UPSERT', reason: null, thing: { id: a, name: 'O\'Neil "Jo" \\ é', leftOn: '2026-07-20', count: 3, ok: true } }),
      JSON.stringify({ thingId: b, kind: 'UPSERT', reason: null, thing: { id: b, name: null, leftOn: null, count: null, ok: null } }),
    ]);
  });
});
