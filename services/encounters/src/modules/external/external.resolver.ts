import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import { Encounter, Participation } from '../encounter/encounter.entity.js';
import { EncounterService } from '../encounter/encounter.service.js';
import { ParticipationService } from '../encounter/participation.service.js';
import { Pupil, School, Volunteer } from './external.entity.js';

@Resolver(() => Pupil)
export class PupilResolver {
  // Nullable: it crosses into this subgraph, and an outage here must not blank the pupil.
  @FieldResolver(() => [Participation], {
    nullable: true,
    description: 'Staff of the school: its register rows; the pupil themself: their own; trust analysts with pupil-level access: their trust\'s.',
  })
  async participations(@Root() pupil: Pupil, @Ctx() ctx: RequestContext): Promise<Participation[]> {
    const rows = await loaderFor<Participation[]>(ctx, 'participationsOfPupil', async (ids) => {
      const byPupil = await new ParticipationService(ctx.em).ofPupils(ctx.principal, ids);
      return ids.map((id) => byPupil.get(id) ?? []);
    }).load(pupil.id);
    return rows ?? [];
  }
}

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @FieldResolver(() => [Encounter], { nullable: true, description: 'The volunteer themself: all of them; staff: those at their own school.' })
  async engagements(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): Promise<Encounter[]> {
    const rows = await loaderFor<Encounter[]>(ctx, 'engagements', async (ids) => {
      const byVolunteer = await new EncounterService(ctx.em).engagementsOf(ctx.principal, ids);
      return ids.map((id) => byVolunteer.get(id) ?? []);
    }).load(volunteer.id);
    return rows ?? [];
  }
}

@Resolver(() => School)
export class SchoolResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'Staff of the school or analysts of its trust; null otherwise.' })
  encounterCount(@Root() school: School, @Ctx() ctx: RequestContext): Promise<number | null> {
    return loaderFor<number>(ctx, 'encounterCount', async (ids) => {
      const counts = await new EncounterService(ctx.em).countBySchool(ctx.principal, ids);
      return ids.map((id) => counts.get(id) ?? null);
    }).load(school.id);
  }
}
