import type { EntityManager } from '@mikro-orm/sql';
import { hasRole, type Principal } from '@waymark/auth';
import { academicYearOfDay, leavingDateProblem } from '@waymark/domain';
import { AccessError, type MutationError } from '@waymark/subgraph-kit';
import { markLeft, unmarkLeft } from '../enrolment/enrolment.service.js';
import { relationTo } from '../pupil/pupil.access.js';
import type { Pupil } from '../pupil/pupil.entity.js';
import { PupilProblems } from '../pupil/pupil.errors.js';
import { PupilService } from '../pupil/pupil.service.js';
import { dateInEngland } from '../school/school-calendar.js';
import { lockSchoolRoster } from '../school/school-lock.js';
import { LeavingProblems } from './leaving.errors.js';
import { MarkPupilBackOnRollResult, MarkPupilLeftResult, type MarkPupilBackOnRollInput, type MarkPupilLeftInput } from './leaving.inputs.js';

function result(pupil: Pupil | null, error: MutationError | null): MarkPupilLeftResult {
  return Object.assign(new MarkPupilLeftResult(), { pupil, error });
}

function backResult(pupil: Pupil | null, error: MutationError | null): MarkPupilBackOnRollResult {
  return Object.assign(new MarkPupilBackOnRollResult(), { pupil, error });
}

/** A date column as the day it holds (the driver may hand back a Date). */
const dayOf = (value: string | Date): string => (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10);

/**
 * The school whose roll the caller keeps: the careers leader's or staff member's own, as for a roster
 * import (a careers adviser reads the roll but does not change it).
 */
function rollKeptBy(principal: Principal): string {
  if (principal.kind !== 'user' || !hasRole(principal, 'careers_leader', 'staff') || !principal.schoolId) {
    throw AccessError.forbidden("Only a careers leader or staff of the pupil's school can mark them as left.");
  }
  return principal.schoolId;
}

export class LeavingService {
  constructor(private readonly em: EntityManager) {}

  /**
   * One pupil leaves the caller's school on a day they give, without a full roster: the same change a
   * full roster import makes for a pupil missing from the file (`markLeft`), under the same roster
   * lock, so an import or rollover of the school waits for it (and an import previewed before it
   * asks to be previewed again).
   */
  async markPupilLeft(principal: Principal, input: MarkPupilLeftInput, now = new Date()): Promise<MarkPupilLeftResult> {
    const schoolId = rollKeptBy(principal);
    await lockSchoolRoster(this.em, schoolId);
    const pupil = await this.ownPupil(principal, schoolId, input.pupilId);
    if (!pupil) return result(null, PupilProblems.notVisible());
    if (pupil.leftOn !== null) return result(pupil, LeavingProblems.alreadyLeft(dayOf(pupil.leftOn)));
    const problem = leavingDateProblem(input.leftOn, { today: dateInEngland(now), joinedOn: dayOf(pupil.enrolledOn) });
    if (problem) return result(pupil, LeavingProblems.leavingDate(problem));
    const leftOn = input.leftOn.trim();
    // Under the lock nothing else can have marked them since they were read.
    await markLeft(this.em, schoolId, [pupil.id], leftOn);
    return result(await this.em.refresh(pupil), null);
  }

  /**
   * Undoes a leaving recorded this school year, for a pupil marked as left by mistake: their period
   * here goes on as if they had never left. An earlier year's leaver comes back through a roster
   * import instead (a new period), since the rollovers since then passed them by.
   */
  async markPupilBackOnRoll(principal: Principal, input: MarkPupilBackOnRollInput, now = new Date()): Promise<MarkPupilBackOnRollResult> {
    const schoolId = rollKeptBy(principal);
    await lockSchoolRoster(this.em, schoolId);
    const pupil = await this.ownPupil(principal, schoolId, input.pupilId);
    if (!pupil) return backResult(null, PupilProblems.notVisible());
    if (pupil.leftOn === null) return backResult(pupil, LeavingProblems.onRoll());
    const leftOn = dayOf(pupil.leftOn);
    if (academicYearOfDay(leftOn) !== academicYearOfDay(dateInEngland(now))) return backResult(pupil, LeavingProblems.leftInEarlierYear(leftOn));
    await unmarkLeft(this.em, schoolId, pupil.id);
    return backResult(await this.em.refresh(pupil), null);
  }

  /** The pupil when their current (or last) school is the caller's; a former school, and anyone else, get null, as for an unknown id. */
  private async ownPupil(principal: Principal, schoolId: string, pupilId: string): Promise<Pupil | null> {
    const pupil = await new PupilService(this.em).findOneVisible(principal, pupilId);
    return pupil && pupil.schoolId === schoolId && relationTo(principal, pupil) === 'staff' ? pupil : null;
  }
}
