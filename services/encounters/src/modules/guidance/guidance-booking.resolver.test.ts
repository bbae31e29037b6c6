import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal, type SubgraphTestClient } from '@waymark/subgraph-kit/testing';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { addDays, dayAsInstant, instantInEngland, todayInEngland } from '@waymark/domain';
import { startHarness, type Harness } from '../../../test/harness.js';
import { Encounter, Participation } from '../encounter/encounter.entity.js';

/**
 * Booking guidance meetings ahead for a list of pupils (from a gap list): all or nothing, only the
 * caller's own pupils, counting for nothing until recorded as held.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const guidanceIds = new Set(data.encounters.filter((e) => e.kind === 'GUIDANCE_MEETING').map((e) => e.id));
const hadGuidance = new Set(data.participations.filter((p) => guidanceIds.has(p.encounterId)).map((p) => p.pupilId));
/** Pupils of Northfield in Years 8–10 who have never had a guidance meeting: Benchmark 8 by 16 is not met for them. */
const fresh = data.pupils.filter(
  (p) => p.schoolId === northfield.id && !p.leftOn && p.yearGroup !== null && p.yearGroup >= 8 && p.yearGroup <= 10 && !hadGuidance.has(p.id),
);
const southPupil = data.pupils.find((p) => p.schoolId === southbank.id && !p.leftOn && p.yearGroup !== null)!;
const [sam] = data.volunteers;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const pupilOf = (pupilId: string) => makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId });
const parentOf = (pupilId: string) => makePrincipal({ roles: ['parent'], schoolId: northfield.id, trustId: data.trust.id, childPupilIds: [pupilId] });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });

let harness: Harness;
let client: SubgraphTestClient;

beforeAll(async () => {
  harness = await startHarness();
  client = harness.client;
});

afterAll(async () => {
  await harness?.close();
});

const BOOK = `mutation ($input: BookGuidanceMeetingsInput!) {
  bookGuidanceMeetings(input: $input) {
    meetings { id date hasTime adviserName location notes pupil { id } }
    error { code message fields { field message } }
  }
}`;
type Booked = {
  bookGuidanceMeetings: {
    meetings: { id: string; date: string; hasTime: boolean; adviserName: string; location: string | null; notes: string | null; pupil: { id: string } }[];
    error: { code: string; message: string; fields: { field: string; message: string }[] } | null;
  };
};
const RECORD = `mutation ($input: RecordGuidanceMeetingInput!) { recordGuidanceMeeting(input: $input) { meeting { id adviserLevel } error { code message } } }`;
type Recorded = { recordGuidanceMeeting: { meeting: { id: string; adviserLevel: number } | null; error: { code: string; message: string } | null } };
const PUPIL = `query ($id: ID!) { _entities(representations: [{ __typename: "Pupil", id: $id }]) { ... on Pupil {
  bookedGuidanceMeetings { id date hasTime adviserName location notes }
  guidanceMeetings { id }
  benchmarkProgress { measures { measure state count } }
} } }`;
type PupilView = {
  _entities: {
    bookedGuidanceMeetings: { id: string; date: string; hasTime: boolean; adviserName: string; location: string | null; notes: string | null }[] | null;
    guidanceMeetings: { id: string }[] | null;
    benchmarkProgress: { measures: { measure: string; state: string; count: number }[] } | null;
  }[];
};
const UPCOMING = `query ($id: ID!) { _entities(representations: [{ __typename: "Pupil", id: $id }]) { ... on Pupil { upcomingEncounters { id title location booked } } } }`;
type Upcoming = { _entities: { upcomingEncounters: { id: string; title: string; location: string | null; booked: boolean }[] | null }[] };

const nextWeek = () => addDays(todayInEngland(), 7);
const bookingFor = (pupilIds: string[], extra: Record<string, unknown> = {}) => ({
  input: {
    pupilIds,
    date: instantInEngland(nextWeek(), '10:30').toISOString(),
    hasTime: true,
    adviserName: 'Dana Whitfield',
    location: 'Library meeting room',
    notes: 'Bring your options form.',
    ...extra,
  },
});
const view = async (who: Principal, pupilId: string) => {
  const res = await client.query<PupilView>(who, PUPIL, { id: pupilId });
  expect(res.errors).toBeUndefined();
  return res.data!._entities[0];
};
const b8 = (pupil: PupilView['_entities'][number]) => pupil.benchmarkProgress!.measures.find((m) => m.measure === 'B8_BY_16')!;
/** Every booked guidance meeting of a school, and the register rows on them, straight from the database. */
const bookedRows = async (schoolId: string) => {
  const em = harness.orm.em.fork();
  const encounters = await em.find(Encounter, { schoolId, kind: 'GUIDANCE_MEETING', booked: true });
  const rows = await em.find(Participation, { encounter: { $in: encounters.map((e) => e.id) } });
  return { encounters, rows };
};

