import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { checkVolunteerCheck, problemList } from '@waymark/domain';
import { AccessError, isUuid } from '@waymark/subgraph-kit';
import { VolunteerOffer } from '../request/request.entity.js';
import { Volunteer } from '../volunteer/volunteer.entity.js';
import { checkRecorderSchool } from './volunteer-check.access.js';
import { VolunteerCheck } from './volunteer-check.entity.js';
import { VolunteerCheckProblems } from './volunteer-check.errors.js';
import { RecordVolunteerCheckResult, type RecordVolunteerCheckInput } from './volunteer-check.types.js';

const result = (check: VolunteerCheck | null, error: RecordVolunteerCheckResult['error']) => Object.assign(new RecordVolunteerCheckResult(), { check, error });

export class VolunteerCheckService {
  constructor(private readonly em: EntityManager) {}

  /** A volunteer the school may record checks on: one who works with it, or who has offered to help it. */
  async volunteerKnownTo(schoolId: string, volunteerId: string): Promise<Volunteer | null> {
    if (!isUuid(volunteerId)) return null;
    const volunteer = await this.em.findOne(Volunteer, { id: volunteerId });
    if (!volunteer) return null;
    if (volunteer.schoolIds.includes(schoolId)) return volunteer;
    return (await this.em.count(VolunteerOffer, { volunteerId, schoolId })) > 0 ? volunteer : null;
  }

  /** Records a check as the caller's school's decision, with who recorded it and when. */
  async record(principal: Principal, input: RecordVolunteerCheckInput, now: Date): Promise<RecordVolunteerCheckResult> {
    const schoolId = checkRecorderSchool(principal);
    if (!schoolId) throw AccessError.forbidden('Only careers leaders and staff of a school can record checks on volunteers.');
    const values = { kind: input.kind, doneOn: input.doneOn.trim(), expiresOn: input.expiresOn.trim() };
    const problems = problemList(checkVolunteerCheck(values, now));
    if (problems.length > 0) return result(null, VolunteerCheckProblems.invalid(problems));
    const volunteer = await this.volunteerKnownTo(schoolId, input.volunteerId);
    if (!volunteer) return result(null, VolunteerCheckProblems.volunteerNotFound());
    const check = this.em.create(VolunteerCheck, {
      id: randomUUID(),
      volunteerId: volunteer.id,
      schoolId,
      ...values,
      recordedById: principal.accountId,
      recordedByName: principal.displayName,
      recordedAt: now,
    });
    await this.em.flush();
    return result(check, null);
  }

  /** The school's checks on these volunteers, newest first. */
  atSchool(schoolId: string, volunteerIds: readonly string[]): Promise<VolunteerCheck[]> {
    return this.em.find(VolunteerCheck, { schoolId, volunteerId: { $in: [...volunteerIds] } }, { orderBy: { doneOn: 'desc', recordedAt: 'desc', id: 'asc' } });
  }

  /** A volunteer's own checks at every school, newest first. */
  ofVolunteer(volunteerId: string): Promise<VolunteerCheck[]> {
    return this.em.find(VolunteerCheck, { volunteerId }, { orderBy: { doneOn: 'desc', recordedAt: 'desc', id: 'asc' } });
  }
}
