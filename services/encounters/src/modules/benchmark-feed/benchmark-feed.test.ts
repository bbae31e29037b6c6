import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { addDays, todayInEngland } from '@waymark/domain';
import { boundSql, encodeCursor, withSystemAccess } from '@waymark/subgraph-kit';
import { countStatements, makePrincipal, testKeys, testSigner } from '@waymark/subgraph-kit/testing';
import { encountersService } from '../../app.js';
import { loadEnv } from '../../env.js';
import { runBenchmarkStatesCommand } from './benchmark-feed.command.js';
import { startHarness, type Harness } from '../../../test/harness.js';
import { BenchmarkEngine } from '../benchmarks/benchmarks.service.js';
import { benchmarkStatesPrincipal, compactBenchmarkStateLog, remoteCohortSource, runBenchmarkStates, type CohortSource } from './benchmark-feed.job.js';

/*
 * benchmarkStateChanges and the nightly job that publishes it (docs/trust-api.md, "Benchmark states"),
 * on real databases: the seeded encounters subgraph, and the real seeded pupils subgraph the job asks
 * for each trust's cohort with a credential the test signs as the gateway would. The demo data with the
 * second trust (Riverside, one school: Eastgate).
 */
const data = demoData(new Date(), { secondTrust: true });
const [waymark, riverside] = data.trusts;
const [northfield] = data.schools;

const key = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: waymark.id, scopes: ['reports:read'] });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: waymark.id });
const riversideKey = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: riverside.id, scopes: ['reports:read'] });
const rosterKey = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: waymark.id, scopes: ['roster:write'] });
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: waymark.id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id, employerId: data.volunteers[0].employerId });
const pupil = makePrincipal({
  roles: ['pupil'],
  schoolId: northfield.id,
  trustId: waymark.id,
  pupilId: data.pupils.find((p) => p.schoolId === northfield.id)!.id,
});

const QUERY = `query ($after: String, $first: Int) { page: benchmarkStateChanges(after: $after, first: $first) {
  cursor hasMore changes { stateId pupilId measure kind reason state { id pupilId schoolId yearGroup measure state count needed asOf } } } }`;
interface Published {
  id: string;
  pupilId: string;
  schoolId: string;
  yearGroup: number;
  measure: string;
  state: string;
  count: number;
  needed: number;
  asOf: string;
}
interface Change {
  stateId: string;
  pupilId: string;
  measure: string;
  kind: 'UPSERT' | 'TOMBSTONE';
  reason: 'NOT_ON_ROLL' | 'NO_YEAR_GROUP' | null;
  state: Published | null;
}
interface Page {
  page: { cursor: string; hasMore: boolean; changes: Change[] } | null;
}

let harness: Harness;
let cohortOf: CohortSource;
const today = todayInEngland();

beforeAll(async () => {
  harness = await startHarness(undefined, { secondTrust: true });
  cohortOf = remoteCohortSource(`${harness.pupils.baseUrl}/graphql`, testSigner());
});

afterAll(async () => {
  await harness?.close();
});

const run = (day: string, trustIds: string[] = [waymark.id, riverside.id]) => runBenchmarkStates({ orm: harness.orm, day, cohortOf, trustIds });

async function page(principal = key, after: string | null = null, first?: number): Promise<NonNullable<Page['page']>> {
  const res = await harness.client.query<Page>(principal, QUERY, { after, first });
  expect(res.errors).toBeUndefined();
  return res.data!.page!;
}

/** A trust's copy of the feed, as a client of the sync keeps it. */
class Replica {
  rows = new Map<string, Omit<Published, 'id' | 'asOf'>>();
  cursor: string | null = null;
  tombstones = 0;
  constructor(readonly principal = key) {}

  async sync(first = 1000): Promise<number> {
    let pages = 0;
    for (;;) {
      const p = await page(this.principal, this.cursor, first);
      pages += 1;
      const seen = new Set<string>();
      for (const change of p.changes) {
        // At most one change per pupil's measure in a page.
        expect(seen.has(change.stateId)).toBe(false);
        seen.add(change.stateId);
        expect(change.stateId).toBe(`${change.pupilId}/${change.measure}`);
        if (change.kind === 'UPSERT') {
          expect(change.reason).toBeNull();
          const { id, asOf, ...state } = change.state!;
          expect(id).toBe(change.stateId);
          expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          this.rows.set(change.stateId, state);
        } else {
          expect(change.state).toBeNull();
          expect(change.reason).not.toBeNull();
          this.tombstones += 1;
          this.rows.delete(change.stateId);
        }
      }
      this.cursor = p.cursor;
      if (!p.hasMore) return pages;
    }
  }
}