describe('bookGuidanceMeetings', () => {
  it('has pupils of Years 8 to 10 without any guidance meeting to book for', () => {
    expect(fresh.length).toBeGreaterThanOrEqual(6);
  });

  it('books one meeting for each pupil, not yet attended and with no adviser level, which the pupil sees coming up', async () => {
    const pupils = fresh.slice(0, 3).map((p) => p.id);
    const before = (await bookedRows(northfield.id)).encounters.length;
    const res = await client.query<Booked>(leaderNorth, BOOK, bookingFor(pupils));
    expect(res.errors).toBeUndefined();
    const { meetings, error } = res.data!.bookGuidanceMeetings;
    expect(error).toBeNull();
    expect(meetings.map((m) => m.pupil.id).sort()).toEqual([...pupils].sort());
    expect(new Set(meetings.map((m) => m.id)).size).toBe(3);
    expect(meetings[0]).toMatchObject({
      date: instantInEngland(nextWeek(), '10:30').toISOString(),
      hasTime: true,
      adviserName: 'Dana Whitfield',
      location: 'Library meeting room',
      notes: 'Bring your options form.',
    });

    // Each pupil's record shows the change in the school's data access log (the pupils subgraph's).
    for (const pupilId of pupils) {
      const log = await harness.pupils.query<{ auditEvents: { edges: { node: { action: string; fields: string[] } }[] } }>(
        leaderNorth,
        'query ($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 10) { edges { node { action fields } } } }',
        { filter: { pupilId, action: 'CHANGE' } },
      );
      expect(log.errors).toBeUndefined();
      expect(log.data!.auditEvents.edges.map((edge) => edge.node)).toEqual([{ action: 'CHANGE', fields: ['guidanceMeeting'] }]);
    }

    const saved = await bookedRows(northfield.id);
    expect(saved.encounters.length).toBe(before + 3);
    const mine = saved.encounters.filter((e) => meetings.some((m) => m.id === e.id));
    expect(mine.every((e) => e.adviserLevel === null && e.benchmarks.includes(8))).toBe(true);
    const rows = saved.rows.filter((r) => pupils.includes(r.pupilId));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => !r.attended)).toBe(true);

    // Staff see it among the pupil's booked meetings with the notes; the pupil and a parent without them.
    const staffView = await view(leaderNorth, pupils[0]);
    expect(staffView.bookedGuidanceMeetings!.map((m) => m.id)).toContain(meetings.find((m) => m.pupil.id === pupils[0])!.id);
    expect(staffView.bookedGuidanceMeetings![0].notes).toBe('Bring your options form.');
    expect(staffView.guidanceMeetings!.map((m) => m.id)).not.toContain(meetings[0].id);
    for (const who of [pupilOf(pupils[0]), parentOf(pupils[0])]) {
      const seen = await view(who, pupils[0]);
      expect(seen.bookedGuidanceMeetings!.map((m) => ({ location: m.location, notes: m.notes }))).toEqual([{ location: 'Library meeting room', notes: null }]);
    }
    const upcoming = await client.query<Upcoming>(pupilOf(pupils[0]), UPCOMING, { id: pupils[0] });
    expect(upcoming.data!._entities[0].upcomingEncounters).toContainEqual({
      id: meetings.find((m) => m.pupil.id === pupils[0])!.id,
      title: 'Personal guidance meeting',
      location: 'Library meeting room',
      booked: true,
    });
    // Another school's leader and a volunteer read nothing of it; a classmate never sees it either.
    const BOOKED_ONLY = `query ($id: ID!) { _entities(representations: [{ __typename: "Pupil", id: $id }]) { ... on Pupil { bookedGuidanceMeetings { id } } } }`;
    type BookedOnly = { _entities: ({ bookedGuidanceMeetings: { id: string }[] | null } | null)[] };
    const south = await client.query<BookedOnly>(leaderSouth, BOOKED_ONLY, { id: pupils[0] });
    expect(south.errors).toBeUndefined();
    expect(south.data!._entities[0]!.bookedGuidanceMeetings).toEqual([]);
    // A volunteer does not even get the pupil.
    const byVolunteer = await client.query<BookedOnly>(volunteer, BOOKED_ONLY, { id: pupils[0] });
    expect(byVolunteer.errors).toBeUndefined();
    expect(byVolunteer.data!._entities[0]).toBeNull();
    const classmate = await client.query<Upcoming>(pupilOf(pupils[1]), UPCOMING, { id: pupils[1] });
    expect(classmate.data!._entities[0].upcomingEncounters!.map((e) => e.id)).not.toContain(meetings.find((m) => m.pupil.id === pupils[0])!.id);
  });

  it('takes a day without a time, carried as noon UTC', async () => {
    const day = addDays(todayInEngland(), 3);
    const res = await client.query<Booked>(
      adviserNorth,
      BOOK,
      bookingFor([fresh[3].id], { date: `${day}T15:45:00.000Z`, hasTime: false, location: null, notes: null }),
    );
    expect(res.data!.bookGuidanceMeetings.error).toBeNull();
    expect(res.data!.bookGuidanceMeetings.meetings[0]).toMatchObject({ date: dayAsInstant(day).toISOString(), hasTime: false, location: null, notes: null });
  });

  it("refuses the whole list when one pupil is another school's, and books nothing for anyone", async () => {
    const before = await bookedRows(northfield.id);
    const beforeSouth = await bookedRows(southbank.id);
    const attack = await client.query<Booked>(leaderNorth, BOOK, bookingFor([fresh[4].id, southPupil.id, fresh[5].id]));
    expect(attack.errors).toBeUndefined();
    expect(attack.data!.bookGuidanceMeetings.meetings).toEqual([]);
    expect(attack.data!.bookGuidanceMeetings.error).toMatchObject({
      code: 'PUPIL_NOT_FOUND',
      message: '1 of these pupils is not on roll at your school, so no meeting was booked.',
    });
    // Southbank's own leader gets the same answer for a Northfield pupil.
    const reverse = await client.query<Booked>(leaderSouth, BOOK, bookingFor([southPupil.id, fresh[4].id]));
    expect(reverse.data!.bookGuidanceMeetings.error?.code).toBe('PUPIL_NOT_FOUND');
    // Made-up ids and ids that are not ids at all are refused alike.
    const madeUp = await client.query<Booked>(leaderNorth, BOOK, bookingFor([fresh[4].id, randomUUID(), 'not-an-id']));
    expect(madeUp.data!.bookGuidanceMeetings.error).toMatchObject({ code: 'PUPIL_NOT_FOUND', fields: [{ field: 'pupilIds' }] });
    expect(madeUp.data!.bookGuidanceMeetings.error!.message).toContain('2 of these pupils are');

    const after = await bookedRows(northfield.id);
    const afterSouth = await bookedRows(southbank.id);
    expect(after.encounters.length).toBe(before.encounters.length);
    expect(after.rows.length).toBe(before.rows.length);
    expect(afterSouth.encounters.length).toBe(beforeSouth.encounters.length);
    expect(after.rows.some((r) => r.pupilId === fresh[4].id || r.pupilId === fresh[5].id || r.pupilId === southPupil.id)).toBe(false);
  });

  it('refuses bad details with every problem named, and saves nothing', async () => {
    const before = (await bookedRows(northfield.id)).encounters.length;
    const res = await client.query<Booked>(
      leaderNorth,
      BOOK,
      bookingFor([fresh[4].id], {
        date: dayAsInstant(addDays(todayInEngland(), -1)).toISOString(),
        hasTime: false,
        adviserName: '  ',
        location: 'x'.repeat(201),
      }),
    );
    expect(res.data!.bookGuidanceMeetings.meetings).toEqual([]);
    expect(res.data!.bookGuidanceMeetings.error).toMatchObject({
      code: 'GUIDANCE_INVALID',
      fields: [
        { field: 'date', message: 'A booking is for a meeting still to come: choose today or a later day' },
        { field: 'adviserName', message: "Enter the adviser's name" },
        { field: 'location', message: 'Keep the place to 200 characters or fewer' },
      ],
    });
    const empty = await client.query<Booked>(leaderNorth, BOOK, bookingFor([]));
    expect(empty.data!.bookGuidanceMeetings.error).toMatchObject({ code: 'GUIDANCE_INVALID', fields: [{ field: 'pupilIds' }] });
    expect((await bookedRows(northfield.id)).encounters.length).toBe(before);
  });

  it('is for staff of the school only', async () => {
    for (const who of [pupilOf(fresh[4].id), parentOf(fresh[4].id), analyst, volunteer]) {
      const res = await client.query<Booked>(who, BOOK, bookingFor([fresh[4].id]));
      expect(res.data).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await bookedRows(northfield.id)).rows.some((r) => r.pupilId === fresh[4].id)).toBe(false);
  });
});

