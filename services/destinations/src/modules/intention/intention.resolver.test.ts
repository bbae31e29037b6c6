import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import type { Principal } from '@waymark/auth';
import { startHarness, type Harness } from '../../../test/harness.js';
import { Aspiration, Intention } from './intention.entity.js';

// The same call the seeds make: year groups follow from today's date.
const data = demoData();
const [northfield, southbank] = data.schools;
// The seed gives some pupils a plan already (their demo intended destination, unless it is "not known").
const seeded = new Set(data.destinations.filter((d) => d.stage === 'INTENDED' && d.kind !== 'UNKNOWN').map((d) => d.pupilId));
const inYear = (schoolId: string, yearGroup: number) => data.pupils.filter((p) => p.schoolId === schoolId && p.yearGroup === yearGroup && !seeded.has(p.id));
const [year11, otherYear11] = inYear(northfield.id, 11);
const [year13] = inYear(northfield.id, 13);
const year10 = inYear(northfield.id, 10)[0];
const southYear11 = inYear(southbank.id, 11)[0];

const pupil = (id: string, schoolId = northfield.id) => makePrincipal({ roles: ['pupil'], schoolId, trustId: data.trust.id, pupilId: id });
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const staffSouth = makePrincipal({ roles: ['staff'], schoolId: southbank.id, trustId: data.trust.id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id, employerId: data.volunteers[0].employerId });
const alumni = makePrincipal({ roles: ['alumni'], volunteerId: data.volunteers[1].id });

