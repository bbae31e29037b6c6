import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/sql';
import type { GraphQLObjectType } from 'graphql';
import { CREDENTIAL_HEADER } from '@waymark/auth';
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
  testSigner,
  writeAsSystem,
  type FeedChange,
} from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { buildPupilsSchema } from '../../schema.js';
import { pseudonymise, pupilInserter, randomPupilWrites, remove, setYear, transfer } from '../../../test/sync-fixtures.js';

/*
 * pupilChanges: a trust's incremental sync of its pupils (docs/trust-api.md, "Incremental sync"), on a
 * real database acting as the application role, so row-level security applies as in production. The
 * demo data with the second trust (Riverside, one school: Eastgate).
 */
const data = demoData(new Date(), { secondTrust: true });
const [waymark, riverside] = data.trusts;
const [northfield, southbank, eastgate] = data.schools;
const waymarkPupils = data.pupils.filter((p) => p.trustId === waymark.id);
const riversidePupils = data.pupils.filter((p) => p.trustId === riverside.id);

const key = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: waymark.id, scopes: ['reports:read'], displayName: 'Warehouse' });
const riversideKey = makePrincipal({
  kind: 'api',
  roles: ['trust_analyst'],
  trustId: riverside.id,
  scopes: ['reports:read'],
  displayName: 'Riverside warehouse',
});
const rosterKey = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: waymark.id, scopes: ['roster:write'] });
const noScopeKey = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: waymark.id, scopes: [] });
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: waymark.id });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: waymark.id, pupilId: waymarkPupils[0].id });

const CHANGES = `query ($after: String, $first: Int) {
  pupilChanges(after: $after, first: $first) { cursor hasMore changes { pupilId kind reason pupil { id schoolId yearGroup enrolledOn leftOn } } }
}`;

interface SyncedRow {
  id: string;
  schoolId: string;
  yearGroup: number | null;
  enrolledOn: string;
  leftOn: string | null;
}
interface Change {
  pupilId: string;
  kind: 'UPSERT' | 'TOMBSTONE';
  reason: 'TRANSFERRED' | 'DELETED' | 'PSEUDONYMISED' | null;
  pupil: SyncedRow | null;
}
interface Page {
  pupilChanges: { cursor: string; hasMore: boolean; changes: Change[] } | null;
}

/** Whether the database can hold several transactions open at once (PostgreSQL), or takes one at a time (PGlite). */
const concurrent = Boolean(process.env.DATABASE_URL);

let orm: Orm;
let app: SubgraphServer;
let client: SubgraphTestClient;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const db = testDatabase('pupils');
  dispose = db.dispose;
  const options = { service: pupilsService.name, entities: pupilsService.entities, migrations: pupilsService.migrations, ...db.options };
  orm = await openDatabase(options);
  await pupilsService.seed!(orm, { secondTrust: true });
  orm = await actAsAppRole(orm, options);
  app = await createApp({ env: { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test' }, orm });
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

const insertPupil = pupilInserter('T', 'Sync');

async function page(principal = key, after: string | null = null, first?: number): Promise<NonNullable<Page['pupilChanges']>> {
  const res = await client.query<Page>(principal, CHANGES, { after, first });
  expect(res.errors).toBeUndefined();
  return res.data!.pupilChanges!;
}

/** A trust's copy of its pupils, as a client of the sync keeps it. */
const asFeed = (c: Change): FeedChange<SyncedRow> => ({ id: c.pupilId, kind: c.kind, reason: c.reason, row: c.pupil });
const replicaOf = (principal = key) =>
  new FeedReplica<SyncedRow>(async (after, first) => {
    const result = await page(principal, after, first);
    return { ...result, changes: result.changes.map(asFeed) };
  });

/** The trust's pupils as they stand, read straight from the table: what a fresh full export must equal. */
async function exportOf(trustId: string): Promise<Map<string, SyncedRow>> {
  const em = await openWriter();
  try {
    const { rows } = await boundSql<{ id: string; school_id: string; year_group: number | null; enrolled_on: string; left_on: string | null }>(
      em,
      `select id, school_id, year_group, enrolled_on::text as enrolled_on, left_on::text as left_on
         from pupil where trust_id = $1 and pseudonymised_at is null`,
      [trustId],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, schoolId: r.school_id, yearGroup: r.year_group, enrolledOn: r.enrolled_on, leftOn: r.left_on }]));
  } finally {
    await em.commit();
  }
}

