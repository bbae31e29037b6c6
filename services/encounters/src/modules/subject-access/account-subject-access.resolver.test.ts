import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { boundSql, withSystemAccess } from '@waymark/subgraph-kit';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { startHarness, type Harness } from '../../../test/harness.js';

/*
 * Account.encountersSubjectAccess ("Download my data"): a pupil's own activities, reflections,
 * guidance meetings (never the adviser's notes), actions and interests; a volunteer's engagements
 * (never the pupils there); for the person themself only. A pupil's export goes to the pupils
 * subgraph's trail (the real one, counted here); a volunteer's goes nowhere.
 */
const data = demoData();
const [northfield] = data.schools;
const account = (email: string) => data.accounts.find((a) => a.email === email)!;
const pupilAccount = account('pupil@northfield.test');
const parentAccount = account('parent@northfield.test');
const samAccount = account('employer@acme.test');
const mayaId = pupilAccount.pupilId!;

const pupil = makePrincipal({ roles: ['pupil'], accountId: pupilAccount.id, pupilId: mayaId, schoolId: northfield.id, trustId: data.trust.id });
const parent = makePrincipal({ roles: ['parent'], accountId: parentAccount.id, childPupilIds: [mayaId] });
const volunteer = makePrincipal({
  roles: ['employer_volunteer'],
  accountId: samAccount.id,
  volunteerId: samAccount.volunteerId,
  employerId: samAccount.employerId,
});
const leader = makePrincipal({ roles: ['careers_leader'], accountId: randomUUID(), schoolId: northfield.id, trustId: data.trust.id });

interface Part {
  source: string;
  sections: { title: string; rows: Record<string, unknown>[] }[];
}
const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id encountersSubjectAccess } } }';
const reps = (id: string) => ({ r: [{ __typename: 'Account', id }] });

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h?.close());

async function ownPart(who: Principal): Promise<Part> {
  const res = await h.client.query<{ _entities: { encountersSubjectAccess: Part }[] }>(who, ENTITIES, reps(who.accountId));
  expect(res.errors).toBeUndefined();
  return res.data!._entities[0].encountersSubjectAccess;
}

const rowsOf = (part: Part, title: string) => part.sections.find((s) => s.title === title)!.rows;

describe('Account.encountersSubjectAccess for the person themself', () => {
  it("gives a pupil their activities, reflections, meetings without the adviser's notes, actions and interests, and sends one EXPORT to the trail", async () => {
    const before = h.pupilsRequests();
    const part = await ownPart(pupil);
    expect(h.pupilsRequests() - before).toBe(1);
    expect(part.source).toBe('encounters');
    expect(rowsOf(part, 'Careers activities you were invited to, and your reflections')).toHaveLength(
      data.participations.filter((p) => p.pupilId === mayaId).length,
    );
    const meetings = rowsOf(part, 'Your personal guidance meetings');
    expect(meetings.length).toBeGreaterThan(0);
    for (const meeting of meetings) expect(Object.keys(meeting).sort()).toEqual(['adviser_level', 'adviser_name', 'date', 'school_id']);
    const notes = data.encounters.filter((e) => e.staffNotes !== null).map((e) => e.staffNotes!);
    for (const note of notes) expect(JSON.stringify(part)).not.toContain(note);
    expect(rowsOf(part, 'Actions you agreed').map((a) => a.text)).toContain('Compare an engineering apprenticeship with A levels in maths and physics');
  });

  it('gives a volunteer the encounters they helped with (date, title, school), never a pupil, and sends nothing to the trail', async () => {
    const before = h.pupilsRequests();
    const part = await ownPart(volunteer);
    expect(h.pupilsRequests()).toBe(before);
    const engagements = rowsOf(part, 'Careers activities you helped with');
    expect(engagements.map((e) => e.title).sort()).toEqual(
      data.encounters
        .filter((e) => e.volunteerIds.includes(samAccount.volunteerId!))
        .map((e) => e.title)
        .sort(),
    );
    for (const engagement of engagements) expect(Object.keys(engagement).sort()).toEqual(['date', 'ends_at', 'hours', 'kind', 'school_id', 'title']);
    const text = JSON.stringify(part);
    for (const p of data.pupils) expect(text).not.toContain(p.id);
  });

  it("holds nothing of a parent's own", async () => {
    expect(await ownPart(parent)).toEqual({ source: 'encounters', sections: [] });
  });
});

