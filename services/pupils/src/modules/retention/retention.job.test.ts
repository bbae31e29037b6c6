import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { PSEUDONYMISED } from '@waymark/domain';
import { boundSql, withSystemAccess } from '@waymark/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { runRetention, type RetentionTarget } from './retention.job.js';
import { NO_ADDRESS_COLUMNS } from '../../../test/sensitive-fixtures.js';

/*
 * The retention job's own rules in the pupils subgraph, with every connection acting as the
 * application role as the running service's do: a leaver is due the day after the third anniversary
 * of leaving, counted on the clock in England (not UTC); a subgraph that fails leaves the leaver for
 * the next run; a pupil is marked pseudonymised only when every subgraph has answered. (The other
 * subgraphs' parts are in gateway/test/retention.test.ts and the destinations subgraph's job test.)
 */
const data = demoData();
const [northfield] = data.schools;
const [dueOne, anniversary, onRoll] = data.pupils.filter((p) => p.schoolId === northfield.id && p.yearGroup === 10);
// 23:30 UTC on 20 July 2029 is already 21 July in England (summer time).
const NOW = new Date('2029-07-20T23:30:00Z');

let subgraph: TestSubgraph;
const pupil = async (id: string) =>
  (await withSystemAccess(subgraph.orm, 'test: reading a pupil', (em) => boundSql(em, 'select * from pupil where id = $1', [id]))).rows[0];
const steps = async (id: string) =>
  (
    await withSystemAccess(subgraph.orm, 'test: reading steps', (em) =>
      boundSql<{ subgraph: string }>(em, 'select subgraph from retention_step where pupil_id = $1 order by subgraph', [id]),
    )
  ).rows.map((row) => row.subgraph);

/** A stand-in subgraph that answers done or fails, and remembers whom it was asked about. */
function subgraphThat(answers: 'done' | 'fails') {
  const asked: string[] = [];
  const target: RetentionTarget = {
    subgraph: 'encounters',
    pseudonymise: async (pupilId) => {
      asked.push(pupilId);
      if (answers === 'fails') throw new Error('encounters is down');
    },
  };
  return { target, asked };
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp, { appRole: true });
  // Leavers near the line, earlier than any demo pupil left, so only they are due.
  await withSystemAccess(subgraph.orm, 'test: leavers', async (em) => {
    await boundSql(em, "update pupil set left_on = '2026-07-20', enrolled_on = '2021-09-01' where id = $1", [dueOne.id]);
    await boundSql(em, "update pupil set left_on = '2026-07-21', enrolled_on = '2021-09-01' where id = $1", [anniversary.id]);
    // A parent changed the leaver's consent; the leaver, a parent and staff read the record. (The log
    // refuses updates: before its guard let retention's one update through, the leaver's own reading
    // made every run fail for them.)
    await boundSql(em, "update pupil set consent_updated_by = 'Dana Parentname', consent_updated_at = '2025-01-10' where id = $1", [dueOne.id]);
    // Their address and a parent's name and address, kept for the local authority return.
    await boundSql(
      em,
      `update pupil set home_la_code = '383', address_line1 = '4 Birch Close', address_line2 = 'Headingley', address_town = 'Leeds',
        address_postcode = 'LS6 2QT', parent_carer_name = 'Dana Parentname', parent_carer_same_address = false,
        parent_carer_address_line1 = '9 Mill Street', parent_carer_address_line2 = 'Flat 2', parent_carer_address_town = 'Bradford',
        parent_carer_address_postcode = 'BD1 1AA' where id = $1`,
      [dueOne.id],
    );
    await boundSql(
      em,
      `update pupil set address_line1 = '7 Oak Lane', address_postcode = 'LS1 4AP', parent_carer_name = 'Lee Keepname', parent_carer_same_address = true where id = $1`,
      [anniversary.id],
    );
    for (const [actorName, actorRoles] of [
      ['Dana Parentname', 'parent'],
      ['Sam Staffmember', 'careers_leader'],
      [`${dueOne.legalForename} ${dueOne.legalSurname}`, 'pupil'],
    ])
      await boundSql(
        em,
        `insert into audit_event (id, action, pupil_id, school_id, request_id, credential_kind, actor_account_id, actor_name, actor_roles, source)
         values (gen_random_uuid(), 'READ', $1, $2, 'test-request', 'SESSION', gen_random_uuid()::text, $3, $4, 'pupils')`,
        [dueOne.id, northfield.id, actorName, actorRoles],
      );
  });
  const [{ first }] = (
    await withSystemAccess(subgraph.orm, 'test: the demo leavers', (em) =>
      boundSql<{ first: string }>(em, 'select min(left_on)::text as first from pupil where left_on is not null and id <> all($1::uuid[])', [
        `{${dueOne.id},${anniversary.id}}`,
      ]),
    )
  ).rows;
  expect(first > '2026-07-21').toBe(true);
});