describe('pupilChanges: who may sync (the attacks first)', () => {
  it("gives another trust's key only that trust's pupils, never one of ours", async () => {
    await settle();
    const theirs = await replicaOf(riversideKey).syncAll(50);
    expect(new Set(theirs.rows.keys())).toEqual(new Set(riversidePupils.map((p) => p.id)));
    for (const row of theirs.rows.values()) expect(row.schoolId).toBe(eastgate.id);
    const ours = new Set(waymarkPupils.map((p) => p.id));
    expect([...theirs.rows.keys(), ...theirs.tombstones.keys()].filter((id) => ours.has(id))).toEqual([]);
  });

  it("a key for a trust with no pupils, or a cursor taken from another trust's sync, finds none of them", async () => {
    const stranger = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: randomUUID(), scopes: ['reports:read'] });
    expect((await page(stranger)).changes).toEqual([]);
    const riversideCursor = (await replicaOf(riversideKey).syncAll(50)).cursor;
    expect((await page(stranger, riversideCursor)).changes).toEqual([]);
    expect((await page(key, riversideCursor, 1000)).changes.every((c) => !riversidePupils.some((p) => p.id === c.pupilId && c.kind === 'UPSERT'))).toBe(true);
  });

  it('refuses a key without reports:read, and people who are not trust analysts', async () => {
    for (const principal of [rosterKey, noScopeKey]) {
      const res = await client.query<Page>(principal, CHANGES, {});
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.pupilChanges ?? null).toBeNull();
    }
    expect((await client.query<Page>(rosterKey, CHANGES, {})).errors![0].message).toContain('reports:read');
    for (const principal of [leader, pupil, null]) {
      const res = await client.query<Page>(principal, CHANGES, {});
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(res.data?.pupilChanges ?? null).toBeNull();
    }
  });

  it('never carries a name, UPN, birthday or vulnerable group', async () => {
    const res = await client.query<Page>(key, CHANGES, { first: 1000 });
    const text = JSON.stringify(res.data);
    for (const p of waymarkPupils.slice(0, 40)) {
      expect(text).not.toContain(p.upn);
      expect(text).not.toContain(p.dateOfBirth);
    }
    expect(text).not.toMatch(/legal|surname|forename|flags|senSupport/i);
    const type = (await buildPupilsSchema()).getType('SyncedPupil') as GraphQLObjectType;
    // destinationSharing is @inaccessible: the destinations subgraph's own call, never in the public schema.
    expect(Object.keys(type.getFields()).sort()).toEqual(['destinationSharing', 'enrolledOn', 'id', 'leftOn', 'schoolId', 'yearGroup']);
  });
});

