import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { INTENTION_KINDS } from '@waymark/domain';
import { loaderFor } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import { PupilStub } from '../external/pupil.stub.js';
import { Aspiration, Intention } from './intention.entity.js';
import { IntentionService } from './intention.service.js';

async function intentionsOf(ctx: DestinationsContext, pupilId: string): Promise<Intention[]> {
  const rows = await loaderFor<Intention[]>(ctx, 'intentionsByPupil', async (ids) => {
    const byPupil = await new IntentionService(ctx.em).intentionsFor(await ctx.deps.pupils.recordAccess(ctx, ids));
    return ids.map((id) => byPupil.get(id) ?? []);
  }).load(pupilId);
  return rows ?? [];
}

/**
 * Intended destinations and aspirations on the pupils subgraph's Pupil. Who may read them is what
 * the pupils subgraph says of the pupil's history (`Pupil.recordAccess`): the pupil, a linked parent
 * where the school allows it, staff of the pupil's school (a former school: its own rows from before
 * the pupil left); never volunteers or alumni.
 */
@Resolver(() => PupilStub)
export class PupilIntentionResolver {
  @FieldResolver(() => [Intention], { nullable: true, description: 'Intended destinations, newest first (the first is the current one).' })
  intentions(@Root() pupil: PupilStub, @Ctx() ctx: DestinationsContext): Promise<Intention[]> {
    return intentionsOf(ctx, pupil.id);
  }

  @FieldResolver(() => Intention, { nullable: true, description: 'The newest intended destination, if any.' })
  async currentIntention(@Root() pupil: PupilStub, @Ctx() ctx: DestinationsContext): Promise<Intention | null> {
    return (await intentionsOf(ctx, pupil.id)).at(0) ?? null;
  }

  @FieldResolver(() => [Aspiration], { nullable: true, description: 'What the pupil hopes to do, newest first.' })
  async aspirations(@Root() pupil: PupilStub, @Ctx() ctx: DestinationsContext): Promise<Aspiration[]> {
    const rows = await loaderFor<Aspiration[]>(ctx, 'aspirationsByPupil', async (ids) => {
      const byPupil = await new IntentionService(ctx.em).aspirationsFor(await ctx.deps.pupils.recordAccess(ctx, ids));
      return ids.map((id) => byPupil.get(id) ?? []);
    }).load(pupil.id);
    return rows ?? [];
  }
}

/** Intention's own computed field. */
@Resolver(() => Intention)
export class IntentionFieldsResolver {
  @FieldResolver(() => String)
  kindLabel(@Root() intention: Intention): string {
    return INTENTION_KINDS[intention.kind];
  }
}
