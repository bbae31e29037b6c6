import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { ERASED_VOLUNTEER } from '@waymark/domain';
import { boundSql, withSystemAccess } from '@waymark/subgraph-kit';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { startHarness, type Harness } from '../../../test/harness.js';

/*
 * eraseVolunteer in the encounters subgraph (docs/domain-rules.md, "A volunteer deletes their
 * account"): the gateway alone; the volunteer, another volunteer, a careers leader and an API key
 * are refused and nothing changes. Then the words of their feedback to the school and of the
 * school's thanks go, ratings stay, encounters are untouched (they still name the volunteer's id,
 * which now reads "Former volunteer"), and a second call changes nothing. On a real database.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield] = data.schools;
const encounter = data.encounters.find((e) => e.schoolId === northfield.id && e.volunteerIds.length >= 2)!;
const [leaving, staying] = encounter.volunteerIds;
const gateway: Principal = { ...SYSTEM_PRINCIPAL, accountId: 'gateway' };
const MUTATION = 'mutation ($id: ID!) { eraseVolunteer(volunteerId: $id) }';

let subgraph: Harness;
const read = <T extends object>(sql: string, params: unknown[] = []) =>
  withSystemAccess(subgraph.orm, 'test: reading', async (em) => (await boundSql<T>(em, sql, params)).rows);
const state = async () => ({
  feedback: await read('select volunteer_id, group_feedback, organisation_feedback, organisation_rating from engagement_feedback order by volunteer_id'),
  thanks: await read('select volunteer_id, message, rating from volunteer_thanks order by volunteer_id'),
  encounters: await read('select id, volunteer_ids, employer_ids, title, date, hours from encounter order by id'),
});

beforeAll(async () => {
  subgraph = await startHarness();
  expect(staying).toBeDefined();
  await withSystemAccess(subgraph.orm, 'test: feedback and thanks from and to two volunteers', async (em) => {
    await boundSql(em, 'delete from engagement_feedback', []);
    await boundSql(em, 'delete from volunteer_thanks', []);
    for (const volunteerId of [leaving, staying]) {
      await boundSql(
        em,
        `insert into engagement_feedback (id, encounter_id, school_id, trust_id, volunteer_id, group_feedback, organisation_rating, organisation_feedback, created_at, updated_at)
         values (gen_random_uuid(), $1, $2, $3, $4, 'Lively group, I am Sam', 4, 'Well run', now(), now())`,
        [encounter.id, northfield.id, trustId, volunteerId],
      );
      await boundSql(
        em,
        `insert into volunteer_thanks (id, encounter_id, school_id, trust_id, volunteer_id, message, rating, thanked_by, created_at, updated_at)
         values (gen_random_uuid(), $1, $2, $3, $4, 'Thank you Sam', 5, 'Chris Leader', now(), now())`,
        [encounter.id, northfield.id, trustId, volunteerId],
      );
    }
  });
});

afterAll(() => subgraph?.close());

describe('eraseVolunteer (encounters)', () => {
  it('refuses the volunteer themself, another volunteer, a careers leader and an API key, and changes nothing', async () => {
    const before = await state();
    for (const who of [
      makePrincipal({ roles: ['employer_volunteer'], volunteerId: leaving }),
      makePrincipal({ roles: ['employer_volunteer'], volunteerId: staying }),
      makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId }),
      makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['roster:write', 'reports:read'] }),
    ]) {
      const res = await subgraph.client.query(who, MUTATION, { id: leaving });
      expect(res.data?.eraseVolunteer ?? null, who.roles.join()).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await state()).toEqual(before);
  });

  it('with the system credential clears their words and the thanks’ words, keeps ratings and encounters, and is a no-op the second time', async () => {
    const before = await state();
    const res = await subgraph.client.query<{ eraseVolunteer: boolean }>(gateway, MUTATION, { id: leaving });
    expect(res.errors).toBeUndefined();
    expect(res.data?.eraseVolunteer).toBe(true);
    const after = await state();
    expect(after.encounters).toEqual(before.encounters);
    const mine = <T extends { volunteer_id?: unknown }>(rows: T[], id: string) => rows.filter((row) => row.volunteer_id === id);
    expect(mine(after.feedback as { volunteer_id: string }[], leaving)).toEqual([
      { volunteer_id: leaving, group_feedback: ERASED_VOLUNTEER.text, organisation_feedback: ERASED_VOLUNTEER.text, organisation_rating: 4 },
    ]);
    expect(mine(after.thanks as { volunteer_id: string }[], leaving)).toEqual([{ volunteer_id: leaving, message: ERASED_VOLUNTEER.text, rating: 5 }]);
    expect(mine(after.feedback as { volunteer_id: string }[], staying)).toEqual(mine(before.feedback as { volunteer_id: string }[], staying));
    expect(mine(after.thanks as { volunteer_id: string }[], staying)).toEqual(mine(before.thanks as { volunteer_id: string }[], staying));

    expect((await subgraph.client.query<{ eraseVolunteer: boolean }>(gateway, MUTATION, { id: leaving })).data?.eraseVolunteer).toBe(true);
    expect(await state()).toEqual(after);
  });
});
