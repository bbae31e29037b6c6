import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { parseDay, todayInEngland } from '@waymark/domain';
import { auditNoteChange, hasControlCharactersBesidesLineBreaks, isUuid, mutationError, pupilRecordRoute, scopeOf, type FieldError, type RequestContext } from '@waymark/subgraph-kit';
import { pupilsAuditSink } from '../audit/audit.client.js';
import { Encounter, Participation } from '../encounter/encounter.entity.js';
import { checkEncounterValues } from '../encounter/encounter.service.js';
import type { EncountersContext } from '../../app.js';
import { Pupil, stubOf } from '../external/external.entity.js';
import { AgreedAction } from './agreed-action.entity.js';
import { AgreedActionResult, GuidanceMeeting, GuidanceMeetingResult, RecordGuidanceMeetingInput } from './guidance.types.js';

const STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;
export const MAX_ACTIONS = 20;

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
  @Mutation(() => GuidanceMeetingResult, { description: 'Records a personal guidance meeting for a pupil of the caller\'s school, with notes (staff only) and agreed actions (the pupil sees them).' })
  @UseMiddleware(auditNoteChange(pupilsAuditSink, 'guidanceMeeting', (args) => (args.input as RecordGuidanceMeetingInput).pupilId))
  async recordGuidanceMeeting(@Arg('input', () => RecordGuidanceMeetingInput) input: RecordGuidanceMeetingInput, @Ctx() ctx: EncountersContext): Promise<GuidanceMeetingResult> {
    const scope = scopeOf(ctx.principal);
    const notFound = { meeting: null, error: mutationError('PUPIL_NOT_FOUND', 'There is no such pupil on roll at your school.') };
    if (scope.kind !== 'school' || !isUuid(input.pupilId)) return notFound;
    const cohort = await ctx.deps.pupils.fetchCohort(ctx, { pupilIds: [input.pupilId], asOf: todayInEngland() });
    if (cohort.pupilIds.length === 0) return notFound;
    const checked = checkEncounterValues(
      {
        kind: 'GUIDANCE_MEETING',
        title: 'Personal guidance meeting',
        date: input.date,
        endsAt: null,
        hours: 1,
        inSchoolDay: true,
        benchmarks: [8],
        employerIds: [],
        volunteerIds: [],
        yearGroups: cohort.yearGroups[0] >= 7 ? [cohort.yearGroups[0]] : [],
        subject: null,
        hashtags: [],
        checklistTicked: [],
        adviserName: input.adviserName,
        adviserLevel: input.adviserLevel,
      },
      new Date(),
    );
    const fields: FieldError[] = checked.fields.filter((f) => f.field !== 'yearGroups');
    const notes = input.notes ?? '';
    if (notes.length > 10_000) fields.push({ field: 'notes', message: 'Keep the notes to 10,000 characters or fewer.' });
    else if (hasControlCharactersBesidesLineBreaks(notes)) fields.push({ field: 'notes', message: 'The notes have a hidden character in them that cannot be saved. Type them again.' });
    const actions = (input.actions ?? []).map((a) => ({ text: a.text.trim(), dueOn: a.dueOn?.trim() || null })).filter((a) => a.text.length > 0);
    if (actions.length > MAX_ACTIONS) fields.push({ field: 'actions', message: `Agree at most ${MAX_ACTIONS} actions in one meeting.` });
    if (actions.some((a) => a.text.length > 500)) fields.push({ field: 'actions', message: 'Keep each action to 500 characters or fewer.' });
    else if (actions.some((a) => hasControlCharactersBesidesLineBreaks(a.text))) fields.push({ field: 'actions', message: 'An action has a hidden character in it that cannot be saved. Type it again.' });
    if (actions.some((a) => a.dueOn !== null && !parseDay(a.dueOn))) fields.push({ field: 'actions', message: 'Give due dates as real dates.' });
    if (fields.length > 0) return { meeting: null, error: mutationError('GUIDANCE_INVALID', 'Some details of the meeting need changing.', fields) };

    const encounter = ctx.em.create(Encounter, {
      id: randomUUID(),
      schoolId: scope.schoolId,
      trustId: ctx.principal.trustId,
      ...checked.values,
      yearGroups: checked.values.yearGroups.length > 0 ? checked.values.yearGroups : [7],
      staffNotes: input.notes?.trim() || null,
      createdAt: new Date(),
    });
    ctx.em.create(Participation, { id: randomUUID(), encounter, pupilId: input.pupilId, schoolId: scope.schoolId, trustId: ctx.principal.trustId, attended: true });
    const saved = actions.map((action, position) => ctx.em.create(AgreedAction, { id: randomUUID(), meeting: encounter, pupilId: input.pupilId, text: action.text, dueOn: action.dueOn, position }));
    await ctx.em.flush();
    return { meeting: meetingOf(encounter, input.pupilId, saved, true), error: null };
  }

  @Authorized('pupil', ...STAFF)
  @Mutation(() => AgreedActionResult, { description: 'Marks an agreed action done (or not): the pupil themself, or staff of the school that held the meeting.' })
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
