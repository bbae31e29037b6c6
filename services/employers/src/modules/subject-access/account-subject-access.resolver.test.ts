import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@waymark/auth';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { createApp, employersService } from '../../app.js';
import { VolunteerCheck } from '../volunteer-check/volunteer-check.entity.js';
import { SignedUpVolunteer } from '../volunteer-sign-up/volunteer-sign-up.entity.js';

/* Account.employersSubjectAccess ("Download my data"): a volunteer's profile and organisation, for them alone. */
const data = demoData();
const [northfield, southbank] = data.schools;
const account = (email: string) => data.accounts.find((a) => a.email === email)!;
const samAccount = account('employer@acme.test');
const jordanAccount = account('alumni@northfield.test');
const pupilAccount = account('pupil@northfield.test');
const sam = data.volunteers.find((v) => v.id === samAccount.volunteerId)!;
const acme = data.employers.find((e) => e.id === sam.employerId)!;

const employee = makePrincipal({ roles: ['employer_volunteer'], accountId: samAccount.id, volunteerId: sam.id, employerId: sam.employerId });
const alumni = makePrincipal({ roles: ['alumni'], accountId: jordanAccount.id, volunteerId: jordanAccount.volunteerId, employerId: jordanAccount.employerId });
const pupil = makePrincipal({ roles: ['pupil'], accountId: pupilAccount.id, pupilId: pupilAccount.pupilId, schoolId: northfield.id });
const leader = makePrincipal({ roles: ['careers_leader'], accountId: randomUUID(), schoolId: northfield.id, trustId: data.trust.id });

interface Part {
  source: string;
  sections: { title: string; rows: Record<string, unknown>[] }[];
}
const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id employersSubjectAccess } } }';
const reps = (id: string) => ({ r: [{ __typename: 'Account', id }] });

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(employersService, createApp);
});

afterAll(() => subgraph?.close());

async function ownPart(who: ReturnType<typeof makePrincipal>): Promise<Part> {
  const res = await subgraph.client.query<{ _entities: { employersSubjectAccess: Part }[] }>(who, ENTITIES, reps(who.accountId));
  expect(res.errors).toBeUndefined();
  return res.data!._entities[0].employersSubjectAccess;
}

