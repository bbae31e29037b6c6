import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiFieldRefusal, CREDENTIAL_HEADER, hasRole, type CredentialVerifier, type Principal } from '@waymark/auth';
import { scopeOf } from './authorize.js';
import type { Orm } from './database.js';
import { InputError } from './errors.js';
import { sendJson, type SubgraphServerOptions } from './server.js';
import { boundSql } from './sql.js';
import type { SyncCursors, SyncPosition } from './sync-feed.js';
import { beginRequestTransaction } from './tenancy.js';

/*
 * The bulk sync of a feed as one NDJSON stream (docs/trust-api.md, "Bulk sync"), beside its GraphQL
 * pages: GET /internal/sync/<feed> for a credential the gateway signed, answered only for a trust's
 * analyst or an API key that may read the feed's GraphQL field (the same scope catalogue and the same
 * trust rule as the resolvers). Each line is one change entry shaped as the GraphQL page's JSON gives
 * it, built by PostgreSQL (jsonObjectSql below), read through a cursor in batches and written with
 * back-pressure (the next batch read while one is written); the last line is `{"cursor":"…","hasMore":false}`. A stream that fails
 * part-way is cut off without that line, so a client can tell it is incomplete.
 *  - Without `after`, a snapshot: every current row of the trust, in one REPEATABLE READ, read-only
 *    transaction. Its cursor is (the snapshot's xmin, 0): every change of a transaction below xmin had
 *    committed (or rolled back) before the snapshot, so it is in it; every change at or above it comes
 *    after the cursor and is handed out again by the feed (an upsert carries the row as it stands, so
 *    one already in the snapshot is harmless).
 *  - With `after`, the changes after it: the GraphQL feed's entries, in its order and under its
 *    ready-changes condition, all of them in one answer. They are read a batch at a time from the
 *    position the last batch ended at (no cursor to declare: a nightly sync's few changes are one
 *    statement). Each batch sees the changes ready when it runs; one ready for a later batch is always
 *    after every position handed out already (sync-feed.ts), so nothing is missed or repeated.
 */

/**
 * SQL expressions that give JSON text, for a stream's lines: `jsonObjectSql` joins them with `||`,
 * which PostgreSQL runs in about a third of the time `json_build_object(...)::text` takes on a
 * 500,000-row snapshot, and gives JSON without spaces, as a GraphQL answer is written. Each takes a
 * column (or expression) and never gives NULL (a NULL anywhere in a `||` chain would blank the line).
 */
export const sqlJson = {
  /** A uuid, date or other value whose text needs no escaping, quoted. */
  plain: (column: string) => `coalesce('"' || ${column}::text || '"', 'null')`,
  /** The same for a column that is never NULL (a key): its quotes join the literals around it. */
  key: (column: string) => `'"' || ${column}::text || '"'`,
  /** A whole number, as it is. */
  int: (column: string) => `coalesce(${column}::text, 'null')`,
  bool: (column: string) => `(case when ${column} is null then 'null' when ${column} then 'true' else 'false' end)`,
  /** Text (escaped), an array, a float: PostgreSQL's own JSON of the value. */
  value: (column: string) => `coalesce(to_json(${column})::text, 'null')`,
  /** A timestamp with time zone as GraphQL's Date writes it: ISO 8601 in UTC, with milliseconds. */
  timestamp: (column: string) => `coalesce(to_char(${column} at time zone 'UTC', '\\"YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\\"'), 'null')`,
  /** A fixed string (no quotes or backslashes in it). */
  literal: (text: string) => `'"${text}"'`,
  null: `'null'`,
};

/** A whole SQL string literal ('…', with '' for a quote inside), or null. */
function literalText(sql: string): string | null {
  const match = /^'((?:[^']|'')*)'$/.exec(sql.trim());
  return match ? match[1] : null;
}

/** The operands of an SQL expression joined by `||` at its top level (outside quotes and brackets). */
function concatenated(sql: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < sql.length; i += 1) {
    const c = sql[i];
    if (quoted) {
      if (c === "'") quoted = false;
    } else if (c === "'") quoted = true;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && sql[i + 1] === '|' && depth === 0) {
      parts.push(sql.slice(start, i).trim());
      start = i + 2;
      i += 1;
    }
  }
  parts.push(sql.slice(start).trim());
  return parts;
}