afterAll(() => subgraph?.close());

describe('the retention job (pupils)', () => {
  it('a subgraph that fails leaves the leaver as they were and unmarked', async () => {
    const before = await pupil(dueOne.id);
    const failing = subgraphThat('fails');
    const run = await runRetention({ orm: subgraph.orm, now: NOW, others: [failing.target] });
    expect(failing.asked).toEqual([dueOne.id]);
    expect(run).toEqual({ pseudonymised: [], failed: [{ pupilId: dueOne.id, subgraph: 'encounters', error: 'encounters is down' }] });
    expect(await pupil(dueOne.id)).toEqual(before);
    expect(await steps(dueOne.id)).toEqual([]);
  });

  it('is due the day after the third anniversary in England: only that leaver is pseudonymised and marked', async () => {
    const answering = subgraphThat('done');
    const run = await runRetention({ orm: subgraph.orm, now: NOW, others: [answering.target] });
    expect(answering.asked).toEqual([dueOne.id]);
    expect(run).toEqual({ pseudonymised: [dueOne.id], failed: [] });
    expect(await steps(dueOne.id)).toEqual(['encounters', 'pupils']);
    const after = await pupil(dueOne.id);
    expect(after).toMatchObject({ legal_forename: 'Former', legal_surname: 'pupil', preferred_name: null, tutor_group: null, year_group: dueOne.yearGroup });
    expect(after.upn).not.toBe(dueOne.upn);
    // The home local authority, the address and everything about the parent or carer go.
    expect(after).toMatchObject({ home_la_code: null, ...NO_ADDRESS_COLUMNS });
    // Who last changed consent was the parent, by name: that goes too (the date and the choice stay).
    expect(after.consent_updated_by).toBe(PSEUDONYMISED.otherName);
    const log = await withSystemAccess(subgraph.orm, 'test: reading the log', (em) =>
      boundSql<{ actor_name: string; actor_roles: string }>(
        em,
        "select actor_name, actor_roles from audit_event where pupil_id = $1 and request_id = 'test-request' order by actor_roles",
        [dueOne.id],
      ),
    );
    // The leaver's and a parent's names in the log go; a member of staff's stays (the trail is for who read it).
    expect(log.rows).toEqual([
      { actor_name: 'Sam Staffmember', actor_roles: 'careers_leader' },
      { actor_name: PSEUDONYMISED.otherName, actor_roles: 'parent' },
      { actor_name: PSEUDONYMISED.name, actor_roles: 'pupil' },
    ]);
    expect(new Date(after.pseudonymised_at as string | Date).getTime()).toBe(NOW.getTime());
    expect(await pupil(anniversary.id)).toMatchObject({
      legal_forename: anniversary.legalForename,
      upn: anniversary.upn,
      address_line1: '7 Oak Lane',
      address_postcode: 'LS1 4AP',
      parent_carer_name: 'Lee Keepname',
      parent_carer_same_address: true,
      pseudonymised_at: null,
    });
    expect(await pupil(onRoll.id)).toMatchObject({ legal_forename: onRoll.legalForename, upn: onRoll.upn, pseudonymised_at: null });
  });

  it('asks nobody again once a leaver is marked, and reaches the anniversary leaver a day later', async () => {
    const answering = subgraphThat('done');
    expect(await runRetention({ orm: subgraph.orm, now: NOW, others: [answering.target] })).toEqual({ pseudonymised: [], failed: [] });
    expect(answering.asked).toEqual([]);
    const dayLater = new Date(NOW.getTime() + 24 * 60 * 60 * 1000);
    expect(await runRetention({ orm: subgraph.orm, now: dayLater, others: [answering.target] })).toEqual({ pseudonymised: [anniversary.id], failed: [] });
    expect(answering.asked).toEqual([anniversary.id]);
  });
});
