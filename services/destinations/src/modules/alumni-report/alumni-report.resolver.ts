import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { problemList, todayInEngland } from '@waymark/domain';
import { isUuid, mutationError, scopeOf } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import { PupilStub } from '../external/pupil.stub.js';
import { followedLeavingYears, isFollowed } from '../spell/spell.rules.js';
import { AlumniReportRow, AlumniReportStatus } from './alumni-report.entity.js';
import { AlumniReportService } from './alumni-report.service.js';
import {
  AlumniReportCandidate,
  DecideAlumniReportResult,
  MatchAlumniReportInput,
  ReportWhereIAmNowInput,
  ReportWhereIAmNowResult,
} from './alumni-report.types.js';

const STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;

const NOT_CONFIRMED =
  'Only former pupils whose school has confirmed them can tell it where they are now. If your school has not answered yet, try again once it has.';
const REPORT_NOT_FOUND = 'That report is not one of your school’s alumni reports waiting for a decision.';
const NOT_A_CANDIDATE = 'That young person is not one of your school’s leavers followed now whose Year 11 fits the year this former pupil says they left.';

const refused = (code: string, message: string): DecideAlumniReportResult => ({
  report: null,
  spell: null,
  destinationYears: null,
  error: mutationError(code, `${message} Nothing was changed.`),
});

/** The caller's school if they are its staff; null for anyone else. */
function staffSchool(ctx: DestinationsContext): string | null {
  const scope = scopeOf(ctx.principal);
  return scope.kind === 'school' ? scope.schoolId : null;
}

/**
 * The Year 11 leaving years that fit a year left: they left after Year 11 (that summer), Year 12 or
 * Year 13. Without a year left, none fit, and the report can only be kept or rejected.
 */
export function fittingLeavingYears(yearLeft: number | null): number[] {
  return yearLeft === null ? [] : [yearLeft, yearLeft - 1, yearLeft - 2];
}

/**
 * Confirmed alumni tell the school that confirmed them what they do now (docs/domain-rules.md,
 * "Destinations"); the school's staff match a report to one of their leavers, keep it as an alumni
 * destination, or reject it.
 */
@Resolver()
export class AlumniReportResolver {
  @Authorized('alumni')
  @Mutation(() => ReportWhereIAmNowResult, {
    description:
      'A former pupil confirmed by their school tells it what they do now. The school is the one that confirmed them (the employers subgraph is asked, with the caller’s credential); it waits for the school to match, keep or reject it, and counts nowhere until matched to a leaver. Refused (NOT_CONFIRMED) for a former pupil waiting or declined and for an employer volunteer.',
  })
  async reportWhereIAmNow(@Arg('input') input: ReportWhereIAmNowInput, @Ctx() ctx: DestinationsContext): Promise<ReportWhereIAmNowResult> {
    const alumnus = ctx.principal.kind === 'user' && ctx.principal.volunteerId ? await ctx.deps.employers.confirmedAlumnus(ctx) : null;
    if (!alumnus || alumnus.volunteerId !== ctx.principal.volunteerId || !isUuid(alumnus.schoolId))
      return { report: null, error: mutationError('NOT_CONFIRMED', `${NOT_CONFIRMED} Nothing was sent.`) };
    const outcome = await new AlumniReportService(ctx.em).report(alumnus, input, new Date());
    if (outcome.kind === 'invalid')
      return { report: null, error: mutationError('INVALID_INPUT', 'Some answers need changing. Nothing was sent yet.', problemList(outcome.problems)) };
    return { report: outcome.row, error: null };
  }

  @Authorized('alumni')
  @Query(() => [AlumniReportRow], {
    nullable: true,
    description: 'A former pupil’s own reports of where they are now, newest first, with whether their school has looked at each.',
  })
  myAlumniReports(@Ctx() ctx: DestinationsContext): Promise<AlumniReportRow[]> {
    const volunteerId = ctx.principal.kind === 'user' ? ctx.principal.volunteerId : null;
    return volunteerId && isUuid(volunteerId) ? new AlumniReportService(ctx.em).mine(volunteerId) : Promise.resolve([]);
  }

  @Authorized(...STAFF)
  @Query(() => [AlumniReportRow], {
    nullable: true,
    description: "The caller's school's reports from its confirmed alumni: by default those waiting for a decision (PENDING), newest first.",
  })
  alumniReports(
    @Arg('statuses', () => [AlumniReportStatus], { nullable: true }) statuses: AlumniReportStatus[] | null | undefined,
    @Ctx() ctx: DestinationsContext,
  ): Promise<AlumniReportRow[]> {
    const schoolId = staffSchool(ctx);
    if (!schoolId) return Promise.resolve([]);
    return new AlumniReportService(ctx.em).listForSchool(schoolId, statuses?.length ? statuses : ['PENDING']);
  }

  @Authorized(...STAFF)
  @Query(() => [AlumniReportCandidate], {
    nullable: true,
    description:
      "For a pending alumni report of the caller's school: the school's leavers it could be about (followed today, agreed to being followed, Year 11 in the year they left or one or two years before). Empty for anything else.",
  })
  async alumniReportCandidates(@Arg('id', () => ID) id: string, @Ctx() ctx: DestinationsContext): Promise<AlumniReportCandidate[]> {
    const schoolId = staffSchool(ctx);
    if (!schoolId || !isUuid(id)) return [];
    const row = await new AlumniReportService(ctx.em).pending(id, schoolId);
    return row ? this.candidates(row, schoolId, ctx) : [];
  }