describe('a booked meeting held', () => {
  it('counts for nothing until recorded as held, even once its day has gone by; then counts like any other', async () => {
    const pupilId = fresh[4].id;
    const booked = await client.query<Booked>(leaderNorth, BOOK, bookingFor([pupilId]));
    const meetingId = booked.data!.bookGuidanceMeetings.meetings[0].id;
    expect(b8(await view(leaderNorth, pupilId)).count).toBe(0);

    // The day goes by and someone even ticks the pupil as there on the register, with a qualified
    // adviser written on the encounter: while it is still booked, it does not count.
    const em = harness.orm.em.fork();
    await em.nativeUpdate(Encounter, { id: meetingId }, { date: dayAsInstant(addDays(todayInEngland(), -1)), hasTime: false, adviserLevel: 7 });
    await em.nativeUpdate(Participation, { encounter: meetingId, pupilId }, { attended: true });
    const waiting = await view(leaderNorth, pupilId);
    expect(b8(waiting)).toMatchObject({ state: 'NOT_MET', count: 0 });
    expect(waiting.guidanceMeetings!.map((m) => m.id)).not.toContain(meetingId);
    await em.nativeUpdate(Encounter, { id: meetingId }, { adviserLevel: null });
    await em.nativeUpdate(Participation, { encounter: meetingId, pupilId }, { attended: false });

    // Another school's leader, and the booking of another pupil, cannot be used to record it.
    const fromSouth = await client.query<Recorded>(leaderSouth, RECORD, {
      input: { pupilId, bookedMeetingId: meetingId, date: new Date().toISOString(), adviserName: 'Dana Whitfield', adviserLevel: 6 },
    });
    expect(fromSouth.data!.recordGuidanceMeeting.error?.code).toBe('PUPIL_NOT_FOUND');
    const wrongPupil = await client.query<Recorded>(leaderNorth, RECORD, {
      input: { pupilId: fresh[5].id, bookedMeetingId: meetingId, date: new Date().toISOString(), adviserName: 'Dana Whitfield', adviserLevel: 6 },
    });
    expect(wrongPupil.data!.recordGuidanceMeeting.error?.code).toBe('BOOKING_NOT_FOUND');
    // The level must still be chosen when it is recorded as held.
    const noLevel = await client.query<Recorded>(leaderNorth, RECORD, {
      input: { pupilId, bookedMeetingId: meetingId, date: new Date().toISOString(), adviserName: 'Dana Whitfield', adviserLevel: 0 },
    });
    expect(noLevel.data!.recordGuidanceMeeting.error?.code).toBe('GUIDANCE_INVALID');
    expect(b8(await view(leaderNorth, pupilId)).count).toBe(0);

    const held = await client.query<Recorded>(leaderNorth, RECORD, {
      input: { pupilId, bookedMeetingId: meetingId, date: dayAsInstant(todayInEngland()).toISOString(), adviserName: 'Dana Whitfield', adviserLevel: 6 },
    });
    expect(held.data!.recordGuidanceMeeting).toEqual({ meeting: { id: meetingId, adviserLevel: 6 }, error: null });
    const after = await view(leaderNorth, pupilId);
    expect(b8(after)).toMatchObject({ state: 'MET', count: 1 });
    expect(after.guidanceMeetings!.map((m) => m.id)).toContain(meetingId);
    expect(after.bookedGuidanceMeetings!.map((m) => m.id)).not.toContain(meetingId);
    // Held once: it cannot be recorded from the booking again.
    const again = await client.query<Recorded>(leaderNorth, RECORD, {
      input: { pupilId, bookedMeetingId: meetingId, date: new Date().toISOString(), adviserName: 'Dana Whitfield', adviserLevel: 6 },
    });
    expect(again.data!.recordGuidanceMeeting.error?.code).toBe('BOOKING_NOT_FOUND');
  });
});