/** What the engine says now, for every pupil on roll in the trust on `day`: worked out here over the whole trust at once, not as the job does it. */
async function engineStates(trustId: string, day: string): Promise<Map<string, Omit<Published, 'id' | 'asOf'>>> {
  const cohort = await cohortOf(trustId, day);
  const schoolOf = new Map<string, string>();
  const indexes = cohort.schoolIndexes === '' ? [] : cohort.schoolIndexes.split(',');
  (cohort.pupilIds === '' ? [] : cohort.pupilIds.split(',')).forEach((id, i) => schoolOf.set(id, cohort.schoolIds[Number(indexes[i])]));
  const { rows } = await withSystemAccess(harness.orm, 'test: the engine as it stands', (em) => new BenchmarkEngine(em).pupilStates(cohort, day));
  const states = new Map<string, Omit<Published, 'id' | 'asOf'>>();
  for (const row of rows)
    for (const [measure, state] of Object.entries(row.states))
      states.set(`${row.pupilId}/${measure}`, {
        pupilId: row.pupilId,
        schoolId: schoolOf.get(row.pupilId)!,
        yearGroup: row.yearGroup,
        measure,
        state: state.state,
        count: state.count,
        needed: state.needed,
      });
  return states;
}

const sorted = (rows: Map<string, unknown>) => new Map([...rows].sort(([a], [b]) => (a < b ? -1 : 1)));

async function logSize(): Promise<number> {
  return withSystemAccess(harness.orm, 'test: log size', async (em) =>
    Number((await boundSql<{ n: string }>(em, 'select count(*) as n from benchmark_state_change', [])).rows[0].n),
  );
}

/** A meaningful employer talk on `day` that `pupilIds` attended and reflected on, at their school. */
async function employerTalk(schoolId: string, trustId: string, day: string, pupilIds: string[]): Promise<string[]> {
  return withSystemAccess(harness.orm, 'test: an employer talk', async (em) => {
    const id = randomUUID();
    await boundSql(
      em,
      `insert into encounter (id, school_id, trust_id, kind, title, date, in_school_day, hours, benchmarks, year_groups, employer_ids, volunteer_ids, created_at, checklist_met)
       values ($1, $2, $3, 'EMPLOYER_TALK', 'Feed test talk', ($4::date + time '10:00'), true, 1, '{5}', '{7,8,9,10,11,12,13}', '{}', '{}', now(), true)`,
      [id, schoolId, trustId, day],
    );
    const rows: string[] = [];
    for (const pupilId of pupilIds) {
      const rowId = randomUUID();
      await boundSql(
        em,
        `insert into participation (id, encounter_id, pupil_id, school_id, trust_id, attended, reflection) values ($1, $2, $3, $4, $5, true, 'I learnt what an engineer does.')`,
        [rowId, id, pupilId, schoolId, trustId],
      );
      rows.push(rowId);
    }
    return rows;
  });
}

const removeRows = (rowIds: string[]) =>
  withSystemAccess(harness.orm, 'test: rows taken off a register', (em) =>
    boundSql(em, 'delete from participation where id = any($1::uuid[])', [`{${rowIds.join(',')}}`]),
  );

