import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/sql';
import { demoData } from '@waymark/demo-data';
import { actAsAppRole, boundSql, decodeCursor, openDatabase, withSystemAccess, type Orm, type SubgraphServer } from '@waymark/subgraph-kit';
import { countStatements, makePrincipal, SubgraphTestClient, testDatabase, testKeys } from '@waymark/subgraph-kit/testing';
import { createApp, encountersService } from '../../app.js';
import { compactEncounterSyncLog } from './encounter-sync.compaction.js';

/*
 * encounterChanges and participationChanges: a trust's incremental sync of its encounters and
 * registers (docs/trust-api.md, "Incremental sync"), on a real database acting as the application
 * role. The demo data with the second trust (Riverside, one school: Eastgate).
 */
const data = demoData(new Date(), { secondTrust: true });
const [waymark, riverside] = data.trusts;
const [northfield, southbank, eastgate] = data.schools;
const schools = [northfield, southbank, eastgate].map((s) => ({ id: s.id, trustId: s.trustId }));
const pupilsAt = (schoolId: string) => data.pupils.filter((p) => p.schoolId === schoolId).map((p) => p.id);

const key = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: waymark.id, scopes: ['reports:read'] });
const riversideKey = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: riverside.id, scopes: ['reports:read'] });
const rosterKey = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: waymark.id, scopes: ['roster:write'] });
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: waymark.id });

type Feed = 'encounters' | 'participations';
const QUERIES: Record<Feed, string> = {
  encounters: `query ($after: String, $first: Int) { page: encounterChanges(after: $after, first: $first) {
    cursor hasMore changes { id: encounterId kind reason row: encounter { id schoolId kind title hours benchmarks yearGroups booked } } } }`,
  participations: `query ($after: String, $first: Int) { page: participationChanges(after: $after, first: $first) {
    cursor hasMore changes { id: participationId kind reason row: participation { id encounterId pupilId schoolId attended declined } } } }`,
};
type Row = Record<string, unknown> & { id: string };
interface Change {
  id: string;
  kind: 'UPSERT' | 'TOMBSTONE';
  reason: 'DELETED' | 'LEFT_TRUST' | null;
  row: Row | null;
}
interface Page {
  page: { cursor: string; hasMore: boolean; changes: Change[] } | null;
}

