import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { parseDay } from '@waymark/domain';
import { InputError, type RequestContext } from '@waymark/subgraph-kit';
import { Cohort, PackedCohort } from './cohort.types.js';
import { loadCohort, loadPackedCohort } from './cohort.service.js';

@Resolver()
export class CohortResolver {
  @Directive('@inaccessible')
  @Query(() => Cohort, {
    description:
      'Subgraph-to-subgraph only: pupils on roll on `asOf` at the schools (or among the pupils) asked for, within what the caller may read, as parallel arrays.',
  })
  cohort(
    @Arg('asOf', () => String) asOf: string,
    @Arg('schoolIds', () => [ID], { nullable: true }) schoolIds: string[] | null,
    @Arg('pupilIds', () => [ID], { nullable: true }) pupilIds: string[] | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Cohort> {
    if (!parseDay(asOf)) throw InputError.invalid('asOf must be a day written YYYY-MM-DD.');
    return loadCohort(ctx.em, ctx.principal, { asOf, schoolIds, pupilIds });
  }

  @Directive('@inaccessible')
  @Query(() => PackedCohort, {
    description: 'Subgraph-to-subgraph only: the same pupils as `cohort`, each column packed into one comma-separated string (for trust-sized cohorts).',
  })
  packedCohort(
    @Arg('asOf', () => String) asOf: string,
    @Arg('schoolIds', () => [ID], { nullable: true }) schoolIds: string[] | null,
    @Arg('pupilIds', () => [ID], { nullable: true }) pupilIds: string[] | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PackedCohort> {
    if (!parseDay(asOf)) throw InputError.invalid('asOf must be a day written YYYY-MM-DD.');
    return loadPackedCohort(ctx.em, ctx.principal, { asOf, schoolIds, pupilIds });
  }
}
