import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/sql';
import type { GraphQLObjectType } from 'graphql';
import { CREDENTIAL_HEADER, CredentialVerifier } from '@waymark/auth';
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
  type WriteOp,
} from '@waymark/subgraph-kit/testing';
import { createApp, destinationsService } from '../../app.js';
import { buildDestinationsSchema } from '../../schema.js';

/*
 * destinationChanges: a trust's incremental sync of its leavers' activity spells (docs/trust-api.md,
 * "Incremental sync"), on a real database acting as the application role. Whether a young person may
 * be shared with the trust comes from the pupils subgraph's `pupilChanges`: here a stand-in that keeps
 * its own log of each pupil's trust and sharing, as the pupils subgraph's trigger-written log does.
 */
const data = demoData(new Date(), { secondTrust: true });
const [waymark, riverside] = data.trusts;
const [northfield, southbank, eastgate] = data.schools;
const schools = [northfield, southbank, eastgate].map((s) => ({ id: s.id, trustId: s.trustId }));

const key = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: waymark.id, scopes: ['reports:read'] });
const riversideKey = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: riverside.id, scopes: ['reports:read'] });
const rosterKey = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: waymark.id, scopes: ['roster:write'] });
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: waymark.id });
const pupilPrincipal = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: waymark.id, pupilId: data.pupils[0].id });

const CHANGES = `query ($after: String, $first: Int) { page: destinationChanges(after: $after, first: $first) {
  cursor hasMore changes { id: spellId kind reason row: spell { id pupilId schoolId leavingYear activity providerKind apprenticeshipLevel startsOn endsOn source confirmed } } } }`;
type Row = { id: string; pupilId: string; schoolId: string; activity: string; endsOn: string | null } & Record<string, unknown>;
type Reason = 'DELETED' | 'LEFT_TRUST' | 'OPTED_OUT' | 'PSEUDONYMISED';
interface Change {
  id: string;
  kind: 'UPSERT' | 'TOMBSTONE';
  reason: Reason | null;
  row: Row | null;
}
interface Page {
  page: { cursor: string; hasMore: boolean; changes: Change[] } | null;
}

/** The pupils subgraph as the feed asks it: each pupil's trust and sharing, and a log of changes to them per trust. */
type PupilState = { trustId: string; shared: boolean; pseudonymised?: boolean } | null;
class PupilsLog {
  state = new Map<string, PupilState>();
  entries: { seq: number; trustId: string; pupilId: string; reason: 'TRANSFERRED' | 'DELETED' | null }[] = [];
  requests = 0;

  set(pupilId: string, next: PupilState): void {
    const before = this.state.get(pupilId) ?? null;
    this.state.set(pupilId, next);
    if (before && before.trustId !== next?.trustId)
      this.entries.push({ seq: this.entries.length + 1, trustId: before.trustId, pupilId, reason: next ? 'TRANSFERRED' : 'DELETED' });
    if (next) this.entries.push({ seq: this.entries.length + 1, trustId: next.trustId, pupilId, reason: null });
  }

  /** `pupilChanges` for a trust after a cursor (the log's position), newest entry per pupil, as the pupils subgraph answers it. */
  answer(trustId: string, after: string | null, first: number) {
    const from = after === null ? 0 : Number(after);
    const newest = new Map<string, (typeof this.entries)[number]>();
    for (const entry of this.entries) if (entry.trustId === trustId && entry.seq > from) newest.set(entry.pupilId, entry);
    const ordered = [...newest.values()].sort((a, b) => a.seq - b.seq);
    const page = ordered.slice(0, first);
    const changes = page.map((entry) => {
      const now = this.state.get(entry.pupilId) ?? null;
      if (now === null || now.trustId !== trustId)
        return { pupilId: entry.pupilId, kind: 'TOMBSTONE', reason: now === null ? 'DELETED' : 'TRANSFERRED', pupil: null };
      if (now.pseudonymised) return { pupilId: entry.pupilId, kind: 'TOMBSTONE', reason: 'PSEUDONYMISED', pupil: null };
      return { pupilId: entry.pupilId, kind: 'UPSERT', reason: null, pupil: { destinationSharing: now.shared } };
    });
    return { cursor: String(page.at(-1)?.seq ?? from), hasMore: ordered.length > first, changes };
  }

