import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/sql';
import { demoData } from '@waymark/demo-data';
import { actAsAppRole, beginRequestTransaction, boundSql, openDatabase, type Orm, type SubgraphServer } from '@waymark/subgraph-kit';
import {
  countStatements,
  FeedReplica,
  interleaveWriters,
  makePrincipal,
  openSystemWriter,
  seededRandom,
  settleTransactions,
  SubgraphTestClient,
  testDatabase,
  testKeys,
  writeAsSystem,
} from '@waymark/subgraph-kit/testing';
import { createApp, encountersService } from '../../app.js';
import { insertEncounter, markAttended, move, randomEncounterWrites, removeEncounter, removeRow, setHours } from '../../../test/sync-fixtures.js';

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

const openWriter = () => openSystemWriter(orm);
const write = (work: (em: EntityManager) => Promise<unknown>) => writeAsSystem(orm, work);
const settle = () => settleTransactions(orm);

async function page(feed: Feed, principal = key, after: string | null = null, first?: number): Promise<NonNullable<Page['page']>> {
  const res = await client.query<Page>(principal, QUERIES[feed], { after, first });
  expect(res.errors).toBeUndefined();
  return res.data!.page!;
}

/** A trust's copy of one feed, as a client of the sync keeps it. */
const replicaOf = (feed: Feed, principal = key) =>
  Object.assign(
    new FeedReplica<Row>(
      (after, first) => page(feed, principal, after, first),
      (change) => {
        if (change.kind === 'TOMBSTONE') expect(['DELETED', 'LEFT_TRUST']).toContain(change.reason);
      },
    ),
    { feed, principal },
  );

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

describe('encounter and register sync: who may sync (the attacks first)', () => {
  it("gives another trust's key only its own encounters and register rows, and a stranger's key none", async () => {
    await write((em) => insertEncounter(em, schools[2], pupilsAt(eastgate.id).slice(0, 3)));
    await settle();
    for (const feed of ['encounters', 'participations'] as const) {
      const theirs = await replicaOf(feed, riversideKey).syncAll(50);
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
    const encounters = await replicaOf('encounters').syncAll(100);
    const registers = await replicaOf('participations').syncAll(100);
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
      await setHours(em, kept.id, 2.5);
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
    const theirs = await replicaOf('encounters', riversideKey).syncAll(100);
    expect(theirs.rows.get(moved.id)).toMatchObject({ schoolId: eastgate.id });
  });

  it('logs nothing for a change the feeds do not hand out: a reflection, reflection time, staff notes', async () => {
    let made = { id: '', rows: [] as string[] };
    await write(async (em) => {
      made = await insertEncounter(em, schools[0], pupilsAt(northfield.id).slice(0, 2));
    });
    await settle();
    const encounters = await replicaOf('encounters').syncAll(100);
    const registers = await replicaOf('participations').syncAll(100);
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
    const registers = await replicaOf('participations').syncAll(100);
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

  it("keeps one row per record: a school's staff changing a register row again moves its row to the end, and lift nothing for longer", async () => {
    let talk = { id: '', rows: [] as string[] };
    await write(async (em) => {
      talk = await insertEncounter(em, schools[1], pupilsAt(southbank.id).slice(0, 2));
    });
    await settle();
    const held = await replicaOf('participations').syncAll(1000);
    // The register as its school's staff mark it: the log is not theirs to read, yet their changes move its row.
    const staff = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: waymark.id });
    for (const attended of [true, false, true]) {
      const transaction = await beginRequestTransaction(orm.em.fork(), staff, { appRole: true });
      await markAttended(transaction.em, talk.rows[0], attended);
      const { rows } = await boundSql<{ bypass: string | null }>(transaction.em, `select current_setting('waymark.bypass', true) as bypass`, []);
      expect(rows[0].bypass ?? '').toBe('');
      const theirs = await boundSql(transaction.em, `select 1 from encounter_sync_change`, []);
      expect(theirs.rows).toEqual([]);
      await transaction.end(true);
    }
    // A system writer's bypass is still held after the trigger has put its own back.
    await write(async (em) => {
      await markAttended(em, talk.rows[1], true);
      const { rows } = await boundSql<{ bypass: string }>(em, `select current_setting('waymark.bypass', true) as bypass`, []);
      expect(rows[0].bypass).toBe('on');
    });
    await settle();
    await write(async (em) => {
      const { rows } = await boundSql<{ row_id: string; n: number }>(
        em,
        `select row_id, count(*)::int as n from encounter_sync_change where record = 'participation' and row_id = any($1::uuid[]) group by row_id order by row_id`,
        [talk.rows],
      );
      expect(rows.map((r) => r.n)).toEqual([1, 1]);
      const { rows: duplicated } = await boundSql(em, `select 1 from encounter_sync_change group by trust_id, record, row_id having count(*) > 1`, []);
      expect(duplicated).toEqual([]);
    });
    const changes = await page('participations', key, held.cursor, 1000);
    expect(changes.changes.map((c) => c.id)).toEqual([talk.rows[0], talk.rows[1]]);
    await held.syncAll();
    expect(held.rows.get(talk.rows[0])?.attended).toBe(true);
    expect(held.rows.get(talk.rows[1])?.attended).toBe(true);
    expect(held.rows).toEqual(await exportOf('participations', waymark.id));
    expect((await replicaOf('participations').syncAll(1000)).rows).toEqual(await exportOf('participations', waymark.id));
  });

  it('reads a page of any size in one statement', async () => {
    for (const feed of ['encounters', 'participations'] as const) {
      const counts: number[] = [];
      for (const first of [1, 10, 1000]) counts.push((await countStatements(orm, () => client.query<Page>(key, QUERIES[feed], { first }))).statements.length);
      expect(counts).toEqual([1, 1, 1]);
    }
  });
});

describe('encounter and register sync under concurrent writes (property)', () => {
  it('syncs running while encounters, registers, deletions and moves commit in any order, then incremental syncs, equal a fresh full export', async () => {
    for (const seed of [5, 17, 29, 43]) {
      const random = seededRandom(seed);
      await settle();
      const readers = [key, riversideKey].flatMap((principal) => [replicaOf('encounters', principal), replicaOf('participations', principal)]);
      const { randomOp } = randomEncounterWrites(random, schools, pupilsAt);
      await interleaveWriters({
        orm,
        random,
        concurrent,
        randomOp,
        ticks: 50,
        between: async () => {
          if (random.next() < 0.3) {
            await random.pick(readers).step(1 + Math.floor(random.next() * 6));
            return true;
          }
          return false;
        },
      });

      await settle();
      for (const replica of readers) {
        await replica.syncAll(200);
        const fresh = await replicaOf(replica.feed, replica.principal).syncAll(200);
        expect(replica.rows, `seed ${seed}, ${replica.feed}: against the table`).toEqual(await exportOf(replica.feed, replica.principal.trustId!));
        expect(replica.rows, `seed ${seed}, ${replica.feed}: against a fresh full sync`).toEqual(fresh.rows);
      }
    }
    // Writers that deadlock wait for PostgreSQL to find it (deadlock_timeout, a second) before one is ended.
  }, 180_000);
});
