import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loaderFor } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { Pupil } from '../external/external.entity.js';
import { Participation } from './encounter.entity.js';
import { encounterLoader } from './encounter.resolver.js';
import { ParticipationService } from './participation.service.js';

/** `Pupil.participations`, narrowed to what the pupils subgraph says the caller may read of each pupil's history. */
@Resolver(() => Pupil)
export class PupilEncounterResolver {
  // Nullable: it crosses into this subgraph, and an outage here must not blank the pupil.
  @FieldResolver(() => [Participation], {
    nullable: true,
    description:
      "Newest first, following the pupil across schools. Staff of the pupil's current school, trust analysts (with pupil-level access) of its trust, linked parents and the pupil themself: every row, from any school; staff of a former school: that school's rows from before the pupil left.",
  })
  async participations(@Root() pupil: Pupil, @Ctx() ctx: EncountersContext): Promise<Participation[]> {
    const rows = await loaderFor<Participation[]>(ctx, 'participationsOfPupil', async (ids) => {
      const scopes = await ctx.deps.pupils.recordAccess(ctx, ids);
      const byPupil = await new ParticipationService(ctx.em).ofPupils(scopes);
      // Each row came with its encounter, which the caller may therefore read.
      const encounters = encounterLoader(ctx);
      for (const row of [...byPupil.values()].flat()) encounters.clear(row.encounter.id).prime(row.encounter.id, row.encounter);
      return ids.map((id) => byPupil.get(id) ?? []);
    }).load(pupil.id);
    return rows ?? [];
  }
}
