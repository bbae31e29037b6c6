import { randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { parseDay, todayInEngland } from '@waymark/domain';
import { groupBy, groupScopes, hasControlCharacters, hasControlCharactersBesidesLineBreaks, isUuid, mutationError, scopeOf, type FieldError, type RecordScope } from '@waymark/subgraph-kit';
import { OwnActivity, OwnActivityResult, OwnActivityStatus } from './own-activity.entity.js';
import type { SubmitOwnActivityInput } from './own-activity.inputs.js';

export const MAX_ACTIVITY_HOURS = 2000;

const result = (activity: OwnActivity | null, error: OwnActivityResult['error']): OwnActivityResult => Object.assign(new OwnActivityResult(), { activity, error });
const notFound = () => result(null, mutationError('ACTIVITY_NOT_FOUND', 'There is no such activity waiting at your school.'));

/** Every problem with a submission at once; `today` bounds the dates. */
export function checkSubmission(input: SubmitOwnActivityInput, today: string): FieldError[] {
  const fields: FieldError[] = [];
  const title = input.title.trim();
  if (title.length === 0) fields.push({ field: 'title', message: 'Say what you did.' });
  else if (title.length > 200) fields.push({ field: 'title', message: 'Keep the title to 200 characters or fewer.' });
  else if (hasControlCharacters(title)) fields.push({ field: 'title', message: 'The title has a hidden character in it that cannot be saved. Type it again.' });
  const description = input.description ?? '';
  if (description.length > 2000) fields.push({ field: 'description', message: 'Keep the description to 2,000 characters or fewer.' });
  else if (hasControlCharactersBesidesLineBreaks(description)) fields.push({ field: 'description', message: 'The description has a hidden character in it that cannot be saved. Type it again.' });
  const started = parseDay(input.startedOn);
  if (!started) fields.push({ field: 'startedOn', message: 'Give the start date as a real date.' });
  else if (started > today) fields.push({ field: 'startedOn', message: 'The start date cannot be in the future.' });
  if (input.endedOn) {
    const ended = parseDay(input.endedOn);
    if (!ended) fields.push({ field: 'endedOn', message: 'Give the end date as a real date.' });
    else if (started && ended < started) fields.push({ field: 'endedOn', message: 'The end date cannot be before the start.' });
  }
  if (!Number.isFinite(input.hours) || input.hours <= 0) fields.push({ field: 'hours', message: 'Hours must be more than 0.' });
  else if (input.hours > MAX_ACTIVITY_HOURS) fields.push({ field: 'hours', message: `Hours must be ${MAX_ACTIVITY_HOURS} or fewer.` });
  return fields;
}

export class OwnActivityService {
  constructor(private readonly em: EntityManager) {}

  async submit(principal: Principal, input: SubmitOwnActivityInput): Promise<OwnActivityResult> {
    const scope = scopeOf(principal);
    if (scope.kind !== 'pupil' || !scope.schoolId) return result(null, mutationError('ACTIVITY_FORBIDDEN', 'Only pupils can add their own activities.'));
    const fields = checkSubmission(input, todayInEngland());
    if (fields.length > 0) return result(null, mutationError('ACTIVITY_INVALID', 'Some details need changing.', fields));
    const activity = this.em.create(OwnActivity, {
      id: randomUUID(),
      pupilId: scope.pupilId,
      schoolId: scope.schoolId,
      trustId: principal.trustId,
      kind: input.kind,
      title: input.title.trim(),
      description: input.description?.trim() || null,
      startedOn: input.startedOn,
      endedOn: input.endedOn || null,
      hours: input.hours,
    });
    await this.em.flush();
    return result(activity, null);
  }

  /** Staff of the school the pupil submitted it at decide; a decision can be changed. */
  async decide(principal: Principal, id: string, verdict: { verified: true } | { verified: false; reason: string }): Promise<OwnActivityResult> {
    const scope = scopeOf(principal);
    if (scope.kind !== 'school' || !isUuid(id)) return notFound();
    const activity = await this.em.findOne(OwnActivity, { id, schoolId: scope.schoolId });
    if (!activity) return notFound();
    if (!verdict.verified) {
      const reason = verdict.reason.trim();
      if (reason.length === 0 || reason.length > 500) {
        return result(null, mutationError('ACTIVITY_INVALID', 'Give the pupil a reason (up to 500 characters).', [{ field: 'reason', message: 'Give the pupil a reason (up to 500 characters).' }]));
      }
      if (hasControlCharactersBesidesLineBreaks(reason)) {
        const message = 'The reason has a hidden character in it that cannot be saved. Type it again.';
        return result(null, mutationError('ACTIVITY_INVALID', message, [{ field: 'reason', message }]));
      }
      activity.declineReason = reason;
    } else {
      activity.declineReason = null;
    }
    activity.status = verdict.verified ? OwnActivityStatus.VERIFIED : OwnActivityStatus.DECLINED;
    activity.decidedAt = new Date();
    activity.decidedBy = principal.displayName;
    await this.em.flush();
    return result(activity, null);
  }

  /** Staff: their school's activities with that status, oldest first. */
  async toVerify(principal: Principal, status: OwnActivityStatus): Promise<OwnActivity[]> {
    const scope = scopeOf(principal);
    if (scope.kind !== 'school') return [];
    return this.em.find(OwnActivity, { schoolId: scope.schoolId, status }, { orderBy: { submittedAt: 'asc', id: 'asc' }, limit: 500 });
  }

  /** Each pupil's activities within what the caller may read of their record (RecordScope), newest first; one statement. */
  async ofPupils(scopes: ReadonlyMap<string, RecordScope>): Promise<Map<string, OwnActivity[]>> {
    const { everything, former } = groupScopes(scopes);
    const branches: FilterQuery<OwnActivity>[] = former.map((group) => ({ pupilId: { $in: group.pupilIds }, schoolId: group.schoolId, startedOn: { $lt: group.until } }));
    if (everything.length > 0) branches.unshift({ pupilId: { $in: everything } });
    if (branches.length === 0) return new Map();
    const rows = await this.em.find(OwnActivity, { $or: branches }, { orderBy: { startedOn: 'desc', id: 'asc' } });
    return groupBy(rows, (row) => row.pupilId);
  }
}