describe('a booked meeting moved or cancelled', () => {
  const MOVE = `mutation ($input: MoveGuidanceBookingInput!) {
    moveGuidanceBooking(input: $input) { meeting { id date hasTime location } error { code message fields { field message } } }
  }`;
  type Moved = {
    moveGuidanceBooking: {
      meeting: { id: string; date: string; hasTime: boolean; location: string | null } | null;
      error: { code: string; message: string; fields: { field: string }[] } | null;
    };
  };
  const CANCEL = 'mutation ($id: ID!) { cancelGuidanceBooking(id: $id) { cancelled error { code message } } }';
  type Cancelled = { cancelGuidanceBooking: { cancelled: boolean; error: { code: string; message: string } | null } };
  const bookOne = async (pupilId: string) => {
    const res = await client.query<Booked>(leaderNorth, BOOK, bookingFor([pupilId]));
    expect(res.data!.bookGuidanceMeetings.error).toBeNull();
    return res.data!.bookGuidanceMeetings.meetings[0].id;
  };

  it('moves a booking to a later time and place, refuses a time gone by, and keeps it for staff of its school only', async () => {
    const pupil = fresh[fresh.length - 1];
    const id = await bookOne(pupil.id);
    const later = instantInEngland(addDays(todayInEngland(), 14), '14:00').toISOString();

    // Another school's leader, the pupil and a made-up id: nothing to move, and nothing moves.
    for (const [who, meetingId] of [
      [leaderSouth, id],
      [leaderNorth, randomUUID()],
    ] as const) {
      const res = await client.query<Moved>(who, MOVE, { input: { id: meetingId, date: later, hasTime: true } });
      expect(res.data!.moveGuidanceBooking).toMatchObject({ meeting: null, error: { code: 'BOOKING_NOT_FOUND' } });
    }
    const asPupil = await client.query<Moved>(pupilOf(pupil.id), MOVE, { input: { id, date: later, hasTime: true } });
    expect(asPupil.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const past = instantInEngland(addDays(todayInEngland(), -1), '10:00').toISOString();
    const refused = await client.query<Moved>(leaderNorth, MOVE, { input: { id, date: past, hasTime: true } });
    expect(refused.data!.moveGuidanceBooking).toMatchObject({ meeting: null, error: { code: 'GUIDANCE_INVALID', fields: [{ field: 'date' }] } });
    expect((await view(leaderNorth, pupil.id)).bookedGuidanceMeetings!.find((m) => m.id === id)!.date).toBe(
      instantInEngland(nextWeek(), '10:30').toISOString(),
    );

    const moved = await client.query<Moved>(leaderNorth, MOVE, { input: { id, date: later, hasTime: true, location: 'Careers office' } });
    expect(moved.data!.moveGuidanceBooking).toEqual({ meeting: { id, date: later, hasTime: true, location: 'Careers office' }, error: null });
    const upcoming = await client.query<Upcoming>(pupilOf(pupil.id), UPCOMING, { id: pupil.id });
    expect(upcoming.data!._entities[0].upcomingEncounters!.find((e) => e.id === id)).toMatchObject({ location: 'Careers office', booked: true });
  });

  it('cancels a booking, which leaves the pupil\u2019s upcoming activities; a held meeting cannot be cancelled', async () => {
    const pupil = fresh[fresh.length - 2];
    const id = await bookOne(pupil.id);
    const south = await client.query<Cancelled>(leaderSouth, CANCEL, { id });
    expect(south.data!.cancelGuidanceBooking).toMatchObject({ cancelled: false, error: { code: 'BOOKING_NOT_FOUND' } });
    expect((await bookedRows(northfield.id)).encounters.some((e) => e.id === id)).toBe(true);

    const cancelled = await client.query<Cancelled>(adviserNorth, CANCEL, { id });
    expect(cancelled.data!.cancelGuidanceBooking).toEqual({ cancelled: true, error: null });
    const { encounters, rows } = await bookedRows(northfield.id);
    expect(encounters.some((e) => e.id === id)).toBe(false);
    expect(rows.some((row) => row.pupilId === pupil.id && row.encounter.id === id)).toBe(false);
    const upcoming = await client.query<Upcoming>(pupilOf(pupil.id), UPCOMING, { id: pupil.id });
    expect(upcoming.data!._entities[0].upcomingEncounters!.some((e) => e.id === id)).toBe(false);
    const again = await client.query<Cancelled>(leaderNorth, CANCEL, { id });
    expect(again.data!.cancelGuidanceBooking.error?.code).toBe('BOOKING_NOT_FOUND');

    // Recorded as held, it is part of the pupil's record and stays.
    const heldId = await bookOne(pupil.id);
    const held = await client.query<Recorded>(leaderNorth, RECORD, {
      input: { pupilId: pupil.id, bookedMeetingId: heldId, date: new Date().toISOString(), adviserName: 'Dana Whitfield', adviserLevel: 6 },
    });
    expect(held.data!.recordGuidanceMeeting.error).toBeNull();
    const refused = await client.query<Cancelled>(leaderNorth, CANCEL, { id: heldId });
    expect(refused.data!.cancelGuidanceBooking).toMatchObject({ cancelled: false, error: { code: 'BOOKING_NOT_FOUND' } });
    expect((await view(leaderNorth, pupil.id)).guidanceMeetings!.some((m) => m.id === heldId)).toBe(true);
  });
});
