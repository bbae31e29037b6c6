import { Args, ArgsType, Authorized, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { AccessError, scopeOf, syncPageSize, type RequestContext } from '@waymark/subgraph-kit';
import { decodeBenchmarkStateCursor, loadBenchmarkStateChanges } from './benchmark-feed.service.js';
import { BenchmarkStateChangesPage } from './benchmark-feed.types.js';

@ArgsType()
class BenchmarkStateChangesArgs {
  @Field(() => String, { nullable: true, description: 'The cursor of the last page read; none for a full sync from the start.' })
  after: string | null;

  @Field(() => Int, { nullable: true, description: 'How many changes at most (1 to 1,000; 500 when not given).' })
  first: number | null;
}

@Resolver()
export class BenchmarkFeedResolver {
  @Authorized('trust_analyst')
  @Query(() => BenchmarkStateChangesPage, {
    nullable: true,
    description:
      "The trust's pupils' benchmark states changed after a cursor, as the nightly run published them (states change on 1 September, when a pupil moves up a year and as windows open, without any write): pseudonymous upserts per pupil and measure, and tombstones for pupils no longer on roll in the trust. Without `after`, every published state from the start. Trust analysts and API keys of the trust.",
  })
  benchmarkStateChanges(@Args() args: BenchmarkStateChangesArgs, @Ctx() ctx: RequestContext): Promise<BenchmarkStateChangesPage> {
    // Only a trust's own analysts and keys: staff of a school, pupils, parents and volunteers never.
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'trust') throw AccessError.forbidden('Only a trust’s analysts and API keys can sync its benchmark states.');
    return loadBenchmarkStateChanges(ctx.em, scope.trustId, decodeBenchmarkStateCursor(args.after), syncPageSize(args.first));
  }
}
