import { expect } from 'vitest';
import type { EntityManager } from '@mikro-orm/sql';
import { CREDENTIAL_HEADER, type Principal } from '@waymark/auth';
import type { Orm } from './database.js';
import { decodeCursor } from './graphql-types.js';
import { boundSql } from './sql.js';
import { testSigner } from './testing.js';

/*
 * What the trust sync feeds' tests share: a writer's own transaction as the system, a wait for every
 * older transaction to end, a seeded random source, a client's copy of a feed, and a driver that runs
 * random writes in several transactions open at once.
 */

/** A transaction of the test's own, as the system (the tenant check lifted), on a connection of its own. */
export async function openSystemWriter(orm: Orm): Promise<EntityManager> {
  const em = orm.em.fork() as unknown as EntityManager;
  await em.begin();
  await boundSql(em, `select set_config('waymark.bypass', 'on', true)`, []);
  return em;
}

/** Runs `work` in a system writer's transaction and commits it (rolls back when it throws). */
export async function writeAsSystem(orm: Orm, work: (em: EntityManager) => Promise<unknown>): Promise<void> {
  const em = await openSystemWriter(orm);
  try {
    await work(em);
    await em.commit();
  } catch (error) {
    await em.rollback();
    throw error;
  }
}

/** Waits until no transaction that began before now is still running, so a feed may hand out everything committed. */
export async function settleTransactions(orm: Orm): Promise<void> {
  const em = await openSystemWriter(orm);
  let horizon: string;
  try {
    horizon = (await boundSql<{ xid: string }>(em, `select pg_current_xact_id()::text as xid`, [])).rows[0].xid;
  } finally {
    await em.commit();
  }
  // Another database on the same server may hold a transaction open for a moment; wait it out.
  for (;;) {
    const { rows } = await boundSql<{ done: boolean }>(orm.em.fork(), `select pg_snapshot_xmin(pg_current_snapshot()) > $1::text::xid8 as done`, [horizon]);
    if (rows[0].done) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The place a feed's cursor names in its log, as one comparable number (transaction id, then row); -1 for none. */
export function syncCursorPosition(cursor: string | null): bigint {
  if (cursor === null) return -1n;
  const [, xid, seq] = decodeCursor(cursor, ['text', 'text', 'text'])!;
  return (BigInt(xid) << 64n) + BigInt(seq);
}

export interface SeededRandom {
  next: () => number;
  pick: <T>(items: readonly T[]) => T;
}

/** A small seeded random source, so a failing interleaving can be run again by its seed. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: (items) => items[Math.floor(next() * items.length)] };
}

/** One change as a feed's test reads it: the record's id, the kind, the reason for a tombstone, the record for an upsert. */
export interface FeedChange<Row> {
  id: string;
  kind: 'UPSERT' | 'TOMBSTONE';
  reason: string | null;
  row: Row | null;
}

export interface FeedPage<Row> {
  cursor: string;
  hasMore: boolean;
  changes: FeedChange<Row>[];
}

/**
 * A trust's copy of one feed, as a client of the sync keeps it, checking as it goes what every feed
 * promises: a record at most once a page, a cursor that only moves forwards, no record with a tombstone.
 */
export class FeedReplica<Row> {
  rows = new Map<string, Row>();
  tombstones = new Map<string, string>();
  cursor: string | null = null;
  /** The cursors of the pages that carried changes, in order. */
  delivered: string[] = [];

  constructor(
    private readonly fetchPage: (after: string | null, first: number) => Promise<FeedPage<Row>>,
    private readonly checkChange: (change: FeedChange<Row>) => void = () => undefined,
  ) {}

  apply(changes: FeedChange<Row>[]): void {
    const ids = changes.map((c) => c.id);
    expect(new Set(ids).size, 'a record twice in one page').toBe(ids.length);
    for (const change of changes) {
      this.checkChange(change);
      if (change.kind === 'UPSERT') {
        expect(change.reason).toBeNull();
        this.rows.set(change.id, change.row!);
        this.tombstones.delete(change.id);
      } else {
        expect(change.row).toBeNull();
        this.rows.delete(change.id);
        this.tombstones.set(change.id, change.reason!);
      }
    }
  }

  /** One page after the cursor; false when the feed had no more ready. */
  async step(first = 7): Promise<boolean> {
    const result = await this.fetchPage(this.cursor, first);
    if (result.changes.length > 0) {
      expect(syncCursorPosition(result.cursor) > syncCursorPosition(this.cursor), 'the cursor moves forwards').toBe(true);
      this.delivered.push(result.cursor);
    } else expect(result.cursor).toBe(this.cursor ?? result.cursor);
    this.apply(result.changes);
    this.cursor = result.cursor;
    return result.hasMore;
  }

  async syncAll(first = 7): Promise<this> {
    while (await this.step(first));
    return this;
  }
}

export type WriteOp = (em: EntityManager) => Promise<unknown>;

/** A writer's transaction: its operations still to run, the one running (maybe waiting on a row lock), and whether one failed. */
interface Writer {
  em: EntityManager;
  ops: WriteOp[];
  pending: Promise<void> | null;
  failed: boolean;
  rollBack: boolean;
}

/**
 * Random writes in up to `writers` transactions open at once (one at a time when not `concurrent`:
 * PGlite takes one at a time), each of one to four operations from `randomOp`, committing or rolling
 * back (15%) in any order, for `ticks` steps; on some ticks `between` runs instead (a sync page, the
 * compaction job), when it says so by returning true. Every writer has ended when it resolves.
 */
export async function interleaveWriters(options: {
  orm: Orm;
  random: SeededRandom;
  concurrent: boolean;
  randomOp: () => WriteOp;
  between: () => Promise<boolean>;
  ticks?: number;
  writers?: number;
}): Promise<void> {
  const { orm, random } = options;
  const slots: (Writer | null)[] = Array.from({ length: options.concurrent ? (options.writers ?? 3) : 1 }, () => null);
  const finish = async (slot: number) => {
    const writer = slots[slot]!;
    slots[slot] = null;
    if (writer.failed || writer.rollBack) await writer.em.rollback();
    else await writer.em.commit();
  };
  const advance = (writer: Writer) => {
    const op = writer.ops.shift()!;
    writer.pending = op(writer.em)
      .then(() => undefined)
      .catch(() => {
        // A deadlock between two of the writers: PostgreSQL ends one; it rolls back at its turn.
        writer.failed = true;
      })
      .finally(() => {
        writer.pending = null;
      });
  };
  const waitForAnyWriter = () => Promise.race(slots.map((w) => w?.pending).filter((p): p is Promise<void> => Boolean(p)));

  for (let tick = 0; tick < (options.ticks ?? 60); tick += 1) {
    if (await options.between()) continue;
    const slot = Math.floor(random.next() * slots.length);
    const writer = slots[slot];
    if (writer === null) {
      const ops = Array.from({ length: 1 + Math.floor(random.next() * 4) }, options.randomOp);
      const opened: Writer = { em: await openSystemWriter(orm), ops, pending: null, failed: false, rollBack: random.next() < 0.15 };
      slots[slot] = opened;
      if (!options.concurrent) {
        while (opened.ops.length > 0) {
          advance(opened);
          await opened.pending;
        }
        await finish(slot);
      }
    } else if (writer.pending === null) {
      if (writer.ops.length > 0) advance(writer);
      else await finish(slot);
    } else if (slots.every((w) => w === null || w.pending !== null)) {
      // Every open writer waits on a row lock: only another one's end can free them.
      await waitForAnyWriter();
    }
  }
  // The last writers end, each as soon as it is not waiting on another.
  while (slots.some((w) => w !== null)) {
    const free = slots.findIndex((w) => w !== null && w.pending === null);
    if (free >= 0) await finish(free);
    else await waitForAnyWriter();
  }
}

/** What a bulk sync stream answered (sync-stream.ts): its status, its entry lines, and its final cursor line (null when cut short or refused). */
export interface SyncStreamAnswer {
  status: number;
  contentType: string | null;
  /** The entry lines, parsed, in order (the final cursor line left out). */
  entries: Record<string, unknown>[];
  final: { cursor: string; hasMore: boolean } | null;
  /** The whole body, for an answer that was not a stream (a refusal's JSON). */
  body: string;
}

/** Reads a subgraph's bulk sync stream as the gateway would, with a credential for `principal` (none when null). */
export async function readSyncStream(
  baseUrl: string,
  feedPath: string,
  principal: Principal | null,
  after?: string | null,
  method = 'GET',
): Promise<SyncStreamAnswer> {
  const headers: Record<string, string> = {};
  if (principal) headers[CREDENTIAL_HEADER] = await testSigner().sign(principal);
  const url = new URL(`/internal/sync/${feedPath}`, baseUrl);
  if (after) url.searchParams.set('after', after);
  const response = await fetch(url, { method, headers });
  const body = await response.text();
  const contentType = response.headers.get('content-type');
  if (!contentType?.startsWith('application/x-ndjson')) return { status: response.status, contentType, entries: [], final: null, body };
  const lines = body.split('\n').filter((line) => line !== '');
  const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const last = parsed.at(-1);
  const final = last && 'cursor' in last && 'hasMore' in last ? (parsed.pop() as { cursor: string; hasMore: boolean }) : null;
  return { status: response.status, contentType, entries: parsed, final, body };
}
