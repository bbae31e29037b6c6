import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { todayInEngland } from '@waymark/domain';
import { dropStackDatabases, startStack, type RunningStack } from '@waymark/stack';
import { generateDashboardData } from './dashboard-data.js';
import { gatewayClient } from './dashboards.js';
import { groupFailed, type Result } from './measure.js';

/*
 * A trust's sync through the API (docs/trust-api.md, "Bulk sync" and "Incremental sync";
 * docs/performance-targets.md), on the generated trust (20 schools, 25,000 pupils, 500,000
 * participations, dashboard-data.ts):
 *  - the initial sync: the bulk NDJSON snapshot of pupils, encounters and participations through the
 *    gateway with an API key (GET /api/sync/<feed>), against `COPY (…) TO STDOUT` of the same rows of
 *    the same tables: at least a quarter of its throughput;
 *  - an incremental sync after 1,000 register changes: the participations stream from the kept cursor,
 *    against selecting those changes by hand (the log after the cursor joined to the rows, one
 *    statement): within 2 × the floor.
 * The same two through the GraphQL pages (`pupilChanges`, `encounterChanges`, `participationChanges`,
 * 1,000 a page) are measured too, as notes.
 * The key's rate limit is a deployment's setting, lifted here (WAYMARK_API_KEY_RATE_PER_MINUTE and
 * _BURST), so what is measured is the API itself; at the default 600 a minute a 1,000-row page each
 * time, a trust of this size takes a minute of waiting on top.
 */

const PAGE = 1000;
const ROUNDS = Number(process.env.WAYMARK_BENCH_SYNC_ROUNDS ?? 3);

interface Page {
  cursor: string;
  hasMore: boolean;
  changes: unknown[];
}

const FEEDS = {
  pupilChanges: `query ($after: String, $first: Int) { page: pupilChanges(after: $after, first: $first) {
    cursor hasMore changes { pupilId kind reason pupil { id schoolId yearGroup enrolledOn leftOn } } } }`,
  encounterChanges: `query ($after: String, $first: Int) { page: encounterChanges(after: $after, first: $first) {
    cursor hasMore changes { encounterId kind reason encounter { id schoolId kind title date hasTime endsAt inSchoolDay hours benchmarks yearGroups subject checklistMet booked } } } }`,
  participationChanges: `query ($after: String, $first: Int) { page: participationChanges(after: $after, first: $first) {
    cursor hasMore changes { participationId kind reason participation { id encounterId pupilId schoolId attended declined } } } }`,
} as const;
type Feed = keyof typeof FEEDS;
/** Each feed's bulk route: /api/sync/<path>. */
const ROUTES: Record<Feed, string> = { pupilChanges: 'pupils', encounterChanges: 'encounters', participationChanges: 'participations' };
const GRAPHQL_ROUNDS = Number(process.env.WAYMARK_BENCH_SYNC_GRAPHQL_ROUNDS ?? 1);

/** The same rows the feeds carry, straight from the tables: the COPY floor. */
const COPY_FLOOR: Record<Feed, { database: 'pupils' | 'encounters'; sql: string }> = {
  pupilChanges: {
    database: 'pupils',
    sql: `select id, school_id, year_group, enrolled_on, left_on from pupil where trust_id = '$TRUST' and pseudonymised_at is null`,
  },
  encounterChanges: {
    database: 'encounters',
    sql: `select id, school_id, kind, title, date, has_time, ends_at, in_school_day, hours, benchmarks, year_groups, subject, checklist_met, booked from encounter where trust_id = '$TRUST'`,
  },
  participationChanges: {
    database: 'encounters',
    sql: `select id, encounter_id, pupil_id, school_id, attended, declined from participation where trust_id = '$TRUST'`,
  },
};

const round = (value: number) => Math.round(value * 100) / 100;

export async function trustSyncScenarios(root: string, databaseUrl: string, log: (line: string) => void = (line) => console.log(line)) {
  try {
    return await runTrustSync(root, databaseUrl, log);
  } catch (error) {
    return groupFailed('trust sync', error);
  }
}

