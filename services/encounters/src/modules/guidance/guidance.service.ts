import { randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { checkGuidanceBooking, checkGuidanceMeeting, dayAsInstant, dayInEngland, problemList, todayInEngland } from '@waymark/domain';
import { groupScopes, isUuid, mutationError, scopeOf, startOfSchoolDay, type MutationError } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { Encounter, Participation } from '../encounter/encounter.entity.js';
import type { Cohort } from '../external/pupils.client.js';
import { Pupil, stubOf } from '../external/external.entity.js';
import { AgreedAction } from './agreed-action.entity.js';
import {
  BookedGuidanceMeeting,
  GuidanceMeeting,
  type BookGuidanceMeetingsInput,
  type BookGuidanceMeetingsResult,
  type CancelGuidanceBookingResult,
  type GuidanceMeetingResult,
  type MoveGuidanceBookingInput,
  type MoveGuidanceBookingResult,
  type RecordGuidanceMeetingInput,
} from './guidance.types.js';

/** Who is on roll today among some pupils, as the pupils subgraph answers the caller. */
export type CohortOf = (pupilIds: string[]) => Promise<Cohort>;

const GuidanceProblems = {
  pupilNotFound(): MutationError {
    return mutationError('PUPIL_NOT_FOUND', 'There is no such pupil on roll at your school.');
  },
  notOnRoll(count: number): MutationError {
    const message = `${count === 1 ? '1 of these pupils is' : `${count} of these pupils are`} not on roll at your school, so no meeting was booked.`;
    return mutationError('PUPIL_NOT_FOUND', message, [{ field: 'pupilIds', message }]);
  },
  bookingGone(): MutationError {
    return mutationError('BOOKING_NOT_FOUND', 'There is no such booked meeting at your school: it may have been recorded as held or cancelled already.');
  },
  bookingNotFound(): MutationError {
    return mutationError('BOOKING_NOT_FOUND', "That booked meeting is not on this pupil's record any more. Record the meeting without it.");
  },
};

const yearGroupOf = (yearGroup: number | undefined) => (yearGroup !== undefined && yearGroup >= 7 ? yearGroup : 7);

export function meetingOf(encounter: Encounter, pupilId: string, actions: AgreedAction[], staff: boolean): GuidanceMeeting {
  return Object.assign(new GuidanceMeeting(), {
    id: encounter.id,
    date: encounter.date,
    adviserName: encounter.adviserName ?? '',
    adviserLevel: encounter.adviserLevel ?? 0,
    // Notes never leave the subgraph for anyone but staff.
    notes: staff ? encounter.staffNotes : null,
    agreedActions: actions,
    pupil: stubOf(Pupil, pupilId),
  });
}

export function bookedMeetingOf(encounter: Encounter, pupilId: string, staff: boolean): BookedGuidanceMeeting {
  return Object.assign(new BookedGuidanceMeeting(), {
    id: encounter.id,
    date: encounter.date,
    hasTime: encounter.hasTime,
    adviserName: encounter.adviserName ?? '',
    location: encounter.location,
    notes: staff ? encounter.staffNotes : null,
    pupil: stubOf(Pupil, pupilId),
  });
}

/** The register rows of these pupils that the caller may read (the pupils subgraph says how much of each history), as query branches. */
export async function readableRows(ctx: EncountersContext, ids: readonly string[]): Promise<FilterQuery<Participation>[]> {
  const { everything, former } = groupScopes(await ctx.deps.pupils.recordAccess(ctx, ids));
  const branches: FilterQuery<Participation>[] = former.map((group) => ({
    pupilId: { $in: group.pupilIds },
    schoolId: group.schoolId,
    encounter: { date: { $lt: startOfSchoolDay(group.until) } },
  }));
  if (everything.length > 0) branches.unshift({ pupilId: { $in: everything } });
  return branches;
}

/** Personal guidance meetings (Benchmark 8): recording one that was held, and booking them ahead. */
export class GuidanceService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Records a meeting for a pupil of the caller's school: a new one, or one booked ahead
   * (`bookedMeetingId`), which becomes held and from then counts like any other.
   */
  async record(principal: Principal, input: RecordGuidanceMeetingInput, cohortOf: CohortOf): Promise<GuidanceMeetingResult> {
    const scope = scopeOf(principal);
    if (scope.kind !== 'school' || !isUuid(input.pupilId)) return { meeting: null, error: GuidanceProblems.pupilNotFound() };
    const cohort = await cohortOf([input.pupilId]);
    if (cohort.pupilIds.length === 0) return { meeting: null, error: GuidanceProblems.pupilNotFound() };
    const day = Number.isNaN(input.date.getTime()) ? '' : dayInEngland(input.date);
    const actions = (input.actions ?? []).map((a) => ({ text: a.text, dueOn: a.dueOn?.trim() || null }));
    // The portal's form runs the same rules before sending (for meetings that have happened; the API also takes planned ones).
    const values = { day, adviserName: input.adviserName, adviserLevel: input.adviserLevel, notes: input.notes ?? null, actions };
    const problems = checkGuidanceMeeting(values, todayInEngland(), { planned: true });
    if (Object.keys(problems).length > 0)
      return { meeting: null, error: mutationError('GUIDANCE_INVALID', 'Some details of the meeting need changing.', problemList(problems)) };
    const agreed = actions.map((a) => ({ text: a.text.trim(), dueOn: a.dueOn })).filter((a) => a.text.length > 0);

    // A meeting is recorded by its day: the day travels as noon UTC, and has no start time.
    const held = {
      date: dayAsInstant(day),
      hasTime: false,
      adviserName: input.adviserName.trim(),
      adviserLevel: input.adviserLevel,
      staffNotes: input.notes?.trim() || null,
    };
    let encounter: Encounter;
    if (input.bookedMeetingId != null) {
      const row = isUuid(input.bookedMeetingId)
        ? await this.em.findOne(
            Participation,
            { pupilId: input.pupilId, encounter: { id: input.bookedMeetingId, schoolId: scope.schoolId, kind: 'GUIDANCE_MEETING', booked: true } },
            { populate: ['encounter'] },
          )
        : null;
      if (!row) return { meeting: null, error: GuidanceProblems.bookingNotFound() };
      encounter = row.encounter;
      Object.assign(encounter, held, { booked: false, updatedAt: new Date() });
      row.attended = true;
    } else {
      encounter = this.em.create(Encounter, {
        id: randomUUID(),
        schoolId: scope.schoolId,
        trustId: principal.trustId,
        kind: 'GUIDANCE_MEETING',
        title: 'Personal guidance meeting',
        ...held,
        endsAt: null,
        hours: 1,
        inSchoolDay: true,
        benchmarks: [8],
        employerIds: [],
        volunteerIds: [],
        yearGroups: [yearGroupOf(cohort.yearGroups[0])],
        subject: null,
        hashtags: [],
        checklistTicked: [],
        checklistMet: false,
        createdAt: new Date(),
      });
      this.em.create(Participation, {
        id: randomUUID(),
        encounter,
        pupilId: input.pupilId,
        schoolId: scope.schoolId,
        trustId: principal.trustId,
        attended: true,
      });
    }
    const saved = agreed.map((action, position) =>
      this.em.create(AgreedAction, { id: randomUUID(), meeting: encounter, pupilId: input.pupilId, text: action.text, dueOn: action.dueOn, position }),
    );
    await this.em.flush();
    return { meeting: meetingOf(encounter, input.pupilId, saved, true), error: null };
  }

  /**
   * Books a meeting for each pupil, all at the same time with the same adviser: all or nothing. Every
   * pupil must be on roll at the caller's school today; one who is not (another school's, a made-up
   * id) books nothing for anyone. Each pupil joins their meeting's register as not yet attended, and
   * the meeting has no adviser level until it is recorded as held, so it counts for nothing before.
   */
  async book(principal: Principal, input: BookGuidanceMeetingsInput, cohortOf: CohortOf, now = new Date()): Promise<BookGuidanceMeetingsResult> {
    const scope = scopeOf(principal);
    const pupilIds = [...new Set(input.pupilIds)];
    if (scope.kind !== 'school') return { meetings: [], error: GuidanceProblems.notOnRoll(pupilIds.length) };
    const date = Number.isNaN(input.date.getTime()) || input.hasTime ? input.date : dayAsInstant(dayInEngland(input.date));
    const values = {
      pupils: pupilIds.length,
      date,
      hasTime: input.hasTime,
      adviserName: input.adviserName,
      location: input.location ?? null,
      notes: input.notes ?? null,
    };
    const problems = checkGuidanceBooking(values, now);
    if (Object.keys(problems).length > 0) {
      return { meetings: [], error: mutationError('GUIDANCE_INVALID', 'Some details of the meetings need changing.', problemList(problems)) };
    }
    const wellFormed = pupilIds.filter((id) => isUuid(id));
    const cohort = wellFormed.length > 0 ? await cohortOf(wellFormed) : null;
    const onRoll = new Map<string, number>();
    cohort?.pupilIds.forEach((id, i) => {
      if (cohort.schoolIds[i] === scope.schoolId) onRoll.set(id, cohort.yearGroups[i]);
    });
    const unknown = pupilIds.filter((id) => !onRoll.has(id));
    if (unknown.length > 0) return { meetings: [], error: GuidanceProblems.notOnRoll(unknown.length) };

    const details = {
      schoolId: scope.schoolId,
      trustId: principal.trustId,
      kind: 'GUIDANCE_MEETING' as const,
      title: 'Personal guidance meeting',
      date,
      hasTime: input.hasTime,
      endsAt: null,
      hours: 1,
      inSchoolDay: true,
      benchmarks: [8],
      employerIds: [],
      volunteerIds: [],
      subject: null,
      hashtags: [],
      checklistTicked: [],
      checklistMet: false,
      adviserName: input.adviserName.trim(),
      adviserLevel: null,
      staffNotes: input.notes?.trim() || null,
      location: input.location?.trim() || null,
      booked: true,
    };
    const meetings = pupilIds.map((pupilId) => {
      const encounter = this.em.create(Encounter, { ...details, id: randomUUID(), yearGroups: [yearGroupOf(onRoll.get(pupilId))], createdAt: now });
      this.em.create(Participation, { id: randomUUID(), encounter, pupilId, schoolId: scope.schoolId, trustId: principal.trustId, attended: false });
      return bookedMeetingOf(encounter, pupilId, true);
    });
    // One flush: every meeting is saved, or none is.
    await this.em.flush();
    return { meetings, error: null };
  }

  /** A meeting booked at the caller's school and not yet held, with its one pupil's register row; null when there is none. */
  private async ownBooking(principal: Principal, id: string): Promise<{ encounter: Encounter; pupilId: string } | null> {
    const scope = scopeOf(principal);
    if (scope.kind !== 'school' || !isUuid(id)) return null;
    const row = await this.em.findOne(
      Participation,
      { encounter: { id, schoolId: scope.schoolId, kind: 'GUIDANCE_MEETING', booked: true } },
      { populate: ['encounter'] },
    );
    return row ? { encounter: row.encounter, pupilId: row.pupilId } : null;
  }

  /**
   * Moves a booked meeting to another time or place (staff of its school; only while it is booked, not
   * once held). The new time is checked as a booking's is: still to come, at most a year ahead.
   */
  async moveBooking(principal: Principal, input: MoveGuidanceBookingInput, now = new Date()): Promise<MoveGuidanceBookingResult> {
    const booking = await this.ownBooking(principal, input.id);
    if (!booking) return { meeting: null, pupilId: null, error: GuidanceProblems.bookingGone() };
    const { encounter, pupilId } = booking;
    const date = Number.isNaN(input.date.getTime()) || input.hasTime ? input.date : dayAsInstant(dayInEngland(input.date));
    const location = input.location === undefined ? encounter.location : input.location;
    const problems = checkGuidanceBooking(
      { pupils: 1, date, hasTime: input.hasTime, adviserName: encounter.adviserName ?? '', location, notes: encounter.staffNotes },
      now,
    );
    if (Object.keys(problems).length > 0) {
      return { meeting: null, pupilId, error: mutationError('GUIDANCE_INVALID', 'Some details of the meeting need changing.', problemList(problems)) };
    }
    Object.assign(encounter, { date, hasTime: input.hasTime, location: location?.trim() || null, updatedAt: now });
    await this.em.flush();
    return { meeting: bookedMeetingOf(encounter, pupilId, true), pupilId, error: null };
  }

  /** Cancels a booked meeting (staff of its school; never one already held): it goes from the pupil's upcoming activities. */
  async cancelBooking(principal: Principal, id: string): Promise<CancelGuidanceBookingResult> {
    const booking = await this.ownBooking(principal, id);
    if (!booking) return { cancelled: false, pupilId: null, error: GuidanceProblems.bookingGone() };
    // Its register row goes with it (on delete cascade); a booked meeting has no agreed actions yet.
    await this.em.nativeDelete(Encounter, { id: booking.encounter.id, booked: true });
    return { cancelled: true, pupilId: booking.pupilId, error: null };
  }
}
