import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import type { Principal } from '@waymark/auth';
import { startHarness, type Harness } from '../../../test/harness.js';
import { SeptemberOffer } from './september-offer.entity.js';

// The same call the seeds make: year groups follow from today's date.
const data = demoData();
const [northfield, southbank] = data.schools;
const inYear = (school: typeof northfield, yearGroup: number) => data.pupils.filter((p) => p.schoolId === school.id && p.yearGroup === yearGroup);
const year11 = inYear(northfield, 11);
const year12 = inYear(northfield, 12);
const [year10] = inYear(northfield, 10);
const [southYear11] = inYear(southbank, 11);

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const pupilNorth = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: year11[0].id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id, employerId: data.volunteers[0].employerId });

const RECORD = `mutation ($input: RecordSeptemberOffersInput!) {
  recordSeptemberOffers(input: $input) { recorded error { code message fields { field message } } }
}`;
const LIST = `query ($yearGroup: Int!) {
  septemberOffers(yearGroup: $yearGroup) {
    yearGroup offerMade noOffer notAppropriate notRecorded
    entries { pupil { id } offer { yearGroup status placeKind provider note enteredByRole } }
  }
}`;
type Result = { recorded: number; error: { code: string; message: string; fields: { field: string; message: string }[] } | null };
type Entry = {
  pupil: { id: string };
  offer: { yearGroup: number; status: string; placeKind: string | null; provider: string | null; note: string | null; enteredByRole: string } | null;
};
type List = { yearGroup: number; offerMade: number; noOffer: number; notAppropriate: number; notRecorded: number; entries: Entry[] };

