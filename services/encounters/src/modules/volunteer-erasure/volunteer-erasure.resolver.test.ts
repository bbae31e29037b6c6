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
const MUTATION = 'mutation ($id: ID!, $account: ID) { eraseVolunteer(volunteerId: $id, accountId: $account) }';
// Their accounts in identity: survey answers are kept by account.
const [leavingAccount, stayingAccount] = ['6f1c2a4e-0d7b-4c55-9a61-3f2e8b7d1a01', '6f1c2a4e-0d7b-4c55-9a61-3f2e8b7d1a02'];

let subgraph: Harness;
const read = <T extends object>(sql: string, params: unknown[] = []) =>
  withSystemAccess(subgraph.orm, 'test: reading', async (em) => (await boundSql<T>(em, sql, params)).rows);
const state = async () => ({
  feedback: await read('select volunteer_id, group_feedback, organisation_feedback, organisation_rating from engagement_feedback order by volunteer_id'),
  thanks: await read('select volunteer_id, message, rating from volunteer_thanks order by volunteer_id'),
  encounters: await read('select id, volunteer_ids, employer_ids, title, date, hours from encounter order by id'),
  answers: await read<{ account_id: string | null; helps: number; comment: string | null }>(
    'select account_id, helps, informed, comment from programme_survey_answer order by helps, comment',
  ),
  respondents: await read<{ account_id: string }>('select survey_id, account_id from programme_survey_respondent order by account_id'),
});

beforeAll(async () => {
  subgraph = await startHarness();
  expect(staying).toBeDefined();
  await withSystemAccess(subgraph.orm, 'test: feedback and thanks from and to two volunteers', async (em) => {
    await boundSql(em, 'delete from engagement_feedback', []);
    await boundSql(em, 'delete from volunteer_thanks', []);
    // The employers' survey of this term, named, and last term's, anonymous: both volunteers answered both.
    for (const [term, anonymous] of [
      ['AUTUMN', false],
      ['SPRING', true],
    ] as const) {
      const { rows } = await boundSql<{ id: string }>(
        em,
        `insert into programme_survey (id, school_id, trust_id, audience, academic_year, term, anonymous, opened_at, opened_by_name)
         values (gen_random_uuid(), $1, $2, 'EMPLOYERS', 2090, $3, $4, now(), 'Chris Leader') returning id`,
        [northfield.id, trustId, term, anonymous],
      );
      for (const [index, account] of [leavingAccount, stayingAccount].entries()) {
        await boundSql(em, 'insert into programme_survey_respondent (survey_id, account_id) values ($1, $2)', [rows[0].id, account]);
        await boundSql(
          em,
          `insert into programme_survey_answer (id, survey_id, school_id, trust_id, account_id, helps, informed, comment) values (gen_random_uuid(), $1, $2, $3, $4, $5, 3, $6)`,
          [rows[0].id, northfield.id, trustId, anonymous ? null : account, index + (anonymous ? 3 : 1), `${term}: Sam Patel from Acme here, glad to help`],
        );
      }
    }
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
      const res = await subgraph.client.query(who, MUTATION, { id: leaving, account: leavingAccount });
      expect(res.data?.eraseVolunteer ?? null, who.roles.join()).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await state()).toEqual(before);
  });

  it('with the system credential clears their words and the thanks’ words, keeps ratings and encounters, and is a no-op the second time', async () => {
    const before = await state();
    const res = await subgraph.client.query<{ eraseVolunteer: boolean }>(gateway, MUTATION, { id: leaving, account: leavingAccount });
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

    // Survey answers: their named answer keeps its ratings, with no account and no words; the record that they answered goes.
    // The other volunteer's answers, and both anonymous answers (which never named an account), are as they were.
    expect(after.answers).toEqual([
      { account_id: null, helps: 1, informed: 3, comment: ERASED_VOLUNTEER.text },
      { account_id: stayingAccount, helps: 2, informed: 3, comment: 'AUTUMN: Sam Patel from Acme here, glad to help' },
      ...before.answers.filter((answer) => answer.helps > 2),
    ]);
    expect(before.answers.filter((answer) => answer.helps > 2).map((answer) => answer.account_id)).toEqual([null, null]);
    expect(after.respondents.map((row) => row.account_id)).toEqual([stayingAccount, stayingAccount]);

    expect((await subgraph.client.query<{ eraseVolunteer: boolean }>(gateway, MUTATION, { id: leaving, account: leavingAccount })).data?.eraseVolunteer).toBe(
      true,
    );
    expect(await state()).toEqual(after);
  });

  it('refuses an account id that is not one, and erases nothing by account when none is given', async () => {
    const before = await state();
    const bad = await subgraph.client.query(gateway, MUTATION, { id: staying, account: "x' or true --" });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await state()).toEqual(before);
    expect((await subgraph.client.query<{ eraseVolunteer: boolean }>(gateway, MUTATION, { id: leaving })).data?.eraseVolunteer).toBe(true);
    expect(await state()).toEqual(before);
  });
});