const concurrent = Boolean(process.env.DATABASE_URL);
let orm: Orm;
let app: SubgraphServer;
let client: SubgraphTestClient;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const db = testDatabase('encounters');
  dispose = db.dispose;
  const options = { service: encountersService.name, entities: encountersService.entities, migrations: encountersService.migrations, ...db.options };
  orm = await openDatabase(options);
  await encountersService.seed!(orm, { secondTrust: true });
  orm = await actAsAppRole(orm, options);
  // The feeds never call the pupils subgraph: nothing listens at this address.
  app = await createApp({ env: { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test', pupilsUrl: 'http://127.0.0.1:9/graphql' }, orm });
  client = await SubgraphTestClient.start(app);
});

afterAll(async () => {
  await app?.close();
  await orm?.close(true);
  await dispose?.();
});

async function openWriter(): Promise<EntityManager> {
  const em = orm.em.fork();
  await em.begin();
  await boundSql(em, `select set_config('waymark.bypass', 'on', true)`, []);
  return em;
}

async function write(work: (em: EntityManager) => Promise<unknown>): Promise<void> {
  const em = await openWriter();
  try {
    await work(em);
    await em.commit();
  } catch (error) {
    await em.rollback();
    throw error;
  }
}

/** An employer talk at a school with some of its pupils on the register; answers its id and the register's ids. */
async function insertEncounter(em: EntityManager, school: { id: string; trustId: string }, pupils: string[]): Promise<{ id: string; rows: string[] }> {
  const id = randomUUID();
  await boundSql(
    em,
    `insert into encounter (id, school_id, trust_id, kind, title, date, in_school_day, hours, benchmarks, year_groups, employer_ids, volunteer_ids, created_at)
     values ($1, $2, $3, 'EMPLOYER_TALK', 'Sync test talk', now(), true, 1, '{5}', '{9}', '{}', '{}', now())`,
    [id, school.id, school.trustId],
  );
  const rows: string[] = [];
  for (const pupilId of pupils) {
    const rowId = randomUUID();
    await boundSql(em, `insert into participation (id, encounter_id, pupil_id, school_id, trust_id, attended) values ($1, $2, $3, $4, $5, false)`, [
      rowId,
      id,
      pupilId,
      school.id,
      school.trustId,
    ]);
    rows.push(rowId);
  }
  return { id, rows };
}
const markAttended = (em: EntityManager, rowId: string, attended: boolean) =>
  boundSql(em, `update participation set attended = $2 where id = $1`, [rowId, attended]);
const retitle = (em: EntityManager, id: string, hours: number) => boundSql(em, `update encounter set hours = $2 where id = $1`, [id, hours]);
const removeRow = (em: EntityManager, rowId: string) => boundSql(em, `delete from participation where id = $1`, [rowId]);
const removeEncounter = (em: EntityManager, id: string) => boundSql(em, `delete from encounter where id = $1`, [id]);
/** An encounter (and its register) moved to another school, maybe of another trust: as a correction of a wrong school would. */
const move = async (em: EntityManager, id: string, school: { id: string; trustId: string }) => {
  await boundSql(em, `update encounter set school_id = $2, trust_id = $3 where id = $1`, [id, school.id, school.trustId]);
  await boundSql(em, `update participation set school_id = $2, trust_id = $3 where encounter_id = $1`, [id, school.id, school.trustId]);
};

async function page(feed: Feed, principal = key, after: string | null = null, first?: number): Promise<NonNullable<Page['page']>> {
  const res = await client.query<Page>(principal, QUERIES[feed], { after, first });
  expect(res.errors).toBeUndefined();
  return res.data!.page!;
}

function position(cursor: string | null): bigint {
  if (cursor === null) return -1n;
  const [, xid, seq] = decodeCursor(cursor, ['text', 'text', 'text'])!;
  return (BigInt(xid) << 64n) + BigInt(seq);
}

/** A trust's copy of one feed, as a client of the sync keeps it. */
class Replica {
  rows = new Map<string, Row>();
  cursor: string | null = null;
  constructor(
    readonly feed: Feed,
    readonly principal = key,
  ) {}

  async step(first = 7): Promise<boolean> {
    const result = await page(this.feed, this.principal, this.cursor, first);
    const ids = result.changes.map((c) => c.id);
    expect(new Set(ids).size, 'a row twice in one page').toBe(ids.length);
    if (result.changes.length > 0) expect(position(result.cursor) > position(this.cursor)).toBe(true);
    for (const change of result.changes) {
      if (change.kind === 'UPSERT') this.rows.set(change.id, change.row!);
      else {
        expect(change.row).toBeNull();
        expect(['DELETED', 'LEFT_TRUST']).toContain(change.reason);
        this.rows.delete(change.id);
      }
    }
    this.cursor = result.cursor;
    return result.hasMore;
  }

  async syncAll(first = 7): Promise<this> {
    while (await this.step(first));
    return this;
  }
}

/** The trust's rows as they stand, straight from the tables: what a fresh full export must equal. */
async function exportOf(feed: Feed, trustId: string): Promise<Map<string, Row>> {
  const em = await openWriter();
  try {
    const sql =
      feed === 'encounters'
        ? `select id, school_id as "schoolId", kind, title, hours, benchmarks as "benchmarks", year_groups as "yearGroups", booked from encounter where trust_id = $1`
        : `select id, encounter_id as "encounterId", pupil_id as "pupilId", school_id as "schoolId", attended, declined from participation where trust_id = $1`;
    const { rows } = await boundSql<Row>(em, sql, [trustId]);
    return new Map(rows.map((r) => [r.id, { ...r, ...('hours' in r ? { hours: Number(r.hours) } : {}) }]));
  } finally {
    await em.commit();
  }
}

async function settle(): Promise<void> {
  const em = await openWriter();
  let horizon: string;
  try {
    horizon = (await boundSql<{ xid: string }>(em, `select pg_current_xact_id()::text as xid`, [])).rows[0].xid;
  } finally {
    await em.commit();
  }
  for (;;) {
    const { rows } = await boundSql<{ done: boolean }>(orm.em.fork(), `select pg_snapshot_xmin(pg_current_snapshot()) > $1::text::xid8 as done`, [horizon]);
    if (rows[0].done) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('encounter and register sync: who may sync (the attacks first)', () => {
  it("gives another trust's key only its own encounters and register rows, and a stranger's key none", async () => {
    await write((em) => insertEncounter(em, schools[2], pupilsAt(eastgate.id).slice(0, 3)));
    await settle();
    for (const feed of ['encounters', 'participations'] as const) {
      const theirs = await new Replica(feed, riversideKey).syncAll(50);
      expect(theirs.rows.size).toBeGreaterThan(0);
      expect(theirs.rows).toEqual(await exportOf(feed, riverside.id));
      for (const row of theirs.rows.values()) expect(row.schoolId).toBe(eastgate.id);
      const stranger = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: randomUUID(), scopes: ['reports:read'] });
      expect((await page(feed, stranger)).changes).toEqual([]);
      expect((await page(feed, stranger, theirs.cursor)).changes).toEqual([]);
    }
  });

  it('refuses a key without reports:read and staff of a school; one feed refuses the other feed’s cursor', async () => {
    for (const feed of ['encounters', 'participations'] as const) {
      const refused = await client.query<Page>(rosterKey, QUERIES[feed], {});
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toContain('reports:read');
      const staff = await client.query<Page>(leader, QUERIES[feed], {});
      expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(staff.data?.page ?? null).toBeNull();
    }
    const encounterCursor = (await page('encounters', key, null, 1)).cursor;
    const crossed = await client.query<Page>(key, QUERIES.participations, { after: encounterCursor });
    expect(crossed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await client.query<Page>(key, QUERIES.encounters, { first: 1001 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('encounter and register sync: what a sync reads', () => {
  it('a full sync, then each change once: new, attendance, a row off the register, a deleted encounter and its register, a move out of the trust', async () => {
    await settle();
    const encounters = await new Replica('encounters').syncAll(100);
    const registers = await new Replica('participations').syncAll(100);
    expect(encounters.rows).toEqual(await exportOf('encounters', waymark.id));
    expect(registers.rows).toEqual(await exportOf('participations', waymark.id));

    let kept = { id: '', rows: [] as string[] };
    let gone = { id: '', rows: [] as string[] };
    let moved = { id: '', rows: [] as string[] };
    await write(async (em) => {
      kept = await insertEncounter(em, schools[0], pupilsAt(northfield.id).slice(0, 3));
      gone = await insertEncounter(em, schools[1], pupilsAt(southbank.id).slice(0, 2));
      moved = await insertEncounter(em, schools[0], pupilsAt(northfield.id).slice(3, 5));
    });
    await settle();
    await encounters.syncAll();
    await registers.syncAll();
    expect(registers.rows.get(kept.rows[0])).toMatchObject({ encounterId: kept.id, attended: false });

    await write(async (em) => {
      await markAttended(em, kept.rows[0], true);
      await markAttended(em, kept.rows[0], false);
      await markAttended(em, kept.rows[0], true); // three changes, one entry: the latest
      await retitle(em, kept.id, 2.5);
      await removeRow(em, kept.rows[1]);
      await removeEncounter(em, gone.id);
      await move(em, moved.id, schools[2]);
    });
    await settle();
    const encounterChanges = await page('encounters', key, encounters.cursor, 1000);
    const registerChanges = await page('participations', key, registers.cursor, 1000);
    const byId = new Map([...encounterChanges.changes, ...registerChanges.changes].map((c) => [c.id, c]));
    expect(encounterChanges.changes).toHaveLength(3);
    expect(registerChanges.changes).toHaveLength(1 + 1 + 2 + 2);
    expect(byId.get(kept.id)).toMatchObject({ kind: 'UPSERT', row: { hours: 2.5 } });
    expect(byId.get(kept.rows[0])).toMatchObject({ kind: 'UPSERT', row: { attended: true } });
    expect(byId.get(kept.rows[1])).toEqual({ id: kept.rows[1], kind: 'TOMBSTONE', reason: 'DELETED', row: null });
    expect(byId.get(gone.id)).toEqual({ id: gone.id, kind: 'TOMBSTONE', reason: 'DELETED', row: null });
    for (const rowId of gone.rows) expect(byId.get(rowId)).toMatchObject({ kind: 'TOMBSTONE', reason: 'DELETED' });
    expect(byId.get(moved.id)).toMatchObject({ kind: 'TOMBSTONE', reason: 'LEFT_TRUST' });
    for (const rowId of moved.rows) expect(byId.get(rowId)).toMatchObject({ kind: 'TOMBSTONE', reason: 'LEFT_TRUST' });
    await encounters.syncAll();
    await registers.syncAll();
    expect(encounters.rows).toEqual(await exportOf('encounters', waymark.id));
    expect(registers.rows).toEqual(await exportOf('participations', waymark.id));
    const theirs = await new Replica('encounters', riversideKey).syncAll(100);
    expect(theirs.rows.get(moved.id)).toMatchObject({ schoolId: eastgate.id });
  });

  it('logs nothing for a change the feeds do not hand out: a reflection, reflection time, staff notes', async () => {
    let made = { id: '', rows: [] as string[] };
    await write(async (em) => {
      made = await insertEncounter(em, schools[0], pupilsAt(northfield.id).slice(0, 2));
    });
    await settle();
    const encounters = await new Replica('encounters').syncAll(100);
    const registers = await new Replica('participations').syncAll(100);
    await write(async (em) => {
      await em.execute(`update participation set reflection = 'I learned a lot.', group_reflection_on = current_date where id = any(?::uuid[])`, [
        `{${made.rows.join(',')}}`,
      ]);
      await em.execute(`update encounter set staff_notes = 'Went well.', location = 'Hall' where id = ?`, [made.id]);
    });
    await settle();
    expect((await page('encounters', key, encounters.cursor, 1000)).changes).toEqual([]);
    expect((await page('participations', key, registers.cursor, 1000)).changes).toEqual([]);
  });

  it('does not let the cursor pass a transaction that began first but commits last', async () => {
    let talk = { id: '', rows: [] as string[] };
    await write(async (em) => {
      talk = await insertEncounter(em, schools[0], pupilsAt(northfield.id).slice(5, 7));
    });
    await settle();
    const registers = await new Replica('participations').syncAll(100);
    if (concurrent) {
      const first = await openWriter();
      await markAttended(first, talk.rows[0], true);
      await write((em) => markAttended(em, talk.rows[1], true));
      await registers.syncAll();
      expect(registers.rows.get(talk.rows[1])?.attended, 'held back behind the open transaction').toBe(false);
      await first.commit();
    } else {
      await write((em) => markAttended(em, talk.rows[0], true));
      await write((em) => markAttended(em, talk.rows[1], true));
    }
    await settle();
    await registers.syncAll();
    expect(registers.rows.get(talk.rows[0])?.attended).toBe(true);
    expect(registers.rows.get(talk.rows[1])?.attended).toBe(true);
  });

  it('compaction removes only changes a page would never hand out: a held cursor and a fresh sync read as before', async () => {
    let talk = { id: '', rows: [] as string[] };
    await write(async (em) => {
      talk = await insertEncounter(em, schools[1], pupilsAt(southbank.id).slice(0, 2));
    });
    await settle();
    const held = await new Replica('participations').syncAll(1000);
    for (const attended of [true, false, true]) await write((em) => markAttended(em, talk.rows[0], attended));
    await settle();
    expect(await withSystemAccess(orm, 'test: sync log compaction', compactEncounterSyncLog)).toBeGreaterThanOrEqual(2);
    expect(await withSystemAccess(orm, 'test: sync log compaction', compactEncounterSyncLog)).toBe(0);
    const changes = await page('participations', key, held.cursor, 1000);
    expect(changes.changes.map((c) => c.id)).toEqual([talk.rows[0]]);
    await held.syncAll();
    expect(held.rows.get(talk.rows[0])?.attended).toBe(true);
    expect(held.rows).toEqual(await exportOf('participations', waymark.id));
    expect((await new Replica('participations').syncAll(1000)).rows).toEqual(await exportOf('participations', waymark.id));
  });

  it('reads a page of any size in one statement', async () => {
    for (const feed of ['encounters', 'participations'] as const) {
      const counts: number[] = [];
      for (const first of [1, 10, 1000]) counts.push((await countStatements(orm, () => client.query<Page>(key, QUERIES[feed], { first }))).statements.length);
      expect(counts).toEqual([1, 1, 1]);
    }
  });
});

function randomSource(seed: number): { next: () => number; pick: <T>(items: readonly T[]) => T } {
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

type Op = (em: EntityManager) => Promise<unknown>;
interface Writer {
  em: EntityManager;
  ops: Op[];
  pending: Promise<void> | null;
  failed: boolean;
  rollBack: boolean;
}

describe('encounter and register sync under concurrent writes (property)', () => {
  it('syncs running while encounters, registers, deletions and moves commit in any order, then incremental syncs, equal a fresh full export', async () => {
    for (const seed of [5, 17, 29, 43]) {
      const random = randomSource(seed);
      await settle();
      const encounterIds: string[] = [];
      const rowIds: string[] = [];
      const readers = [key, riversideKey].flatMap((principal) => [new Replica('encounters', principal), new Replica('participations', principal)]);
      const slots: (Writer | null)[] = [null, null, null].slice(0, concurrent ? 3 : 1);
      const randomOp = (): Op => {
        const roll = random.next();
        if (roll < 0.25 || encounterIds.length === 0) {
          const school = random.pick(schools);
          const pupils = pupilsAt(school.id).slice(Math.floor(random.next() * 10), 12);
          return async (em) => {
            const made = await insertEncounter(em, school, pupils.slice(0, 1 + Math.floor(random.next() * 3)));
            encounterIds.push(made.id);
            rowIds.push(...made.rows);
          };
        }
        if (roll < 0.55 && rowIds.length > 0) {
          const [rowId, attended] = [random.pick(rowIds), random.next() < 0.5];
          return (em) => markAttended(em, rowId, attended);
        }
        const id = random.pick(encounterIds);
        if (roll < 0.65) return (em) => retitle(em, id, 1 + Math.floor(random.next() * 5));
        if (roll < 0.75 && rowIds.length > 0) {
          const rowId = random.pick(rowIds);
          return (em) => removeRow(em, rowId);
        }
        if (roll < 0.85) return (em) => removeEncounter(em, id);
        const school = random.pick(schools);
        return (em) => move(em, id, school);
      };
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
            // A deadlock between two writers: PostgreSQL ends one; it rolls back at its turn.
            writer.failed = true;
          })
          .finally(() => {
            writer.pending = null;
          });
      };
      const waitForAnyWriter = () => Promise.race(slots.map((w) => w?.pending).filter((p): p is Promise<void> => Boolean(p)));

      for (let tick = 0; tick < 50; tick += 1) {
        if (random.next() < 0.05) {
          // The housekeeping job may run at any moment.
          await withSystemAccess(orm, 'test: sync log compaction', compactEncounterSyncLog);
          continue;
        }
        if (random.next() < 0.3) {
          await random.pick(readers).step(1 + Math.floor(random.next() * 6));
          continue;
        }
        const slot = Math.floor(random.next() * slots.length);
        const writer = slots[slot];
        if (writer === null) {
          const ops = Array.from({ length: 1 + Math.floor(random.next() * 4) }, randomOp);
          const opened: Writer = { em: await openWriter(), ops, pending: null, failed: false, rollBack: random.next() < 0.15 };
          slots[slot] = opened;
          if (!concurrent) {
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
          await waitForAnyWriter();
        }
      }
      while (slots.some((w) => w !== null)) {
        const free = slots.findIndex((w) => w !== null && w.pending === null);
        if (free >= 0) await finish(free);
        else await waitForAnyWriter();
      }

      await settle();
      for (const replica of readers) {
        await replica.syncAll(200);
        const fresh = await new Replica(replica.feed, replica.principal).syncAll(200);
        expect(replica.rows, `seed ${seed}, ${replica.feed}: against the table`).toEqual(await exportOf(replica.feed, replica.principal.trustId!));
        expect(replica.rows, `seed ${seed}, ${replica.feed}: against a fresh full sync`).toEqual(fresh.rows);
      }
    }
    // Writers that deadlock wait for PostgreSQL to find it (deadlock_timeout, a second) before one is ended.
  }, 180_000);
});