let harness: Harness;
const record = async (who: Principal, input: Record<string, unknown>) => {
  const res = await harness.client.query<{ recordSeptemberOffers: Result }>(who, RECORD, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.recordSeptemberOffers;
};
const list = async (who: Principal, yearGroup: number) => {
  const res = await harness.client.query<{ septemberOffers: List | null }>(who, LIST, { yearGroup });
  expect(res.errors).toBeUndefined();
  return res.data!.septemberOffers!;
};
const rows = () => harness.orm.em.fork().count(SeptemberOffer, {});

beforeAll(async () => {
  harness = await startHarness();
  expect(year11.length).toBeGreaterThan(3);
  expect(year12.length).toBeGreaterThan(0);
});

afterAll(async () => {
  await harness?.close();
});

describe('recordSeptemberOffers and septemberOffers', () => {
  it('lists every pupil in the year group as not recorded until the school answers', async () => {
    const answer = await list(leaderNorth, 11);
    expect(answer).toMatchObject({ yearGroup: 11, offerMade: 0, noOffer: 0, notAppropriate: 0, notRecorded: year11.length });
    expect(answer.entries.map((entry) => entry.pupil.id).sort()).toEqual(year11.map((p) => p.id).sort());
    expect(answer.entries.every((entry) => entry.offer === null)).toBe(true);
  });

  it('records one answer for many pupils at once, each under their own year group, and the newest answer is current', async () => {
    const [a, b] = year11;
    const [c] = year12;
    expect(await record(leaderNorth, { pupilIds: [a.id, b.id, c.id], status: 'NO_OFFER' })).toEqual({ recorded: 3, error: null });
    expect(await record(staffNorth, { pupilIds: [a.id], status: 'OFFER_MADE', placeKind: 'FE_COLLEGE', provider: '  Aire Valley College ' })).toEqual({
      recorded: 1,
      error: null,
    });
    const eleven = await list(leaderNorth, 11);
    expect(eleven).toMatchObject({ offerMade: 1, noOffer: 1, notAppropriate: 0, notRecorded: year11.length - 2 });
    expect(eleven.entries.find((entry) => entry.pupil.id === a.id)!.offer).toEqual({
      yearGroup: 11,
      status: 'OFFER_MADE',
      placeKind: 'FE_COLLEGE',
      provider: 'Aire Valley College',
      note: null,
      enteredByRole: 'staff',
    });
    const twelve = await list(leaderNorth, 12);
    expect(twelve.entries.find((entry) => entry.pupil.id === c.id)!.offer).toMatchObject({ yearGroup: 12, status: 'NO_OFFER' });
    // Every answer is kept: the earlier "no offer" for `a` is still there.
    expect(await harness.orm.em.fork().count(SeptemberOffer, { pupilId: a.id })).toBe(2);
  });

  it("saves nothing when any pupil is not in Year 11 or 12 at the caller's school, and says how many", async () => {
    const before = await rows();
    const other = await record(leaderNorth, { pupilIds: [year11[2].id, southYear11.id], status: 'NO_OFFER' });
    expect(other).toMatchObject({ recorded: 0, error: { code: 'PUPIL_NOT_FOUND' } });
    expect(other.error!.message).toContain('One of the pupils');
    const younger = await record(leaderNorth, { pupilIds: [year11[2].id, year10.id, 'not-an-id'], status: 'NO_OFFER' });
    expect(younger).toMatchObject({ recorded: 0, error: { code: 'PUPIL_NOT_FOUND' } });
    expect(await rows()).toBe(before);
  });

  it('checks the answer: clear errors per field and nothing saved', async () => {
    const before = await rows();
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ status: 'OFFER_MADE' }, 'SEPTEMBER_OFFER_INVALID', ['placeKind']],
      [{ status: 'NOT_APPROPRIATE' }, 'SEPTEMBER_OFFER_INVALID', ['note']],
      [{ status: 'NO_OFFER', placeKind: 'APPRENTICESHIP', provider: 'Acme' }, 'SEPTEMBER_OFFER_INVALID', ['placeKind', 'provider']],
    ];
    for (const [input, code, fields] of cases) {
      const answer = await record(leaderNorth, { pupilIds: [year11[3].id], ...input });
      expect(answer.recorded).toBe(0);
      expect(answer.error?.code).toBe(code);
      expect(answer.error!.fields.map((field) => field.field).sort()).toEqual(fields);
    }
    expect(await record(leaderNorth, { pupilIds: [], status: 'NO_OFFER' })).toMatchObject({ error: { code: 'NO_PUPILS' } });
    const many = Array.from({ length: 501 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(await record(leaderNorth, { pupilIds: many, status: 'NO_OFFER' })).toMatchObject({ error: { code: 'TOO_MANY_PUPILS' } });
    expect(await rows()).toBe(before);
  });

  it("shows another school's staff none of this school's pupils, and answers only for Years 11 and 12", async () => {
    const south = await list(leaderSouth, 11);
    expect(south.entries.some((entry) => year11.some((p) => p.id === entry.pupil.id))).toBe(false);
    expect(south.offerMade).toBe(0);
    const wrongYear = await harness.client.query(leaderNorth, LIST, { yearGroup: 13 });
    expect(wrongYear.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("is in the pupil's subject-access export, every answer as stored", async () => {
    const PART = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { destinationsSubjectAccess } } }';
    const res = await harness.client.query<{ _entities: { destinationsSubjectAccess: { sections: { title: string; rows: Record<string, unknown>[] }[] } }[] }>(
      leaderNorth,
      PART,
      { r: [{ __typename: 'Pupil', id: year11[0].id }] },
    );
    expect(res.errors).toBeUndefined();
    const section = res.data!._entities[0].destinationsSubjectAccess.sections.find((s) => s.title === 'September offers');
    expect(section?.rows.map((row) => [row.status, row.provider])).toEqual([
      ['NO_OFFER', null],
      ['OFFER_MADE', 'Aire Valley College'],
    ]);
  });

  it('is for staff of a school only', async () => {
    for (const who of [pupilNorth, analyst, volunteer]) {
      const asked = await harness.client.query(who, LIST, { yearGroup: 11 });
      expect(asked.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const recorded = await harness.client.query(who, RECORD, { input: { pupilIds: [year11[0].id], status: 'NO_OFFER' } });
      expect(recorded.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});