  /** Whether the trust may see the pupil's spells now. */
  sharedWith(pupilId: string, trustId: string): boolean {
    const now = this.state.get(pupilId);
    return Boolean(now && now.trustId === trustId && now.shared && !now.pseudonymised);
  }
}

const pupils = new PupilsLog();
for (const p of data.pupils) pupils.set(p.id, { trustId: p.trustId, shared: true });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function startPupilsLog(): Promise<{ url: string; close: () => Promise<void> }> {
  const verifier = new CredentialVerifier(testKeys().publicKeyPem);
  const server = createServer((req, res) => {
    void (async () => {
      const body = JSON.parse(await readBody(req)) as { query: string; variables: { after: string | null } };
      const verified = await verifier.verify(req.headers[CREDENTIAL_HEADER] as string | undefined);
      const send = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      // Like the pupils subgraph: only its own feed, only with the gateway's credential, only to a trust's analysts and keys.
      if (!verified.ok || !verified.principal.trustId || !body.query.includes('pupilChanges(after: $after, first: 1000)'))
        return send(400, { errors: [{ message: 'refused' }] });
      pupils.requests += 1;
      send(200, { data: { pupilChanges: pupils.answer(verified.principal.trustId, body.variables.after, 1000) } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const concurrent = Boolean(process.env.DATABASE_URL);
let orm: Orm;
let app: SubgraphServer;
let client: SubgraphTestClient;
let dispose: () => Promise<void>;
let standIn: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  standIn = await startPupilsLog();
  const db = testDatabase('destinations');
  dispose = db.dispose;
  const options = { service: destinationsService.name, entities: destinationsService.entities, migrations: destinationsService.migrations, ...db.options };
  orm = await openDatabase(options);
  await destinationsService.seed!(orm, { secondTrust: true });
  orm = await actAsAppRole(orm, options);
  app = await createApp({ env: { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test', pupilsUrl: standIn.url }, orm });
  client = await SubgraphTestClient.start(app);
});

afterAll(async () => {
  await app?.close();
  await orm?.close(true);
  await dispose?.();
  await standIn?.close();
});

const openWriter = () => openSystemWriter(orm);
const write = (work: (em: EntityManager) => Promise<unknown>) => writeAsSystem(orm, work);
const settle = () => settleTransactions(orm);

/** A spell for a pupil at one of the schools; answers its id. */
async function insertSpell(
  em: EntityManager,
  pupilId: string,
  school: { id: string; trustId: string },
  activity = 'EMPLOYMENT_WITH_TRAINING',
): Promise<string> {
  const id = randomUUID();
  await boundSql(
    em,
    `insert into activity_spell (id, pupil_id, school_id, trust_id, leaving_year, activity, provider, starts_on, source, confirmed, entered_by_id, entered_at)
     values ($1, $2, $3, $4, 2025, $5, 'Acme Engineering', '2025-09-01', 'STAFF', false, 'test', now())`,
    [id, pupilId, school.id, school.trustId, activity],
  );
  return id;
}
const endSpell = (em: EntityManager, id: string, endsOn: string) => boundSql(em, `update activity_spell set ends_on = $2 where id = $1`, [id, endsOn]);
const removeSpell = (em: EntityManager, id: string) => boundSql(em, `delete from activity_spell where id = $1`, [id]);
const moveSpell = (em: EntityManager, id: string, school: { id: string; trustId: string }) =>
  boundSql(em, `update activity_spell set school_id = $2, trust_id = $3 where id = $1`, [id, school.id, school.trustId]);
const renameProvider = (em: EntityManager, id: string) => boundSql(em, `update activity_spell set provider = null where id = $1`, [id]);

async function page(principal = key, after: string | null = null, first?: number): Promise<NonNullable<Page['page']>> {
  const res = await client.query<Page>(principal, CHANGES, { after, first });
  expect(res.errors).toBeUndefined();
  return res.data!.page!;
}

/** A trust's copy of the feed, as a client of the sync keeps it; it checks no answer ever carries a young person the trust may not see. */
const replicaOf = (principal = key) =>
  Object.assign(
    new FeedReplica<Row>(
      (after, first) => page(principal, after, first),
      (change) => {
        if (change.kind === 'UPSERT')
          expect(pupils.sharedWith(change.row!.pupilId, principal.trustId!), 'an upsert of a young person the trust may not see').toBe(true);
      },
    ),
    { principal },
  );

/** The trust's spells of young people it may see, straight from the table: what a fresh full export must equal. */
async function exportOf(trustId: string): Promise<Map<string, Row>> {
  const em = await openWriter();
  try {
    const { rows } = await boundSql<{ id: string; pupil_id: string; school_id: string; activity: string; ends_on: string | null }>(
      em,
      `select id, pupil_id, school_id, activity, ends_on::text as ends_on from activity_spell where trust_id = $1`,
      [trustId],
    );
    return new Map(
      rows
        .filter((r) => pupils.sharedWith(r.pupil_id, trustId))
        .map((r) => [r.id, { id: r.id, pupilId: r.pupil_id, schoolId: r.school_id, activity: r.activity, endsOn: r.ends_on }]),
    );
  } finally {
    await em.commit();
  }
}
/** A replica's rows cut to the columns `exportOf` reads. */
const cut = (rows: Map<string, Row>) =>
  new Map([...rows].map(([id, r]) => [id, { id: r.id, pupilId: r.pupilId, schoolId: r.schoolId, activity: r.activity, endsOn: r.endsOn }]));

const pupilsAt = (schoolId: string) => data.pupils.filter((p) => p.schoolId === schoolId).map((p) => p.id);

describe('destinationChanges: who may sync (the attacks first)', () => {
  it("gives another trust's key only its own spells, and a stranger's key none, even with the other's cursor", async () => {
    let theirs = '';
    await write(async (em) => {
      theirs = await insertSpell(em, pupilsAt(eastgate.id)[0], schools[2]);
      await insertSpell(em, pupilsAt(northfield.id)[0], schools[0]);
    });
    await settle();
    const riversideCopy = await replicaOf(riversideKey).syncAll(50);
    expect(riversideCopy.rows.has(theirs)).toBe(true);
    expect(cut(riversideCopy.rows)).toEqual(await exportOf(riverside.id));
    for (const row of riversideCopy.rows.values()) expect(row.schoolId).toBe(eastgate.id);
    const stranger = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: randomUUID(), scopes: ['reports:read'] });
    expect((await page(stranger)).changes).toEqual([]);
    expect((await page(stranger, riversideCopy.cursor)).changes).toEqual([]);
  });

  it('refuses a key without reports:read, school staff and pupils; and another feed’s cursor', async () => {
    const refused = await client.query<Page>(rosterKey, CHANGES, {});
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain('reports:read');
    for (const principal of [leader, pupilPrincipal, null]) {
      const res = await client.query<Page>(principal, CHANGES, {});
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(res.data?.page ?? null).toBeNull();
    }
    const encounterCursor = Buffer.from('["e1","5","6"]').toString('base64url');
    for (const after of ['not-a-cursor', encounterCursor]) {
      const res = await client.query<Page>(key, CHANGES, { after });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain('Start again without one');
    }
    for (const first of [0, 1001]) expect((await client.query<Page>(key, CHANGES, { first })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("never carries the provider's name or who recorded it", async () => {
    const type = (await buildDestinationsSchema()).getType('SyncedDestinationSpell') as GraphQLObjectType;
    expect(Object.keys(type.getFields()).sort()).toEqual(
      ['activity', 'apprenticeshipLevel', 'confirmed', 'endsOn', 'id', 'leavingYear', 'providerKind', 'pupilId', 'schoolId', 'source', 'startsOn'].sort(),
    );
    const text = JSON.stringify((await client.query<Page>(key, CHANGES, { first: 1000 })).data);
    expect(text).not.toContain('Acme Engineering');
  });
});

describe('destinationChanges: what a sync reads', () => {
  it('a full sync, then each change once: new, ended, deleted, moved out of the trust; a provider pseudonymised logs nothing', async () => {
    await settle();
    const replica = await replicaOf().syncAll(100);
    expect(cut(replica.rows)).toEqual(await exportOf(waymark.id));
    const [a, b] = pupilsAt(southbank.id);
    let spells: string[] = [];
    await write(async (em) => {
      spells = [await insertSpell(em, a, schools[1]), await insertSpell(em, a, schools[1], 'NEET_AVAILABLE'), await insertSpell(em, b, schools[1])];
    });
    await settle();
    await replica.syncAll();
    const [ended, removed, moved] = spells;
    await write(async (em) => {
      await endSpell(em, ended, '2025-12-01');
      await endSpell(em, ended, '2025-12-31'); // two changes, one entry: the latest
      await removeSpell(em, removed);
      await moveSpell(em, moved, schools[2]);
    });
    await settle();
    const changes = await page(key, replica.cursor, 1000);
    const byId = new Map(changes.changes.map((c) => [c.id, c]));
    expect(changes.changes).toHaveLength(3);
    expect(byId.get(ended)).toMatchObject({ kind: 'UPSERT', row: { endsOn: '2025-12-31', pupilId: a } });
    expect(byId.get(removed)).toEqual({ id: removed, kind: 'TOMBSTONE', reason: 'DELETED', row: null });
    expect(byId.get(moved)).toEqual({ id: moved, kind: 'TOMBSTONE', reason: 'LEFT_TRUST', row: null });
    replica.apply(changes.changes);
    replica.cursor = changes.cursor;
    await write((em) => renameProvider(em, ended));
    await settle();
    expect((await page(key, replica.cursor, 1000)).changes).toEqual([]);
    expect(cut(replica.rows)).toEqual(await exportOf(waymark.id));
  });

  it('a young person who opts out: a tombstone for each spell, never an upsert after, and back again if they agree again', async () => {
    const [pupilId] = pupilsAt(northfield.id).slice(5, 6);
    let spells: string[] = [];
    await write(async (em) => {
      spells = [await insertSpell(em, pupilId, schools[0]), await insertSpell(em, pupilId, schools[0], 'EDUCATION')];
    });
    await settle();
    const replica = await replicaOf().syncAll(100);
    for (const id of spells) expect(replica.rows.get(id)?.pupilId).toBe(pupilId);

    pupils.set(pupilId, { trustId: waymark.id, shared: false });
    // The very next page, and a fresh full sync, carry nothing of theirs as an upsert (Replica.apply checks every answer).
    await replica.step(1000);
    const fresh = await replicaOf().syncAll(100);
    for (const id of spells) expect(fresh.rows.has(id)).toBe(false);
    await settle();
    await replica.syncAll();
    for (const id of spells) expect(replica.tombstones.get(id)).toBe('OPTED_OUT');
    // A later change to their spell is not handed out as an upsert.
    await write((em) => endSpell(em, spells[0], '2026-01-31'));
    await settle();
    await replica.syncAll();
    expect(replica.rows.has(spells[0])).toBe(false);
    expect(cut(replica.rows)).toEqual(await exportOf(waymark.id));

    pupils.set(pupilId, { trustId: waymark.id, shared: true });
    await replica.syncAll();
    await settle();
    await replica.syncAll();
    expect(replica.rows.get(spells[0])).toMatchObject({ endsOn: '2026-01-31' });
    expect(cut(replica.rows)).toEqual(await exportOf(waymark.id));
  });

  it('a young person pseudonymised, moved to another trust, or deleted in the pupils subgraph: their spells are tombstones with that reason', async () => {
    const [hidden, moved, gone] = pupilsAt(southbank.id).slice(6, 9);
    const spells = new Map<string, string>();
    await write(async (em) => {
      for (const id of [hidden, moved, gone]) spells.set(id, await insertSpell(em, id, schools[1]));
    });
    await settle();
    const replica = await replicaOf().syncAll(100);
    pupils.set(hidden, { trustId: waymark.id, shared: true, pseudonymised: true });
    pupils.set(moved, { trustId: riverside.id, shared: true });
    pupils.set(gone, null);
    await replica.syncAll();
    await settle();
    await replica.syncAll();
    expect(replica.tombstones.get(spells.get(hidden)!)).toBe('PSEUDONYMISED');
    expect(replica.tombstones.get(spells.get(moved)!)).toBe('LEFT_TRUST');
    expect(replica.tombstones.get(spells.get(gone)!)).toBe('DELETED');
    expect(cut(replica.rows)).toEqual(await exportOf(waymark.id));
  });

  it('does not let the cursor pass a transaction that began first but commits last', async () => {
    const [early, late] = pupilsAt(northfield.id).slice(10, 12);
    let spells: string[] = [];
    await write(async (em) => {
      spells = [await insertSpell(em, early, schools[0]), await insertSpell(em, late, schools[0])];
    });
    await settle();
    const replica = await replicaOf().syncAll(100);
    if (concurrent) {
      const first = await openWriter();
      await endSpell(first, spells[0], '2025-10-01');
      await write((em) => endSpell(em, spells[1], '2025-10-02'));
      await replica.syncAll();
      expect(replica.rows.get(spells[1])?.endsOn, 'held back behind the open transaction').toBeNull();
      await first.commit();
    } else {
      await write((em) => endSpell(em, spells[0], '2025-10-01'));
      await write((em) => endSpell(em, spells[1], '2025-10-02'));
    }
    await settle();
    await replica.syncAll();
    expect(replica.rows.get(spells[0])?.endsOn).toBe('2025-10-01');
    expect(replica.rows.get(spells[1])?.endsOn).toBe('2025-10-02');
  });

  it("keeps one row per spell: a school's staff changing a spell again moves its row to the end, and lift nothing for longer", async () => {
    const [pupilId] = pupilsAt(southbank.id).slice(12, 13);
    let spell = '';
    await write(async (em) => {
      spell = await insertSpell(em, pupilId, schools[1]);
    });
    await settle();
    const held = await replicaOf().syncAll(1000);
    // The spell as its school's staff correct it: the log is not theirs to read, yet their changes move its row.
    const staff = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: waymark.id });
    for (const day of ['2025-10-01', '2025-11-01', '2025-12-01']) {
      const transaction = await beginRequestTransaction(orm.em.fork(), staff, { appRole: true });
      await endSpell(transaction.em, spell, day);
      const { rows } = await boundSql<{ bypass: string | null }>(transaction.em, `select current_setting('waymark.bypass', true) as bypass`, []);
      expect(rows[0].bypass ?? '').toBe('');
      expect((await boundSql(transaction.em, `select 1 from destination_sync_change`, [])).rows).toEqual([]);
      await transaction.end(true);
    }
    await settle();
    await write(async (em) => {
      const { rows } = await boundSql<{ n: number }>(em, `select count(*)::int as n from destination_sync_change where row_id = $1`, [spell]);
      expect(rows[0].n).toBe(1);
      expect((await boundSql(em, `select 1 from destination_sync_change group by trust_id, row_id having count(*) > 1`, [])).rows).toEqual([]);
    });
    const changes = await page(key, held.cursor, 1000);
    expect(changes.changes.map((c) => c.id)).toEqual([spell]);
    await held.syncAll();
    expect(held.rows.get(spell)?.endsOn).toBe('2025-12-01');
    expect(cut(held.rows)).toEqual(await exportOf(waymark.id));
    expect(cut((await replicaOf().syncAll(1000)).rows)).toEqual(await exportOf(waymark.id));
  });

  it('reads a page of any size in two statements (the sharing it holds, then the page), and asks the pupils subgraph once', async () => {
    await settle();
    const counts: number[] = [];
    for (const first of [1, 10, 1000]) {
      const before = pupils.requests;
      const { result, statements } = await countStatements(orm, () => client.query<Page>(key, CHANGES, { first }));
      expect(result.errors).toBeUndefined();
      expect(pupils.requests - before).toBe(1);
      counts.push(statements.length);
    }
    expect(counts).toEqual([2, 2, 2]);
  });
});

describe('destinationChanges under concurrent writes and opt-outs (property)', () => {
  /**
   * Random interleavings of new spells, ended spells, deletions and moves between the trusts, in up to
   * three transactions open at once (PostgreSQL; PGlite takes one at a time) that commit or roll back
   * in any order, with young people opting out, agreeing again, moving trust and being pseudonymised in
   * the pupils subgraph at any moment, and both trusts' syncs reading pages in between (every answer
   * is checked: never an upsert of a young person the trust may not see). Then an incremental sync
   * must equal a fresh full sync and the table, for both trusts.
   */
  it('syncs running while spells change and young people opt out or in, then incremental syncs, equal a fresh full export', async () => {
    for (const seed of [3, 19, 31, 47]) {
      const random = seededRandom(seed);
      await settle();
      const people = [...pupilsAt(northfield.id).slice(20, 26), ...pupilsAt(southbank.id).slice(20, 24), ...pupilsAt(eastgate.id).slice(0, 6)];
      const spellIds: string[] = [];
      const readers = [replicaOf(key), replicaOf(riversideKey)];
      const randomOp = (): WriteOp => {
        const roll = random.next();
        if (roll < 0.35 || spellIds.length === 0) {
          const [pupilId, school] = [random.pick(people), random.pick(schools)];
          return async (em) => {
            spellIds.push(await insertSpell(em, pupilId, school));
          };
        }
        const id = random.pick(spellIds);
        if (roll < 0.6) {
          const day = `2025-1${Math.floor(random.next() * 3)}-0${1 + Math.floor(random.next() * 9)}`;
          return (em) => endSpell(em, id, day);
        }
        if (roll < 0.8) return (em) => removeSpell(em, id);
        const school = random.pick(schools);
        return (em) => moveSpell(em, id, school);
      };
      const changeSharing = () => {
        const pupilId = random.pick(people);
        const roll = random.next();
        const trustId = random.next() < 0.8 ? (pupils.state.get(pupilId)?.trustId ?? waymark.id) : random.pick([waymark.id, riverside.id]);
        if (roll < 0.45) pupils.set(pupilId, { trustId, shared: false });
        else if (roll < 0.9) pupils.set(pupilId, { trustId, shared: true });
        else pupils.set(pupilId, { trustId, shared: true, pseudonymised: true });
      };
      await interleaveWriters({
        orm,
        random,
        concurrent,
        randomOp,
        ticks: 50,
        between: async () => {
          if (random.next() < 0.15) {
            changeSharing();
            return true;
          }
          if (random.next() < 0.3) {
            await random.pick(readers).step(1 + Math.floor(random.next() * 6));
            return true;
          }
          return false;
        },
      });

      // The last sharing changes are read by the first page of each trust, whose own transaction logs
      // the spells they flip: a second round after that transaction has ended hands them out.
      for (const replica of readers) await replica.syncAll(200);
      await settle();
      for (const replica of readers) {
        await replica.syncAll(200);
        const fresh = await replicaOf(replica.principal).syncAll(200);
        const trustId = replica.principal.trustId!;
        expect(cut(replica.rows), `seed ${seed}: against the table`).toEqual(await exportOf(trustId));
        expect(cut(replica.rows), `seed ${seed}: against a fresh full sync`).toEqual(cut(fresh.rows));
      }
    }
  }, 180_000);
});
