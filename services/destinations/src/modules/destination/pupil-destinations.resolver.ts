import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loaderFor } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import { PupilStub } from '../external/pupil.stub.js';
import { Destination } from './destination.entity.js';
import { DestinationService } from './destination.service.js';

/** Both fields share one loader, so a request asks the pupils subgraph once and reads every pupil's rows in one statement. */
async function destinationsOf(ctx: DestinationsContext, pupilId: string): Promise<Destination[]> {
  const rows = await loaderFor<Destination[]>(ctx, 'destinationsByPupil', async (ids) => {
    const scopes = await ctx.deps.pupils.recordAccess(ctx, ids);
    const byPupil = await new DestinationService(ctx.em).forPupils(scopes);
    return ids.map((id) => byPupil.get(id) ?? []);
  }).load(pupilId);
  return rows ?? [];
}

/**
 * The fields this subgraph adds to the pupils subgraph's Pupil. They narrow the rows to what the
 * pupils subgraph says the caller may read of each pupil's history.
 */
@Resolver(() => PupilStub)
export class PupilDestinationsResolver {
  // Nullable: it crosses into this subgraph, and an outage here must not blank the pupil.
  @FieldResolver(() => [Destination], {
    nullable: true,
    description:
      "Oldest first, following the pupil across schools. Staff of the pupil's current school, trust analysts (with pupil-level access) of its trust, linked parents and the pupil themself: every row, from any school; staff of a former school: that school's rows recorded before the pupil left.",
  })
  destinations(@Root() pupil: PupilStub, @Ctx() ctx: DestinationsContext): Promise<Destination[]> {
    return destinationsOf(ctx, pupil.id);
  }

  @FieldResolver(() => Destination, {
    nullable: true,
    description: 'The most recently recorded intended destination (of those `destinations` gives the caller).',
  })
  async intendedDestination(@Root() pupil: PupilStub, @Ctx() ctx: DestinationsContext): Promise<Destination | null> {
    const rows = await destinationsOf(ctx, pupil.id);
    return rows.filter((row) => row.stage === 'INTENDED').at(-1) ?? null;
  }
}
