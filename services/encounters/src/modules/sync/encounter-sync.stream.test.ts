import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/sql';
import { CredentialSigner, CREDENTIAL_HEADER, generateCredentialKeys, type Principal } from '@waymark/auth';
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
import { createApp, encountersService } from '../../app.js';
import { insertEncounter as insertTalk, markAttended, move, randomEncounterWrites, removeEncounter, removeRow, setHours } from '../../../test/sync-fixtures.js';

/*
 * The bulk NDJSON streams of the encounters and register feeds (/internal/sync/encounters and
 * /internal/sync/participations; docs/trust-api.md, "Bulk sync"), on a real database acting as the
 * application role: who may read them (the attacks first), that each line is what the GraphQL feed
 * gives, and that a snapshot's cursor misses nothing written while it was taken.
 */
const data = demoData(new Date(), { secondTrust: true });
const [waymark, riverside] = data.trusts;
const [northfield, southbank, eastgate] = data.schools;
const schools = [northfield, southbank, eastgate].map((s) => ({ id: s.id, trustId: s.trustId }));
const pupilsAt = (schoolId: string) => data.pupils.filter((p) => p.schoolId === schoolId).map((p) => p.id);

const key = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: waymark.id, scopes: ['reports:read'] });
const riversideKey = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: riverside.id, scopes: ['reports:read'] });
const rosterKey = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: waymark.id, scopes: ['roster:write'] });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: waymark.id });
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: waymark.id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: randomUUID(), employerId: randomUUID() });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: waymark.id, pupilId: pupilsAt(northfield.id)[0] });

