import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { hasLeftYear11, todayInEngland } from '@waymark/domain';
import { InputError, isUuid, mutationError, scopeOf } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import { PupilStub } from '../external/pupil.stub.js';
import { isFollowed } from '../spell/spell.rules.js';
import { SpellService } from '../spell/spell.service.js';
import { sharedOf } from '../spell/spell.webhook.js';
import { SelfReportRow, SelfReportStatus } from './self-report.entity.js';
import { SelfReportService } from './self-report.service.js';
import { CreateSelfReportLinkResult, CreateSelfReportLinksResult, DecideSelfReportResult, SelfReportLink } from './self-report.types.js';

const STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;

const NOT_OURS = 'That young person is not a leaver of your school, so you cannot make a link for them.';
const NO_CONSENT =
  "They have not agreed to being followed after 16 (or opted out of it), so Waymark makes no link for them. If they agree, record it under 'Consent and sharing' on their record first.";
const REPORT_NOT_FOUND = 'That report is not one of your school’s leavers’ reports waiting for a decision.';

const linkRefused = (code: string, message: string): CreateSelfReportLinkResult => ({ link: null, error: mutationError(code, `${message} No link was made.`) });
const decisionRefused = (code: string, message: string): DecideSelfReportResult => ({
  report: null,
  spell: null,
  destinationYears: null,
  error: mutationError(code, `${message} Nothing was changed.`),
});

/** The caller's school, or a refusal: only staff of a school make links and decide reports. */
function schoolOf(ctx: DestinationsContext): string {
  const scope = scopeOf(ctx.principal);
  if (scope.kind !== 'school') throw InputError.invalid('Only staff of a school can manage leavers’ self-report links.');
  return scope.schoolId;
}

/**
 * Leavers tell their school what they are doing now (docs/domain-rules.md, "Destinations"): staff
 * make private links, and confirm or reject what comes back. The public side (opening a link and
 * reporting) is not GraphQL: see self-report.routes.ts.
 */
@Resolver()
export class SelfReportResolver {
  @Authorized(...STAFF)
  @Mutation(() => CreateSelfReportLinkResult, {
    description:
      "Makes a private self-report link for a Year 11 leaver of the caller's school who is followed today and agreed to being followed after 16. A link made before for them and not used stops working. The token is in the answer once and never again.",
  })
  async createSelfReportLink(@Arg('pupilId', () => ID) pupilId: string, @Ctx() ctx: DestinationsContext): Promise<CreateSelfReportLinkResult> {
    const schoolId = schoolOf(ctx);
    if (!isUuid(pupilId) || !(await ctx.deps.pupils.currentPupilIds(ctx, [pupilId])).has(pupilId)) return linkRefused('PUPIL_NOT_FOUND', NOT_OURS);
    const details = (await ctx.deps.pupils.selfReportDetails(ctx, [pupilId])).get(pupilId);
    if (!details) return linkRefused('PUPIL_NOT_FOUND', NOT_OURS);
    const now = new Date();
    const today = todayInEngland(now);
    if (details.leavingYear === null || !hasLeftYear11(details.leavingYear, today))
      return linkRefused('NOT_A_LEAVER', 'They have not finished Year 11 yet (or their date of birth is not recorded).');
    if (!isFollowed(details.leavingYear, today))
      return linkRefused('NOT_FOLLOWED', 'Their three years of follow-up after Year 11 are over, so they are no longer followed.');
    if (!details.tracking) return linkRefused('NO_TRACKING_CONSENT', NO_CONSENT);
    const school = await ctx.deps.pupils.school(ctx, schoolId);
    const { row, token } = await new SelfReportService(ctx.em).createLink(
      {
        pupilId,
        schoolId,
        trustId: ctx.principal.trustId,
        leavingYear: details.leavingYear,
        firstName: details.firstName.slice(0, 100),
        schoolName: (school?.name ?? 'Your school').slice(0, 200),
        createdById: ctx.principal.accountId,
      },
      now,
    );
    return { link: Object.assign(new SelfReportLink(), { pupil: { id: pupilId }, token, expiresAt: row.expiresAt }), error: null };
  }