/**
 * A JSON object from its fields, each an SQL expression giving JSON text (sqlJson, or another
 * jsonObjectSql), in this order: one `||` chain, in which neighbouring literals (a field's name, a
 * key's quotes, a fixed value, a nested object's brace) are joined into one before PostgreSQL sees
 * them, so each line costs one join per column rather than several.
 */
export function jsonObjectSql(fields: Record<string, string>): string {
  const operands = Object.entries(fields).flatMap(([name, value], i) => [`'${i === 0 ? '{' : ','}"${name}":'`, ...concatenated(value)]);
  operands.push(`'}'`);
  const joined: string[] = [];
  for (const operand of operands) {
    const text = literalText(operand);
    const before = joined.length > 0 ? literalText(joined[joined.length - 1]) : null;
    if (text !== null && before !== null) joined[joined.length - 1] = `'${before}${text}'`;
    else joined.push(operand);
  }
  return joined.join(' || ');
}

/** One feed's bulk stream: what a service supplies (its SQL); the rest is here. */
export interface SyncStreamFeed {
  /** The last part of the path: /internal/sync/<path>. */
  path: string;
  /** The GraphQL field of the same feed: an API key needs the scope that opens it. */
  field: string;
  cursors: SyncCursors;
  /** Every current row of the trust ($1) as the feed's upsert entry, one `line` (JSON text) a row. */
  snapshotSql: string;
  /**
   * The ready changes after a position ($1 the trust, $2 and $3 the position's xid and seq), as the
   * feed's entries: `xid` and `seq` as text, and `line`, ordered by (xid, seq), with no `limit` of
   * its own (the stream adds one per batch).
   */
  changesSql: string;
}

const NDJSON_HEADERS = { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' };

/** Rows read from the statement's cursor at a time. */
const SYNC_STREAM_BATCH = 5000;

interface StreamRow {
  line: string;
  xid?: string;
  seq?: string;
}

/** Resolves when the response can take more, rejects when the client has gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', gone);
      resolve();
    };
    const gone = () => {
      res.off('drain', done);
      res.off('close', gone);
      reject(new Error('the client went away'));
    };
    res.on('drain', done);
    res.on('close', gone);
  });
}

/** Ends a response part-way: the bytes written so far are sent, then the connection is closed without the body's end. */
export function cutShort(res: ServerResponse): void {
  const socket = res.socket;
  if (socket && !socket.destroyed) socket.end();
  else res.destroy();
}

/** Why a caller may not stream this feed (the resolvers' rule and the key's scopes), or null. */
function syncStreamRefusal(principal: Principal, feed: Pick<SyncStreamFeed, 'field'>): { status: number; message: string } | null {
  if (principal.kind === 'system') return { status: 403, message: 'Only a trust’s analysts and API keys can sync its data.' };
  const refusal = apiFieldRefusal(principal, 'query', [feed.field]);
  if (refusal) return { status: 403, message: refusal.message };
  const scope = scopeOf(principal);
  if (!hasRole(principal, 'trust_analyst') || scope.kind !== 'trust')
    return { status: 403, message: 'Only a trust’s analysts and API keys can sync its data.' };
  return null;
}

/**
 * The routes of a service's bulk sync streams; `next` answers every other path. `rowSecurity` as the
 * service's (the request acts as the application role with the caller's tenant settings).
 */
export function syncStreamRoutes(
  orm: Orm,
  feeds: readonly SyncStreamFeed[],
  options: { rowSecurity: boolean; log?: (line: string) => void },
  next?: NonNullable<SubgraphServerOptions['routes']>,
): NonNullable<SubgraphServerOptions['routes']> {
  const byPath = new Map(feeds.map((feed) => [`/internal/sync/${feed.path}`, feed]));
  const log = options.log ?? ((line: string) => process.stderr.write(`[sync stream] ${line}\n`));
  return async (req: IncomingMessage, res: ServerResponse, raw: string, verifier: CredentialVerifier): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://subgraph');
    const feed = byPath.get(url.pathname);
    if (!feed) return next ? next(req, res, raw, verifier) : false;
    const verified = await verifier.verify(req.headers[CREDENTIAL_HEADER] as string | undefined);
    if (!verified.ok) {
      sendJson(res, 401, { error: 'This route only answers the Waymark gateway.' });
      return true;
    }
    const refusal = syncStreamRefusal(verified.principal, feed);
    if (refusal) {
      sendJson(res, refusal.status, { error: refusal.message });
      return true;
    }
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      sendJson(res, 405, { error: 'Use GET.' });
      return true;
    }
    const scope = scopeOf(verified.principal);
    if (scope.kind !== 'trust') return true; // syncStreamRefusal has answered every other caller
    const afterParam = url.searchParams.get('after');
    let after: SyncPosition | null = null;
    try {
      if (afterParam !== null && afterParam !== '') after = feed.cursors.decode(afterParam);
    } catch (error) {
      sendJson(res, 400, { error: error instanceof InputError ? error.message : 'The after cursor is not valid.' });
      return true;
    }
    await streamFeed(orm, feed, verified.principal, scope.trustId, after, res, options.rowSecurity, log);
    return true;
  };
}

