import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { hasRole, type Principal } from '@waymark/auth';
import { academicYearLabel, academicYearOf } from '@waymark/domain';
import { AccessError, mutationError, type MutationError } from '@waymark/subgraph-kit';
import { markLeft } from '../enrolment/enrolment.service.js';
import { School } from '../school/school.entity.js';
import { asUtcDate, dateInEngland } from '../school/school-calendar.js';
import { lockSchoolRoster } from '../school/school-lock.js';
import { RollOverYearResult, YearRollover } from './rollover.entity.js';
import { rollOverPupil, rolloverLeavingDate, type RolloverPupil } from './rollover.rules.js';

export enum RolloverErrorCode {
  NotThisYear = 'ROLLOVER_NOT_THIS_YEAR',
  AlreadyDone = 'ROLLOVER_ALREADY_DONE',
}

const Problems = {
  notThisYear(academicYear: number, current: number): MutationError {
    return mutationError(
      RolloverErrorCode.NotThisYear,
      `The school cannot roll over into ${academicYearLabel(academicYear)}: it is ${academicYearLabel(current)} now, and a school rolls over into the year under way (from 1 September ${current}).`,
      [{ field: 'academicYear', message: `Use ${current}.` }],
    );
  },
  alreadyDone(academicYear: number): MutationError {
    return mutationError(RolloverErrorCode.AlreadyDone, `The school has already rolled over into ${academicYearLabel(academicYear)}; nothing was changed.`, [
      { field: 'academicYear', message: 'Already rolled over.' },
    ]);
  },
};

function result(promoted: number, leavers: number, error: MutationError | null): RollOverYearResult {
  return Object.assign(new RollOverYearResult(), { promoted, leavers, error });
}

interface RolloverRecord {
  id: string;
  year_group: number | null;
  year_group_academic_year: number | null;
  left_on: string | null;
}

export class RolloverService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Moves the leader's school into `academicYear` (the year starting 1 September): Years 7–12 up one,
   * Year 13 leave on the 31 August before, which ends their period here; nothing is deleted. Once per school
   * per year, in one transaction under the school's roster lock.
   */
  async rollOver(principal: Principal, academicYear: number, now = new Date()): Promise<RollOverYearResult> {
    if (principal.kind !== 'user' || !hasRole(principal, 'careers_leader') || !principal.schoolId)
      throw AccessError.forbidden('Only a careers leader can roll their school over.');
    const schoolId = principal.schoolId;
    const current = academicYearOf(asUtcDate(dateInEngland(now)));
    if (academicYear !== current) return result(0, 0, Problems.notThisYear(academicYear, current));
    try {
      return await this.em.transactional(async (tx) => {
        await lockSchoolRoster(tx, schoolId);
        if ((await tx.count(YearRollover, { schoolId, academicYear })) > 0) return result(0, 0, Problems.alreadyDone(academicYear));
        const school = await tx.findOneOrFail(School, { id: schoolId });
        const rows = await tx.execute<RolloverRecord[]>(
          'select id, year_group, year_group_academic_year, left_on::text as left_on from pupil where school_id = ? and left_on is null',
          [schoolId],
        );
        const promoted: { id: string; year_group: number }[] = [];
        const leavers: string[] = [];
        for (const row of rows) {
          const pupil: RolloverPupil = {
            yearGroup: row.year_group === null ? null : Number(row.year_group),
            yearGroupAcademicYear: row.year_group_academic_year === null ? null : Number(row.year_group_academic_year),
            leftOn: row.left_on,
          };
          const outcome = rollOverPupil(pupil, academicYear);
          if (outcome.kind === 'promote') promoted.push({ id: row.id, year_group: outcome.yearGroup });
          else if (outcome.kind === 'leave') leavers.push(row.id);
        }
        if (promoted.length > 0) {
          await tx.execute(
            `update pupil p set year_group = r.year_group, year_group_academic_year = ? from jsonb_to_recordset(?::jsonb) as r(id uuid, year_group smallint)
             where p.id = r.id`,
            [academicYear, JSON.stringify(promoted)],
            'run',
          );
        }
        // Their period here (held on the pupil row) ends on the leaving date.
        await markLeft(tx, schoolId, leavers, rolloverLeavingDate(academicYear));
        tx.create(YearRollover, {
          id: randomUUID(),
          schoolId,
          trustId: school.trustId,
          academicYear,
          promoted: promoted.length,
          leavers: leavers.length,
          rolledOverAt: now,
          rolledOverBy: principal.displayName,
        });
        return result(promoted.length, leavers.length, null);
      });
    } catch (error) {
      // Another rollover of the same school and year won the race (the unique key).
      if (error instanceof UniqueConstraintViolationException) return result(0, 0, Problems.alreadyDone(academicYear));
      throw error;
    }
  }
}
