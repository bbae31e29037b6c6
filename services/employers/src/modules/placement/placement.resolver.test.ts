import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType } from 'graphql';
import { type SubgraphTestClient, makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { addDays, todayInEngland } from '@waymark/domain';
import { createApp, employersService } from '../../app.js';
import { DEMO_PLACEMENT_IDS } from '../../seed.js';
import { Placement, PlacementApplication, PlacementApplicationStatus, PlacementOutbox, PlacementOutboxStatus } from './placement.entity.js';
import { FINISHED_UNANSWERED, PlacementService, workingDays } from './placement.service.js';
import type { PupilLookup } from './pupils.client.js';

/*
 * The placement module against a real database (PGlite, or PostgreSQL when DATABASE_URL is set; the
 * capacity test runs on both). Nothing listens at the encounters or pupils address here: completed
 * placements' encounters wait in the outbox, and a pupil's details come from the lookup the service is
 * given (the gateway test, gateway/test/placements.test.ts, applies through the real pupils subgraph
 * and records the encounter through the real encounters subgraph).
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const [sam, jordan, , marek] = data.volunteers;
const northPupils = data.pupils.filter((p) => p.schoolId === northfield.id && p.yearGroup === 10);
const [amira, ben] = northPupils;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const pupilOf = (p: { id: string; schoolId: string }) => makePrincipal({ roles: ['pupil'], schoolId: p.schoolId, trustId: data.trust.id, pupilId: p.id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const employee = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });
const alumni = makePrincipal({ roles: ['alumni'], volunteerId: jordan.id, employerId: jordan.employerId });
const siteManager = makePrincipal({ roles: ['employer_volunteer'], volunteerId: marek.id, employerId: marek.employerId });

const UNREACHABLE = 'http://127.0.0.1:9/graphql';
const lookup =
  (firstName: string, yearGroup: number): PupilLookup =>
  async () => ({ firstName, yearGroup });

let client: SubgraphTestClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(employersService, ({ env, orm }) =>
    createApp({ env: { ...env, encountersUrl: UNREACHABLE, pupilsUrl: UNREACHABLE }, orm }),
  );
  client = subgraph.client;
});

afterAll(() => subgraph?.close());

const today = todayInEngland();
/** The next Monday at least a week ahead, so a five-day placement is five working days. */
const monday = (() => {
  let day = addDays(today, 7);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 1) day = addDays(day, 1);
  return day;
})();
const ERROR = 'error { code message fields { field message } }';
const PLACEMENT = 'id title tasks dateFrom dateTo hoursPerDay days totalHours capacity placesLeft yearGroups status schools { id } employerName';
const OFFER = `mutation ($input: OfferPlacementInput!) { offerPlacement(input: $input) { placement { ${PLACEMENT} } ${ERROR} } }`;
const ANSWER = `mutation ($input: AnswerPlacementApplicationInput!) { answerPlacementApplication(input: $input) { application { id status response } ${ERROR} } }`;
const COMPLETE = `mutation ($input: CompletePlacementInput!) { completePlacement(input: $input) { placement { id status } ${ERROR} } }`;

type Problem = { code: string; message: string; fields: { field: string; message: string }[] } | null;
type PlacementRow = { id: string; status: string; placesLeft: number; days: number; totalHours: number; schools: { id: string }[]; yearGroups: number[] };

const valid = (changes: Record<string, unknown> = {}) => ({
  title: 'Office and workshop week',
  tasks: 'Help the design team and test parts.',
  dateFrom: monday,
  dateTo: addDays(monday, 4),
  hoursPerDay: 6,
  capacity: 3,
  yearGroups: [10, 12],
  schoolIds: [northfield.id],
  ...changes,
});

