import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { checkSelfReport, todayInEngland, type FieldProblems, type SelfReportAnswer, type SelfReportField } from '@waymark/domain';
import { ActivitySpellRow } from '../spell/spell.entity.js';
import { computeYears } from '../spell/spell.service.js';
import type { DestinationYears } from '../spell/spell.types.js';
import { AlumniReportRow } from './alumni-report.entity.js';

/** The alumnus as the employers subgraph vouched for the caller: never anything they typed. */
export interface Alumnus {
  volunteerId: string;
  schoolId: string;
  name: string;
  yearLeft: number | null;
}

type ReportOutcome = { kind: 'saved'; row: AlumniReportRow } | { kind: 'invalid'; problems: FieldProblems<SelfReportField> };

/**
 * The earliest summer an alumnus's start may be in: the year they left, or (not given) any start in
 * the last fifty years. Checked by the same rules as a leaver's report.
 */
const earliestYear = (alumnus: Alumnus, today: string) => alumnus.yearLeft ?? Number(today.slice(0, 4)) - 50;

/**
 * Confirmed alumni's reports of where they are now (docs/domain-rules.md, "Destinations"): pending
 * until the school matches one to a leaver (an activity spell for that leaver), keeps it as an alumni
 * destination (no leaver, no figure) or rejects it.
 */
export class AlumniReportService {
  constructor(private readonly em: EntityManager) {}

  /** Saves a report; one with problems saves nothing. */
  async report(alumnus: Alumnus, answer: SelfReportAnswer, now: Date): Promise<ReportOutcome> {
    const checked = checkSelfReport(answer, earliestYear(alumnus, todayInEngland(now)), todayInEngland(now), 'school');
    if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
    return this.em.transactional(async (em) => {
      const row = em.create(AlumniReportRow, {
        id: randomUUID(),
        volunteerId: alumnus.volunteerId,
        schoolId: alumnus.schoolId,
        name: alumnus.name.slice(0, 200),
        yearLeft: alumnus.yearLeft,
        status: 'PENDING',
        submittedAt: now,
        ...checked.report,
        decidedById: null,
        decidedAt: null,
        pupilId: null,
        spellId: null,
      });
      await em.flush();
      return { kind: 'saved', row } as const;
    });
  }

  /** An alumnus's own reports, newest first. */
  mine(volunteerId: string): Promise<AlumniReportRow[]> {
    return this.em.find(AlumniReportRow, { volunteerId }, { orderBy: { submittedAt: 'desc', id: 'asc' } });
  }

  /** The school's alumni reports in `statuses`, newest first. */
  listForSchool(schoolId: string, statuses: AlumniReportRow['status'][]): Promise<AlumniReportRow[]> {
    return this.em.find(AlumniReportRow, { schoolId, status: { $in: statuses } }, { orderBy: { submittedAt: 'desc', id: 'asc' } });
  }

  /** A pending report of the school, or null (another school's, decided or unknown alike). */
  pending(id: string, schoolId: string): Promise<AlumniReportRow | null> {
    return this.em.findOne(AlumniReportRow, { id, schoolId, status: 'PENDING' });
  }

  /**
   * Matches a pending report to one of the school's leavers (of Year 11 in `leavingYear`): it becomes
   * that leaver's ordinary activity spell (self-reported, confirmed by `accountId`), in one transaction.
   */
  async match(
    row: AlumniReportRow,
    leaver: { pupilId: string; leavingYear: number; trustId: string | null },
    accountId: string,
    now: Date,
  ): Promise<{ spell: ActivitySpellRow; years: DestinationYears }> {
    return this.em.transactional(async (em) => {
      const report = await em.findOneOrFail(AlumniReportRow, { id: row.id, status: 'PENDING' });
      const spell = em.create(ActivitySpellRow, {
        id: randomUUID(),
        pupilId: leaver.pupilId,
        schoolId: report.schoolId,
        trustId: leaver.trustId,
        leavingYear: leaver.leavingYear,
        activity: report.activity,
        providerKind: report.providerKind,
        apprenticeshipLevel: report.apprenticeshipLevel,
        provider: report.provider,
        startsOn: report.startsOn,
        endsOn: null,
        source: 'SELF_REPORTED',
        confirmed: true,
        enteredById: accountId,
        enteredAt: now,
      });
      Object.assign(report, { status: 'MATCHED', decidedById: accountId, decidedAt: now, pupilId: leaver.pupilId, spellId: spell.id });
      await em.flush();
      // The leaver's destinations with it: if the rule refuses their spells, the transaction rolls back.
      const rows = await em.find(ActivitySpellRow, { pupilId: leaver.pupilId }, { orderBy: { enteredAt: 'asc', id: 'asc' } });
      return { spell, years: computeYears(rows, todayInEngland(now))! };
    });
  }

  /** Keeps it (KEPT: an alumni destination, no leaver) or rejects it. */
  async close(row: AlumniReportRow, status: 'KEPT' | 'REJECTED', accountId: string, now: Date): Promise<void> {
    Object.assign(row, { status, decidedById: accountId, decidedAt: now });
    await this.em.flush();
  }
}
