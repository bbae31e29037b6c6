import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { ERASED_VOLUNTEER } from '@waymark/domain';
import { boundSql, withSystemAccess } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, employersService } from '../../app.js';
import { FINISHED_UNANSWERED } from '../placement/placement.service.js';

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
  read<{ id: string; volunteer_id: string; status: string; message: string; response: string | null; response_by_waymark: boolean; date_to: string }>(
    `select o.id, o.volunteer_id, o.status, o.message, o.response, o.response_by_waymark, r.date_to::text from volunteer_offer o join volunteer_request r on r.id = o.request_id
     where o.message like 'erasure test%' or o.message = $1 order by r.date_to, o.volunteer_id`,
    [ERASED_VOLUNTEER.text],
  );
const checks = (id: string) => read('select * from volunteer_check where volunteer_id = $1 order by id', [id]);
const placements = () =>
  read<{ id: string; volunteer_id: string; employer_id: string | null; title: string; tasks: string; status: string; taken: number; completed: boolean }>(
    `select id, volunteer_id, employer_id, title, tasks, status, taken, completed_at is not null as completed from placement where title like 'Erasure test%' order by title`,
  );
const applications = () =>
  read<{ title: string; first_name: string; statement: string; status: string; response: string | null; feedback: string | null }>(
    `select p.title, a.first_name, a.statement, a.status, a.response, a.feedback from placement_application a join placement p on p.id = a.placement_id
     where p.title like 'Erasure test%' order by p.title, a.first_name`,
  );