async function offer(input: Record<string, unknown>, who = employee) {
  const res = await client.query<{ offerPlacement: { placement: PlacementRow | null; error: Problem } }>(who, OFFER, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.offerPlacement;
}
async function answer(who: typeof leaderNorth, applicationId: string, approve: boolean, message = 'See you there') {
  const res = await client.query<{ answerPlacementApplication: { application: { id: string; status: string; response: string } | null; error: Problem } }>(
    who,
    ANSWER,
    { input: { applicationId, approve, message } },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.answerPlacementApplication;
}
type DemoPupil = (typeof data.pupils)[number];
/** The name the pupils subgraph answers as `firstName`. */
const firstNameOf = (pupil: DemoPupil) => pupil.preferredName ?? pupil.legalForename;
const apply = (pupil: DemoPupil, placementId: string, statement = 'I like making things') =>
  new PlacementService(subgraph.orm.em.fork()).apply(pupilOf(pupil), lookup(firstNameOf(pupil), pupil.yearGroup ?? 10), { placementId, statement }, new Date());
const counts = async () => {
  const em = subgraph.orm.em.fork();
  return { placements: await em.count(Placement, {}), applications: await em.count(PlacementApplication, {}), outbox: await em.count(PlacementOutbox, {}) };
};
/** Moves a placement's dates into the past, as if it had happened. */
const happened = (id: string) => subgraph.orm.em.fork().nativeUpdate(Placement, { id }, { dateFrom: addDays(today, -9), dateTo: addDays(today, -5) });

describe('offerPlacement', () => {
  it("offers a placement to the volunteer's schools, with its working days and hours", async () => {
    const { placement, error } = await offer(valid({ yearGroups: [12, 10, 10] }));
    expect(error).toBeNull();
    expect(placement).toMatchObject({
      status: 'OPEN',
      capacity: 3,
      placesLeft: 3,
      days: 5,
      totalHours: 30,
      yearGroups: [10, 12],
      schools: [{ id: northfield.id }],
      employerName: data.employers.find((e) => e.id === sam.employerId)!.name,
    });
    expect(workingDays(monday, addDays(monday, 6))).toBe(5);
  });

  it('names each problem clearly and saves nothing', async () => {
    const before = await counts();
    const zero = await offer(valid({ capacity: 0 }));
    expect(zero.error).toMatchObject({ code: 'PLACEMENT_INVALID', fields: [{ field: 'capacity', message: 'A placement needs at least 1 place' }] });
    const past = await offer(valid({ dateFrom: addDays(today, -1) }));
    expect(past.error!.fields).toEqual([{ field: 'dateFrom', message: 'The first day cannot be in the past' }]);
    const backwards = await offer(valid({ dateTo: addDays(monday, -1) }));
    expect(backwards.error!.fields).toEqual([{ field: 'dateTo', message: 'The last day must be the same as or after the first day' }]);
    const many = await offer(valid({ title: ' ', tasks: '', hoursPerDay: 0, yearGroups: [], schoolIds: [marekOnly()] }));
    expect(many.error!.fields.map((f) => f.field)).toEqual(['title', 'tasks', 'hoursPerDay', 'yearGroups', 'schoolIds']);
    expect(many.error!.fields.find((f) => f.field === 'schoolIds')!.message).toBe('Choose only schools you work with');
    expect(many.placement).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('refuses pupils, school staff and trust analysts', async () => {
    for (const who of [pupilOf(amira), leaderNorth, analyst]) {
      expect((await client.query(who, OFFER, { input: valid() })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await client.query(who, '{ placementSchools { id } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('lists the schools the volunteer may offer a placement to', async () => {
    const res = await client.query<{ placementSchools: { id: string }[] }>(siteManager, '{ placementSchools { id } }');
    expect(res.data!.placementSchools).toEqual(marek.schoolIds.map((id) => ({ id })));
  });
});

/** A school id the demo employee does not work with. */
function marekOnly(): string {
  return '00000000-0000-4000-8000-000000000999';
}

describe('applying and what each person sees', () => {
  it('takes one application per pupil with a statement, for their year group only', async () => {
    const { placement } = await offer(valid());
    const first = await apply(amira, placement!.id, '  I want to be an engineer  ');
    expect(first.error).toBeNull();
    expect(first.application).toMatchObject({ status: 'PENDING', firstName: firstNameOf(amira), yearGroup: 10, statement: 'I want to be an engineer' });
    expect((await apply(amira, placement!.id)).error!.code).toBe('PLACEMENT_APPLICATION_EXISTS');
    expect((await apply(ben, placement!.id, ' ')).error!.fields).toEqual([
      { field: 'statement', message: 'Write a few words about why you would like this placement' },
    ]);
    expect((await apply(ben, placement!.id, 'x'.repeat(1001))).error!.fields[0].field).toBe('statement');
    const year9 = { ...ben, yearGroup: 9 };
    expect((await apply(year9, placement!.id)).error!.code).toBe('PLACEMENT_NOT_FOR_YOU');
    const southPupil = data.pupils.find((p) => p.schoolId === southbank.id && p.yearGroup === 10)!;
    expect((await apply(southPupil, placement!.id)).error!.code).toBe('PLACEMENT_NOT_FOUND');
  });

  it('shows the employer only the first name and year group of approved pupils, never the statement', async () => {
    const { placement } = await offer(valid());
    const applied = (await apply(amira, placement!.id, 'My phone number is in here')).application!;
    const QUERY = `{ myPlacements { id applications { id firstName yearGroup statement response status } } }`;
    type Mine = { myPlacements: { id: string; applications: { id: string; firstName: string; yearGroup: number; statement: string | null }[] }[] };
    const before = await client.query<Mine>(employee, QUERY);
    expect(before.data!.myPlacements.find((p) => p.id === placement!.id)!.applications).toEqual([]);
    expect((await answer(leaderNorth, applied.id, true)).application!.status).toBe('APPROVED');
    const after = await client.query<Mine>(employee, QUERY);
    expect(after.data!.myPlacements.find((p) => p.id === placement!.id)!.applications).toEqual([
      { id: applied.id, firstName: firstNameOf(amira), yearGroup: 10, statement: null, response: null, status: 'APPROVED' },
    ]);
    // Nothing a placement leads to is a pupil type.
    const schema = await employersService.buildSchema();
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      const type = schema.getType(name);
      if (!type || !('getFields' in type)) return;
      for (const field of Object.values(type.getFields())) visit(String(getNamedType(field.type)));
    };
    visit('Placement');
    expect([...seen].filter((name) => /pupil|participation/i.test(name))).toEqual([]);
    expect(Object.keys((schema.getType('PlacementApplication') as { getFields: () => object }).getFields()).sort()).toEqual(
      [
        'createdAt',
        'encounter',
        'encounterPending',
        'feedback',
        'firstName',
        // The host volunteer and the school's checks on them: staff of the pupil's school only (volunteer-check.resolver.test.ts).
        'host',
        'hostCheckWarnings',
        'id',
        'placement',
        'respondedAt',
        'response',
        'statement',
        'status',
        'yearGroup',
      ].sort(),
    );
    // Another volunteer does not see it, nor the applications.
    const other = await client.query<{ myPlacements: { id: string }[] }>(alumni, '{ myPlacements { id } }');
    expect(other.data!.myPlacements.map((p) => p.id)).not.toContain(placement!.id);
  });

  it("lets staff read only their own pupils' applications, and only leaders and staff answer them", async () => {
    const { placement } = await offer(valid({ schoolIds: [northfield.id, southbank.id] }));
    const applied = (await apply(ben, placement!.id, 'I like computers')).application!;
    const LIST = '{ placementApplications { id firstName statement status placement { id title } } }';
    type Listed = { placementApplications: { id: string; statement: string; placement: { id: string } }[] };
    const adviser = await client.query<Listed>(adviserNorth, LIST);
    expect(adviser.errors).toBeUndefined();
    expect(adviser.data!.placementApplications.find((a) => a.id === applied.id)).toMatchObject({
      statement: 'I like computers',
      placement: { id: placement!.id },
    });
    const south = await client.query<Listed>(leaderSouth, LIST);
    expect(south.data!.placementApplications.map((a) => a.id)).not.toContain(applied.id);
    expect((await answer(leaderSouth, applied.id, true)).error!.code).toBe('PLACEMENT_APPLICATION_NOT_FOUND');
    for (const who of [employee, pupilOf(ben), analyst]) {
      expect((await client.query(who, LIST)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(
      (await client.query(adviserNorth, ANSWER, { input: { applicationId: applied.id, approve: true, message: 'Yes' } })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await answer(leaderNorth, applied.id, false, ' ')).error!.fields).toEqual([{ field: 'message', message: 'Write a message to the pupil' }]);
    const declined = await answer(leaderNorth, applied.id, false, 'Try the hospital placement instead');
    expect(declined.application).toMatchObject({ status: 'DECLINED', response: 'Try the hospital placement instead' });
    expect((await answer(leaderNorth, applied.id, true)).error!.code).toBe('PLACEMENT_APPLICATION_ANSWERED');
    // A school reads only itself among the schools offered.
    const seenBySouth = await client.query<{ placementApplications: unknown[] }>(leaderSouth, '{ placementApplications { id placement { schools { id } } } }');
    expect(seenBySouth.errors).toBeUndefined();
  });

  it('asks the pupils subgraph for the pupil, and saves nothing when it cannot be reached', async () => {
    const before = await counts();
    const res = await client.query(
      pupilOf(amira),
      'mutation { applyForPlacement(input: { placementId: "' + DEMO_PLACEMENT_IDS.acmeWorkshop + '", statement: "Hi" }) { error { code } } }',
    );
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
    expect((await client.query(employee, '{ openPlacements { id } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('capacity', () => {
  it('never approves more pupils than there are places, however many approvals arrive at once', async () => {
    const { placement } = await offer(valid({ capacity: 30, schoolIds: [northfield.id, southbank.id], yearGroups: [10] }));
    const em = subgraph.orm.em.fork();
    const ids: string[] = [];
    for (let i = 0; i < 500; i += 1) {
      const id = randomUUID();
      ids.push(id);
      em.create(PlacementApplication, {
        id,
        placement: em.getReference(Placement, placement!.id),
        pupilId: randomUUID(),
        schoolId: northfield.id,
        firstName: `Pupil ${i}`,
        yearGroup: 10,
        statement: 'Please',
      });
    }
    await em.flush();
    const answers = await Promise.all(ids.map((id) => answer(leaderNorth, id, true, 'Approved')));
    const approved = answers.filter((a) => a.application?.status === 'APPROVED');
    expect(approved).toHaveLength(30);
    expect(answers.filter((a) => a.error?.code === 'PLACEMENT_FULL')).toHaveLength(470);
    const check = subgraph.orm.em.fork();
    expect(await check.count(PlacementApplication, { placement: placement!.id, status: PlacementApplicationStatus.APPROVED })).toBe(30);
    expect(await check.count(PlacementApplication, { placement: placement!.id, status: PlacementApplicationStatus.PENDING })).toBe(470);
    expect((await check.findOneOrFail(Placement, { id: placement!.id })).taken).toBe(30);
    // A full placement is no longer offered to pupils, and takes no more applications.
    const full = await new PlacementService(subgraph.orm.em.fork()).openForPupil(pupilOf(amira), lookup(firstNameOf(amira), 10), new Date());
    expect(full.map((p) => p.id)).not.toContain(placement!.id);
    expect((await apply(amira, placement!.id)).error!.code).toBe('PLACEMENT_FULL');
  }, 120_000);

  it('takes one application per pupil and never more approvals than places when 500 pupils apply and are approved at once', async () => {
    const { placement } = await offer(valid({ capacity: 30, yearGroups: [10] }));
    // 250 pupils, each applying twice at the same moment, and the school approving as soon as each lands.
    const pupils = Array.from({ length: 250 }, (_, i) => ({ id: randomUUID(), schoolId: northfield.id, name: `Applicant ${i}` }));
    const attempts = [...pupils, ...pupils].map(async (pupil) => {
      const principal = makePrincipal({ roles: ['pupil'], schoolId: pupil.schoolId, trustId: data.trust.id, pupilId: pupil.id });
      const applied = await new PlacementService(subgraph.orm.em.fork()).apply(
        principal,
        lookup(pupil.name, 10),
        { placementId: placement!.id, statement: 'Please' },
        new Date(),
      );
      if (!applied.application) return { applied: applied.error!.code, answered: null };
      const answered = await answer(leaderNorth, applied.application.id, true, 'Approved');
      return { applied: 'APPLIED', answered: answered.application?.status ?? answered.error!.code };
    });
    const outcomes = await Promise.all(attempts);
    const count = (check: (o: (typeof outcomes)[number]) => boolean) => outcomes.filter(check).length;
    expect(count((o) => ['APPLIED', 'PLACEMENT_APPLICATION_EXISTS', 'PLACEMENT_FULL'].includes(o.applied))).toBe(500);
    expect(count((o) => o.answered === 'APPROVED')).toBe(30);
    expect(count((o) => o.answered !== null && o.answered !== 'APPROVED' && o.answered !== 'PLACEMENT_FULL')).toBe(0);
    const check = subgraph.orm.em.fork();
    expect(await check.count(PlacementApplication, { placement: placement!.id, status: PlacementApplicationStatus.APPROVED })).toBe(30);
    expect((await check.findOneOrFail(Placement, { id: placement!.id })).taken).toBe(30);
    // Nobody has two applications for it.
    const rows = await check.find(PlacementApplication, { placement: placement!.id }, { fields: ['pupilId'] });
    expect(new Set(rows.map((r) => r.pupilId)).size).toBe(rows.length);
    expect(rows.length).toBeLessThanOrEqual(250);
  }, 120_000);

  it('lets the database refuse a place beyond capacity even when asked directly', async () => {
    const { placement } = await offer(valid({ capacity: 1 }));
    await expect(subgraph.orm.em.fork().nativeUpdate(Placement, { id: placement!.id }, { taken: 2 })).rejects.toThrow(/placement_taken_within_capacity/);
  });
});

describe('completing a placement', () => {
  it('is only possible after the last day, for the volunteer who offered it', async () => {
    const { placement } = await offer(valid());
    const early = await client.query<{ completePlacement: { error: Problem } }>(employee, COMPLETE, { input: { placementId: placement!.id } });
    expect(early.data!.completePlacement.error!.code).toBe('PLACEMENT_NOT_OVER');
    await happened(placement!.id);
    const other = await client.query<{ completePlacement: { error: Problem } }>(siteManager, COMPLETE, { input: { placementId: placement!.id } });
    expect(other.data!.completePlacement.error!.code).toBe('PLACEMENT_NOT_FOUND');
    expect((await client.query(leaderNorth, COMPLETE, { input: { placementId: placement!.id } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('records each approved pupil in one transaction: feedback, an outbox row with its idempotency key, waiting while encounters is down', async () => {
    const { placement } = await offer(valid({ hoursPerDay: 6.5 }));
    const done = (await apply(amira, placement!.id)).application!;
    const waiting = (await apply(ben, placement!.id)).application!;
    await answer(leaderNorth, done.id, true);
    await happened(placement!.id);
    const stranger = await client.query<{ completePlacement: { error: Problem } }>(employee, COMPLETE, {
      input: { placementId: placement!.id, feedback: [{ applicationId: waiting.id, feedback: 'Great' }] },
    });
    expect(stranger.data!.completePlacement.error!.fields).toEqual([
      { field: 'feedback.0', message: 'Give feedback only to pupils who were on the placement' },
    ]);
    expect(await subgraph.orm.em.fork().count(PlacementOutbox, { applicationId: done.id })).toBe(0);

    const res = await client.query<{ completePlacement: { placement: { status: string }; error: Problem } }>(employee, COMPLETE, {
      input: { placementId: placement!.id, feedback: [{ applicationId: done.id, feedback: 'Careful, curious and always on time.' }] },
    });
    expect(res.data!.completePlacement).toEqual({ placement: { id: placement!.id, status: 'COMPLETED' }, error: null });
    const em = subgraph.orm.em.fork();
    expect(await em.findOneOrFail(PlacementApplication, { id: done.id })).toMatchObject({
      status: 'COMPLETED',
      feedback: 'Careful, curious and always on time.',
    });
    expect(await em.findOneOrFail(PlacementApplication, { id: waiting.id })).toMatchObject({ status: 'DECLINED', response: FINISHED_UNANSWERED });
    const row = await em.findOneOrFail(PlacementOutbox, { applicationId: done.id });
    expect(row).toMatchObject({ status: PlacementOutboxStatus.PENDING, schoolId: northfield.id, idempotencyKey: `placement-application:${done.id}` });
    expect(row.payload).toMatchObject({
      kind: 'WORK_EXPERIENCE',
      hours: 32.5,
      benchmarks: [6],
      yearGroups: [10],
      register: [{ pupilId: amira.id, attended: true }],
      volunteerIds: [sam.id],
      checklist: { employerFeedback: true },
    });
    expect(await em.count(PlacementOutbox, { applicationId: waiting.id })).toBe(0);

    // The school's read tries to send it (encounters is down): it stays waiting, and shows as pending.
    const mine = await client.query<{ placementApplications: { id: string; encounterPending: boolean; feedback: string }[] }>(
      leaderNorth,
      '{ placementApplications { id encounterPending feedback } }',
    );
    expect(mine.data!.placementApplications.find((a) => a.id === done.id)).toEqual({
      id: done.id,
      encounterPending: true,
      feedback: 'Careful, curious and always on time.',
    });
    expect((await subgraph.orm.em.fork().findOneOrFail(PlacementOutbox, { applicationId: done.id })).attempts).toBe(1);

    // Done once: again is refused, and no second row.
    const again = await client.query<{ completePlacement: { error: Problem } }>(employee, COMPLETE, { input: { placementId: placement!.id } });
    expect(again.data!.completePlacement.error!.code).toBe('PLACEMENT_CLOSED');
    expect(await subgraph.orm.em.fork().count(PlacementOutbox, { applicationId: done.id })).toBe(1);
  });
});