describe('benchmarkStateChanges: who may read it', () => {
  beforeAll(async () => {
    const first = await run(today);
    expect(first.failed).toEqual([]);
  });

  it('refuses school staff, pupils, volunteers, and a key without reports:read', async () => {
    for (const who of [leader, volunteer, pupil, rosterKey]) {
      const res = await harness.client.query<Page>(who, QUERY, {});
      expect(res.data?.page ?? null).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("gives another trust's key and analyst nothing of ours, even with our cursor", async () => {
    const ours = new Set(data.pupils.filter((p) => p.trustId === waymark.id).map((p) => p.id));
    const mine = new Replica(key);
    await mine.sync();
    expect(mine.rows.size).toBeGreaterThan(0);
    for (const row of mine.rows.values()) expect(ours.has(row.pupilId)).toBe(true);

    const theirs = new Replica(riversideKey);
    await theirs.sync();
    expect(theirs.rows.size).toBeGreaterThan(0);
    for (const row of theirs.rows.values()) expect(ours.has(row.pupilId)).toBe(false);
    // Our cursor (from the start of the log) in their hands reads only their own rows.
    const withOurs = await page(riversideKey, encodeCursor(['b1', '0']), 1000);
    for (const change of withOurs.changes) expect(ours.has(change.pupilId)).toBe(false);
    // A trust with nothing published (a made-up trust's analyst) sees an empty feed.
    const stranger = await page(makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID() }));
    expect(stranger.changes).toEqual([]);
  });

  it("answers the trust's analysts as its keys, and refuses a cursor it did not give out", async () => {
    const byKey = new Replica(key);
    const byAnalyst = new Replica(analyst);
    await byKey.sync();
    await byAnalyst.sync();
    expect(sorted(byAnalyst.rows)).toEqual(sorted(byKey.rows));
    for (const after of ['nonsense', encodeCursor(['e1', '0', '0']), encodeCursor(['b1', '-1'])]) {
      const res = await harness.client.query<Page>(key, QUERY, { after });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const tooMany = await harness.client.query<Page>(key, QUERY, { first: 1001 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the job asks the pupils subgraph as the trust, with reports:read only', () => {
    const principal = benchmarkStatesPrincipal(waymark.id);
    expect(principal).toMatchObject({ kind: 'api', roles: ['trust_analyst'], trustId: waymark.id, scopes: ['reports:read'], pupilLevelAccess: false });
  });
});

describe('the nightly job', () => {
  it('publishes what the engine says, and a second run writes nothing', async () => {
    await run(today);
    const before = await logSize();
    const again = await run(today);
    expect(again.failed).toEqual([]);
    expect(again.trusts.map((t) => t.upserts + t.tombstones)).toEqual([0, 0]);
    expect(await logSize()).toBe(before);
    const replica = new Replica();
    await replica.sync(137);
    expect(sorted(replica.rows)).toEqual(sorted(await engineStates(waymark.id, today)));
  });

  it('publishes a change when a pupil attends an employer talk, and only that pupil’s changed measure', async () => {
    const replica = new Replica();
    await replica.sync();
    const engine = await engineStates(waymark.id, today);
    const notYet = [...engine.values()].find((s) => s.measure === 'B5_EMPLOYERS' && s.state !== 'MET')!;
    const rows = await employerTalk(notYet.schoolId, waymark.id, today, [notYet.pupilId]);
    const done = await run(today, [waymark.id]);
    expect(done.trusts[0].upserts).toBeGreaterThan(0);
    const p = await page(key, replica.cursor);
    expect(p.changes.map((c) => c.pupilId)).toEqual(p.changes.map(() => notYet.pupilId));
    expect(p.changes.map((c) => c.measure)).toContain('B5_EMPLOYERS');
    await replica.sync();
    expect(sorted(replica.rows)).toEqual(sorted(await engineStates(waymark.id, today)));
    await removeRows(rows);
    await run(today, [waymark.id]);
    await replica.sync();
    expect(replica.rows.get(`${notYet.pupilId}/B5_EMPLOYERS`)).toEqual(notYet);
  });

  it('publishes changes when the clock passes 1 September, with no write at all, and tombstones those who leave Year 13', async () => {
    const [year] = today.split('-').map(Number);
    const summer = `${year + 1}-08-31`;
    const autumn = `${year + 1}-09-01`;
    await run(summer);
    const replica = new Replica();
    await replica.sync();
    const thirteen = [...replica.rows.values()].filter((s) => s.yearGroup === 13);
    expect(thirteen.length).toBeGreaterThan(0);
    const quiet = await logSize();
    expect((await run(summer)).trusts.map((t) => t.upserts + t.tombstones)).toEqual([0, 0]);
    expect(await logSize()).toBe(quiet);

    const next = await run(autumn);
    expect(next.trusts[0].upserts).toBeGreaterThan(0);
    const tombstonesBefore = replica.tombstones;
    await replica.sync();
    expect(replica.tombstones).toBeGreaterThanOrEqual(tombstonesBefore + thirteen.length);
    for (const state of thirteen) expect(replica.rows.has(`${state.pupilId}/${state.measure}`)).toBe(false);
    // Everyone else moved up a year.
    for (const state of replica.rows.values()) expect(state.yearGroup).toBeGreaterThanOrEqual(8);
    expect(sorted(replica.rows)).toEqual(sorted(await engineStates(waymark.id, autumn)));
    const log = await page(key, null, 1000);
    expect(log.changes.some((c) => c.kind === 'TOMBSTONE' && c.reason === 'NO_YEAR_GROUP')).toBe(true);
    // And back to today: the states come back as they were.
    await run(today);
    await replica.sync();
    expect(sorted(replica.rows)).toEqual(sorted(await engineStates(waymark.id, today)));
  });

  it('tombstones a pupil who leaves as NOT_ON_ROLL', async () => {
    const replica = new Replica();
    await replica.sync();
    const leaver = data.pupils.find((p) => p.schoolId === northfield.id && p.leftOn === null && replica.rows.has(`${p.id}/B5_EMPLOYERS`))!;
    const left = await harness.pupils.query<{ markPupilLeft: { error: { message: string } | null } }>(
      leader,
      'mutation ($input: MarkPupilLeftInput!) { markPupilLeft(input: $input) { error { message } } }',
      { input: { pupilId: leaver.id, leftOn: today } },
    );
    expect(left.errors).toBeUndefined();
    expect(left.data!.markPupilLeft.error).toBeNull();
    const done = await run(today, [waymark.id]);
    expect(done.trusts[0].tombstones).toBe(12);
    const p = await page(key, replica.cursor);
    expect(p.changes.map((c) => [c.pupilId, c.kind, c.reason])).toEqual(p.changes.map(() => [leaver.id, 'TOMBSTONE', 'NOT_ON_ROLL']));
    await replica.sync();
    expect([...replica.rows.keys()].some((id) => id.startsWith(leaver.id))).toBe(false);
    expect(sorted(replica.rows)).toEqual(sorted(await engineStates(waymark.id, today)));
  });

  it('takes the same statements per school whatever changes, and pages in one statement', async () => {
    const quiet = await countStatements(harness.orm, () => run(today, [waymark.id]));
    const engine = await engineStates(waymark.id, today);
    const pupils = [...new Set([...engine.values()].filter((s) => s.schoolId === northfield.id).map((s) => s.pupilId))].slice(0, 40);
    const rows = await employerTalk(northfield.id, waymark.id, today, pupils);
    const busy = await countStatements(harness.orm, () => run(today, [waymark.id]));
    expect(busy.result.trusts[0].upserts).toBeGreaterThan(0);
    expect(quiet.result.trusts[0].upserts).toBe(0);
    expect(busy.statements.length).toBe(quiet.statements.length);
    // Two schools: per school the lock, the engine and the write; then the lock and the tombstones.
    expect(busy.statements.filter((sql) => /pg_advisory_xact_lock/.test(sql))).toHaveLength(3);
    expect(busy.statements.filter((sql) => /insert into benchmark_state_change/.test(sql))).toHaveLength(3);
    for (const first of [1, 10, 1000]) {
      const { statements } = await countStatements(harness.orm, () => page(key, null, first));
      expect(statements.filter((sql) => /benchmark_state_change/.test(sql))).toHaveLength(1);
    }
    await removeRows(rows);
    await run(today, [waymark.id]);
  });

  it('property: after random registers, leavers, days and runs, an incremental sync equals a fresh one and the engine', async () => {
    let seed = 20261207;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
    const nightly = new Replica();
    const riversideNightly = new Replica(riversideKey);
    await nightly.sync();
    await riversideNightly.sync();
    let day = today;
    const added: string[][] = [];
    for (let round = 0; round < 8; round += 1) {
      const engine = await engineStates(waymark.id, day);
      const onRoll = [...new Set([...engine.values()].map((s) => `${s.pupilId} ${s.schoolId}`))].map((pair) => pair.split(' '));
      const steps = 1 + Math.floor(random() * 3);
      for (let step = 0; step < steps; step += 1) {
        const what = random();
        if (what < 0.5 || added.length === 0) {
          const [, schoolId] = pick(onRoll);
          const attendees = onRoll.filter(([, s]) => s === schoolId && random() < 0.2).map(([p]) => p);
          added.push(await employerTalk(schoolId, waymark.id, day, attendees));
        } else if (what < 0.8) {
          await removeRows(added.splice(Math.floor(random() * added.length), 1)[0]);
        } else {
          // A careers leader records a pupil of their school leaving (today: it cannot be in the future).
          const [leaverId, schoolId] = pick(onRoll);
          const res = await harness.pupils.query<{ markPupilLeft: { error: { message: string } | null } }>(
            makePrincipal({ roles: ['careers_leader'], schoolId, trustId: waymark.id }),
            'mutation ($input: MarkPupilLeftInput!) { markPupilLeft(input: $input) { error { message } } }',
            { input: { pupilId: leaverId, leftOn: today } },
          );
          expect(res.errors).toBeUndefined();
        }
      }
      // The clock moves on by nothing, a day, or up to half a year (over 1 September, now and then).
      day = addDays(day, pick([0, 1, 30, 120, 183]));
      expect((await run(day)).failed).toEqual([]);
      if (random() < 0.3) await withSystemAccess(harness.orm, 'test: compaction', (em) => compactBenchmarkStateLog(em));
      if (random() < 0.7) await nightly.sync(pick([1, 50, 1000]));
    }
    await nightly.sync();
    await riversideNightly.sync();
    const fresh = new Replica();
    await fresh.sync();
    const expected = sorted(await engineStates(waymark.id, day));
    expect(sorted(nightly.rows)).toEqual(expected);
    expect(sorted(fresh.rows)).toEqual(expected);
    expect(sorted(riversideNightly.rows)).toEqual(sorted(await engineStates(riverside.id, day)));
  });
});

describe('when something goes wrong', () => {
  it('reports a trust whose cohort cannot be read and publishes the others; the next run catches it up', async () => {
    const before = await logSize();
    const failing: CohortSource = (trustId, day) => (trustId === riverside.id ? Promise.reject(new Error('pupils subgraph down')) : cohortOf(trustId, day));
    const tomorrow = addDays(today, 1);
    const partial = await runBenchmarkStates({ orm: harness.orm, day: tomorrow, cohortOf: failing, trustIds: [riverside.id, waymark.id] });
    expect(partial.failed).toEqual([{ trustId: riverside.id, error: 'pupils subgraph down' }]);
    expect(partial.trusts.map((t) => t.trustId)).toEqual([waymark.id]);
    const caughtUp = await run(tomorrow);
    expect(caughtUp.failed).toEqual([]);
    const riversideCopy = new Replica(riversideKey);
    await riversideCopy.sync();
    expect(sorted(riversideCopy.rows)).toEqual(sorted(await engineStates(riverside.id, tomorrow)));
    expect(await logSize()).toBeGreaterThanOrEqual(before);
    // Without a list (as the command runs it), every trust with records here, each already up to date.
    const everyone = await runBenchmarkStates({ orm: harness.orm, day: tomorrow, cohortOf });
    expect(everyone.trusts.map((t) => t.trustId).sort()).toEqual([waymark.id, riverside.id].sort());
    expect(everyone.trusts.map((t) => t.upserts + t.tombstones)).toEqual([0, 0]);
  });

  it('the command refuses bad settings (exit code 2) before touching the database', async () => {
    const env = loadEnv({ WAYMARK_CREDENTIAL_PUBLIC_KEY: testKeys().publicKeyPem, DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none' });
    expect(await runBenchmarkStatesCommand(encountersService, env, { privateKeyPem: '' }, undefined)).toBe(2);
    expect(await runBenchmarkStatesCommand(encountersService, env, { privateKeyPem: testKeys().publicKeyPem }, undefined)).toBe(2);
    expect(await runBenchmarkStatesCommand(encountersService, env, { privateKeyPem: testKeys().privateKeyPem }, '1 September')).toBe(2);
  });
});
