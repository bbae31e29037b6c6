import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@waymark/subgraph-kit';
import { testDatabase } from '@waymark/subgraph-kit/testing';
import { destinationsService } from '../app.js';

/*
 * The migration that made each spell its own destination.recorded event: an event still waiting in
 * the old outbox carries over to its spell (the relay then sends it), a forwarded one does not, and
 * the old outbox goes.
 */
const BEFORE = 'Migration20261207045704';
const SCHOOL = '5e11e7e1-0000-4000-8000-00000000a001';
const TRUST = '5e11e7e1-0000-4000-8000-00000000a002';
const spellId = (n: number) => `5e11e7e1-0000-4000-8000-0000000b000${n}`;
const pupilId = (n: number) => `5e11e7e1-0000-4000-8000-0000000c000${n}`;

const db = testDatabase('destinations');
let orm: Orm;
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => orm.em.fork().execute<T[]>(query, params);

beforeAll(async () => {
  orm = await openDatabase({
    service: 'destinations',
    entities: destinationsService.entities,
    migrations: destinationsService.migrations,
    ...db.options,
    migrate: false,
  });
  await orm.migrator.up({ to: BEFORE });
  for (const n of [1, 2, 3])
    await sql(
      `insert into activity_spell (id, pupil_id, school_id, trust_id, leaving_year, activity, starts_on, source, confirmed, entered_by_id, entered_at)
       values (?, ?, ?, ?, 2025, 'EDUCATION', '2025-09-04', 'STAFF', true, 'a', now())`,
      [spellId(n), pupilId(n), SCHOOL, TRUST],
    );
  const event = (n: number, forwardedAt: string | null) =>
    sql(
      `insert into webhook_outbox (id, trust_id, school_id, type, data, occurred_at, forwarded_at)
       values (gen_random_uuid(), ?, ?, 'destination.recorded', ?::jsonb, '2026-12-01T10:00:00Z', ?)`,
      [
        TRUST,
        SCHOOL,
        JSON.stringify({ spellId: spellId(n), pupilId: pupilId(n), leavingYear: 2025, source: 'STAFF', confirmed: true, schoolId: SCHOOL }),
        forwardedAt,
      ],
    );
  // 1: its event still waits; 2: its event was forwarded; 3: no event (the trust may not hear of it).
  await event(1, null);
  await event(2, '2026-12-01T10:00:05Z');
  await orm.migrator.up();
}, 60_000);

afterAll(async () => {
  await orm?.close(true);
  await db.dispose();
});

describe('each spell its own webhook event (migration)', () => {
  it('carries a waiting event over to its spell, and no other', async () => {
    const rows = await sql<{ id: string; event_at: Date | null; event_forwarded_at: Date | null }>(
      'select id, event_at, event_forwarded_at from activity_spell order by id',
    );
    expect(rows.map((row) => [row.id, row.event_at === null ? null : new Date(row.event_at).toISOString(), row.event_forwarded_at])).toEqual([
      [spellId(1), '2026-12-01T10:00:00.000Z', null],
      [spellId(2), null, null],
      [spellId(3), null, null],
    ]);
  });

  it('drops the old outbox', async () => {
    const [{ found }] = await sql<{ found: string | null }>(`select to_regclass('webhook_outbox')::text as found`);
    expect(found).toBeNull();
  });
});
