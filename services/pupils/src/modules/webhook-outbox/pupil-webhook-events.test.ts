import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academicYearOf } from '@waymark/domain';
import { boundSql, WebhookOutboxEvent, withSystemAccess } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { School } from '../school/school.entity.js';
import { runRetention } from '../retention/retention.job.js';
import { commit, generatePupils, importRoster, preview, rosterCsv, utf8Base64, waitForImport, type FixturePupil } from '../../../test/roster-fixtures.js';

/*
 * The pupils subgraph's other webhook events (docs/trust-api.md, "Webhooks"): `pupil.transferred`,
 * written by the roster import that moves a pupil in, one per side of the move, each for its own
 * school's trust; and `pupil.pseudonymised`, written by the retention job's mark. Each is in the same
 * transaction as its change: a change the database refuses at commit leaves no event behind.
 */
const TRUST = randomUUID();
const OTHER_TRUST = randomUUID();
const EASTFIELD = randomUUID();
const WESTFIELD = randomUUID();
const FARAWAY = randomUUID();
const LASTSTOP = randomUUID();
const leaderOf = (schoolId: string, trustId: string) => makePrincipal({ roles: ['careers_leader'], schoolId, trustId });
const eastLeader = leaderOf(EASTFIELD, TRUST);
const westLeader = leaderOf(WESTFIELD, TRUST);
const farLeader = leaderOf(FARAWAY, OTHER_TRUST);
const lastLeader = leaderOf(LASTSTOP, OTHER_TRUST);
// 2029-07-20 is past the third anniversary of a leaver who left on 2026-07-19, and of nobody else here.
const RETENTION_NOW = new Date('2029-07-20T12:00:00Z');

let subgraph: TestSubgraph;
let pupils: FixturePupil[];
const idOf = new Map<string, string>();

const sql = <T = Record<string, unknown>>(text: string, parameters: unknown[] = []) =>
  withSystemAccess(subgraph.orm, 'test: pupils webhook events', (em) => boundSql<T>(em, text, parameters));
const eventsAbout = (type: string, pupilId: string) =>
  subgraph.orm.em
    .fork()
    .find(WebhookOutboxEvent, { type }, { orderBy: { occurredAt: 'asc', id: 'asc' } })
    .then((all) => all.filter((e) => e.data.pupilId === pupilId));
const csvOf = (...chosen: FixturePupil[]) => ({ fileBase64: utf8Base64(rosterCsv(chosen), true), fullRoster: false });

/**
 * A database refusal at COMMIT (a deferred trigger) of a change to the pupil with this id (`when`, a
 * condition on `new`), as a failure after every statement succeeded would be; answers its removal.
 */
async function refuseAtCommit(pupilId: string, when = 'true'): Promise<() => Promise<void>> {
  await subgraph.orm.em.fork().execute(
    `create or replace function test_refuse_pupil() returns trigger language plpgsql as $$
     begin if new.id = '${pupilId}' and (${when}) then raise exception 'refused at commit'; end if; return null; end $$;
     create constraint trigger test_refuse_pupil after update on pupil deferrable initially deferred for each row execute function test_refuse_pupil();`,
  );
  return async () => {
    await subgraph.orm.em.fork().execute('drop trigger test_refuse_pupil on pupil; drop function test_refuse_pupil();');
  };
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  const em = subgraph.orm.em.fork();
  em.create(School, { id: EASTFIELD, trustId: TRUST, name: 'Eastfield High', urn: '900201', localAuthority: 'Leeds' });
  em.create(School, { id: WESTFIELD, trustId: TRUST, name: 'Westfield High', urn: '900202', localAuthority: 'Leeds' });
  em.create(School, { id: FARAWAY, trustId: OTHER_TRUST, name: 'Faraway Academy', urn: '900203', localAuthority: 'Kent' });
  em.create(School, { id: LASTSTOP, trustId: OTHER_TRUST, name: 'Last Stop School', urn: '900204', localAuthority: 'Kent' });
  await em.flush();
  pupils = generatePupils(4, { seed: 77, academicYear: academicYearOf(new Date()), firstYear: 9, lastYear: 10 });
  await importRoster(subgraph.client, eastLeader, csvOf(...pupils));
  const { rows } = await sql<{ id: string; upn: string }>('select id, upn from pupil where school_id = $1', [EASTFIELD]);
  for (const row of rows) idOf.set(row.upn, row.id);
  // They all left Eastfield; the first long enough ago for the retention job to reach them.
  await sql(`update pupil set left_on = case when upn = $2 then '2026-07-19'::date else '2026-11-02'::date end where school_id = $1`, [
    EASTFIELD,
    pupils[0].upn,
  ]);
});

afterAll(() => subgraph?.close());

