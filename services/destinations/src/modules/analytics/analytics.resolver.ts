import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { todayInEngland, type VulnerableGroupCode } from '@waymark/domain';
import { scopeOf } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import { summaryFilter } from '../destination/destination.access.js';
import { AnalyticsService } from './analytics.service.js';
import { DestinationAnalytics, VulnerableGroupEnum } from './analytics.types.js';

const STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;

/** Destination figures for a school's leaders and staff, and for a trust's analysts across its schools. */
@Resolver()
export class AnalyticsResolver {
  @Authorized(...STAFF, 'trust_analyst')
  @Query(() => DestinationAnalytics, {
    nullable: true,
    description:
      "Year 11 leavers' destinations as figures per leaving year: leavers, intended, September and current destinations by kind, sustained in year 1 and intention met, as counts and percentages of the leavers; for all leavers and, when `group` is given, that vulnerable group. Staff: their own school, exact. Trust analysts: one school of their trust, or every school side by side with the trust's total; without pupil-level access counts from 1 to 4 are withheld (and another where a total would give one away), and a group's counts are rounded to 5.",
  })
  async destinationAnalytics(
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null | undefined,
    @Arg('group', () => VulnerableGroupEnum, { nullable: true }) group: VulnerableGroupCode | null | undefined,
    @Ctx() ctx: DestinationsContext,
  ): Promise<DestinationAnalytics> {
    const asked = await summaryFilter(ctx.principal, schoolId, (id, trustId) => ctx.deps.pupils.schoolIsInTrust(ctx, id, trustId));
    const scope = scopeOf(ctx.principal);
    // Staff see their own school's pupils one by one anyway; an analyst only with pupil-level access.
    const exact = scope.kind === 'school' || (scope.kind === 'trust' && scope.pupilLevel);
    // Without exact figures, one school is counted with the whole trust and shown alone, so that it is
    // withheld exactly as it is beside the others (analytics.service.ts, `show`).
    const filter = exact || !asked.trustId ? asked : { trustId: asked.trustId };
    const { pupils } = ctx.deps;
    return new AnalyticsService(ctx.em).figures(
      { filter, show: asked.schoolId ?? null, group: group ?? null, exact, today: todayInEngland() },
      {
        // The caller's own credential: the pupils subgraph counts only what the caller may count.
        leavers: (leavingYears, withSchools) => pupils.leaverYears(ctx, { schoolIds: filter.schoolId ? [filter.schoolId] : null, leavingYears, withSchools }),
      },
    );
  }
}
