import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { checkGuidanceMeeting, dayAsInstant, dayInEngland, problemList, todayInEngland } from '@waymark/domain';
import { auditNoteChange, isUuid, mutationError, pupilRecordRoute, scopeOf, type RequestContext } from '@waymark/subgraph-kit';
import { pupilsAuditSink } from '../audit/audit.client.js';
import { Encounter, Participation } from '../encounter/encounter.entity.js';
import type { EncountersContext } from '../../app.js';
import { Pupil, stubOf } from '../external/external.entity.js';
import { AgreedAction } from './agreed-action.entity.js';
import { AgreedActionResult, GuidanceMeeting, GuidanceMeetingResult, RecordGuidanceMeetingInput } from './guidance.types.js';

const STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;

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

@Resolver()
export class GuidanceMutations {
  @Authorized(...STAFF)
  @Mutation(() => GuidanceMeetingResult, {
    description: "Records a personal guidance meeting for a pupil of the caller's school, with notes (staff only) and agreed actions (the pupil sees them).",
  })
  @UseMiddleware(auditNoteChange(pupilsAuditSink, 'guidanceMeeting', (args) => (args.input as RecordGuidanceMeetingInput).pupilId))
  async recordGuidanceMeeting(
    @Arg('input', () => RecordGuidanceMeetingInput) input: RecordGuidanceMeetingInput,
    @Ctx() ctx: EncountersContext,
  ): Promise<GuidanceMeetingResult> {
    const scope = scopeOf(ctx.principal);
    const notFound = { meeting: null, error: mutationError('PUPIL_NOT_FOUND', 'There is no such pupil on roll at your school.') };
    if (scope.kind !== 'school' || !isUuid(input.pupilId)) return notFound;
    const cohort = await ctx.deps.pupils.fetchCohort(ctx, { pupilIds: [input.pupilId], asOf: todayInEngland() });
    if (cohort.pupilIds.length === 0) return notFound;
    const day = Number.isNaN(input.date.getTime()) ? '' : dayInEngland(input.date);
    const actions = (input.actions ?? []).map((a) => ({ text: a.text, dueOn: a.dueOn?.trim() || null }));
    // The portal's form runs the same rules before sending (for meetings that have happened; the API also takes planned ones).
    const values = { day, adviserName: input.adviserName, adviserLevel: input.adviserLevel, notes: input.notes ?? null, actions };
    const problems = checkGuidanceMeeting(values, todayInEngland(), { planned: true });
    if (Object.keys(problems).length > 0)
      return { meeting: null, error: mutationError('GUIDANCE_INVALID', 'Some details of the meeting need changing.', problemList(problems)) };
    const agreed = actions.map((a) => ({ text: a.text.trim(), dueOn: a.dueOn })).filter((a) => a.text.length > 0);

    const encounter = ctx.em.create(Encounter, {
      id: randomUUID(),
      schoolId: scope.schoolId,
      trustId: ctx.principal.trustId,
      kind: 'GUIDANCE_MEETING',
      title: 'Personal guidance meeting',
      // A meeting is recorded by its day: the day travels as noon UTC, and has no start time.
      date: dayAsInstant(day),
      hasTime: false,
      endsAt: null,
      hours: 1,
      inSchoolDay: true,
      benchmarks: [8],
      employerIds: [],
      volunteerIds: [],
      yearGroups: [cohort.yearGroups[0] >= 7 ? cohort.yearGroups[0] : 7],
      subject: null,
      hashtags: [],
      checklistTicked: [],
      checklistMet: false,
      adviserName: input.adviserName.trim(),
      adviserLevel: input.adviserLevel,
      staffNotes: input.notes?.trim() || null,
      createdAt: new Date(),
    });
    ctx.em.create(Participation, {
      id: randomUUID(),
      encounter,
      pupilId: input.pupilId,
      schoolId: scope.schoolId,
      trustId: ctx.principal.trustId,
      attended: true,
    });
    const saved = agreed.map((action, position) =>
      ctx.em.create(AgreedAction, { id: randomUUID(), meeting: encounter, pupilId: input.pupilId, text: action.text, dueOn: action.dueOn, position }),
    );
    await ctx.em.flush();
    return { meeting: meetingOf(encounter, input.pupilId, saved, true), error: null };
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
