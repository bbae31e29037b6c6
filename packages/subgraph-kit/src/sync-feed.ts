import type { EntityManager } from '@mikro-orm/sql';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { InputError } from './errors.js';
import { decodeCursor, encodeCursor } from './graphql-types.js';
import type { HousekeepingJob } from './housekeeping.js';
import { boundSql } from './sql.js';
import { TENANT_SETTINGS, withSystemAccess } from './tenancy.js';

/*
 * What every trust sync feed shares (docs/trust-api.md, "Incremental sync"). Each feed has a change
 * log with the writing transaction's id (`xid`, from `pg_current_xact_id()`) and a sequence (`seq`).
 * The logs written by triggers keep one row per record, moved to the end on each change
 * (`syncLogEntrySql`); the benchmark states log, written by a job, gains a row per change and is
 * compacted daily. A page hands out, in (xid, seq) order, each record's newest change only, and only
 * changes whose transaction is older than every transaction still running, so a transaction that
 * began first but commits last can never land behind a cursor already given out. A service keeps its
 * own log table, trigger and page statement; the cursor, page size, page conditions, the log's upsert,
 * compaction and the GraphQL enum live here once.
 */

/** Where a sync stands in a change log: after this transaction id and, within it, this row. */
export interface SyncPosition {
  xid: string;
  seq: string;
}

/** The start of a log: a sync without a cursor reads everything. */
export const SYNC_START: SyncPosition = { xid: '0', seq: '0' };

/** A sync page holds this many changes unless asked for fewer, and never more than MAX_SYNC_PAGE. */
export const DEFAULT_SYNC_PAGE = 500;
export const MAX_SYNC_PAGE = 1000;

const DIGITS = /^\d{1,20}$/;

/** The page size a `first` argument asks for; refused outside 1 to MAX_SYNC_PAGE. */
export function syncPageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_SYNC_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_SYNC_PAGE) throw InputError.invalid(`first must be a whole number from 1 to ${MAX_SYNC_PAGE}.`);
  return first;
}

export interface SyncCursors {
  encode: (position: SyncPosition) => string;
  /** The position an `after` cursor names; the start of the log when there is none. Refuses a cursor this feed did not give out. */
  decode: (after: string | null | undefined) => SyncPosition;
}

/**
 * The cursors of one feed. Each carries the feed's own mark, so a cursor of one feed is refused by
 * every other; `field` names the query in the refusal.
 */
export function syncCursors(mark: string, field: string): SyncCursors {
  return {
    encode: (position) => encodeCursor([mark, position.xid, position.seq]),
    decode: (after) => {
      const refused = InputError.invalid(`The after cursor is not one ${field} gave out. Start again without one (a full sync), then page on with cursor.`);
      let parts: [string, string, string] | null;
      try {
        parts = decodeCursor(after, ['text', 'text', 'text']);
      } catch {
        throw refused;
      }
      if (parts === null) return SYNC_START;
      const [version, xid, seq] = parts;
      if (version !== mark || !DIGITS.test(xid) || !DIGITS.test(seq)) throw refused;
      return { xid, seq };
    },
  };
}

/**
 * The condition that picks a page's rows from a change log aliased `l` that holds one row per record
 * (`syncLogEntrySql`): after the cursor (its transaction id and sequence bound as `xidParam` and
 * `seqParam`, e.g. '$2' and '$3') and below the oldest transaction still running. Every row is its
 * record's newest change, so nothing has to be looked up beside it (on a nightly sync of a thousand
 * changes, looking for a newer row of each was a third of the statement, docs/performance-targets.md,
 * "Trust sync"). Order by `l.xid, l.seq`.
 */
export function readyEntriesCondition(xidParam: string, seqParam: string): string {
  return `(l.xid, l.seq) > (${xidParam}::text::xid8, ${seqParam}::bigint)
        and l.xid < pg_snapshot_xmin(pg_current_snapshot())`;
}