describe('pupilChanges: what a sync reads', () => {
  it("a full sync gives every pupil of the trust's schools as they stand, and a second sync nothing new", async () => {
    await settle();
    const replica = await replicaOf(key).syncAll(100);
    expect(replica.rows).toEqual(await exportOf(waymark.id));
    for (const row of replica.rows.values()) expect([northfield.id, southbank.id]).toContain(row.schoolId);
    const again = await page(key, replica.cursor);
    expect(again).toEqual({ cursor: replica.cursor, hasMore: false, changes: [] });
  });

  it('an incremental sync gives each change once: an update, a new pupil, a transfer out and in, a deletion, a pseudonymisation', async () => {
    await settle();
    const replica = await replicaOf().syncAll();
    const theirs = await replicaOf(riversideKey).syncAll();
    const [moved, deleted, hidden, updated] = waymarkPupils.slice(0, 4).map((p) => p.id);
    const incoming = riversidePupils[0].id;
    let added = '';
    await write(async (em) => {
      added = await insertPupil(em, { id: southbank.id, trustId: waymark.id });
      await setYear(em, updated, 13);
      await setYear(em, updated, 12); // two changes to one pupil: one entry, the latest
      await transfer(em, moved, { id: eastgate.id, trustId: riverside.id });
      await transfer(em, incoming, { id: northfield.id, trustId: waymark.id });
      await remove(em, deleted);
      await pseudonymise(em, hidden);
    });
    await settle();
    const changes: Change[] = [];
    let cursor = replica.cursor;
    for (;;) {
      const next = await page(key, cursor, 2);
      changes.push(...next.changes);
      replica.apply(next.changes.map(asFeed));
      cursor = next.cursor;
      if (!next.hasMore) break;
    }
    replica.cursor = cursor;
    const byId = new Map(changes.map((c) => [c.pupilId, c]));
    expect(changes).toHaveLength(6);
    expect(byId.get(added)).toMatchObject({ kind: 'UPSERT', pupil: { id: added, schoolId: southbank.id, yearGroup: 9, leftOn: null } });
    expect(byId.get(updated)).toMatchObject({ kind: 'UPSERT', pupil: { yearGroup: 12 } });
    expect(byId.get(moved)).toEqual({ pupilId: moved, kind: 'TOMBSTONE', reason: 'TRANSFERRED', pupil: null });
    expect(byId.get(incoming)).toMatchObject({ kind: 'UPSERT', pupil: { schoolId: northfield.id } });
    expect(byId.get(deleted)).toEqual({ pupilId: deleted, kind: 'TOMBSTONE', reason: 'DELETED', pupil: null });
    expect(byId.get(hidden)).toEqual({ pupilId: hidden, kind: 'TOMBSTONE', reason: 'PSEUDONYMISED', pupil: null });
    expect(replica.rows).toEqual(await exportOf(waymark.id));
    // The other side of the transfers, in the other trust's own sync.
    await theirs.syncAll();
    expect(theirs.rows.get(moved)).toMatchObject({ schoolId: eastgate.id });
    expect(theirs.tombstones.get(incoming)).toBe('TRANSFERRED');
    expect(theirs.rows).toEqual(await exportOf(riverside.id));
  });

  it('logs a change of agreement to being followed after 16, or of the sharing opt-out, for the destinations feed (destinationSharing)', async () => {
    const [agreed, optedOut] = waymarkPupils.slice(20, 22).map((p) => p.id);
    await write((em) =>
      boundSql(em, `update pupil set destination_tracking = true, local_authority_sharing_opt_out = false where id = any($1::uuid[])`, [
        `{${agreed},${optedOut}}`,
      ]),
    );
    await settle();
    const replica = await replicaOf(key).syncAll(1000);
    const sharing = `query ($after: String) { pupilChanges(after: $after, first: 1000) { cursor changes { pupilId pupil { destinationSharing } } } }`;
    await write((em) => boundSql(em, `update pupil set local_authority_sharing_opt_out = true, opt_out_by = 'PARENT' where id = $1`, [optedOut]));
    await settle();
    const res = await client.query<{ pupilChanges: { changes: { pupilId: string; pupil: { destinationSharing: boolean } }[] } }>(key, sharing, {
      after: replica.cursor,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.pupilChanges.changes).toEqual([{ pupilId: optedOut, pupil: { destinationSharing: false } }]);
    const all = await client.query<{ pupilChanges: { changes: { pupilId: string; pupil: { destinationSharing: boolean } | null }[] } }>(key, sharing, {});
    expect(all.data!.pupilChanges.changes.find((c) => c.pupilId === agreed)?.pupil).toEqual({ destinationSharing: true });
  });

  it('does not let the cursor pass a transaction that began first but commits last', async () => {
    await settle();
    const replica = await replicaOf().syncAll();
    const [early, late] = waymarkPupils.slice(10, 12).map((p) => p.id);
    if (concurrent) {
      const first = await openWriter();
      await setYear(first, early, 7); // takes the smaller transaction id, and stays open
      await write((em) => setYear(em, late, 8)); // commits while the first is still running
      await replica.syncAll();
      expect(replica.rows.get(late)?.yearGroup, 'held back behind the open transaction').not.toBe(8);
      await first.commit();
    } else {
      // PGlite runs one transaction at a time: the same changes, one after the other.
      await write((em) => setYear(em, early, 7));
      await write((em) => setYear(em, late, 8));
    }
    await settle();
    await replica.syncAll();
    expect(replica.rows.get(early)?.yearGroup).toBe(7);
    expect(replica.rows.get(late)?.yearGroup).toBe(8);
    expect(replica.rows).toEqual(await exportOf(waymark.id));
  });

  it("keeps one row per pupil: their school's staff changing them again moves their row to the end, and lift nothing for longer", async () => {
    await settle();
    const held = await replicaOf(key).syncAll(1000);
    const [a, b] = waymarkPupils
      .filter((p) => p.schoolId === northfield.id)
      .slice(30, 32)
      .map((p) => p.id);
    // The pupils as their school's staff change them: the log is not theirs to read, yet their changes move its rows.
    for (const year of [7, 8, 9]) {
      const transaction = await beginRequestTransaction(orm.em.fork(), leader, { appRole: true });
      await setYear(transaction.em, a, year);
      await setYear(transaction.em, b, year + 1);
      const { rows } = await boundSql<{ bypass: string | null }>(transaction.em, `select current_setting('waymark.bypass', true) as bypass`, []);
      expect(rows[0].bypass ?? '').toBe('');
      expect((await boundSql(transaction.em, `select 1 from pupil_sync_change`, [])).rows).toEqual([]);
      await transaction.end(true);
    }
    await settle();
    await write(async (em) => {
      const { rows } = await boundSql<{ n: number }>(
        em,
        `select count(*)::int as n from pupil_sync_change where pupil_id = any($1::uuid[]) group by pupil_id`,
        [[a, b]],
      );
      expect(rows.map((r) => r.n)).toEqual([1, 1]);
      expect((await boundSql(em, `select 1 from pupil_sync_change group by trust_id, pupil_id having count(*) > 1`, [])).rows).toEqual([]);
    });
    const changes = await page(key, held.cursor, 1000);
    expect(changes.changes.map((c) => c.pupilId).sort()).toEqual([a, b].sort());
    held.apply(changes.changes.map(asFeed));
    expect(held.rows.get(a)?.yearGroup).toBe(9);
    expect(held.rows).toEqual(await exportOf(waymark.id));
    expect((await replicaOf(key).syncAll(1000)).rows).toEqual(await exportOf(waymark.id));
  });

  it('reads a page of any size in one statement', async () => {
    await settle();
    const counts: number[] = [];
    for (const first of [1, 10, 1000]) {
      const { result, statements } = await countStatements(orm, () => client.query<Page>(key, CHANGES, { first }));
      expect(result.data!.pupilChanges!.changes.length).toBe(Math.min(first, result.data!.pupilChanges!.changes.length));
      counts.push(statements.length);
    }
    expect(counts).toEqual([1, 1, 1]);
  });

  it('refuses a cursor it did not give out, and a page size outside 1 to 1,000, saying what to do', async () => {
    for (const after of ['not-a-cursor', Buffer.from('["p1","1;drop","2"]').toString('base64url'), Buffer.from('["p0","1","2"]').toString('base64url')]) {
      const res = await client.query<Page>(key, CHANGES, { after });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain('Start again without one');
    }
    for (const first of [0, -5, 1001]) {
      const res = await client.query<Page>(key, CHANGES, { first });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('pupilChanges under concurrent writes (property)', () => {
  /**
   * Random interleavings of inserts, updates, transfers both ways between the trusts, deletions and
   * pseudonymisations, in up to three transactions open at once (on PostgreSQL; PGlite takes one at a
   * time) that commit or roll back in any order, with both trusts' syncs reading pages in between.
   * Then an incremental sync must equal a fresh full export, for both trusts.
   */
  it('a sync running while writes commit in any order, then an incremental sync, equals a fresh full export', async () => {
    const schools = [northfield, southbank, eastgate].map((s) => ({ id: s.id, trustId: s.trustId }));
    for (const seed of [11, 23, 37, 41, 59, 73]) {
      const random = seededRandom(seed);
      await settle();
      const ids = [...(await exportOf(waymark.id)).keys(), ...(await exportOf(riverside.id)).keys()].slice(0, 30);
      const readers = [
        { principal: key, replica: replicaOf(key) },
        { principal: riversideKey, replica: replicaOf(riversideKey) },
      ];
      const randomOp = randomPupilWrites(random, schools, ids, insertPupil);
      await interleaveWriters({
        orm,
        random,
        concurrent,
        randomOp,
        between: async () => {
          if (random.next() < 0.3) {
            await random.pick(readers).replica.step(1 + Math.floor(random.next() * 6));
            return true;
          }
          return false;
        },
      });

      await settle();
      for (const { principal, replica } of readers) {
        await replica.syncAll();
        const trustId = principal.trustId!;
        const fresh = await replicaOf(principal).syncAll(50);
        expect(replica.rows, `seed ${seed}: incremental sync against the table`).toEqual(await exportOf(trustId));
        expect(replica.rows, `seed ${seed}: incremental sync against a fresh full sync`).toEqual(fresh.rows);
      }
    }
  });
});

describe('the sample client (packages/trust-sync-example)', () => {
  const script = new URL('../../../../../packages/trust-sync-example/trust-sync.mjs', import.meta.url).pathname;
  const run = async (out: string) => {
    const credential = await testSigner().sign(key);
    const { stdout } = await promisify(execFile)(process.execPath, [
      script,
      '--endpoint',
      `${client.baseUrl}/graphql`,
      '--out',
      out,
      '--feed',
      'pupils',
      '--page-size',
      '40',
      '--header',
      `${CREDENTIAL_HEADER}: ${credential}`,
    ]);
    return stdout;
  };
  const csvOf = (rows: Map<string, SyncedRow>) =>
    [
      'id,schoolId,yearGroup,enrolledOn,leftOn',
      ...[...rows.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => [r.id, r.schoolId, r.yearGroup ?? '', r.enrolledOn, r.leftOn ?? ''].join(',')),
    ]
      .join('\n')
      .concat('\n');

  it('syncs everything into CSV, then only the changes, and ends equal to a fresh full export', async () => {
    const nightly = await mkdtemp(join(tmpdir(), 'waymark-sync-'));
    const fresh = await mkdtemp(join(tmpdir(), 'waymark-sync-'));
    try {
      const own: string[] = [];
      await write(async (em) => {
        for (let i = 0; i < 3; i += 1) own.push(await insertPupil(em, { id: southbank.id, trustId: waymark.id }, 10));
      });
      await settle();
      expect(await run(nightly)).toMatch(/^pupils: full sync: \d+ added or updated, \d+ removed/);
      expect(await readFile(join(nightly, 'pupils.csv'), 'utf8')).toBe(csvOf(await exportOf(waymark.id)));

      const [leaving, deleted, older] = own;
      await write(async (em) => {
        await insertPupil(em, { id: northfield.id, trustId: waymark.id }, 7);
        await transfer(em, leaving, { id: eastgate.id, trustId: riverside.id });
        await remove(em, deleted);
        await setYear(em, older, 11);
      });
      await settle();
      expect(await run(nightly)).toBe('pupils: changes: 2 added or updated, 2 removed, ' + String((await exportOf(waymark.id)).size) + ' in pupils.csv\n');
      await run(fresh);
      const expected = csvOf(await exportOf(waymark.id));
      expect(await readFile(join(nightly, 'pupils.csv'), 'utf8')).toBe(expected);
      expect(await readFile(join(fresh, 'pupils.csv'), 'utf8')).toBe(expected);
      const tombstones = await readFile(join(nightly, 'pupils-tombstones.csv'), 'utf8');
      expect(tombstones).toContain(`${leaving},TRANSFERRED,`);
      expect(tombstones).toContain(`${deleted},DELETED,`);
      const state = JSON.parse(await readFile(join(nightly, 'state.json'), 'utf8')) as { cursors: Record<string, string> };
      expect(typeof state.cursors.pupils).toBe('string');
    } finally {
      await rm(nightly, { recursive: true, force: true });
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
