import { Args, ArgsType, Authorized, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { AccessError, scopeOf, syncPageSize, type RequestContext } from '@waymark/subgraph-kit';
import { decodeSyncCursor, loadPupilChanges } from './pupil-sync.service.js';
import { PupilChangesPage } from './pupil-sync.types.js';

@ArgsType()
class PupilChangesArgs {
  @Field(() => String, { nullable: true, description: 'The cursor of the last page read; none for a full sync from the start.' })
  after: string | null;

  @Field(() => Int, { nullable: true, description: 'How many changes at most (1 to 1,000; 500 when not given).' })
  first: number | null;
}

@Resolver()
export class PupilSyncResolver {
  @Authorized('trust_analyst')
  @Query(() => PupilChangesPage, {
    nullable: true,
    description:
      "The trust's pupils changed after a cursor, for a nightly sync: upserts with a pseudonymous row, and tombstones (id and reason only) for pupils who moved out of the trust, were deleted or pseudonymised. Without `after`, every pupil from the start. Trust analysts and API keys of the trust.",
  })
  pupilChanges(@Args() args: PupilChangesArgs, @Ctx() ctx: RequestContext): Promise<PupilChangesPage> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'trust') throw AccessError.forbidden('Only a trust’s analysts and API keys can sync its pupils.');
    const after = decodeSyncCursor(args.after);
    return loadPupilChanges(ctx.em, scope.trustId, after, syncPageSize(args.first));
  }
}