async function streamFeed(
  orm: Orm,
  feed: SyncStreamFeed,
  principal: Principal,
  trustId: string,
  after: SyncPosition | null,
  res: ServerResponse,
  rowSecurity: boolean,
  log: (line: string) => void,
): Promise<void> {
  // A snapshot reads several batches that must agree: one REPEATABLE READ snapshot, through a cursor.
  // The changes after a position are read by position, a batch a statement (the module's comment).
  const transaction = await beginRequestTransaction(orm.em.fork(), principal, { appRole: rowSecurity, snapshot: after === null });
  const { em } = transaction;
  try {
    let position: SyncPosition;
    let fetchBatch: () => Promise<{ rows: StreamRow[] }>;
    if (after === null) {
      const { rows } = await boundSql<{ xmin: string }>(em, `select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`, []);
      position = { xid: rows[0].xmin, seq: '0' };
      await boundSql(em, `declare waymark_sync_stream no scroll cursor for ${feed.snapshotSql}`, [trustId]);
      fetchBatch = () => boundSql<StreamRow>(em, `fetch ${SYNC_STREAM_BATCH} from waymark_sync_stream`, []);
    } else {
      position = after;
      const changes = `${feed.changesSql} limit ${SYNC_STREAM_BATCH}`;
      // Called once the last batch's final position is known (below), so each batch starts after it.
      fetchBatch = () => boundSql<StreamRow>(em, changes, [trustId, position.xid, position.seq], { prepared: true });
    }
    const ahead = () => {
      const batch = fetchBatch();
      // Awaited on the next turn of the loop; a failure while this one is still being written is not lost.
      batch.catch(() => undefined);
      return batch;
    };
    let next = ahead();
    // The last batch's lines, written with the cursor line.
    let last = '';
    for (;;) {
      const { rows } = await next;
      if (rows.length === 0) break;
      if (after !== null) {
        const last = rows[rows.length - 1];
        position = { xid: last.xid!, seq: last.seq! };
      }
      // A short batch is the last: nothing more is read, and it goes out with the cursor line in one
      // write (a nightly sync's few changes are one batch). Otherwise the database reads the next
      // batch while this one is written.
      const more = rows.length === SYNC_STREAM_BATCH;
      next = more ? ahead() : Promise.resolve({ rows: [] });
      let chunk = '';
      for (const row of rows) chunk += `${row.line}\n`;
      if (res.destroyed) throw new Error('the client went away');
      if (!more) {
        last = chunk;
        break;
      }
      // The status once the first batch is read: a statement that fails at once is still a plain 500.
      if (!res.headersSent) res.writeHead(200, NDJSON_HEADERS);
      if (!res.write(chunk)) await drained(res);
    }
    if (!res.headersSent) res.writeHead(200, NDJSON_HEADERS);
    res.end(`${last}${JSON.stringify({ cursor: feed.cursors.encode(position), hasMore: false })}\n`);
  } catch (error) {
    log(`${feed.path} stream failed: ${(error as Error).message}`);
    if (!res.headersSent) sendJson(res, 500, { error: 'Internal server error' });
    // Cut off without the final cursor line (and without the body's end): what was written still
    // goes out, then the connection closes, and the client knows the stream is incomplete.
    else cutShort(res);
  } finally {
    // Read only: nothing to keep.
    await transaction.end(false);
  }
}
