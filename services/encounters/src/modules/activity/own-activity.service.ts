import { randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { checkOwnActivity, declineReasonProblem, problemList, todayInEngland } from '@waymark/domain';
import { groupBy, groupScopes, isUuid, mutationError, scopeOf, type FieldError, type RecordScope } from '@waymark/subgraph-kit';
import { OwnActivity, OwnActivityResult, OwnActivityStatus } from './own-activity.entity.js';
import type { SubmitOwnActivityInput } from './own-activity.inputs.js';

const result = (activity: OwnActivity | null, error: OwnActivityResult['error']): OwnActivityResult =>
  Object.assign(new OwnActivityResult(), { activity, error });
const notFound = () => result(null, mutationError('ACTIVITY_NOT_FOUND', 'There is no such activity waiting at your school.'));

/** Every problem with a submission at once (the pupil's form runs the same rules before sending); `today` bounds the dates. */
export function checkSubmission(input: SubmitOwnActivityInput, today: string): FieldError[] {
  return problemList(checkOwnActivity(input, today));
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
      // The leader's form runs the same rule before sending.
      const problem = declineReasonProblem(verdict.reason);
      if (problem) return result(null, mutationError('ACTIVITY_INVALID', problem, [{ field: 'reason', message: problem }]));
      activity.declineReason = verdict.reason.trim();
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
    const branches: FilterQuery<OwnActivity>[] = former.map((group) => ({
      pupilId: { $in: group.pupilIds },
      schoolId: group.schoolId,
      startedOn: { $lt: group.until },
    }));
    if (everything.length > 0) branches.unshift({ pupilId: { $in: everything } });
    if (branches.length === 0) return new Map();
    const rows = await this.em.find(OwnActivity, { $or: branches }, { orderBy: { startedOn: 'desc', id: 'asc' } });
    return groupBy(rows, (row) => row.pupilId);
  }
}