describe('Account.encountersSubjectAccess: feedback after an engagement', () => {
  it("gives the volunteer the feedback they gave and the thanks with its rating, and the pupil the volunteer's words for them, never a pupil's id to the volunteer", async () => {
    const samId = samAccount.volunteerId!;
    const engagement = data.encounters.find(
      (e) => e.volunteerIds.includes(samId) && data.participations.some((p) => p.encounterId === e.id && p.pupilId === mayaId),
    )!;
    const row = data.participations.find((p) => p.encounterId === engagement.id && p.pupilId === mayaId)!;
    await withSystemAccess(h.orm, 'test: feedback both ways', async (em) => {
      const common = [engagement.id, engagement.schoolId, engagement.trustId, samId];
      await boundSql(
        em,
        `insert into engagement_feedback (id, encounter_id, school_id, trust_id, volunteer_id, group_feedback, organisation_rating, organisation_feedback, created_at, updated_at)
         values (gen_random_uuid(), $1, $2, $3, $4, 'A lively group', 4, 'Clear directions to the hall', now(), now())`,
        common,
      );
      await boundSql(
        em,
        `insert into volunteer_thanks (id, encounter_id, school_id, trust_id, volunteer_id, message, rating, thanked_by, created_at, updated_at)
         values (gen_random_uuid(), $1, $2, $3, $4, 'Thank you, Sam', 5, 'leader', now(), now())`,
        common,
      );
      await boundSql(
        em,
        `insert into pupil_engagement_feedback (id, participation_id, encounter_id, pupil_id, school_id, trust_id, volunteer_id, text, created_at, updated_at)
         values (gen_random_uuid(), $5, $1, $6, $2, $3, $4, 'Maya led her team well', now(), now())`,
        [...common, row.id, mayaId],
      );
    });
    const theirs = await ownPart(volunteer);
    expect(rowsOf(theirs, 'Feedback you gave on the pupils and on how the school organised it')).toMatchObject([
      { title: engagement.title, group_feedback: 'A lively group', organisation_rating: 4, organisation_feedback: 'Clear directions to the hall' },
    ]);
    expect(rowsOf(theirs, 'Feedback you gave individual pupils')).toMatchObject([{ title: engagement.title, text: 'Maya led her team well' }]);
    expect(rowsOf(theirs, 'Thanks from schools')).toMatchObject([{ title: engagement.title, message: 'Thank you, Sam', rating: 5 }]);
    expect(JSON.stringify(theirs)).not.toContain(mayaId);
    const pupilsOwn = await ownPart(pupil);
    expect(rowsOf(pupilsOwn, 'Feedback volunteers gave you')).toMatchObject([{ title: engagement.title, text: 'Maya led her team well' }]);
    expect(JSON.stringify(pupilsOwn)).not.toContain('Clear directions to the hall');
    expect(JSON.stringify(pupilsOwn)).not.toContain('Thank you, Sam');
  });
});

describe('Account.encountersSubjectAccess: the public careers page', () => {
  it("gives a careers leader the careers page they saved with their name as saved, and nobody else's export holds it", async () => {
    const alex = makePrincipal({
      roles: ['careers_leader'],
      accountId: randomUUID(),
      displayName: 'Alex Carter-Nowak',
      schoolId: northfield.id,
      trustId: data.trust.id,
    });
    const saved = await h.client.query<{ saveCareersPage: { error: { code: string } | null } }>(
      alex,
      'mutation ($input: CareersPageInput!) { saveCareersPage(input: $input) { error { code } } }',
      { input: { contactName: 'Alex Carter-Nowak', contactEmail: 'careers@northfield.example' } },
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveCareersPage.error).toBeNull();

    const theirs = await ownPart(alex);
    expect(rowsOf(theirs, 'The public careers page you last saved for your school')).toMatchObject([
      { school_name: northfield.name, updated_by_name: 'Alex Carter-Nowak', contact_name: 'Alex Carter-Nowak', contact_email: 'careers@northfield.example' },
    ]);
    // Another leader of the same school, the pupil and the volunteer: not theirs to download.
    for (const other of [leader, pupil, volunteer]) expect(JSON.stringify(await ownPart(other))).not.toContain('Alex Carter-Nowak');
  });
});

describe('Account.encountersSubjectAccess for anyone else', () => {
  it("is FORBIDDEN to staff of the pupil's school, their parent, a volunteer and the gateway", async () => {
    for (const who of [leader, parent, volunteer, SYSTEM_PRINCIPAL]) {
      const res = await h.client.query<{ _entities: unknown[] }>(who, ENTITIES, reps(pupilAccount.id));
      expect(
        res.errors?.map((e) => e.extensions?.code),
        who.roles.join(),
      ).toEqual(['FORBIDDEN']);
      expect(res.data?._entities ?? [null]).toEqual([null]);
    }
  });
});