  @Authorized(...STAFF)
  @Mutation(() => CreateSelfReportLinksResult, {
    description:
      "Makes a new self-report link for every leaver on the caller's school's worklist today who agreed to being followed after 16 (each one's earlier unused link stops working), in one transaction.",
  })
  async createSelfReportLinksForWorklist(@Ctx() ctx: DestinationsContext): Promise<CreateSelfReportLinksResult> {
    const schoolId = schoolOf(ctx);
    const { pupils } = ctx.deps;
    const now = new Date();
    const today = todayInEngland(now);
    const due = await new SpellService(ctx.em).worklist(schoolId, today, {
      onRoll: async (day) => (await pupils.onRoll(ctx, { schoolIds: [schoolId], asOf: day })).filter((p) => p.schoolId === schoolId).map((p) => p.pupilId),
      details: (ids) => pupils.worklistDetails(ctx, ids),
    });
    const ids = due.map((entry) => entry.pupil.id);
    const details = ids.length > 0 ? await pupils.selfReportDetails(ctx, ids) : new Map<string, never>();
    const chosen = due.filter((entry) => {
      const detail = details.get(entry.pupil.id);
      return detail?.tracking === true && detail.leavingYear !== null && !entry.needsConsent;
    });
    const school = chosen.length > 0 ? await pupils.school(ctx, schoolId) : null;
    const links = await ctx.em.transactional(async (em) => {
      const service = new SelfReportService(em);
      const made: SelfReportLink[] = [];
      for (const entry of chosen) {
        const detail = details.get(entry.pupil.id)!;
        const { row, token } = await service.createLink(
          {
            pupilId: entry.pupil.id,
            schoolId,
            trustId: ctx.principal.trustId,
            leavingYear: detail.leavingYear!,
            firstName: detail.firstName.slice(0, 100),
            schoolName: (school?.name ?? 'Your school').slice(0, 200),
            createdById: ctx.principal.accountId,
          },
          now,
        );
        made.push(Object.assign(new SelfReportLink(), { pupil: { id: entry.pupil.id }, token, expiresAt: row.expiresAt }));
      }
      return made;
    });
    return { links, withoutConsent: due.length - chosen.length };
  }

  @Authorized(...STAFF)
  @Query(() => [SelfReportRow], {
    nullable: true,
    description:
      "The caller's school's leavers' self-reports: by default those waiting for a decision (PENDING) and the links not used yet (AWAITING), newest first.",
  })
  selfReports(
    @Arg('statuses', () => [SelfReportStatus], { nullable: true }) statuses: SelfReportStatus[] | null | undefined,
    @Ctx() ctx: DestinationsContext,
  ): Promise<SelfReportRow[]> {
    return new SelfReportService(ctx.em).listForSchool(schoolOf(ctx), statuses?.length ? statuses : ['PENDING', 'AWAITING']);
  }

  @Authorized(...STAFF)
  @Mutation(() => DecideSelfReportResult, {
    description:
      'Confirms a leaver’s pending self-report: it becomes an ordinary activity spell (source SELF_REPORTED, confirmed, entered by the caller) and counts from now on. Staff of the leaver’s school only; refused if they no longer agree to being followed.',
  })
  async confirmSelfReport(@Arg('id', () => ID) id: string, @Ctx() ctx: DestinationsContext): Promise<DecideSelfReportResult> {
    const row = await this.pendingReport(id, ctx);
    if (!row) return decisionRefused('REPORT_NOT_FOUND', REPORT_NOT_FOUND);
    // One question to the pupils subgraph: whether they still agree to being followed, and whether the trust may hear of it.
    const leavers = await ctx.deps.pupils.followedLeaverDetails(ctx, { asOf: todayInEngland(), leavingYears: [], pupilIds: [row.pupilId] });
    if (!leavers.get(row.pupilId)?.tracking)
      return decisionRefused('NO_TRACKING_CONSENT', 'They no longer agree to being followed after 16, so it cannot be recorded.');
    const { spell, years } = await new SelfReportService(ctx.em).confirm(row, ctx.principal.accountId, new Date(), sharedOf(ctx, leavers));
    const report = await ctx.em.findOneOrFail(SelfReportRow, { id: row.id }, { refresh: true });
    return { report, spell, destinationYears: years, error: null };
  }

  @Authorized(...STAFF)
  @Mutation(() => DecideSelfReportResult, {
    description: 'Rejects a leaver’s pending self-report: nothing is recorded from it. Staff of the leaver’s school only.',
  })
  async rejectSelfReport(@Arg('id', () => ID) id: string, @Ctx() ctx: DestinationsContext): Promise<DecideSelfReportResult> {
    const row = await this.pendingReport(id, ctx);
    if (!row) return decisionRefused('REPORT_NOT_FOUND', REPORT_NOT_FOUND);
    await new SelfReportService(ctx.em).reject(row, ctx.principal.accountId, new Date());
    return { report: row, spell: null, destinationYears: null, error: null };
  }

  /** A pending report of a leaver the caller's school may still write about; null for anything else. */
  private async pendingReport(id: string, ctx: DestinationsContext): Promise<SelfReportRow | null> {
    const schoolId = schoolOf(ctx);
    if (!isUuid(id)) return null;
    const row = await ctx.em.findOne(SelfReportRow, { id, schoolId, status: 'PENDING' });
    if (!row) return null;
    return (await ctx.deps.pupils.currentPupilIds(ctx, [row.pupilId])).has(row.pupilId) ? row : null;
  }
}

@Resolver(() => SelfReportRow)
export class SelfReportFieldsResolver {
  @FieldResolver(() => PupilStub)
  pupil(@Root() row: SelfReportRow): PupilStub {
    return { id: row.pupilId };
  }
}