async function runTrustSync(root: string, databaseUrl: string, log: (line: string) => void): Promise<{ results: Result[]; notes: string[] }> {
  const results: Result[] = [];
  const notes: string[] = [];
  const prefix = `waymark_bench_sync_${randomBytes(3).toString('hex')}_`;
  const work = mkdtempSync(join(tmpdir(), 'waymark-bench-sync-'));
  let stack: RunningStack | null = null;
  const clients: pg.Client[] = [];
  try {
    log('trust sync: starting the stack…');
    stack = await startStack({
      root,
      port: 4766,
      subgraphBasePort: 4866,
      dataDir: work,
      databaseUrl,
      databasePrefix: prefix,
      seedDemo: true,
      env: { NODE_ENV: 'production', WAYMARK_API_KEY_RATE_PER_MINUTE: '100000000', WAYMARK_API_KEY_BURST: '100000000' },
      log: () => {},
    });
    log('trust sync: generating 20 schools, 25,000 pupils, 500,000 participations…');
    const data = await generateDashboardData({ databaseUrl, prefix, asOf: todayInEngland(), log: (line) => log(`trust sync: ${line}`) });
    const open = async (service: 'pupils' | 'encounters') => {
      const url = new URL(databaseUrl);
      url.pathname = `/${prefix}${service}`;
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      clients.push(client);
      return client;
    };
    const databases = { pupils: await open('pupils'), encounters: await open('encounters') };

    // A key of the trust with the scope the feeds need, made as a trust's analyst makes one.
    const gateway = await gatewayClient(stack.url);
    const analyst = await gateway.signIn('trust@waymark-trust.test');
    const created = await gateway.query<{ createApiCredential: { secret: string | null } }>(
      analyst,
      'mutation ($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { secret error { message } } }',
      { input: { name: 'bench warehouse', scopes: ['reports:read'] } },
    );
    const secret = created.createApiCredential.secret;
    if (!secret) throw new Error('the trust analyst could not make an API key');
    const endpoint = `${stack.url}/graphql`;
    const page = async (feed: Feed, after: string | null): Promise<Page> => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: FEEDS[feed], variables: { after, first: PAGE } }),
      });
      const body = (await response.json()) as { data?: { page: Page | null }; errors?: { message: string }[] };
      if (!response.ok || body.errors || !body.data?.page)
        throw new Error(`${feed} failed: ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
      return body.data.page;
    };
    /** Every page of the feeds from the cursors given (the start without), one after another; the rows read and the cursors to keep. */
    const syncAll = async (from: Partial<Record<Feed, string>>, feeds = Object.keys(FEEDS) as Feed[]) => {
      const cursors: Partial<Record<Feed, string>> = {};
      let rows = 0;
      let pages = 0;
      for (const feed of feeds) {
        let after = from[feed] ?? null;
        for (;;) {
          const result = await page(feed, after);
          rows += result.changes.length;
          pages += 1;
          after = result.cursor;
          if (!result.hasMore) break;
        }
        cursors[feed] = after!;
      }
      return { rows, pages, cursors };
    };
    /** One feed's bulk stream from a cursor (the snapshot without): the entry lines read and the cursor of its last line. */
    const stream = async (feed: Feed, after: string | null): Promise<{ rows: number; cursor: string }> => {
      const url = new URL(`/api/sync/${ROUTES[feed]}`, stack!.url);
      if (after) url.searchParams.set('after', after);
      const response = await fetch(url, { headers: { authorization: `Bearer ${secret}` } });
      if (!response.ok || !response.body) throw new Error(`${ROUTES[feed]} stream failed: ${response.status} ${(await response.text()).slice(0, 300)}`);
      let lines = 0;
      let tail = '';
      const decoder = new TextDecoder();
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
        for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines += 1;
        tail = (tail + decoder.decode(chunk.subarray(Math.max(0, chunk.length - 4096)))).slice(-4096);
      }
      const last = tail.trimEnd().split('\n').at(-1) ?? '';
      const final = JSON.parse(last) as { cursor?: string; hasMore?: boolean };
      if (typeof final.cursor !== 'string' || final.hasMore !== false) throw new Error(`${ROUTES[feed]} stream ended without its cursor line`);
      return { rows: lines - 1, cursor: final.cursor };
    };
    const bulkAll = async (from: Partial<Record<Feed, string>>, feeds = Object.keys(FEEDS) as Feed[]) => {
      const cursors: Partial<Record<Feed, string>> = {};
      let rows = 0;
      for (const feed of feeds) {
        const result = await stream(feed, from[feed] ?? null);
        rows += result.rows;
        cursors[feed] = result.cursor;
      }
      return { rows, cursors };
    };
    const copyFloor = async () => {
      let bytes = 0;
      for (const feed of Object.keys(COPY_FLOOR) as Feed[]) {
        const { database, sql } = COPY_FLOOR[feed];
        const stream = databases[database].query(copyTo(`copy (${sql.replace('$TRUST', data.trustId)}) to stdout`));
        await pipeline(
          stream,
          new Writable({
            write(chunk: Buffer, _encoding, done) {
              bytes += chunk.length;
              done();
            },
          }),
        );
      }
      return bytes;
    };

    // The feed hands out only what every older transaction has finished with: let the generator's end.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    log('trust sync: initial sync through the bulk route against COPY TO, interleaved…');
    const api: number[] = [];
    const copy: number[] = [];
    let initial = { rows: 0, cursors: {} as Partial<Record<Feed, string>> };
    for (let roundNo = 0; roundNo < ROUNDS; roundNo += 1) {
      let started = performance.now();
      await copyFloor();
      copy.push(performance.now() - started);
      started = performance.now();
      initial = await bulkAll({});
      api.push(performance.now() - started);
    }
    const apiMs = Math.min(...api);
    const copyMs = Math.min(...copy);
    results.push({
      name: `trust sync: initial sync through the bulk NDJSON route (${initial.rows} rows, 3 streams) against COPY TO of the same rows`,
      value: round(apiMs),
      floor: round(copyMs),
      ratio: round(apiMs / copyMs),
      target: '≤ 4 × COPY (at least a quarter of its throughput)',
      unit: 'ms (best of the rounds)',
      pass: apiMs <= 4 * copyMs,
    });
    notes.push(
      `trust sync, initial through the bulk route: ${initial.rows} rows, best of ${ROUNDS}: ${round(apiMs)} ms (${Math.round(initial.rows / (apiMs / 1000))} rows/s) against ${round(copyMs)} ms for COPY TO (${Math.round(initial.rows / (copyMs / 1000))} rows/s)`,
    );

    log('trust sync: initial sync through the GraphQL pages (a note)…');
    const pages: number[] = [];
    let paged = { rows: 0, pages: 0, cursors: {} as Partial<Record<Feed, string>> };
    for (let roundNo = 0; roundNo < GRAPHQL_ROUNDS; roundNo += 1) {
      const started = performance.now();
      paged = await syncAll({});
      pages.push(performance.now() - started);
    }
    const pagesMs = Math.min(...pages);
    notes.push(
      `trust sync, initial through the GraphQL pages (not a target row): ${paged.rows} rows in ${paged.pages} pages of ${PAGE}, best of ${GRAPHQL_ROUNDS}: ${round(pagesMs)} ms (${Math.round(paged.rows / (pagesMs / 1000))} rows/s), ${round(pagesMs / copyMs)} × COPY TO`,
    );
    if (paged.rows < initial.rows) notes.push(`FAIL trust sync: the GraphQL pages gave ${paged.rows} rows and the bulk snapshot ${initial.rows}`);

    // ---- 1,000 register changes, then the incremental sync from the kept cursors. ----
    // A client's next run after its snapshot: the changes from the snapshot's cursor (repeats of rows the
    // snapshot had, when a transaction elsewhere on the server held its xmin back), so the cursor kept is
    // the log's own before the 1,000 changes.
    // Read on until the log has nothing after the cursor: a transaction held open elsewhere on the
    // server keeps the changes it is older than from being handed out, and a cursor kept before them
    // would make the incremental sync read them all again (half a million) instead of the 1,000.
    const kept = { participationChanges: initial.cursors.participationChanges! };
    for (let waited = 0; waited < 120_000; waited += 1000) {
      kept.participationChanges = (await stream('participationChanges', kept.participationChanges)).cursor;
      const [, keptXid, keptSeq] = JSON.parse(Buffer.from(kept.participationChanges, 'base64url').toString('utf8')) as [string, string, string];
      const left = await databases.encounters.query<{ n: number }>(
        `select count(*)::int as n from encounter_sync_change where trust_id = $1 and record = 'participation' and (xid, seq) > ($2::text::xid8, $3::bigint)`,
        [data.trustId, keptXid, keptSeq],
      );
      if (left.rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    log('trust sync: 1,000 register changes, then the incremental sync…');
    const changed = await databases.encounters.query<{ id: string }>(
      `update participation set attended = not attended
        where id in (select id from participation where trust_id = $1 and not declined order by id limit 1000)
        returning id`,
      [data.trustId],
    );
    if (changed.rowCount !== 1000) throw new Error(`expected 1,000 register rows changed, got ${changed.rowCount}`);
    // The feed hands a change out once every transaction older than it has ended, on the whole
    // server: on a shared database another client's open transaction holds them back for a while.
    // Wait (up to two minutes) until the stream gives all 1,000, so the rounds measure them, not none.
    for (let waited = 0; waited < 120_000; waited += 1000) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if ((await stream('participationChanges', kept.participationChanges)).rows >= 1000) break;
    }
    const after = kept.participationChanges;
    const [, xid, seq] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as [string, string, string];
    const byHand = () =>
      databases.encounters.query(
        `select l.seq, l.xid, l.row_id, t.encounter_id, t.pupil_id, t.school_id, t.attended, t.declined
           from encounter_sync_change l join participation t on t.id = l.row_id
          where l.trust_id = $1 and l.record = 'participation' and (l.xid, l.seq) > ($2::text::xid8, $3::bigint)
          order by l.xid, l.seq`,
        [data.trustId, xid, seq],
      );
    const incremental: number[] = [];
    const viaPages: number[] = [];
    const floor: number[] = [];
    let delta = { rows: 0 };
    let pagedDelta = { rows: 0, pages: 0 };
    let floorRows = 0;
    for (let roundNo = 0; roundNo < 10; roundNo += 1) {
      let started = performance.now();
      floorRows = (await byHand()).rowCount ?? 0;
      floor.push(performance.now() - started);
      started = performance.now();
      delta = await bulkAll(kept, ['participationChanges']);
      incremental.push(performance.now() - started);
      started = performance.now();
      pagedDelta = await syncAll(kept, ['participationChanges']);
      viaPages.push(performance.now() - started);
    }
    const incrementalMs = Math.min(...incremental);
    const pagesDeltaMs = Math.min(...viaPages);
    const floorMs = Math.min(...floor);
    results.push({
      name: `trust sync: incremental sync after 1,000 register changes through the bulk route (${delta.rows} changes, one stream) against selecting them by hand`,
      value: round(incrementalMs),
      floor: round(floorMs),
      ratio: round(incrementalMs / floorMs),
      target: '≤ 2 × floor',
      unit: 'ms (best of 10)',
      pass: incrementalMs <= 2 * floorMs && delta.rows === 1000 && floorRows === 1000,
    });
    notes.push(
      `trust sync, incremental through the GraphQL pages (not a target row): ${pagedDelta.rows} changes in ${pagedDelta.pages} pages, best of 10: ${round(pagesDeltaMs)} ms, ${round(pagesDeltaMs / floorMs)} × the floor (${round(floorMs)} ms)`,
    );
    if (delta.rows !== 1000 || floorRows !== 1000 || pagedDelta.rows !== 1000)
      notes.push(`FAIL trust sync incremental: the bulk route gave ${delta.rows} changes, the pages ${pagedDelta.rows} and the floor ${floorRows}, not 1,000`);
    return { results, notes };
  } finally {
    for (const client of clients) await client.end().catch(() => undefined);
    await stack?.stop();
    await dropStackDatabases(databaseUrl, prefix);
    rmSync(work, { recursive: true, force: true });
  }
}