  @Authorized(...STAFF)
  @Mutation(() => DecideAlumniReportResult, {
    description:
      "Matches a pending alumni report to one of the school's leavers (one of alumniReportCandidates): it becomes the leaver's activity spell (source SELF_REPORTED, confirmed, entered by the caller) and counts from now on. Refused for a leaver who has not agreed to being followed.",
  })
  async matchAlumniReport(@Arg('input') input: MatchAlumniReportInput, @Ctx() ctx: DestinationsContext): Promise<DecideAlumniReportResult> {
    const schoolId = staffSchool(ctx);
    const row = schoolId && isUuid(input.id) ? await new AlumniReportService(ctx.em).pending(input.id, schoolId) : null;
    if (!schoolId || !row) return refused('REPORT_NOT_FOUND', REPORT_NOT_FOUND);
    if (!isUuid(input.pupilId)) return refused('PUPIL_NOT_FOUND', NOT_A_CANDIDATE);
    const fits = await this.leaver(row, input.pupilId, schoolId, ctx);
    if (fits === 'no-consent')
      return refused('NO_TRACKING_CONSENT', 'That leaver has not agreed to being followed after 16 (or opted out of it), so it cannot be recorded for them.');
    if (!fits) return refused('PUPIL_NOT_FOUND', NOT_A_CANDIDATE);
    const { spell, years } = await new AlumniReportService(ctx.em).match(
      row,
      { pupilId: input.pupilId, leavingYear: fits.leavingYear, trustId: ctx.principal.trustId },
      ctx.principal.accountId,
      new Date(),
    );
    const report = await ctx.em.findOneOrFail(AlumniReportRow, { id: row.id }, { refresh: true });
    return { report, spell, destinationYears: years, error: null };
  }

  @Authorized(...STAFF)
  @Mutation(() => DecideAlumniReportResult, {
    description: 'Keeps a pending alumni report as an alumni destination, matched to no leaver: stored, and counted in no leaver figure.',
  })
  keepAlumniReport(@Arg('id', () => ID) id: string, @Ctx() ctx: DestinationsContext): Promise<DecideAlumniReportResult> {
    return this.close(id, 'KEPT', ctx);
  }

  @Authorized(...STAFF)
  @Mutation(() => DecideAlumniReportResult, { description: 'Rejects a pending alumni report: nothing is recorded from it.' })
  rejectAlumniReport(@Arg('id', () => ID) id: string, @Ctx() ctx: DestinationsContext): Promise<DecideAlumniReportResult> {
    return this.close(id, 'REJECTED', ctx);
  }

  private async close(id: string, status: 'KEPT' | 'REJECTED', ctx: DestinationsContext): Promise<DecideAlumniReportResult> {
    const schoolId = staffSchool(ctx);
    const service = new AlumniReportService(ctx.em);
    const row = schoolId && isUuid(id) ? await service.pending(id, schoolId) : null;
    if (!row) return refused('REPORT_NOT_FOUND', REPORT_NOT_FOUND);
    await service.close(row, status, ctx.principal.accountId, new Date());
    return { report: row, spell: null, destinationYears: null, error: null };
  }

  /**
   * The school's leavers a report could be about: on roll on 1 June of a fitting summer, finishing
   * Year 11 that summer, followed today, last at this school, and agreed to being followed.
   */
  private async candidates(row: AlumniReportRow, schoolId: string, ctx: DestinationsContext): Promise<AlumniReportCandidate[]> {
    const today = todayInEngland();
    const years = fittingLeavingYears(row.yearLeft).filter((year) => followedLeavingYears(today).includes(year));
    const found: AlumniReportCandidate[] = [];
    for (const year of years) {
      const onRoll = (await ctx.deps.pupils.onRoll(ctx, { schoolIds: [schoolId], asOf: `${year}-06-01` })).filter((p) => p.schoolId === schoolId);
      const ids = onRoll.map((p) => p.pupilId);
      if (ids.length === 0) continue;
      const [details, current] = await Promise.all([ctx.deps.pupils.selfReportDetails(ctx, ids), ctx.deps.pupils.currentPupilIds(ctx, ids)]);
      for (const id of ids) {
        const detail = details.get(id);
        if (detail?.leavingYear === year && detail.tracking && current.has(id)) found.push({ pupil: { id }, leavingYear: year });
      }
    }
    return found;
  }

  /** The leaver if they fit the report (see `candidates`), 'no-consent' if they fit but did not agree, else null. */
  private async leaver(
    row: AlumniReportRow,
    pupilId: string,
    schoolId: string,
    ctx: DestinationsContext,
  ): Promise<{ leavingYear: number } | 'no-consent' | null> {
    if (!(await ctx.deps.pupils.currentPupilIds(ctx, [pupilId])).has(pupilId)) return null;
    const detail = (await ctx.deps.pupils.selfReportDetails(ctx, [pupilId])).get(pupilId);
    const year = detail?.leavingYear ?? null;
    if (year === null || !fittingLeavingYears(row.yearLeft).includes(year) || !isFollowed(year, todayInEngland())) return null;
    const onRoll = await ctx.deps.pupils.onRoll(ctx, { pupilIds: [pupilId], asOf: `${year}-06-01` });
    if (!onRoll.some((p) => p.pupilId === pupilId && p.schoolId === schoolId)) return null;
    return detail!.tracking ? { leavingYear: year } : 'no-consent';
  }
}

@Resolver(() => AlumniReportRow)
export class AlumniReportFieldsResolver {
  @FieldResolver(() => PupilStub, {
    nullable: true,
    description: 'The leaver it was matched to: staff of the school only (null for the alumnus and anyone else).',
  })
  leaver(@Root() row: AlumniReportRow, @Ctx() ctx: DestinationsContext): PupilStub | null {
    return row.pupilId && staffSchool(ctx) === row.schoolId ? { id: row.pupilId } : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the school has looked at it (matched, kept or rejected).' })
  lookedAt(@Root() row: AlumniReportRow): boolean {
    return row.status !== 'PENDING';
  }
}
