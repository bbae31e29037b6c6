import { Arg, Authorized, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { hasRole } from '@waymark/auth';
import { AccessError, scopeOf } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { asOfDay } from '../benchmarks/benchmarks.resolver.js';
import { sectorCoverage } from './sector-coverage.service.js';
import { YearGroupSectorCoverage } from './sector-coverage.types.js';

@Resolver()
export class SectorCoverageResolver {
  @Directive('@inaccessible')
  @Authorized('careers_leader', 'staff')
  @Query(() => [YearGroupSectorCoverage], {
    nullable: true,
    description:
      "Subgraph-to-subgraph only (the gateway does not offer it). Careers leaders and staff: their own school's year groups 7 to 13 this academic year, with who delivered their encounters and their pupils' interests by sector. The employers subgraph's suggestedMatches asks it with the caller's credential.",
  })
  yearGroupSectorCoverage(
    @Arg('asOf', () => String, { nullable: true, description: 'YYYY-MM-DD; today when left out.' }) asOf: string | null,
    @Ctx() ctx: EncountersContext,
  ): Promise<YearGroupSectorCoverage[]> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'school' || !hasRole(ctx.principal, 'careers_leader', 'staff')) throw AccessError.forbidden();
    return sectorCoverage(ctx, scope.schoolId, asOfDay(asOf));
  }
}
