import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loaderFor } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { Pupil } from '../external/external.entity.js';
import { OwnActivity } from './own-activity.entity.js';
import { OwnActivityService } from './own-activity.service.js';

/** `Pupil.ownActivities`, narrowed as Pupil.participations is. */
@Resolver(() => Pupil)
export class PupilActivityResolver {
  @FieldResolver(() => [OwnActivity], {
    nullable: true,
    description: "The pupil's own activities, newest first; readable as Pupil.participations (a former school: its own period).",
  })
  async ownActivities(@Root() pupil: Pupil, @Ctx() ctx: EncountersContext): Promise<OwnActivity[]> {
    const rows = await loaderFor<OwnActivity[]>(ctx, 'ownActivitiesOfPupil', async (ids) => {
      const byPupil = await new OwnActivityService(ctx.em).ofPupils(await ctx.deps.pupils.recordAccess(ctx, ids));
      return ids.map((id) => byPupil.get(id) ?? []);
    }).load(pupil.id);
    return rows ?? [];
  }
}
