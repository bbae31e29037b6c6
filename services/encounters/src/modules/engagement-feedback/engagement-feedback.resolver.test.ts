import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { boundSql, withSystemAccess } from '@waymark/subgraph-kit';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import type { Principal } from '@waymark/auth';
import { startHarness, type Harness } from '../../../test/harness.js';

/*
 * Feedback both ways after an engagement (docs/domain-rules.md, "Feedback after an engagement"). The
 * refusals come first: only a volunteer who delivered an encounter gives feedback on it, only a careers
 * leader of its school thanks them, and each reader sees only their part. Then bad input (empty, too
 * long, a rating out of range, too early), which saves nothing, and editing.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const [sam, jordan] = data.volunteers;
const northYear10 = data.pupils.filter((p) => p.schoolId === northfield.id && p.yearGroup === 10).slice(0, 3);
const [attender, alsoAttender, absentee] = northYear10;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true });
const samP = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });
const jordanP = makePrincipal({ roles: [jordan.kind === 'ALUMNI' ? 'alumni' : 'employer_volunteer'], volunteerId: jordan.id });
const outsider = makePrincipal({ roles: ['employer_volunteer'], volunteerId: randomUUID() });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: attender.id });
const otherPupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: alsoAttender.id });
const parent = makePrincipal({ roles: ['parent'], schoolId: northfield.id, trustId, childPupilIds: [attender.id] });

type Err = { code: string; message: string; fields: { field: string; message: string }[] } | null;
const ERROR = 'error { code message fields { field message } }';
const GIVE = `mutation ($input: GiveEngagementFeedbackInput!) { giveEngagementFeedback(input: $input) {
  feedback { id groupFeedback organisationRating organisationFeedback volunteer { id } } ${ERROR} } }`;
const GIVE_PUPILS = `mutation ($input: GivePupilFeedbackInput!) { givePupilFeedback(input: $input) {
  pupils { participationId firstName yearGroup feedback } ${ERROR} } }`;
const THANK = `mutation ($input: ThankVolunteerInput!) { thankVolunteer(input: $input) { thanks { id message rating volunteer { id } } ${ERROR} } }`;
const MINE = `query ($id: ID!) { myEngagement(id: $id) { id canGiveFeedback
  engagementFeedback { groupFeedback organisationRating organisationFeedback volunteer { id } }
  volunteerThanks { message rating volunteer { id } }
  feedbackPupils { participationId firstName yearGroup feedback } } }`;
const STAFF_VIEW = `query ($id: ID!) { encounter(id: $id) { id canGiveFeedback canThankVolunteers
  engagementFeedback { groupFeedback organisationRating organisationFeedback volunteer { id } }
  volunteerThanks { message rating volunteer { id } }
  feedbackPupils { participationId }
  participations { id attended pupil { id } volunteerFeedback { text } } } }`;
const JOURNEY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id participations { id encounter { id } volunteerFeedback { text } } } } }`;

let h: Harness;
let visit: string;
let talk: string;
let future: string;
let southVisit: string;

async function create(kind: string, date: Date, volunteerIds: string[], who: Principal = leaderNorth, register = northYear10): Promise<string> {
  const res = await h.client.query<{ createEncounter: { encounter: { id: string } | null; error: Err } }>(
    who,
    `mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } ${ERROR} } }`,
    {
      input: {
        kind,
        title: `${kind} with volunteers`,
        date: date.toISOString(),
        hours: 2,
        inSchoolDay: true,
        employerIds: [],
        volunteerIds,
        yearGroups: [10],
        register: register.map((p) => ({ pupilId: p.id, attended: p.id !== absentee.id })),
      },
    },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.createEncounter.error).toBeNull();
  return res.data!.createEncounter.encounter!.id;
}

const counts = () =>
  withSystemAccess(h.orm, 'test: counting feedback', async (em) => {
    const one = async (table: string) => Number((await boundSql<{ n: string }>(em, `select count(*) as n from ${table}`, [])).rows[0].n);
    return { group: await one('engagement_feedback'), pupils: await one('pupil_engagement_feedback'), thanks: await one('volunteer_thanks') };
  });

const participationOf = (encounterId: string, pupilId: string) =>
  withSystemAccess(
    h.orm,
    'test: a register row',
    async (em) =>
      (await boundSql<{ id: string }>(em, 'select id from participation where encounter_id = $1 and pupil_id = $2', [encounterId, pupilId])).rows[0].id,
  );

const give = (who: Principal, input: Record<string, unknown>) =>
  h.client.query<{ giveEngagementFeedback: { feedback: Record<string, unknown> | null; error: Err } }>(who, GIVE, { input });
const givePupils = (who: Principal, input: Record<string, unknown>) =>
  h.client.query<{
    givePupilFeedback: { pupils: { participationId: string; firstName: string; yearGroup: number | null; feedback: string | null }[] | null; error: Err };
  }>(who, GIVE_PUPILS, { input });
const thank = (who: Principal, input: Record<string, unknown>) =>
  h.client.query<{ thankVolunteer: { thanks: Record<string, unknown> | null; error: Err } }>(who, THANK, { input });
const good = (encounterId: string) => ({
  encounterId,
  groupFeedback: 'Curious, polite and full of questions.',
  organisationRating: 4,
  organisationFeedback: 'Well run; the coach was late.',
});

beforeAll(async () => {
  h = await startHarness();
  const yesterday = new Date(Date.now() - 86_400_000);
  visit = await create('WORKPLACE_VISIT', yesterday, [sam.id, jordan.id]);
  talk = await create('EMPLOYER_TALK', yesterday, [sam.id]);
  future = await create('WORKPLACE_VISIT', new Date(Date.now() + 7 * 86_400_000), [sam.id]);
  const southPupils = data.pupils.filter((p) => p.schoolId === southbank.id && p.yearGroup === 10).slice(0, 2);
  southVisit = await create('WORKPLACE_VISIT', yesterday, [sam.id], leaderSouth, southPupils);
});

afterAll(() => h?.close());

beforeEach(async () => {
  await withSystemAccess(h.orm, 'test: no feedback yet', async (em) => {
    for (const table of ['engagement_feedback', 'pupil_engagement_feedback', 'volunteer_thanks']) await boundSql(em, `delete from ${table}`, []);
  });
});

describe('who may give feedback and thanks', () => {
  it('refuses anyone but a volunteer the feedback mutations, and saves nothing', async () => {
    for (const who of [leaderNorth, staffNorth, analyst, pupil, parent]) {
      const res = await give(who, good(visit));
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
      const perPupil = await givePupils(who, { encounterId: visit, feedback: [{ participationId: await participationOf(visit, attender.id), text: 'Great' }] });
      expect(perPupil.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual({ group: 0, pupils: 0, thanks: 0 });
  });

  it('refuses a volunteer who did not deliver the encounter as if it did not exist', async () => {
    const res = await give(outsider, good(visit));
    expect(res.data!.giveEngagementFeedback).toMatchObject({ feedback: null, error: { code: 'FEEDBACK_ENCOUNTER_NOT_FOUND' } });
    const perPupil = await givePupils(outsider, {
      encounterId: visit,
      feedback: [{ participationId: await participationOf(visit, attender.id), text: 'Great' }],
    });
    expect(perPupil.data!.givePupilFeedback.error?.code).toBe('FEEDBACK_ENCOUNTER_NOT_FOUND');
    const mine = await h.client.query<{ myEngagement: unknown }>(outsider, MINE, { id: visit });
    expect(mine.data!.myEngagement).toBeNull();
    expect(await counts()).toEqual({ group: 0, pupils: 0, thanks: 0 });
  });

  it('lets only a careers leader of the school thank, and only a volunteer who delivered it', async () => {
    const input = { encounterId: visit, volunteerId: sam.id, message: 'Thank you, Sam!', rating: 5 };
    for (const who of [staffNorth, samP, pupil, analyst]) {
      expect((await thank(who, input)).errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
    }
    expect((await thank(leaderSouth, input)).data!.thankVolunteer.error?.code).toBe('FEEDBACK_ENCOUNTER_NOT_FOUND');
    expect((await thank(leaderNorth, { ...input, volunteerId: randomUUID() })).data!.thankVolunteer.error).toMatchObject({
      code: 'FEEDBACK_VOLUNTEER_NOT_ON_ENCOUNTER',
      fields: [{ field: 'volunteerId' }],
    });
    expect(await counts()).toEqual({ group: 0, pupils: 0, thanks: 0 });
  });

  it('shows the group feedback to staff, the organisation part to careers leaders only, and each volunteer only their own', async () => {
    expect((await give(samP, good(visit))).data!.giveEngagementFeedback.error).toBeNull();
    const staff = await h.client.query<{ encounter: { engagementFeedback: Record<string, unknown>[] } }>(staffNorth, STAFF_VIEW, { id: visit });
    expect(staff.data!.encounter.engagementFeedback).toEqual([
      { groupFeedback: 'Curious, polite and full of questions.', organisationRating: null, organisationFeedback: null, volunteer: { id: sam.id } },
    ]);
    const leader = await h.client.query<{ encounter: { engagementFeedback: Record<string, unknown>[] } }>(leaderNorth, STAFF_VIEW, { id: visit });
    expect(leader.data!.encounter.engagementFeedback).toEqual([
      {
        groupFeedback: 'Curious, polite and full of questions.',
        organisationRating: 4,
        organisationFeedback: 'Well run; the coach was late.',
        volunteer: { id: sam.id },
      },
    ]);
    const south = await h.client.query<{ encounter: unknown }>(leaderSouth, STAFF_VIEW, { id: visit });
    expect(south.data?.encounter ?? null).toBeNull();
    // Jordan delivered it too, but reads only their own feedback (none).
    const colleague = await h.client.query<{ myEngagement: { engagementFeedback: unknown[]; canGiveFeedback: boolean } }>(jordanP, MINE, { id: visit });
    expect(colleague.data!.myEngagement).toMatchObject({ engagementFeedback: [], canGiveFeedback: true });
    const own = await h.client.query<{ myEngagement: { engagementFeedback: Record<string, unknown>[] } }>(samP, MINE, { id: visit });
    expect(own.data!.myEngagement.engagementFeedback).toEqual([leader.data!.encounter.engagementFeedback[0]]);
  });

  it('shows the thanks to the volunteer thanked, without the rating, and the rating to staff', async () => {
    const can = async (who: Principal, id: string) =>
      (await h.client.query<{ encounter: { canThankVolunteers: boolean } }>(who, STAFF_VIEW, { id })).data!.encounter.canThankVolunteers;
    expect([await can(leaderNorth, visit), await can(staffNorth, visit), await can(leaderNorth, future)]).toEqual([true, false, false]);
    const res = await thank(leaderNorth, { encounterId: visit, volunteerId: sam.id, message: ' Thank you, Sam! ', rating: 3 });
    expect(res.data!.thankVolunteer).toMatchObject({ thanks: { message: 'Thank you, Sam!', rating: 3, volunteer: { id: sam.id } }, error: null });
    const own = await h.client.query<{ myEngagement: { volunteerThanks: unknown[] } }>(samP, MINE, { id: visit });
    expect(own.data!.myEngagement.volunteerThanks).toEqual([{ message: 'Thank you, Sam!', rating: null, volunteer: { id: sam.id } }]);
    const colleague = await h.client.query<{ myEngagement: { volunteerThanks: unknown[] } }>(jordanP, MINE, { id: visit });
    expect(colleague.data!.myEngagement.volunteerThanks).toEqual([]);
    const staff = await h.client.query<{ encounter: { volunteerThanks: unknown[] } }>(staffNorth, STAFF_VIEW, { id: visit });
    expect(staff.data!.encounter.volunteerThanks).toEqual([{ message: 'Thank you, Sam!', rating: 3, volunteer: { id: sam.id } }]);
  });

  it('tells the volunteer only the first name and year group of pupils who attended, and nobody else', async () => {
    const own = await h.client.query<{ myEngagement: { feedbackPupils: Record<string, unknown>[] } }>(samP, MINE, { id: visit });
    const pupils = own.data!.myEngagement.feedbackPupils;
    expect(pupils.map((p) => p.firstName).sort()).toEqual([attender, alsoAttender].map((p) => p.preferredName ?? p.legalForename).sort());
    for (const p of pupils) expect(Object.keys(p).sort()).toEqual(['feedback', 'firstName', 'participationId', 'yearGroup']);
    expect(pupils.every((p) => p.yearGroup === 10)).toBe(true);
    const staff = await h.client.query<{ encounter: { feedbackPupils: unknown } }>(leaderNorth, STAFF_VIEW, { id: visit });
    expect(staff.data!.encounter.feedbackPupils).toBeNull();
    // Not a workplace experience, or not happened yet: no pupils.
    for (const id of [talk, future]) {
      const other = await h.client.query<{ myEngagement: { feedbackPupils: unknown } }>(samP, MINE, { id });
      expect(other.data!.myEngagement.feedbackPupils).toBeNull();
    }
  });

  it("shows a pupil's feedback to that pupil and the school's staff, not to other pupils or parents", async () => {
    const row = await participationOf(visit, attender.id);
    expect(
      (await givePupils(samP, { encounterId: visit, feedback: [{ participationId: row, text: 'You asked brilliant questions.' }] })).data!.givePupilFeedback
        .error,
    ).toBeNull();
    const journey = async (who: Principal) => {
      const res = await h.client.query<{
        _entities: ({ participations: { encounter: { id: string }; volunteerFeedback: { text: string }[] }[] | null } | null)[];
      }>(who, JOURNEY, { r: [{ __typename: 'Pupil', id: attender.id }] });
      return res.data?._entities[0]?.participations?.find((p) => p.encounter.id === visit)?.volunteerFeedback ?? null;
    };
    expect(await journey(pupil)).toEqual([{ text: 'You asked brilliant questions.' }]);
    expect(await journey(staffNorth)).toEqual([{ text: 'You asked brilliant questions.' }]);
    expect(await journey(otherPupil)).toBeNull();
    // A parent and an analyst may read the register row, but never the volunteer's words.
    for (const who of [parent, analyst]) expect([null, []], who.roles.join()).toContainEqual(await journey(who));
    const register = await h.client.query<{ encounter: { participations: { pupil: { id: string }; volunteerFeedback: { text: string }[] }[] } }>(
      staffNorth,
      STAFF_VIEW,
      { id: visit },
    );
    expect(register.data!.encounter.participations.find((p) => p.pupil.id === attender.id)?.volunteerFeedback).toEqual([
      { text: 'You asked brilliant questions.' },
    ]);
  });

  it("answers the pupils subgraph's first-name lookup for volunteers only", async () => {
    const query = 'query ($ids: [ID!]!) { volunteerPupilNames(pupilIds: $ids) { pupilId firstName yearGroup } }';
    for (const who of [leaderNorth, pupil, parent, analyst]) {
      const res = await h.pupils.query(who, query, { ids: [attender.id] });
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
    }
    const res = await h.pupils.query<{ volunteerPupilNames: unknown[] }>(samP, query, { ids: [attender.id] });
    expect(res.data!.volunteerPupilNames).toEqual([{ pupilId: attender.id, firstName: attender.preferredName ?? attender.legalForename, yearGroup: 10 }]);
  });
});

describe('bad input saves nothing', () => {
  it('refuses empty and too-long words and ratings out of range, naming each field', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ groupFeedback: '   ' }, ['groupFeedback']],
      [{ groupFeedback: 'x'.repeat(2001) }, ['groupFeedback']],
      [{ organisationFeedback: '' }, ['organisationFeedback']],
      [{ organisationRating: 0 }, ['organisationRating']],
      [{ organisationRating: 6 }, ['organisationRating']],
      [{ groupFeedback: '', organisationRating: 9 }, ['groupFeedback', 'organisationRating']],
    ];
    for (const [change, fields] of cases) {
      const res = await give(samP, { ...good(visit), ...change });
      expect(res.data!.giveEngagementFeedback.feedback).toBeNull();
      expect(res.data!.giveEngagementFeedback.error?.code).toBe('FEEDBACK_INVALID');
      expect(res.data!.giveEngagementFeedback.error?.fields.map((f) => f.field)).toEqual(fields);
    }
    expect((await give(samP, { ...good(visit), groupFeedback: 'x'.repeat(2000) })).data!.giveEngagementFeedback.error).toBeNull();
    await boundSqlDelete('engagement_feedback');
    expect(await counts()).toEqual({ group: 0, pupils: 0, thanks: 0 });
  });

  it('refuses feedback and thanks before the encounter has happened', async () => {
    const res = await give(samP, good(future));
    expect(res.data!.giveEngagementFeedback.error).toMatchObject({
      code: 'FEEDBACK_NOT_YET',
      message: 'This encounter has not happened yet: feedback opens once it has.',
    });
    const mine = await h.client.query<{ myEngagement: { canGiveFeedback: boolean } }>(samP, MINE, { id: future });
    expect(mine.data!.myEngagement.canGiveFeedback).toBe(false);
    expect((await thank(leaderNorth, { encounterId: future, volunteerId: sam.id, message: 'Thanks', rating: 5 })).data!.thankVolunteer.error?.code).toBe(
      'FEEDBACK_NOT_YET',
    );
    expect(await counts()).toEqual({ group: 0, pupils: 0, thanks: 0 });
  });

  it('refuses per-pupil feedback for an absent pupil, another encounter’s pupil or a talk, and saves none of the batch', async () => {
    const ok = await participationOf(visit, attender.id);
    const absent = await participationOf(visit, absentee.id);
    const elsewhere = await participationOf(talk, alsoAttender.id);
    const southRow = await withSystemAccess(
      h.orm,
      'test: a row at another school',
      async (em) => (await boundSql<{ id: string }>(em, 'select id from participation where encounter_id = $1 and attended limit 1', [southVisit])).rows[0].id,
    );
    for (const other of [absent, elsewhere, southRow, randomUUID(), 'not-an-id']) {
      const res = await givePupils(samP, {
        encounterId: visit,
        feedback: [
          { participationId: ok, text: 'Well done' },
          { participationId: other, text: 'Well done' },
        ],
      });
      expect(res.data!.givePupilFeedback).toMatchObject({ pupils: null, error: { code: 'FEEDBACK_PUPIL_NOT_ATTENDED' } });
    }
    const empty = await givePupils(samP, { encounterId: visit, feedback: [{ participationId: ok, text: ' ' }] });
    expect(empty.data!.givePupilFeedback.error).toMatchObject({ code: 'FEEDBACK_INVALID', fields: [{ field: 'feedback.0.text' }] });
    const long = await givePupils(samP, { encounterId: visit, feedback: [{ participationId: ok, text: 'x'.repeat(2001) }] });
    expect(long.data!.givePupilFeedback.error?.code).toBe('FEEDBACK_INVALID');
    const none = await givePupils(samP, { encounterId: visit, feedback: [] });
    expect(none.data!.givePupilFeedback.error?.code).toBe('FEEDBACK_INVALID');
    const onTalk = await givePupils(samP, { encounterId: talk, feedback: [{ participationId: elsewhere, text: 'Well done' }] });
    expect(onTalk.data!.givePupilFeedback.error?.code).toBe('FEEDBACK_NOT_WORKPLACE');
    const early = await givePupils(samP, { encounterId: future, feedback: [{ participationId: ok, text: 'Well done' }] });
    expect(early.data!.givePupilFeedback.error?.code).toBe('FEEDBACK_NOT_YET');
    expect(await counts()).toEqual({ group: 0, pupils: 0, thanks: 0 });
  });

  it('refuses thanks with no message, too long a message or a rating out of range', async () => {
    for (const [change, field] of [
      [{ message: '' }, 'message'],
      [{ message: 'x'.repeat(1001) }, 'message'],
      [{ rating: 0 }, 'rating'],
      [{ rating: 6 }, 'rating'],
    ] as const) {
      const res = await thank(leaderNorth, { encounterId: visit, volunteerId: sam.id, message: 'Thank you', rating: 5, ...change });
      expect(res.data!.thankVolunteer.error).toMatchObject({ code: 'FEEDBACK_INVALID', fields: [{ field }] });
    }
    expect(await counts()).toEqual({ group: 0, pupils: 0, thanks: 0 });
  });
});

describe('editing', () => {
  it('keeps one feedback, one set of words per pupil and one thanks per volunteer per encounter, changed in place', async () => {
    await give(samP, good(visit));
    const again = await give(samP, { ...good(visit), groupFeedback: 'Even better on reflection.', organisationRating: 5 });
    expect(again.data!.giveEngagementFeedback.feedback).toMatchObject({ groupFeedback: 'Even better on reflection.', organisationRating: 5 });
    const row = await participationOf(visit, attender.id);
    await givePupils(samP, { encounterId: visit, feedback: [{ participationId: row, text: 'First' }] });
    const second = await givePupils(samP, { encounterId: visit, feedback: [{ participationId: row, text: 'Second' }] });
    expect(second.data!.givePupilFeedback.pupils?.find((p) => p.participationId === row)?.feedback).toBe('Second');
    await thank(leaderNorth, { encounterId: visit, volunteerId: sam.id, message: 'Thanks', rating: 4 });
    await thank(leaderNorth, { encounterId: visit, volunteerId: sam.id, message: 'Thanks again', rating: 5 });
    expect(await counts()).toEqual({ group: 1, pupils: 1, thanks: 1 });
    // Jordan's feedback on the same encounter is their own row.
    await give(jordanP, good(visit));
    expect((await counts()).group).toBe(2);
  });
});

function boundSqlDelete(table: string) {
  return withSystemAccess(h.orm, 'test: clearing', (em) => boundSql(em, `delete from ${table}`, []));
}