type Feed = 'encounters' | 'participations';
const FEEDS: Feed[] = ['encounters', 'participations'];
/** Every field the GraphQL feeds have, so a page's JSON can be set beside a stream's lines. */
const QUERIES: Record<Feed, string> = {
  encounters: `query ($after: String, $first: Int) { page: encounterChanges(after: $after, first: $first) {
    cursor hasMore changes { encounterId kind reason encounter { id schoolId kind title date hasTime endsAt inSchoolDay hours benchmarks yearGroups subject checklistMet booked } } } }`,
  participations: `query ($after: String, $first: Int) { page: participationChanges(after: $after, first: $first) {
    cursor hasMore changes { participationId kind reason participation { id encounterId pupilId schoolId attended declined } } } }`,
};
const ID_FIELD: Record<Feed, string> = { encounters: 'encounterId', participations: 'participationId' };
const ROW_FIELD: Record<Feed, string> = { encounters: 'encounter', participations: 'participation' };
type Entry = Record<string, unknown>;
type Row = Record<string, unknown> & { id: string };
interface Page {
  page: { cursor: string; hasMore: boolean; changes: Entry[] } | null;
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
  app = await createApp({ env: { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test', pupilsUrl: 'http://127.0.0.1:9/graphql' }, orm });
  client = await SubgraphTestClient.start(app);
});

afterAll(async () => {
  await app?.close();
  await orm?.close(true);
  await dispose?.();
});

const write = (work: (em: EntityManager) => Promise<unknown>) => writeAsSystem(orm, work);
const settle = () => settleTransactions(orm);
const stream = (feed: Feed, principal: Principal | null = key, after?: string | null) => readSyncStream(client.baseUrl, feed, principal, after);

/** The stream's talks carry text that JSON must escape, an end and a subject. */
const TALK = { title: 'Stream test talk "quoted" é', hours: 1.25, benchmarks: [5, 6], subject: 'Maths', endsAfterMinutes: 90 };
const insertEncounter = (em: EntityManager, school: { id: string; trustId: string }, pupils: string[]) => insertTalk(em, school, pupils, TALK);

async function page(feed: Feed, principal: Principal, after: string | null, first = 1000): Promise<NonNullable<Page['page']>> {
  const res = await client.query<Page>(principal, QUERIES[feed], { after, first });
  expect(res.errors).toBeUndefined();
  return res.data!.page!;
}

/** Every GraphQL page after `after`: the entries in order and the last cursor. */
async function allPages(feed: Feed, principal: Principal, after: string | null): Promise<{ entries: Entry[]; cursor: string }> {
  const entries: Entry[] = [];
  let cursor = after;
  for (;;) {
    const result = await page(feed, principal, cursor, 7);
    entries.push(...result.changes);
    cursor = result.cursor;
    if (!result.hasMore) return { entries, cursor };
  }
}

/** The trust's rows straight from the table, as the feed's records. */
async function tableOf(feed: Feed, trustId: string): Promise<Map<string, Entry>> {
  const em = await openSystemWriter(orm);
  try {
    const sql =
      feed === 'encounters'
        ? `select id, school_id as "schoolId", kind, title, hours, benchmarks, year_groups as "yearGroups", booked from encounter where trust_id = $1`
        : `select id, encounter_id as "encounterId", pupil_id as "pupilId", school_id as "schoolId", attended, declined from participation where trust_id = $1`;
    const { rows } = await boundSql<Row>(em, sql, [trustId]);
    return new Map(rows.map((r) => [r.id, { ...r, ...('hours' in r ? { hours: Number(r.hours) } : {}) }]));
  } finally {
    await em.commit();
  }
}

/** A feed entry as the harness's change (the record narrowed to the columns tableOf reads). */
function asChange(feed: Feed, entry: Entry): FeedChange<Entry> {
  const row = entry[ROW_FIELD[feed]] as Entry | null;
  const narrowed =
    row === null
      ? null
      : feed === 'encounters'
        ? {
            id: row.id,
            schoolId: row.schoolId,
            kind: row.kind,
            title: row.title,
            hours: row.hours,
            benchmarks: row.benchmarks,
            yearGroups: row.yearGroups,
            booked: row.booked,
          }
        : row;
  return { id: entry[ID_FIELD[feed]] as string, kind: entry.kind as 'UPSERT' | 'TOMBSTONE', reason: entry.reason as string | null, row: narrowed };
}

/** A client's copy of a feed started from a stream's snapshot, continued through the GraphQL pages. */
function replicaFrom(feed: Feed, principal: Principal, snapshot: { entries: Entry[]; cursor: string }): FeedReplica<Entry> {
  const replica = new FeedReplica<Entry>(async (after, first) => {
    const result = await page(feed, principal, after, first);
    return { ...result, changes: result.changes.map((entry) => asChange(feed, entry)) };
  });
  replica.apply(snapshot.entries.map((entry) => asChange(feed, entry)));
  replica.cursor = snapshot.cursor;
  return replica;
}

describe('bulk sync streams of encounters and registers: who may read them (the attacks first)', () => {
  it('streams nothing without a credential the gateway signed', async () => {
    for (const feed of FEEDS) {
      const none = await stream(feed, null);
      expect(none.status).toBe(401);
      expect(none.entries).toEqual([]);
      expect(JSON.parse(none.body)).toHaveProperty('error');
      const forged = await new CredentialSigner(generateCredentialKeys().privateKeyPem).sign(key);
      const response = await fetch(new URL(`/internal/sync/${feed}`, client.baseUrl), { headers: { [CREDENTIAL_HEADER]: forged } });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('UPSERT');
    }
  });

  it('refuses a key without reports:read, a school leader, a volunteer, a pupil and the gateway itself, with or without a cursor', async () => {
    const cursor = (await stream('participations')).final!.cursor;
    const system = makePrincipal({ kind: 'system', roles: [] });
    for (const feed of FEEDS) {
      for (const principal of [rosterKey, leader, volunteer, pupil, system]) {
        for (const after of [null, feed === 'participations' ? cursor : null]) {
          const refused = await stream(feed, principal, after);
          expect(refused.status, `${principal.roles.join()} ${principal.kind}`).toBe(403);
          expect(refused.entries).toEqual([]);
          expect(refused.body).not.toContain('UPSERT');
        }
      }
      expect(JSON.parse((await stream(feed, rosterKey)).body).error).toContain('reports:read');
    }
  });

  it("gives another trust's key only its own rows, and a stranger trust's key none", async () => {
    await write((em) => insertEncounter(em, schools[2], pupilsAt(eastgate.id).slice(0, 3)));
    await settle();
    for (const feed of FEEDS) {
      const theirs = await stream(feed, riversideKey);
      expect(theirs.status).toBe(200);
      expect(theirs.entries.length).toBeGreaterThan(0);
      const ids = new Set(theirs.entries.map((e) => e[ID_FIELD[feed]] as string));
      expect(ids).toEqual(new Set((await tableOf(feed, riverside.id)).keys()));
      for (const entry of theirs.entries) expect((entry[ROW_FIELD[feed]] as Entry).schoolId).toBe(eastgate.id);
      const stranger = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: randomUUID(), scopes: ['reports:read'] });
      const empty = await stream(feed, stranger);
      expect(empty.entries).toEqual([]);
      expect(empty.final?.hasMore).toBe(false);
      expect((await stream(feed, stranger, theirs.final!.cursor)).entries).toEqual([]);
    }
  });

  it("refuses another feed's cursor and anything but GET", async () => {
    const encounterCursor = (await stream('encounters')).final!.cursor;
    const crossed = await stream('participations', key, encounterCursor);
    expect(crossed.status).toBe(400);
    expect(crossed.entries).toEqual([]);
    expect((await stream('participations', key, 'not-a-cursor')).status).toBe(400);
    expect((await readSyncStream(client.baseUrl, 'encounters', key, null, 'POST')).status).toBe(405);
  });
});

