import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { actAsAppRole, boundSql, openDatabase, type Orm, type SubgraphServer } from '@waymark/subgraph-kit';
import {
  FeedReplica,
  interleaveWriters,
  makePrincipal,
  openSystemWriter,
  readSyncStream,
  seededRandom,
  settleTransactions,
  SubgraphTestClient,
  testDatabase,
  testKeys,
  writeAsSystem,
  type FeedChange,
} from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { pseudonymise, pupilInserter, randomPupilWrites, remove, setYear, transfer } from '../../../test/sync-fixtures.js';

/*
 * The bulk NDJSON stream of the pupils feed (/internal/sync/pupils; docs/trust-api.md, "Bulk sync"),
 * on a real database acting as the application role: who may read it (the attacks first), that each
 * line is what pupilChanges gives, and that a snapshot's cursor misses nothing written while it was taken.
 */
const data = demoData(new Date(), { secondTrust: true });
const [waymark, riverside] = data.trusts;
const [northfield, southbank, eastgate] = data.schools;
const schools = [northfield, southbank, eastgate].map((s) => ({ id: s.id, trustId: s.trustId }));

const key = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: waymark.id, scopes: ['reports:read'] });
const riversideKey = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: riverside.id, scopes: ['reports:read'] });
const rosterKey = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: waymark.id, scopes: ['roster:write'] });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: waymark.id });
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: waymark.id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: randomUUID(), employerId: randomUUID() });

const CHANGES = `query ($after: String, $first: Int) {
  pupilChanges(after: $after, first: $first) { cursor hasMore changes { pupilId kind reason pupil { id schoolId yearGroup enrolledOn leftOn } } }
}`;
type Entry = Record<string, unknown>;
interface SyncedRow {
  id: string;
  schoolId: string;
  yearGroup: number | null;
  enrolledOn: string;
  leftOn: string | null;
}
interface Page {
  pupilChanges: { cursor: string; hasMore: boolean; changes: Entry[] } | null;
}

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

const write = (work: (em: EntityManager) => Promise<unknown>) => writeAsSystem(orm, work);
const settle = () => settleTransactions(orm);
const stream = (principal: Principal | null = key, after?: string | null) => readSyncStream(client.baseUrl, 'pupils', principal, after);

const insertPupil = pupilInserter('S', 'Stream');

async function page(principal: Principal, after: string | null, first = 1000): Promise<NonNullable<Page['pupilChanges']>> {
  const res = await client.query<Page>(principal, CHANGES, { after, first });
  expect(res.errors).toBeUndefined();
  return res.data!.pupilChanges!;
}

async function allPages(principal: Principal, after: string | null): Promise<{ entries: Entry[]; cursor: string }> {
  const entries: Entry[] = [];
  let cursor = after;
  for (;;) {
    const result = await page(principal, cursor, 9);
    entries.push(...result.changes);
    cursor = result.cursor;
    if (!result.hasMore) return { entries, cursor };
  }
}

async function tableOf(trustId: string): Promise<Map<string, SyncedRow>> {
  const em = await openSystemWriter(orm);
  try {
    const { rows } = await boundSql<{ id: string; school_id: string; year_group: number | null; enrolled_on: string; left_on: string | null }>(
      em,
      `select id, school_id, year_group, enrolled_on::text as enrolled_on, left_on::text as left_on from pupil where trust_id = $1 and pseudonymised_at is null`,
      [trustId],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, schoolId: r.school_id, yearGroup: r.year_group, enrolledOn: r.enrolled_on, leftOn: r.left_on }]));
  } finally {
    await em.commit();
  }
}

const asChange = (entry: Entry): FeedChange<SyncedRow> => ({
  id: entry.pupilId as string,
  kind: entry.kind as 'UPSERT' | 'TOMBSTONE',
  reason: entry.reason as string | null,
  row: entry.pupil as SyncedRow | null,
});

describe('bulk sync stream of pupils: who may read it (the attacks first)', () => {
  it('streams nothing without a credential, to a key without reports:read, a school leader, a volunteer or the gateway itself', async () => {
    const cursor = (await stream()).final!.cursor;
    const none = await stream(null);
    expect(none.status).toBe(401);
    expect(none.body).not.toContain('UPSERT');
    const system = makePrincipal({ kind: 'system', roles: [] });
    for (const principal of [rosterKey, leader, volunteer, system]) {
      for (const after of [null, cursor]) {
        const refused = await stream(principal, after);
        expect(refused.status).toBe(403);
        expect(refused.entries).toEqual([]);
        expect(refused.body).not.toContain('UPSERT');
      }
    }
    expect(JSON.parse((await stream(rosterKey)).body).error).toContain('reports:read');
  });

  it("gives another trust's key only its own pupils, and a stranger trust's key none", async () => {
    await settle();
    const theirs = await stream(riversideKey);
    expect(new Set(theirs.entries.map((e) => e.pupilId))).toEqual(new Set((await tableOf(riverside.id)).keys()));
    for (const entry of theirs.entries) expect((entry.pupil as SyncedRow).schoolId).toBe(eastgate.id);
    const stranger = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: randomUUID(), scopes: ['reports:read'] });
    expect((await stream(stranger)).entries).toEqual([]);
    expect((await stream(stranger, theirs.final!.cursor)).entries).toEqual([]);
    expect((await stream(key, 'not-a-cursor')).status).toBe(400);
  });
});

