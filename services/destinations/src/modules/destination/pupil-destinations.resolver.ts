import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import { PupilStub } from '../external/pupil.stub.js';
import { Destination } from './destination.entity.js';
import { DestinationService } from './destination.service.js';

/** Both fields share one loader, so a request reads every pupil's rows in one statement. */
async function destinationsOf(ctx: RequestContext, pupilId: string): Promise<Destination[]> {
  const rows = await loaderFor<Destination[]>(ctx, 'destinationsByPupil', async (ids) => {
    const byPupil = await new DestinationService(ctx.em).forPupils(ctx.principal, ids);
    return ids.map((id) => byPupil.get(id) ?? []);
  }).load(pupilId);
  return rows ?? [];
}

/** The fields this subgraph adds to the pupils subgraph's Pupil. */
@Resolver(() => PupilStub)
export class PupilDestinationsResolver {
  // Nullable: it crosses into this subgraph, and an outage here must not blank the pupil.
  @FieldResolver(() => [Destination], {
    nullable: true,
    description: 'Oldest first. Staff of the pupil\'s school, the pupil themself, or trust analysts with pupil-level access.',
  })
  destinations(@Root() pupil: PupilStub, @Ctx() ctx: RequestContext): Promise<Destination[]> {
    return destinationsOf(ctx, pupil.id);
  }

  @FieldResolver(() => Destination, { nullable: true, description: 'The most recently recorded intended destination.' })
  async intendedDestination(@Root() pupil: PupilStub, @Ctx() ctx: RequestContext): Promise<Destination | null> {
    const rows = await destinationsOf(ctx, pupil.id);
    return rows.filter((row) => row.stage === 'INTENDED').at(-1) ?? null;
  }
}