describe('bulk sync streams of encounters and registers: what they carry', () => {
  it('a snapshot is every row of the trust, each line what the GraphQL feed gives for it; a trust analyst signed in may read it too', async () => {
    await settle();
    for (const feed of FEEDS) {
      const snapshot = await stream(feed);
      expect(snapshot.status).toBe(200);
      expect(snapshot.contentType).toContain('application/x-ndjson');
      expect(snapshot.final?.hasMore).toBe(false);
      const fromPages = await allPages(feed, key, null);
      const byId = (entries: Entry[]) => new Map(entries.map((e) => [e[ID_FIELD[feed]] as string, e]));
      const upserts = fromPages.entries.filter((e) => e.kind === 'UPSERT');
      expect(byId(snapshot.entries)).toEqual(byId(upserts));
      // Byte for byte the JSON a GraphQL answer writes for the entry.
      const lines = snapshot.body.split('\n').filter((line) => line !== '');
      const pageEntries = byId(upserts);
      for (const [i, entry] of snapshot.entries.entries()) expect(lines[i]).toBe(JSON.stringify(pageEntries.get(entry[ID_FIELD[feed]] as string)));
      // The same names in the same order as the GraphQL JSON.
      expect(Object.keys(snapshot.entries[0])).toEqual(Object.keys(upserts[0]));
      expect(Object.keys(snapshot.entries[0][ROW_FIELD[feed]] as Entry)).toEqual(Object.keys(upserts[0][ROW_FIELD[feed]] as Entry));
      expect(new Set(byId(snapshot.entries).keys())).toEqual(new Set((await tableOf(feed, waymark.id)).keys()));
      const signedIn = await stream(feed, analyst);
      expect(signedIn.entries).toHaveLength(snapshot.entries.length);
    }
  });

  it('the changes after a cursor are the GraphQL pages’ entries in their order, upserts and tombstones, then the last cursor', async () => {
    await settle();
    const held = { encounters: (await stream('encounters')).final!.cursor, participations: (await stream('participations')).final!.cursor };
    let kept = { id: '', rows: [] as string[] };
    let gone = { id: '', rows: [] as string[] };
    let moved = { id: '', rows: [] as string[] };
    await write(async (em) => {
      kept = await insertEncounter(em, schools[0], pupilsAt(northfield.id).slice(0, 3));
      gone = await insertEncounter(em, schools[1], pupilsAt(southbank.id).slice(0, 2));
      moved = await insertEncounter(em, schools[0], pupilsAt(northfield.id).slice(3, 5));
    });
    await write(async (em) => {
      await markAttended(em, kept.rows[0], true);
      await setHours(em, kept.id, 2.5);
      await removeRow(em, kept.rows[1]);
      await removeEncounter(em, gone.id);
      await move(em, moved.id, schools[2]);
    });
    await settle();
    for (const feed of FEEDS) {
      const changes = await stream(feed, key, held[feed]);
      const fromPages = await allPages(feed, key, held[feed]);
      expect(changes.entries).toEqual(fromPages.entries);
      expect(changes.final).toEqual({ cursor: fromPages.cursor, hasMore: false });
      expect(changes.entries.some((e) => e.kind === 'TOMBSTONE')).toBe(true);
      // Nothing more after the stream's own cursor.
      expect((await stream(feed, key, changes.final!.cursor)).entries).toEqual([]);
    }
    const registers = await stream('participations', key, held.participations);
    const byId = new Map(registers.entries.map((e) => [e.participationId, e]));
    expect(byId.get(kept.rows[1])).toEqual({ participationId: kept.rows[1], kind: 'TOMBSTONE', reason: 'DELETED', participation: null });
    for (const rowId of moved.rows) expect(byId.get(rowId)).toMatchObject({ kind: 'TOMBSTONE', reason: 'LEFT_TRUST' });
  });
});

describe('bulk sync snapshot under concurrent writes (property)', () => {
  it('a snapshot taken while writers run, then the GraphQL incremental sync from its cursor, equals the table', async () => {
    for (const seed of [3, 11, 23, 37]) {
      const random = seededRandom(seed);
      await settle();
      const replicas: { feed: Feed; principal: Principal; replica: FeedReplica<Entry> }[] = [];
      const { randomOp } = randomEncounterWrites(random, schools, pupilsAt, TALK);
      await interleaveWriters({
        orm,
        random,
        concurrent,
        randomOp,
        ticks: 50,
        between: async () => {
          if (random.next() < 0.15) {
            // A snapshot now, with writers open; or a step of one already taken.
            const feed = random.pick(FEEDS);
            const principal = random.pick([key, riversideKey]);
            const answer = await stream(feed, principal);
            expect(answer.final).not.toBeNull();
            replicas.push({ feed, principal, replica: replicaFrom(feed, principal, { entries: answer.entries, cursor: answer.final!.cursor }) });
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
      for (const { feed, principal, replica } of replicas) {
        await replica.syncAll(200);
        expect(replica.rows, `seed ${seed}, ${feed}: a snapshot and the changes after it, against the table`).toEqual(await tableOf(feed, principal.trustId!));
      }
    }
  }, 180_000);
});