describe('the pupil.transferred webhook event', () => {
  it("moving to another trust's school: each trust hears its own side, and the old one never where they went", async () => {
    const mover = pupils[1];
    const pupilId = idOf.get(mover.upn)!;
    await importRoster(subgraph.client, farLeader, csvOf(mover));
    const events = await eventsAbout('pupil.transferred', pupilId);
    expect(events).toHaveLength(2);
    const into = events.find((e) => e.trustId === OTHER_TRUST)!;
    const out = events.find((e) => e.trustId === TRUST)!;
    expect(into).toMatchObject({ schoolId: FARAWAY, forwardedAt: null });
    expect(into.data).toEqual({ schoolId: FARAWAY, pupilId, direction: 'IN', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(out).toMatchObject({ schoolId: EASTFIELD });
    expect(out.data).toEqual({ schoolId: EASTFIELD, pupilId, direction: 'OUT', date: '2026-11-02' });
    // Neither names the other trust's school, nor anything about the pupil but their id.
    expect(JSON.stringify(out)).not.toContain(FARAWAY);
    expect(JSON.stringify(into)).not.toContain(EASTFIELD);
    for (const event of events) expect(JSON.stringify(event)).not.toMatch(new RegExp(`${mover.upn}|${mover.surname}|${mover.dob}`));
  });

  it('moving within the trust: both sides go to the trust, each naming the other school', async () => {
    const mover = pupils[2];
    const pupilId = idOf.get(mover.upn)!;
    await importRoster(subgraph.client, westLeader, csvOf(mover));
    const events = await eventsAbout('pupil.transferred', pupilId);
    expect(events.map((e) => [e.trustId, e.schoolId, e.data.direction, e.data.otherSchoolId]).sort()).toEqual(
      [
        [TRUST, EASTFIELD, 'OUT', WESTFIELD],
        [TRUST, WESTFIELD, 'IN', EASTFIELD],
      ].sort(),
    );
  });

  it('is not written when the move is refused at commit, and is written when it lands', async () => {
    const mover = pupils[3];
    const pupilId = idOf.get(mover.upn)!;
    const allow = await refuseAtCommit(pupilId);
    try {
      const previewed = await preview(subgraph.client, lastLeader, csvOf(mover));
      expect(previewed.import!.transfersIn).toBe(1);
      expect((await commit(subgraph.client, lastLeader, previewed.import!.id)).error).toBeNull();
      const { final } = await waitForImport(subgraph.client, lastLeader, previewed.import!.id);
      expect(final.status).toBe('FAILED');
    } finally {
      await allow();
    }
    expect((await sql<{ school_id: string }>('select school_id from pupil where id = $1', [pupilId])).rows[0].school_id).toBe(EASTFIELD);
    expect(await eventsAbout('pupil.transferred', pupilId)).toEqual([]);
    expect(await eventsAbout('roster.import.committed', pupilId)).toEqual([]);

    await importRoster(subgraph.client, lastLeader, csvOf(mover));
    expect((await eventsAbout('pupil.transferred', pupilId)).map((e) => [e.schoolId, e.data.direction]).sort()).toEqual(
      [
        [EASTFIELD, 'OUT'],
        [LASTSTOP, 'IN'],
      ].sort(),
    );
  });
});

describe('the pupil.pseudonymised webhook event', () => {
  it("is written with the retention job's mark, for the leaver's school's trust, ids only; not when the mark is refused", async () => {
    const leaver = pupils[0];
    const pupilId = idOf.get(leaver.upn)!;
    // The names go, then the mark is refused at commit: nothing is marked, and nothing is sent.
    const allow = await refuseAtCommit(pupilId, 'new.pseudonymised_at is not null');
    try {
      await expect(runRetention({ orm: subgraph.orm, now: RETENTION_NOW, others: [] })).rejects.toThrow(/refused at commit/);
    } finally {
      await allow();
    }
    expect((await sql<{ pseudonymised_at: unknown }>('select pseudonymised_at from pupil where id = $1', [pupilId])).rows[0].pseudonymised_at).toBeNull();
    expect(await eventsAbout('pupil.pseudonymised', pupilId)).toEqual([]);

    const run = await runRetention({ orm: subgraph.orm, now: RETENTION_NOW, others: [] });
    expect(run).toEqual({ pseudonymised: [pupilId], failed: [] });
    const events = await eventsAbout('pupil.pseudonymised', pupilId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ trustId: TRUST, schoolId: EASTFIELD, occurredAt: RETENTION_NOW });
    expect(events[0].data).toEqual({ schoolId: EASTFIELD, pupilId });
    // A second run marks nobody and writes nothing more.
    expect(await runRetention({ orm: subgraph.orm, now: RETENTION_NOW, others: [] })).toEqual({ pseudonymised: [], failed: [] });
    expect(await eventsAbout('pupil.pseudonymised', pupilId)).toHaveLength(1);
  });
});
