import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { boundSql, withSystemAccess } from '@waymark/subgraph-kit';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { startHarness, type Harness } from '../../../test/harness.js';
import { PSEUDONYMISED } from '@waymark/domain';
import { REMOVED_TITLE } from './pseudonymise.service.js';

/*
 * pseudonymisePupil in the encounters subgraph (docs/domain-rules.md, "Retention"): the retention job
 * alone, with the system credential. The pupil's reflections, agreed actions' words, own activities'
 * words and interests go; registers, attendance, hours, kinds and dates stay, so the benchmark
 * dashboard is the same; a second call changes nothing; other pupils are untouched.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield] = data.schools;
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const job: Principal = { ...SYSTEM_PRINCIPAL, accountId: 'retention' };
const MUTATION = 'mutation ($id: ID!) { pseudonymisePupil(pupilId: $id) }';
const TABLES = ['participation', 'agreed_action', 'own_activity', 'pupil_outlook'];

let h: Harness;
let pupilId: string;

const rowsOf = async (table: string) =>
  withSystemAccess(h.orm, 'test: reading rows', async (em) => (await boundSql(em, `select * from ${table} order by pupil_id, 1`, [])).rows);
const snapshot = async () => Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await rowsOf(table)] as const)));

beforeAll(async () => {
  h = await startHarness();
  const { rows } = await withSystemAccess(h.orm, 'test: a pupil with a reflection', (em) =>
    boundSql<{ pupil_id: string }>(em, 'select pupil_id from participation where school_id = $1 order by pupil_id limit 1', [northfield.id]),
  );
  pupilId = rows[0].pupil_id;
  await withSystemAccess(h.orm, 'test: their words', async (em) => {
    await boundSql(em, "update participation set reflection = 'I, Maya, loved the vets' where pupil_id = $1", [pupilId]);
    await boundSql(
      em,
      `insert into pupil_outlook (pupil_id, interests, considering_higher_education, updated_at) values ($1, '{animals}', true, now())
       on conflict (pupil_id) do update set interests = '{animals}', considering_higher_education = true`,
      [pupilId],
    );
  });
});

afterAll(() => h?.close());

describe('pseudonymisePupil (encounters)', () => {
  it('refuses people and API keys and changes nothing', async () => {
    const before = await snapshot();
    for (const who of [
      leader,
      makePrincipal({ roles: ['platform_admin'] }),
      makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['reports:read'] }),
    ]) {
      const res = await h.client.query(who, MUTATION, { id: pupilId });
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('with the system credential clears the pupil’s words, keeps what is counted, and is a no-op the second time', async () => {
    const before = await snapshot();
    const res = await h.client.query(job, MUTATION, { id: pupilId });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ pseudonymisePupil: true });
    const after = await snapshot();
    const theirs = (rows: Record<string, unknown>[]) => rows.filter((row) => row.pupil_id === pupilId);
    expect(theirs(after.participation).length).toBeGreaterThan(0);
    for (const row of theirs(after.participation)) expect(row.reflection).toBe(PSEUDONYMISED.text);
    for (const row of theirs(after.agreed_action)) expect(row.text).toBe(PSEUDONYMISED.text);
    for (const row of theirs(after.own_activity)) expect(row).toMatchObject({ title: REMOVED_TITLE, description: null, decline_reason: null });
    expect(theirs(after.pupil_outlook)).toMatchObject([{ interests: [], considering_higher_education: true }]);
    expect(JSON.stringify(theirs(after.participation))).not.toContain('Maya');
    // Attendance, kinds, hours and dates stay; other pupils' rows are as they were.
    const counted = (row: Record<string, unknown>) => ({
      ...row,
      reflection: undefined,
      text: undefined,
      title: undefined,
      description: undefined,
      decline_reason: undefined,
      interests: undefined,
    });
    for (const table of TABLES) {
      expect(after[table].map(counted), table).toEqual(before[table].map(counted));
      expect(
        after[table].filter((row) => row.pupil_id !== pupilId),
        table,
      ).toEqual(before[table].filter((row) => row.pupil_id !== pupilId));
    }
    await h.client.query(job, MUTATION, { id: pupilId });
    expect(await snapshot()).toEqual(after);
  });

  it('clears an activity’s description and reason even when the pupil gave it the title that stands in for theirs', async () => {
    const { rows } = await withSystemAccess(h.orm, 'test: a pupil with an own activity', (em) =>
      boundSql<{ pupil_id: string }>(em, 'select pupil_id from own_activity where pupil_id <> $1 order by pupil_id limit 1', [pupilId]),
    );
    expect(rows).toHaveLength(1);
    const other = rows[0].pupil_id;
    await withSystemAccess(h.orm, 'test: their words under the stand-in title', (em) =>
      boundSql(em, `update own_activity set title = $2, description = 'I, Sam, shadowed my aunt', decline_reason = 'No proof' where pupil_id = $1`, [
        other,
        REMOVED_TITLE,
      ]),
    );
    const res = await h.client.query(job, MUTATION, { id: other });
    expect(res.errors).toBeUndefined();
    const theirs = (await rowsOf('own_activity')).filter((row) => row.pupil_id === other);
    expect(theirs.length).toBeGreaterThan(0);
    for (const row of theirs) expect(row).toMatchObject({ title: REMOVED_TITLE, description: null, decline_reason: null });
  });
  it("clears the words a volunteer wrote for the pupil, keeps that they wrote some, and leaves other pupils' feedback alone", async () => {
    const { rows } = await withSystemAccess(h.orm, 'test: two other pupils on a register', (em) =>
      boundSql<{ id: string; encounter_id: string; pupil_id: string; school_id: string }>(
        em,
        'select distinct on (pupil_id) id, encounter_id, pupil_id, school_id from participation where pupil_id <> $1 and attended order by pupil_id, id limit 2',
        [pupilId],
      ),
    );
    expect(new Set(rows.map((row) => row.pupil_id)).size).toBe(2);
    const volunteerId = data.volunteers[0].id;
    await withSystemAccess(h.orm, "test: a volunteer's words for each", async (em) => {
      for (const [i, row] of rows.entries()) {
        await boundSql(
          em,
          `insert into pupil_engagement_feedback (id, participation_id, encounter_id, pupil_id, school_id, trust_id, volunteer_id, text, created_at, updated_at)
           values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, now(), now())`,
          [row.id, row.encounter_id, row.pupil_id, row.school_id, trustId, volunteerId, `Well done, pupil ${i}`],
        );
      }
    });
    const [leaver, stays] = rows;
    const feedback = async () =>
      (await rowsOf('pupil_engagement_feedback')).map((row) => ({ pupil: row.pupil_id, text: row.text, volunteer: row.volunteer_id }));
    expect((await h.client.query(job, MUTATION, { id: leaver.pupil_id })).errors).toBeUndefined();
    const after = await feedback();
    expect(after).toContainEqual({ pupil: leaver.pupil_id, text: PSEUDONYMISED.text, volunteer: volunteerId });
    expect(after).toContainEqual({ pupil: stays.pupil_id, text: 'Well done, pupil 1', volunteer: volunteerId });
    await h.client.query(job, MUTATION, { id: leaver.pupil_id });
    expect(await feedback()).toEqual(after);
  });
});
