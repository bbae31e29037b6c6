import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { ERASED_VOLUNTEER } from '@waymark/domain';
import { boundSql, withSystemAccess } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, employersService } from '../../app.js';

/*
 * eraseVolunteer in the employers subgraph (docs/domain-rules.md, "A volunteer deletes their
 * account"): the gateway alone, with the system credential; the volunteer themself, another
 * volunteer, a careers leader and an API key are refused and nothing changes. Then the volunteer's
 * name, email, job title and profiles go, open offers and accepted ones still to come are
 * withdrawn with the school told why, past ones stay accepted, checks stay, and a second call
 * changes nothing. On a real database.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield] = data.schools;
const [sam, other] = data.volunteers.filter((v) => v.schoolIds.includes(northfield.id));
const gateway: Principal = { ...SYSTEM_PRINCIPAL, accountId: 'gateway' };
const MUTATION = 'mutation ($id: ID!) { eraseVolunteer(volunteerId: $id) }';

let subgraph: TestSubgraph;
const read = <T extends object>(sql: string, params: unknown[] = []) =>
  withSystemAccess(subgraph.orm, 'test: reading', async (em) => (await boundSql<T>(em, sql, params)).rows);
const volunteerRow = (id: string) => read<Record<string, unknown>>('select * from volunteer where id = $1', [id]).then((rows) => rows[0]);
const offers = () =>
  read<{ id: string; volunteer_id: string; status: string; message: string; response: string | null; date_to: string }>(
    `select o.id, o.volunteer_id, o.status, o.message, o.response, r.date_to::text from volunteer_offer o join volunteer_request r on r.id = o.request_id
     where o.message like 'erasure test%' or o.message = $1 order by r.date_to, o.volunteer_id`,
    [ERASED_VOLUNTEER.text],
  );
const checks = (id: string) => read('select * from volunteer_check where volunteer_id = $1 order by id', [id]);

beforeAll(async () => {
  subgraph = await startTestSubgraph(employersService, createApp);
  expect(other).toBeDefined();
  await withSystemAccess(subgraph.orm, 'test: requests past, to come and open, with offers', async (em) => {
    for (const [dateTo, status, offerStatus] of [
      ['2020-03-10', 'CONFIRMED', 'ACCEPTED'],
      ['2099-03-10', 'CONFIRMED', 'ACCEPTED'],
      ['2099-05-10', 'OPEN', 'OPEN'],
    ]) {
      const { rows } = await boundSql<{ id: string }>(
        em,
        `insert into volunteer_request (id, school_id, trust_id, activity, date_from, date_to, year_groups, volunteers_wanted, sectors, virtual, details, status, created_by_id, created_at)
         values (gen_random_uuid(), $1, $2, 'CAREERS_TALK', $3, $3, '{10}', 2, '{}', true, 'Talk', $4, 'leader', now()) returning id`,
        [northfield.id, trustId, dateTo, status],
      );
      for (const volunteer of [sam, other])
        await boundSql(
          em,
          `insert into volunteer_offer (id, request_id, volunteer_id, school_id, message, status, created_at) values (gen_random_uuid(), $1, $2, $3, $4, $5, now())`,
          [rows[0].id, volunteer.id, northfield.id, `erasure test: ${volunteer.firstName} can come`, offerStatus],
        );
    }
    await boundSql(
      em,
      `insert into volunteer_check (id, volunteer_id, school_id, kind, done_on, expires_on, recorded_by_id, recorded_by_name, recorded_at)
       values (gen_random_uuid(), $1, $2, 'IDENTITY', '2025-01-10', '2028-01-10', 'leader', 'Chris Leader', now())`,
      [sam.id, northfield.id],
    );
    await boundSql(
      em,
      `update volunteer set home_postcode = 'LS1 1AA', reach = 'RADIUS', radius_miles = 10, sectors = '{F}', role_model_job = 'Engineer', profile_updated_at = now() where id = $1`,
      [sam.id],
    );
  });
});

afterAll(() => subgraph?.close());

describe('eraseVolunteer (employers)', () => {
  it('refuses the volunteer themself, another volunteer, a careers leader and an API key, and changes nothing', async () => {
    const before = [await volunteerRow(sam.id), await offers()];
    for (const who of [
      makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId ?? undefined }),
      makePrincipal({ roles: ['employer_volunteer'], volunteerId: other.id }),
      makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId }),
      makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['roster:write', 'reports:read'] }),
    ]) {
      const res = await subgraph.client.query(who, MUTATION, { id: sam.id });
      expect(res.data?.eraseVolunteer ?? null, who.roles.join()).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect([await volunteerRow(sam.id), await offers()]).toEqual(before);
  });

  it('with the system credential erases the volunteer, withdraws what is to come, keeps checks, and is a no-op the second time', async () => {
    const otherBefore = await volunteerRow(other.id);
    const checksBefore = await checks(sam.id);
    expect(checksBefore).toHaveLength(1);
    const res = await subgraph.client.query<{ eraseVolunteer: boolean }>(gateway, MUTATION, { id: sam.id });
    expect(res.errors).toBeUndefined();
    expect(res.data?.eraseVolunteer).toBe(true);

    const after = await volunteerRow(sam.id);
    expect(after).toMatchObject({
      first_name: ERASED_VOLUNTEER.firstName,
      last_name: ERASED_VOLUNTEER.lastName,
      job_title: ERASED_VOLUNTEER.jobTitle,
      email: `former-volunteer-${sam.id}@erased.invalid`,
      home_postcode: null,
      reach: null,
      radius_miles: null,
      sectors: [],
      activities: [],
      role_model_job: null,
      profile_updated_at: null,
      kind: sam.kind,
      employer_id: sam.employerId,
    });
    expect(after.school_ids).toEqual(sam.schoolIds);
    expect(JSON.stringify(after)).not.toContain(sam.lastName);

    const rows = await offers();
    const theirs = rows.filter((row) => row.volunteer_id === sam.id);
    expect(theirs.map(({ status, message, response, date_to }) => ({ status, message, response, date_to }))).toEqual([
      { status: 'ACCEPTED', message: ERASED_VOLUNTEER.text, response: null, date_to: '2020-03-10' },
      { status: 'CLOSED', message: ERASED_VOLUNTEER.text, response: ERASED_VOLUNTEER.withdrawn, date_to: '2099-03-10' },
      { status: 'CLOSED', message: ERASED_VOLUNTEER.text, response: ERASED_VOLUNTEER.withdrawn, date_to: '2099-05-10' },
    ]);
    // The other volunteer's offers and record are as they were.
    expect(rows.filter((row) => row.volunteer_id === other.id).map((row) => row.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'OPEN']);
    expect(await volunteerRow(other.id)).toEqual(otherBefore);
    // The school's safeguarding record of its checks stays.
    expect(await checks(sam.id)).toEqual(checksBefore);

    const again = await subgraph.client.query<{ eraseVolunteer: boolean }>(gateway, MUTATION, { id: sam.id });
    expect(again.data?.eraseVolunteer).toBe(true);
    expect(await volunteerRow(sam.id)).toEqual(after);
    expect(await offers()).toEqual(rows);
  });

  it('answers a clear error for an id that is not one', async () => {
    const res = await subgraph.client.query(gateway, MUTATION, { id: 'not-an-id' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