const placementOutbox = () =>
  read<{ title: string; first_name: string; payload: { kind: string; volunteerIds: string[]; employerIds: string[]; register: { pupilId: string }[] } }>(
    `select p.title, a.first_name, o.payload from placement_outbox o join placement_application a on a.id = o.application_id join placement p on p.id = a.placement_id
     where p.title like 'Erasure test%' order by p.title, a.first_name`,
  );

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
    // Placements: Sam's not started yet, started and never marked done, and done; the other volunteer's not started yet.
    const pupils = data.pupils.filter((p) => p.schoolId === northfield.id).slice(0, 4);
    for (const [who, title, from, to, status, answers] of [
      [sam, 'Erasure test A: to come', '2099-06-01', '2099-06-05', 'OPEN', ['PENDING', 'APPROVED', 'DECLINED']],
      [sam, 'Erasure test B: started', '2020-01-06', '2020-01-10', 'OPEN', ['APPROVED', 'PENDING']],
      [sam, 'Erasure test C: done', '2019-01-07', '2019-01-11', 'COMPLETED', ['COMPLETED']],
      [other, 'Erasure test D: theirs', '2099-06-01', '2099-06-05', 'OPEN', ['PENDING', 'APPROVED']],
    ] as const) {
      const taken = answers.filter((a) => a === 'APPROVED' || a === 'COMPLETED').length;
      const { rows } = await boundSql<{ id: string }>(
        em,
        `insert into placement (id, volunteer_id, employer_id, title, tasks, date_from, date_to, hours_per_day, days, capacity, taken, year_groups, school_ids, status, completed_at, created_at)
         values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 6, 5, 4, $7, '{10}', $8, $9::text, case when $9::text = 'COMPLETED' then now() end, now()) returning id`,
        [who.id, who.employerId, title, `Shadow ${who.firstName} ${who.lastName} (${who.email}) in the workshop`, from, to, taken, [northfield.id], status],
      );
      for (const [index, answer] of answers.entries()) {
        const pupil = pupils[index];
        await boundSql(
          em,
          `insert into placement_application (id, placement_id, pupil_id, school_id, first_name, year_group, statement, status, feedback, created_at)
           values (gen_random_uuid(), $1, $2, $3, $4, 10, 'I like making things', $5, $6, now() + $7 * interval '1 second')`,
          [rows[0].id, pupil.id, northfield.id, `Pupil ${index + 1}`, answer, answer === 'COMPLETED' ? 'You asked good questions all week.' : null, index],
        );
      }
    }
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
    const before = [await volunteerRow(sam.id), await offers(), await placements(), await applications(), await placementOutbox()];
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
    expect([await volunteerRow(sam.id), await offers(), await placements(), await applications(), await placementOutbox()]).toEqual(before);
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
    // Waymark wrote the withdrawals, not the school: the leader's page says so.
    expect(
      theirs.map(({ status, message, response, response_by_waymark, date_to }) => ({ status, message, response, byWaymark: response_by_waymark, date_to })),
    ).toEqual([
      { status: 'ACCEPTED', message: ERASED_VOLUNTEER.text, response: null, byWaymark: false, date_to: '2020-03-10' },
      { status: 'CLOSED', message: ERASED_VOLUNTEER.text, response: ERASED_VOLUNTEER.withdrawn, byWaymark: true, date_to: '2099-03-10' },
      { status: 'CLOSED', message: ERASED_VOLUNTEER.text, response: ERASED_VOLUNTEER.withdrawn, byWaymark: true, date_to: '2099-05-10' },
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

  it("withdraws the volunteer's placements still to come, records the pupils' experience of started ones, and keeps done ones with the organisation", async () => {
    // Sam was erased by the test before; placements are as that left them (a third call changes nothing either).
    const [, , , otherPlacement] = await placements();
    expect(otherPlacement.tasks).toContain(other.lastName);
    const mine = (await placements()).filter((p) => p.volunteer_id === sam.id);
    expect(mine.map(({ title, status, taken, completed, tasks, employer_id }) => ({ title, status, taken, completed, tasks, employer_id }))).toEqual([
      { title: 'Erasure test A: to come', status: 'WITHDRAWN', taken: 0, completed: false, tasks: ERASED_VOLUNTEER.text, employer_id: sam.employerId },
      { title: 'Erasure test B: started', status: 'COMPLETED', taken: 1, completed: true, tasks: ERASED_VOLUNTEER.text, employer_id: sam.employerId },
      { title: 'Erasure test C: done', status: 'COMPLETED', taken: 1, completed: true, tasks: ERASED_VOLUNTEER.text, employer_id: sam.employerId },
    ]);
    expect(
      (await applications()).map(({ title, first_name, status, response, feedback }) => [title.slice(0, 14), first_name, status, response, feedback]),
    ).toEqual([
      // Not started: every waiting or approved pupil is told why; one already declined keeps the school's answer.
      ['Erasure test A', 'Pupil 1', 'DECLINED', ERASED_VOLUNTEER.placementWithdrawn, null],
      ['Erasure test A', 'Pupil 2', 'DECLINED', ERASED_VOLUNTEER.placementWithdrawn, null],
      ['Erasure test A', 'Pupil 3', 'DECLINED', null, null],
      // Started: the approved pupil's experience is recorded; the one never answered is closed as when a volunteer marks it done.
      ['Erasure test B', 'Pupil 1', 'COMPLETED', null, null],
      ['Erasure test B', 'Pupil 2', 'DECLINED', FINISHED_UNANSWERED, null],
      // Done: the words Sam wrote to the pupil stay, part of the pupil's record of the experience.
      ['Erasure test C', 'Pupil 1', 'COMPLETED', null, 'You asked good questions all week.'],
      // The other volunteer's placement is untouched.
      ['Erasure test D', 'Pupil 1', 'PENDING', null, null],
      ['Erasure test D', 'Pupil 2', 'APPROVED', null, null],
    ]);
    // The started placement's pupil gets their work experience, with the organisation and the (now former) volunteer's id.
    const outbox = await placementOutbox();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ title: 'Erasure test B: started', first_name: 'Pupil 1' });
    expect(outbox[0].payload).toMatchObject({ kind: 'WORK_EXPERIENCE', volunteerIds: [sam.id], employerIds: [sam.employerId] });
    // A pupil can no longer find or apply for the withdrawn placement.
    const placementsBefore = await placements();
    expect((await subgraph.client.query<{ eraseVolunteer: boolean }>(gateway, MUTATION, { id: sam.id })).data?.eraseVolunteer).toBe(true);
    expect(await placements()).toEqual(placementsBefore);
    expect(await placementOutbox()).toEqual(outbox);
  });

  it('answers a clear error for an id that is not one', async () => {
    const res = await subgraph.client.query(gateway, MUTATION, { id: 'not-an-id' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
