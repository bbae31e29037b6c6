import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Directive, Field, ID, Info, Query, Resolver } from 'type-graphql';
import { parseDay } from '@waymark/domain';
import { asksFor, InputError, type RequestContext } from '@waymark/subgraph-kit';
import { Cohort, CohortVersionAnswer, PackedCohort } from './cohort.types.js';
import { loadCohort, loadCohortVersion, loadPackedCohort, type CohortQuery } from './cohort.service.js';

/** Which pupils: those on roll on `asOf`, at the schools or among the pupils named (all the caller may read when none are). */
@ArgsType()
class CohortArgs {
  @Field(() => String)
  asOf: string;

  @Field(() => [ID], { nullable: true })
  schoolIds: string[] | null;

  @Field(() => [ID], { nullable: true })
  pupilIds: string[] | null;
}

function cohortQuery(args: CohortArgs): CohortQuery {
  if (!parseDay(args.asOf)) throw InputError.invalid('asOf must be a day written YYYY-MM-DD.');
  return { asOf: args.asOf, schoolIds: args.schoolIds, pupilIds: args.pupilIds };
}

@Resolver()
export class CohortResolver {
  @Directive('@inaccessible')
  @Query(() => Cohort, {
    description:
      'Subgraph-to-subgraph only: pupils on roll on `asOf` at the schools (or among the pupils) asked for, within what the caller may read, as parallel arrays.',
  })
  cohort(@Args() args: CohortArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Cohort> {
    return loadCohort(ctx.em, ctx.principal, cohortQuery(args), { withHomes: asksFor(info, [], ['homeLocalAuthorityCodes']) });
  }

  @Directive('@inaccessible')
  @Query(() => PackedCohort, {
    description: 'Subgraph-to-subgraph only: the same pupils as `cohort`, each column packed into one comma-separated string (for trust-sized cohorts).',
  })
  packedCohort(@Args() args: CohortArgs, @Ctx() ctx: RequestContext): Promise<PackedCohort> {
    return loadPackedCohort(ctx.em, ctx.principal, cohortQuery(args));
  }

  @Directive('@inaccessible')
  @Query(() => CohortVersionAnswer, {
    description:
      "Subgraph-to-subgraph only: whether the caller may read the school's cohort, and a counter that moves whenever anything its `packedCohort` is made of changes.",
  })
  cohortVersion(@Arg('schoolId', () => ID) schoolId: string, @Ctx() ctx: RequestContext): Promise<CohortVersionAnswer> {
    return loadCohortVersion(ctx, schoolId);
  }
}