describe('bulk sync stream of pupils: what it carries', () => {
  it('a snapshot is every pupil of the trust as pupilChanges gives them (never a name, UPN or consent); an analyst signed in may read it', async () => {
    await settle();
    const snapshot = await stream();
    expect(snapshot.status).toBe(200);
    expect(snapshot.contentType).toContain('application/x-ndjson');
    const upserts = (await allPages(key, null)).entries.filter((e) => e.kind === 'UPSERT');
    const byId = (entries: Entry[]) => new Map(entries.map((e) => [e.pupilId, e]));
    expect(byId(snapshot.entries)).toEqual(byId(upserts));
    // Byte for byte the JSON a GraphQL answer writes for the entry.
    const lines = snapshot.body.split('\n').filter((line) => line !== '');
    const pageEntries = byId(upserts);
    for (const [i, entry] of snapshot.entries.entries()) expect(lines[i]).toBe(JSON.stringify(pageEntries.get(entry.pupilId)));
    expect(Object.keys(snapshot.entries[0])).toEqual(['pupilId', 'kind', 'reason', 'pupil']);
    expect(Object.keys(snapshot.entries[0].pupil as Entry)).toEqual(['id', 'schoolId', 'yearGroup', 'enrolledOn', 'leftOn']);
    expect(snapshot.body).not.toMatch(/Testpupil|upn|destinationSharing|date_of_birth/i);
    expect(new Set(byId(snapshot.entries).keys())).toEqual(new Set((await tableOf(waymark.id)).keys()));
    expect((await stream(analyst)).entries).toHaveLength(snapshot.entries.length);
  });

  it('the changes after a cursor are the GraphQL pages’ entries in order (updates, new, transfer, deletion, pseudonymisation), then the last cursor', async () => {
    const own: string[] = [];
    await write(async (em) => {
      for (let i = 0; i < 4; i += 1) own.push(await insertPupil(em, schools[1], 10));
    });
    await settle();
    const held = (await stream()).final!.cursor;
    await write(async (em) => {
      await insertPupil(em, schools[0], 7);
      await setYear(em, own[0], 11);
      await transfer(em, own[1], schools[2]);
      await remove(em, own[2]);
      await pseudonymise(em, own[3]);
    });
    await settle();
    const changes = await stream(key, held);
    const fromPages = await allPages(key, held);
    expect(changes.entries).toEqual(fromPages.entries);
    expect(changes.final).toEqual({ cursor: fromPages.cursor, hasMore: false });
    const byId = new Map(changes.entries.map((e) => [e.pupilId, e]));
    expect(byId.get(own[1])).toEqual({ pupilId: own[1], kind: 'TOMBSTONE', reason: 'TRANSFERRED', pupil: null });
    expect(byId.get(own[2])).toMatchObject({ kind: 'TOMBSTONE', reason: 'DELETED' });
    expect(byId.get(own[3])).toMatchObject({ kind: 'TOMBSTONE', reason: 'PSEUDONYMISED' });
    expect((await stream(key, changes.final!.cursor)).entries).toEqual([]);
  });
});

describe('bulk sync snapshot of pupils under concurrent writes (property)', () => {
  it('a snapshot taken while writers run, then the GraphQL incremental sync from its cursor, equals the table', async () => {
    for (const seed of [7, 19, 31, 47]) {
      const random = seededRandom(seed);
      await settle();
      const ids = [...(await tableOf(waymark.id)).keys(), ...(await tableOf(riverside.id)).keys()].slice(0, 30);
      const replicas: { principal: Principal; replica: FeedReplica<SyncedRow> }[] = [];
      const randomOp = randomPupilWrites(random, schools, ids, insertPupil);
      await interleaveWriters({
        orm,
        random,
        concurrent,
        randomOp,
        between: async () => {
          if (random.next() < 0.15) {
            const principal = random.pick([key, riversideKey]);
            const answer = await stream(principal);
            expect(answer.final).not.toBeNull();
            const replica = new FeedReplica<SyncedRow>(async (after, first) => {
              const result = await page(principal, after, first);
              return { ...result, changes: result.changes.map(asChange) };
            });
            replica.apply(answer.entries.map(asChange));
            replica.cursor = answer.final!.cursor;
            replicas.push({ principal, replica });
            return true;
          }
          if (replicas.length > 0 && random.next() < 0.2) {
            await random.pick(replicas).replica.step(1 + Math.floor(random.next() * 6));
            return true;
          }
          return false;
        },
      });
      expect(replicas.length, `seed ${seed}: snapshots taken`).toBeGreaterThan(0);
      await settle();
      for (const { principal, replica } of replicas) {
        await replica.syncAll(50);
        expect(replica.rows, `seed ${seed}: a snapshot and the changes after it, against the table`).toEqual(await tableOf(principal.trustId!));
      }
    }
  }, 180_000);
});
