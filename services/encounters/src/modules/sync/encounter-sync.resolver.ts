import { Args, ArgsType, Authorized, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { AccessError, scopeOf, syncPageSize, type RequestContext } from '@waymark/subgraph-kit';
import { decodeSyncCursor, loadEncounterChanges, loadParticipationChanges } from './encounter-sync.service.js';
import { EncounterChangesPage, ParticipationChangesPage } from './encounter-sync.types.js';

@ArgsType()
class SyncArgs {
  @Field(() => String, { nullable: true, description: 'The cursor of the last page read; none for a full sync from the start.' })
  after: string | null;

  @Field(() => Int, { nullable: true, description: 'How many changes at most (1 to 1,000; 500 when not given).' })
  first: number | null;
}

/** The caller's trust: only a trust's analysts and API keys sync it. */
function syncingTrust(ctx: RequestContext): string {
  const scope = scopeOf(ctx.principal);
  if (scope.kind !== 'trust') throw AccessError.forbidden('Only a trust’s analysts and API keys can sync its encounters.');
  return scope.trustId;
}

@Resolver()
export class EncounterSyncResolver {
  @Authorized('trust_analyst')
  @Query(() => EncounterChangesPage, {
    nullable: true,
    description:
      "The trust's encounters changed after a cursor, for a nightly sync: upserts, and tombstones (id and reason only) for encounters deleted or now another trust's. Without `after`, every encounter from the start. Trust analysts and API keys of the trust.",
  })
  encounterChanges(@Args() args: SyncArgs, @Ctx() ctx: RequestContext): Promise<EncounterChangesPage> {
    const trustId = syncingTrust(ctx);
    return loadEncounterChanges(ctx.em, trustId, decodeSyncCursor('encounter', args.after), syncPageSize(args.first));
  }

  @Authorized('trust_analyst')
  @Query(() => ParticipationChangesPage, {
    nullable: true,
    description:
      "The trust's register rows changed after a cursor, for a nightly sync: pseudonymous upserts (the pupil's id and whether they attended), and tombstones for rows deleted (with their encounter, or taken off the register). Without `after`, every row from the start. Trust analysts and API keys of the trust.",
  })
  participationChanges(@Args() args: SyncArgs, @Ctx() ctx: RequestContext): Promise<ParticipationChangesPage> {
    const trustId = syncingTrust(ctx);
    return loadParticipationChanges(ctx.em, trustId, decodeSyncCursor('participation', args.after), syncPageSize(args.first));
  }
}