/**
 * What a trigger runs to note changes in a log that keeps one row per record in each trust
 * (docs/trust-api.md, "Incremental sync"): each record's row is added, or moved to the end of the log
 * (this transaction's id, a new sequence number) with the other `columns` as given (a reason, say),
 * in place of the change it noted before. `rows` gives the rows for `columns`, in order: a
 * `values (…)` or a `select …`, one row per record at most. `key` names the columns (with `trust_id`)
 * of the log's unique index on a record.
 *
 * The log is readable by its trust's analysts only, and the writer is usually a school's staff, who
 * may add rows but not read them; moving a row reads it. So the statement runs with the row check
 * lifted for itself alone: the block notes the setting as it was, lifts it, and puts it back before
 * the statement that fired the trigger goes on (a bypass already held by the writer stays held).
 * Trigger code is the database's own; nothing the application sends runs inside it.
 */
export function syncLogEntrySql(options: { log: string; key: readonly string[]; columns: readonly string[]; rows: string }): string {
  const quoted = (column: string) => `"${column}"`;
  const target = ['trust_id', ...options.key];
  const others = options.columns.filter((column) => !target.includes(column));
  const set = ['xid', 'seq', ...others].map((column) => `${quoted(column)} = excluded.${quoted(column)}`).join(', ');
  return `declare
  held text := current_setting('${TENANT_SETTINGS.bypass}', true);
begin
  perform set_config('${TENANT_SETTINGS.bypass}', 'on', true);
  insert into "${options.log}" (${options.columns.map(quoted).join(', ')}) ${options.rows}
    on conflict (${target.map(quoted).join(', ')}) do update set ${set};
  perform set_config('${TENANT_SETTINGS.bypass}', coalesce(held, ''), true);
end;`;
}

/**
 * A page from rows read with `limit + 1`: the first `limit`, the cursor after the last of them (or the
 * same cursor when there were none), and whether more were ready.
 */
export function syncPage<Row extends SyncPosition>(rows: readonly Row[], limit: number, after: SyncPosition, cursors: SyncCursors) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, cursor: cursors.encode(last ? { xid: last.xid, seq: last.seq } : after), hasMore: rows.length > limit };
}

/**
 * The daily housekeeping of a change log: removes every row behind a newer one of the same record in
 * the same trust. A feed only ever hands out a record's newest change, so this changes no answer and
 * no cursor; tombstones stay, as the newest row of a record gone.
 */
export function syncLogCompaction(options: { log: string; key: readonly string[]; feed: string }): {
  compact: (em: EntityManager) => Promise<number>;
  job: HousekeepingJob;
} {
  const sameRecord = options.key.map((column) => ` and n.${column} = l.${column}`).join('');
  const compact = async (em: EntityManager) =>
    (
      await boundSql(
        em,
        `delete from ${options.log} l where exists (select 1 from ${options.log} n where n.trust_id = l.trust_id${sameRecord} and n.seq > l.seq)`,
        [],
      )
    ).affected;
  return {
    compact,
    job: {
      name: `${options.feed} sync log compaction`,
      everyMs: 24 * 60 * 60 * 1000,
      run: async (orm) => {
        const removed = await withSystemAccess(orm, `${options.feed} sync log compaction: superseded changes, in every trust`, compact);
        return removed > 0 ? `${removed} superseded sync changes removed` : undefined;
      },
    },
  };
}

/** Whether a change carries the record as it stands, or says it has gone (every feed's). */
export enum SyncChangeKind {
  UPSERT = 'UPSERT',
  TOMBSTONE = 'TOMBSTONE',
}
registerEnumType(SyncChangeKind, {
  name: 'SyncChangeKind',
  description: 'UPSERT: add or replace the record with the one given. TOMBSTONE: remove it; only its id and the reason come with it.',
});

/**
 * The cursor and hasMore of every feed's page; each page type (an `@ObjectType` extending this)
 * adds its `changes`. No field returns this type itself, so it stays out of every schema.
 */
@ObjectType('SyncPageFields')
export abstract class SyncPageFields {
  @Field(() => String, { description: 'Pass as `after` for the next page; keep the last one for the next sync. Never goes past a change still being written.' })
  cursor: string;

  @Field({ description: 'True when more changes are ready now: ask again straight away with `cursor`.' })
  hasMore: boolean;
}