const RECORD = `mutation ($input: RecordIntentionInput!) {
  recordIntention(input: $input) { intention { id yearGroup kind kindLabel apprenticeshipLevel provider course enteredByRole } error { code message fields { field message } } }
}`;
const ASPIRE = `mutation ($input: RecordAspirationInput!) { recordAspiration(input: $input) { aspiration { id text hashtags } error { code message fields { field } } } }`;
const GAPS = `query ($yearGroup: Int!) { intentionGaps(yearGroup: $yearGroup) { yearGroup onRoll missing { id } } }`;
const PUPIL = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id intentions { kind provider } currentIntention { kind } aspirations { text hashtags } } } }`;

interface IntentionView {
  id: string;
  yearGroup: number;
  kind: string;
  kindLabel: string;
  apprenticeshipLevel: number | null;
  provider: string | null;
  course: string | null;
  enteredByRole: string;
}
interface RecordAnswer {
  recordIntention: { intention: IntentionView | null; error: { code: string; message: string; fields: { field: string; message: string }[] } | null };
}
interface PupilView {
  id: string;
  intentions: { kind: string; provider: string | null }[] | null;
  currentIntention: { kind: string } | null;
  aspirations: { text: string; hashtags: string[] }[] | null;
}

let harness: Harness;
const record = (who: Principal, input: Record<string, unknown>) => harness.client.query<RecordAnswer>(who, RECORD, { input });
const gaps = (who: Principal, yearGroup: number) =>
  harness.client.query<{ intentionGaps: { yearGroup: number; onRoll: number; missing: { id: string }[] } | null }>(who, GAPS, { yearGroup });
const readPupil = async (who: Principal, id: string) =>
  (await harness.client.query<{ _entities: (PupilView | null)[] }>(who, PUPIL, { r: [{ __typename: 'Pupil', id }] })).data?._entities[0] ?? null;
const rowsFor = (pupilId: string) => harness.orm.em.fork().count(Intention, { pupilId });

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('recordIntention', () => {
  it('lets a Year 11 pupil record their own plan, taking the year group from the pupils subgraph', async () => {
    const res = await record(pupil(year11.id), { kind: 'FE_COLLEGE', provider: '  Aire Valley College ', course: 'Level 3 Engineering' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordIntention).toEqual({
      intention: expect.objectContaining({
        yearGroup: 11,
        kind: 'FE_COLLEGE',
        kindLabel: 'Further education college',
        provider: 'Aire Valley College',
        course: 'Level 3 Engineering',
        enteredByRole: 'pupil',
      }) as unknown,
      error: null,
    });
    const row = await harness.orm.em.fork().findOneOrFail(Intention, { id: res.data!.recordIntention.intention!.id });
    expect(row).toMatchObject({ pupilId: year11.id, schoolId: northfield.id, trustId: data.trust.id });
  });

  it('refuses a pupil who names another pupil, and saves nothing', async () => {
    const before = await rowsFor(otherYear11.id);
    const res = await record(pupil(year11.id), { pupilId: otherYear11.id, kind: 'UNIVERSITY' });
    expect(res.data!.recordIntention).toEqual({ intention: null, error: expect.objectContaining({ code: 'NOT_YOUR_RECORD' }) as unknown });
    expect(await rowsFor(otherYear11.id)).toBe(before);
  });

  it('tells a Year 10 pupil plans are recorded in Years 11 and 13', async () => {
    const res = await record(pupil(year10.id), { kind: 'SCHOOL_SIXTH_FORM' });
    expect(res.data!.recordIntention.error).toMatchObject({
      code: 'NOT_YEAR_11_OR_13',
      message: 'Plans for after school are recorded in Year 11 and Year 13. You are in Year 10. Nothing was saved.',
    });
    expect(await rowsFor(year10.id)).toBe(0);
  });

  it('lets staff record for a pupil of their school, keeping the history with the newest as current', async () => {
    const first = await record(leaderNorth, { pupilId: year13.id, kind: 'UNIVERSITY', provider: 'University of Leeds' });
    expect(first.data!.recordIntention.intention).toMatchObject({ yearGroup: 13, enteredByRole: 'careers_leader' });
    const second = await record(leaderNorth, { pupilId: year13.id, kind: 'APPRENTICESHIP', apprenticeshipLevel: 6, provider: 'Acme Engineering' });
    expect(second.data!.recordIntention.intention).toMatchObject({ kind: 'APPRENTICESHIP', apprenticeshipLevel: 6 });
    const seen = await readPupil(leaderNorth, year13.id);
    expect(seen!.intentions).toEqual([
      { kind: 'APPRENTICESHIP', provider: 'Acme Engineering' },
      { kind: 'UNIVERSITY', provider: 'University of Leeds' },
    ]);
    expect(seen!.currentIntention).toEqual({ kind: 'APPRENTICESHIP' });
  });

  it('refuses staff a pupil of another school with a clear error, and saves nothing', async () => {
    const res = await record(staffSouth, { pupilId: year11.id, kind: 'GAP_YEAR' });
    expect(res.data!.recordIntention).toEqual({
      intention: null,
      error: { code: 'PUPIL_NOT_FOUND', message: 'That pupil is not on roll at your school, so you cannot record their plans. Nothing was saved.', fields: [] },
    });
    const seen = await readPupil(leaderNorth, year11.id);
    expect(seen!.intentions!.map((i) => i.kind)).toEqual(['FE_COLLEGE']);
  });

  it('names each field that needs changing, and saves nothing', async () => {
    const before = await rowsFor(southYear11.id);
    const res = await record(staffSouth, { pupilId: southYear11.id, kind: 'FE_COLLEGE', apprenticeshipLevel: 3, course: 'x'.repeat(201) });
    expect(res.data!.recordIntention.error).toMatchObject({ code: 'INTENTION_INVALID' });
    expect(res.data!.recordIntention.error!.fields.map((f) => f.field)).toEqual(['apprenticeshipLevel', 'course']);
    expect(await rowsFor(southYear11.id)).toBe(before);
  });

  it('is not open to volunteers or alumni at all', async () => {
    for (const who of [volunteer, alumni]) {
      const res = await record(who, { pupilId: year11.id, kind: 'OTHER' });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('Pupil.intentions and Pupil.aspirations', () => {
  it('gives the pupil, and staff of their school, the rows; staff of another school and volunteers nothing', async () => {
    expect((await readPupil(pupil(year11.id), year11.id))!.intentions).toEqual([{ kind: 'FE_COLLEGE', provider: 'Aire Valley College' }]);
    expect((await readPupil(leaderNorth, year11.id))!.currentIntention).toEqual({ kind: 'FE_COLLEGE' });
    const other = await readPupil(staffSouth, year11.id);
    expect(other?.intentions ?? []).toEqual([]);
    expect(other?.currentIntention ?? null).toBeNull();
    for (const who of [volunteer, alumni, pupil(otherYear11.id)]) expect(await readPupil(who, year11.id)).toBeNull();
  });

  it('lets a pupil record hopes with hashtags (normalised), and refuses bad hashtags saving nothing', async () => {
    const saved = await harness.client.query<{ recordAspiration: { aspiration: { text: string; hashtags: string[] } | null } }>(pupil(year10.id), ASPIRE, {
      input: { text: ' Work with animals ', hashtags: ['#Animals', 'vet', 'animals'] },
    });
    expect(saved.data!.recordAspiration.aspiration).toMatchObject({ text: 'Work with animals', hashtags: ['animals', 'vet'] });
    const refused = await harness.client.query<{ recordAspiration: { aspiration: null; error: { code: string; fields: { field: string }[] } } }>(
      pupil(year10.id),
      ASPIRE,
      { input: { text: 'Be a pilot', hashtags: ['two words'] } },
    );
    expect(refused.data!.recordAspiration.error).toEqual({
      code: 'ASPIRATION_INVALID',
      message: 'Some details need changing. Nothing was saved.',
      fields: [{ field: 'hashtags' }],
    });
    expect(await harness.orm.em.fork().count(Aspiration, { pupilId: year10.id })).toBe(1);
    expect((await readPupil(leaderNorth, year10.id))!.aspirations).toEqual([{ text: 'Work with animals', hashtags: ['animals', 'vet'] }]);
    expect(await readPupil(volunteer, year10.id)).toBeNull();
  });

  it('keeps aspirations to pupils: staff cannot record one', async () => {
    const res = await harness.client.query(leaderNorth, ASPIRE, { input: { text: 'Anything', hashtags: [] } });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('intentionGaps', () => {
  it("lists the caller's Year 11 pupils with no plan yet, and the list shrinks when one is recorded", async () => {
    const before = (await gaps(leaderNorth, 11)).data!.intentionGaps!;
    expect(before.onRoll).toBe(data.pupils.filter((p) => p.schoolId === northfield.id && p.yearGroup === 11).length);
    expect(before.missing).toHaveLength(inYear(northfield.id, 11).length - 1);
    const missing = new Set(before.missing.map((p) => p.id));
    expect(missing.has(year11.id)).toBe(false);
    expect(missing.has(otherYear11.id)).toBe(true);
    for (const id of missing) expect(inYear(northfield.id, 11).some((p) => p.id === id)).toBe(true);
    await record(pupil(otherYear11.id), { kind: 'SCHOOL_SIXTH_FORM' });
    const after = (await gaps(leaderNorth, 11)).data!.intentionGaps!;
    expect(after.missing.map((p) => p.id).sort()).toEqual([...missing].filter((id) => id !== otherYear11.id).sort());
  });

  it("counts a Year 13's plan only in Year 13, and another school's leader sees their own pupils", async () => {
    const thirteen = (await gaps(leaderNorth, 13)).data!.intentionGaps!;
    expect(thirteen.missing.some((p) => p.id === year13.id)).toBe(false);
    const south = (await gaps(staffSouth, 11)).data!.intentionGaps!;
    expect(south.missing.every((p) => inYear(southbank.id, 11).some((q) => q.id === p.id))).toBe(true);
    expect(south.missing).toHaveLength(inYear(southbank.id, 11).length);
  });

  it('asks for Year 11 or Year 13, and is for staff only', async () => {
    const twelve = await gaps(leaderNorth, 12);
    expect(twelve.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    for (const who of [pupil(year11.id), volunteer]) expect((await gaps(who, 11)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
