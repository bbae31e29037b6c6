import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import { Volunteer } from '../external/external.entity.js';
import { Encounter } from './encounter.entity.js';
import { EncounterService } from './encounter.service.js';

/** `Volunteer.engagements`: the encounters a volunteer took part in, as far as the caller may see them. */
@Resolver(() => Volunteer)
export class VolunteerEncounterResolver {
  @FieldResolver(() => [Encounter], { nullable: true, description: 'The volunteer themself: all of them; staff: those at their own school.' })
  async engagements(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): Promise<Encounter[]> {
    const rows = await loaderFor<Encounter[]>(ctx, 'engagements', async (ids) => {
      const byVolunteer = await new EncounterService(ctx.em).engagementsOf(ctx.principal, ids);
      return ids.map((id) => byVolunteer.get(id) ?? []);
    }).load(volunteer.id);
    return rows ?? [];
  }
}
