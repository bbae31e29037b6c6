import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academicYearOf } from '@waymark/domain';
import type { Orm } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { School, Trust } from '../school/school.entity.js';
import { generatePupils, importRoster, rosterRows } from '../../../test/roster-fixtures.js';

// A roster import writes its new pupils in one statement per batch, and pupil's statement-level sync-log
// and cohort-counter triggers record them (pupil-sync.trigger.ts, cohort-version.entity.ts). These check
// what lands for the new pupils, for changes in the same commit, and for writes outside any import.
const TRUST = '0e5f1e1d-0000-4000-8000-0000000001aa';
const SCHOOL = '0e5f1e1d-0000-4000-8000-0000000001ab';
const LONE_SCHOOL = '0e5f1e1d-0000-4000-8000-0000000001ac';
const academicYear = academicYearOf(new Date());
const leader = (schoolId: string, trustId: string | null) =>
  makePrincipal({ roles: ['careers_leader'], schoolId, trustId, accountId: `leader-${schoolId}`, displayName: 'Ms Leader' });

let subgraph: TestSubgraph;
let orm: Orm;
let client: SubgraphTestClient;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp, { seed: false });
  ({ orm, client } = subgraph);
  const em = orm.em.fork();
  em.create(Trust, { id: TRUST, name: 'Trigger Trust' });
  em.create(School, { id: SCHOOL, trustId: TRUST, name: 'Trust school', urn: '910101', localAuthority: 'Leeds' });
  em.create(School, { id: LONE_SCHOOL, trustId: null, name: 'Lone school', urn: '910102', localAuthority: 'Leeds' });
  await em.flush();
});

afterAll(() => subgraph?.close());

async function sql<T>(query: string, parameters: unknown[] = []): Promise<T[]> {
  const em = orm.em.fork();
  return em.transactional(async (tx) => {
    await tx.execute("select set_config('waymark.bypass', 'on', true)");
    return tx.execute<T[]>(query, parameters);
  });
}

/** The trust's log rows noted after `seq` (the log keeps a row per pupil, moved to the end when they change), in order. */
const syncLog = (trustId: string, seq = 0) =>
  sql<{ pupil_id: string; reason: string | null }>('select pupil_id, reason from pupil_sync_change where trust_id = ? and seq > ? order by seq', [
    trustId,
    seq,
  ]);
const lastSeq = async () => Number((await sql<{ seq: string | null }>('select max(seq)::text as seq from pupil_sync_change'))[0].seq ?? 0);
const counter = async (schoolId: string) =>
  Number((await sql<{ version: string }>('select version from cohort_version where school_id = ?', [schoolId]))[0]?.version ?? 0);
const pupilIds = async (schoolId: string) => (await sql<{ id: string }>('select id from pupil where school_id = ? order by id', [schoolId])).map((r) => r.id);

describe("a roster import's sync log and cohort counter", () => {
  it('logs each new pupil once, in the order they were added, and moves the school’s counter', async () => {
    const pupils = generatePupils(12, { seed: 41, academicYear });
    expect(await counter(SCHOOL)).toBe(0);
    await importRoster(client, leader(SCHOOL, TRUST), { rows: rosterRows(pupils), fullRoster: false });

    // The commit's ids rise in the order the rows were added (orderedIdSource).
    const added = await pupilIds(SCHOOL);
    expect(added).toHaveLength(12);
    expect(await syncLog(TRUST)).toEqual(added.map((id) => ({ pupil_id: id, reason: null })));
    expect(await counter(SCHOOL)).toBeGreaterThan(0);
  });

  it('fires the triggers again in the same commit for a changed pupil after the new ones, and afterwards', async () => {
    const before = await counter(SCHOOL);
    const logged = await lastSeq();
    // The same twelve with the first one a year group up, and two new pupils: the new ones are inserted
    // (one statement) before the change is written (another).
    const pupils = generatePupils(14, { seed: 41, academicYear });
    const rows = rosterRows(pupils);
    rows[0] = { ...rows[0], yearGroup: rows[0].yearGroup === 13 ? 12 : rows[0].yearGroup + 1 };
    await importRoster(client, leader(SCHOOL, TRUST), { rows, fullRoster: false });

    const [changed] = await sql<{ id: string }>('select id from pupil where upn = ?', [pupils[0].upn]);
    const newOnes = await sql<{ id: string }>('select id from pupil where upn in (?, ?) order by id', [pupils[12].upn, pupils[13].upn]);
    const log = await syncLog(TRUST, logged);
    expect(log).toHaveLength(3);
    expect(log.map((entry) => entry.pupil_id).sort()).toEqual([changed.id, ...newOnes.map((p) => p.id)].sort());
    expect(await counter(SCHOOL)).toBeGreaterThan(before);

    // Outside any import, a change is logged by the trigger as ever.
    const afterImport = await counter(SCHOOL);
    const loggedByImport = await lastSeq();
    await sql('update pupil set eal = not eal where id = ?', [changed.id]);
    expect(await counter(SCHOOL)).toBeGreaterThan(afterImport);
    await sql('update pupil set left_on = current_date where id = ?', [changed.id]);
    expect(await syncLog(TRUST, loggedByImport)).toEqual([{ pupil_id: changed.id, reason: null }]);
    expect(await syncLog(TRUST)).toHaveLength(14);
  });

  it('logs nothing for a school in no trust, and still moves its counter', async () => {
    const logged = (await sql<{ n: number }>('select count(*)::int as n from pupil_sync_change'))[0].n;
    await importRoster(client, leader(LONE_SCHOOL, null), { rows: rosterRows(generatePupils(5, { seed: 42, academicYear })), fullRoster: false });
    expect((await sql<{ n: number }>('select count(*)::int as n from pupil_sync_change'))[0].n).toBe(logged);
    expect(await counter(LONE_SCHOOL)).toBeGreaterThan(0);
  });
});
