import { Arg, Authorized, Ctx, ID, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { todayInEngland } from '@waymark/domain';
import { auditNoteChange, isUuid, mutationError, pupilRecordRoute, scopeOf, type RequestContext } from '@waymark/subgraph-kit';
import { pupilsAuditSink } from '../audit/audit.client.js';
import type { EncountersContext } from '../../app.js';
import { AgreedAction } from './agreed-action.entity.js';
import { GuidanceService, type CohortOf } from './guidance.service.js';
import {
  AgreedActionResult,
  BookGuidanceMeetingsInput,
  BookGuidanceMeetingsResult,
  CancelGuidanceBookingResult,
  GuidanceMeetingResult,
  MoveGuidanceBookingInput,
  MoveGuidanceBookingResult,
  RecordGuidanceMeetingInput,
} from './guidance.types.js';

const STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;

/** Which of these pupils are on roll at the caller's own school today (the pupils subgraph answers with the caller's credential). */
const ownPupils =
  (ctx: EncountersContext): CohortOf =>
  (pupilIds) =>
    ctx.deps.pupils.fetchCohort(ctx, { schoolIds: ctx.principal.schoolId ? [ctx.principal.schoolId] : [], pupilIds, asOf: todayInEngland() });

@Resolver()
export class GuidanceMutations {
  @Authorized(...STAFF)
  @Mutation(() => GuidanceMeetingResult, {
    description:
      "Records a personal guidance meeting for a pupil of the caller's school, with notes (staff only) and agreed actions (the pupil sees them). With `bookedMeetingId`, the meeting booked for the pupil is recorded as held.",
  })
  @UseMiddleware(auditNoteChange(pupilsAuditSink, 'guidanceMeeting', (args) => (args.input as RecordGuidanceMeetingInput).pupilId))
  recordGuidanceMeeting(
    @Arg('input', () => RecordGuidanceMeetingInput) input: RecordGuidanceMeetingInput,
    @Ctx() ctx: EncountersContext,
  ): Promise<GuidanceMeetingResult> {
    return new GuidanceService(ctx.em).record(ctx.principal, input, ownPupils(ctx));
  }

  @Authorized(...STAFF)
  @Mutation(() => BookGuidanceMeetingsResult, {
    description:
      "Books a personal guidance meeting for each of the pupils, all of the caller's school, at the same time with the same adviser: all or nothing. A booked meeting shows among the pupil's upcoming activities and counts for no benchmark until it is recorded as held.",
  })
  async bookGuidanceMeetings(
    @Arg('input', () => BookGuidanceMeetingsInput) input: BookGuidanceMeetingsInput,
    @Ctx() ctx: EncountersContext,
  ): Promise<BookGuidanceMeetingsResult> {
    const result = await new GuidanceService(ctx.em).book(ctx.principal, input, ownPupils(ctx));
    for (const meeting of result.meetings) ctx.audit.note(pupilsAuditSink, meeting.pupil.id, 'CHANGE', 'guidanceMeeting');
    return result;
  }

  @Authorized(...STAFF)
  @Mutation(() => MoveGuidanceBookingResult, {
    description:
      "Moves a guidance meeting booked at the caller's school (not yet held) to another time, and place if given: still to come, at most a year ahead.",
  })
  async moveGuidanceBooking(
    @Arg('input', () => MoveGuidanceBookingInput) input: MoveGuidanceBookingInput,
    @Ctx() ctx: EncountersContext,
  ): Promise<MoveGuidanceBookingResult> {
    const result = await new GuidanceService(ctx.em).moveBooking(ctx.principal, input);
    if (result.meeting && result.pupilId) ctx.audit.note(pupilsAuditSink, result.pupilId, 'CHANGE', 'guidanceMeeting');
    return result;
  }

  @Authorized(...STAFF)
  @Mutation(() => CancelGuidanceBookingResult, {
    description:
      "Cancels a guidance meeting booked at the caller's school that has not been held: it leaves the pupil's upcoming activities. A held meeting cannot be cancelled.",
  })
  async cancelGuidanceBooking(@Arg('id', () => ID) id: string, @Ctx() ctx: EncountersContext): Promise<CancelGuidanceBookingResult> {
    const result = await new GuidanceService(ctx.em).cancelBooking(ctx.principal, id);
    if (result.cancelled && result.pupilId) ctx.audit.note(pupilsAuditSink, result.pupilId, 'CHANGE', 'guidanceMeeting');
    return result;
  }

  @Authorized('pupil', ...STAFF)
  @Mutation(() => AgreedActionResult, {
    description: 'Marks an agreed action done (or not): the pupil themself, or staff of the school that held the meeting.',
  })
  async setAgreedActionDone(@Arg('id', () => ID) id: string, @Arg('done') done: boolean, @Ctx() ctx: RequestContext): Promise<AgreedActionResult> {
    const notFound = { action: null, error: mutationError('ACTION_NOT_FOUND', 'There is no such action on your record.') };
    if (!isUuid(id)) return notFound;
    const action = await ctx.em.findOne(AgreedAction, { id }, { populate: ['meeting'] });
    if (!action) return notFound;
    const scope = scopeOf(ctx.principal);
    const allowed = pupilRecordRoute(ctx.principal, action.pupilId) === 'own' || (scope.kind === 'school' && scope.schoolId === action.meeting.schoolId);
    if (!allowed) return notFound;
    action.doneAt = done ? (action.doneAt ?? new Date()) : null;
    await ctx.em.flush();
    return { action, error: null };
  }
}
