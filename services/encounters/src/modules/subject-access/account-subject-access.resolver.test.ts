import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
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
