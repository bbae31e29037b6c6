import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import { Encounter, Participation } from '../encounter/encounter.entity.js';
import { encounterLoader } from '../encounter/encounter.resolver.js';
import { EncounterService } from '../encounter/encounter.service.js';
import { ParticipationService } from '../encounter/participation.service.js';
import { Pupil, School, Volunteer } from './external.entity.js';
import type { EncountersContext } from '../../app.js';

/** `Pupil.participations`, narrowed to what the pupils subgraph says the caller may read of each pupil's history. */
@Resolver(() => Pupil)
export class PupilResolver {
  // Nullable: it crosses into this subgraph, and an outage here must not blank the pupil.
  @FieldResolver(() => [Participation], {
    nullable: true,
    description:
      'Newest first, following the pupil across schools. Staff of the pupil\'s current school, trust analysts (with pupil-level access) of its trust, linked parents and the pupil themself: every row, from any school; staff of a former school: that school\'s rows from before the pupil left.',
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