describe('Account.employersSubjectAccess', () => {
  it('gives a volunteer their own profile, email included, and their organisation', async () => {
    const part = await ownPart(employee);
    expect(part.source).toBe('employers');
    expect(part.sections.map((s) => s.title)).toEqual([
      'Your volunteer profile',
      'The organisation you volunteer for',
      'What you offer schools',
      'Your offers to help schools',
      'Checks schools have recorded on you',
      'Your sign-up, and your school’s answer',
    ]);
    expect(part.sections[0].rows).toEqual([
      expect.objectContaining({
        id: sam.id,
        first_name: 'Sam',
        last_name: 'Patel',
        email: 'employer@acme.test',
        kind: 'EMPLOYEE',
        schools_you_volunteer_with: sam.schoolIds,
      }),
    ]);
    expect(part.sections[1].rows).toEqual([expect.objectContaining({ id: acme.id, name: acme.name })]);
  });

  it("gives a volunteer the checks every school recorded on them, without the name of whoever recorded them, and nobody else's", async () => {
    const em = subgraph.orm.em.fork();
    const check = (volunteerId: string, schoolId: string, kind: VolunteerCheck['kind']) =>
      em.create(VolunteerCheck, {
        id: randomUUID(),
        volunteerId,
        schoolId,
        kind,
        doneOn: '2026-01-10',
        expiresOn: '2029-01-10',
        recordedById: randomUUID(),
        recordedByName: 'Priya Shah',
      });
    const north = check(sam.id, northfield.id, 'IDENTITY');
    const south = check(sam.id, southbank.id, 'EMPLOYER_ASSURANCE');
    check(jordanAccount.volunteerId!, northfield.id, 'ENHANCED_DBS');
    await em.flush();
    const rows = (await ownPart(employee)).sections.find((s) => s.title === 'Checks schools have recorded on you')!.rows;
    expect(rows.map((row) => [row.id, row.school_id, row.kind])).toEqual(
      expect.arrayContaining([
        [north.id, northfield.id, 'IDENTITY'],
        [south.id, southbank.id, 'EMPLOYER_ASSURANCE'],
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain('Priya Shah');
  });

  it("gives an alumnus their own profile and nobody else's", async () => {
    // As if they had signed themself up and their school had declined them, and someone else too.
    const em = subgraph.orm.em.fork();
    for (const [volunteerId, message] of [
      [alumni.volunteerId!, 'We could not find you in our 2015 records.'],
      [sam.id, 'Not for Sam'],
    ] as const)
      await em.insert(SignedUpVolunteer, {
        accountId: randomUUID(),
        volunteerId,
        claimedSchoolId: northfield.id,
        claimedSchoolName: 'Northfield Academy',
        alumniStatus: 'DECLINED',
        decidedBySchoolId: northfield.id,
        decidedByAccountId: leader.accountId,
        decidedAt: new Date('2026-11-02T10:00:00Z'),
        decisionMessage: message,
        createdAt: new Date('2026-11-01T10:00:00Z'),
      });
    const part = await ownPart(alumni);
    expect(part.sections.find((s) => s.title === 'Your sign-up, and your school’s answer')!.rows).toEqual([
      expect.objectContaining({
        school_you_chose: northfield.id,
        its_name_then: 'Northfield Academy',
        school_answer: 'DECLINED',
        school_message: 'We could not find you in our 2015 records.',
      }),
    ]);
    expect(JSON.stringify(part)).not.toContain(leader.accountId);
    expect(JSON.stringify(part)).not.toContain('Not for Sam');
    expect(part.sections[0].rows.map((row) => row.email)).toEqual(['alumni@northfield.test']);
    expect(JSON.stringify(part)).not.toContain('employer@acme.test');
  });

  it("gives a pupil their own placement applications, with the school's answer and the host's feedback, and nobody else's", async () => {
    expect(await ownPart(pupil)).toEqual({ source: 'employers', sections: [{ title: 'Your work experience applications', rows: [] }] });
    const conn = subgraph.orm.em.fork().getConnection();
    const placementId = randomUUID();
    await conn.execute(
      `insert into placement (id, volunteer_id, employer_id, title, tasks, date_from, date_to, hours_per_day, days, capacity, taken, year_groups, school_ids, status, created_at)
       values (?, ?, ?, 'Workshop assistant', 'Helping in the workshop', '2026-07-06', '2026-07-10', 6, 5, 2, 1, '{10}', ?::uuid[], 'DONE', now())`,
      [placementId, sam.id, acme.id, `{${northfield.id}}`],
    );
    const apply = (pupilId: string, statement: string, feedback: string | null) =>
      conn.execute(
        `insert into placement_application (id, placement_id, pupil_id, school_id, first_name, year_group, statement, status, response, responded_at, feedback, created_at)
         values (?, ?, ?, ?, 'Maya', 10, ?, 'APPROVED', 'Have a great week', now(), ?, now())`,
        [randomUUID(), placementId, pupilId, northfield.id, statement, feedback],
      );
    await apply(pupilAccount.pupilId!, 'I like making things.', 'Careful and keen: well done.');
    await apply(randomUUID(), 'Someone else wrote this.', null);

    const part = await ownPart(pupil);
    expect(part.sections).toHaveLength(1);
    expect(part.sections[0].rows).toEqual([
      expect.objectContaining({
        placement: 'Workshop assistant',
        host_organisation: acme.name,
        statement: 'I like making things.',
        status: 'APPROVED',
        answer_from_school: 'Have a great week',
        feedback_from_host: 'Careful and keen: well done.',
      }),
    ]);
    expect(JSON.stringify(part)).not.toContain('Someone else wrote this.');
  });

  it('is FORBIDDEN to staff of a school the volunteer works with, another volunteer and the gateway', async () => {
    for (const who of [leader, alumni, SYSTEM_PRINCIPAL]) {
      const res = await subgraph.client.query<{ _entities: unknown[] }>(who, ENTITIES, reps(samAccount.id));
      expect(
        res.errors?.map((e) => e.extensions?.code),
        who.roles.join(),
      ).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(res.data ?? null)).not.toContain('employer@acme.test');
    }
  });
});
