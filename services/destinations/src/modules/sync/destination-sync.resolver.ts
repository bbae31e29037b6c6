import { Args, ArgsType, Authorized, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { AccessError, scopeOf, syncPageSize } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import { decodeSyncCursor, loadDestinationChanges } from './destination-sync.service.js';
import { DestinationChangesPage } from './destination-sync.types.js';

@ArgsType()
class DestinationChangesArgs {
  @Field(() => String, { nullable: true, description: 'The cursor of the last page read; none for a full sync from the start.' })
  after: string | null;

  @Field(() => Int, { nullable: true, description: 'How many changes at most (1 to 1,000; 500 when not given).' })
  first: number | null;
}

@Resolver()
export class DestinationSyncResolver {
  @Authorized('trust_analyst')
  @Query(() => DestinationChangesPage, {
    nullable: true,
    description:
      "The trust's leavers' activity spells changed after a cursor, for a nightly sync: pseudonymous upserts, and tombstones (id and reason only) for spells deleted, now another trust's, or of a young person who has not agreed to being followed after 16, opted out of sharing, was pseudonymised or left the trust's records. Without `after`, every spell from the start. Trust analysts and API keys of the trust.",
  })
  destinationChanges(@Args() args: DestinationChangesArgs, @Ctx() ctx: DestinationsContext): Promise<DestinationChangesPage> {
    const scope = scopeOf(ctx.principal);
    if (scope.kind !== 'trust') throw AccessError.forbidden('Only a trust’s analysts and API keys can sync its destinations.');
    const after = decodeSyncCursor(args.after);
    return loadDestinationChanges(ctx, ctx.deps.pupils.url, scope.trustId, after, syncPageSize(args.first));
  }
}
