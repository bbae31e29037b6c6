import type DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { ENCOUNTER_KINDS } from '@waymark/domain';
import { byKeys, connectionTypes, currentPupilIds, loaderFor, type Connection, type RequestContext } from '@waymark/subgraph-kit';
import { Employer, Pupil, School, Volunteer, stubOf } from '../external/external.entity.js';
import { CreateEncounterResult, Encounter, Participation } from './encounter.entity.js';
import { canSeeRegister } from './encounter.access.js';
import { EncounterError } from './encounter.errors.js';
import { CreateEncounterInput, EncountersArgs } from './encounter.inputs.js';
import { EncounterService } from './encounter.service.js';
import { ParticipationService, type RegisterCounts } from './participation.service.js';

export const EncounterConnection = connectionTypes(Encounter, 'Encounter');

function registerCounts(ctx: RequestContext, encounterId: string): Promise<RegisterCounts | null> {
  return loaderFor<RegisterCounts>(ctx, 'registerCounts', async (ids) => {
    const counts = await new ParticipationService(ctx.em).countsFor(ids);
    return ids.map((id) => counts.get(id) ?? { invited: 0, attended: 0 });
  }).load(encounterId);
}

/**
 * Encounters by id as far as the caller may read them. Shared, so that rows read under another
 * rule (a pupil's register rows, which carry their encounter) can prime it: whoever may read a
 * register row may read its encounter.
 */
export function encounterLoader(ctx: RequestContext): DataLoader<string, Encounter | null> {
  return loaderFor<Encounter>(ctx, 'encounter', async (ids) =>
    byKeys(ids, await new EncounterService(ctx.em).findVisible(ctx.principal, ids), (encounter) => encounter.id),
  );
}

@Resolver(() => Encounter)
export class EncounterResolver {
  @Authorized('careers_leader', 'staff', 'careers_adviser', 'trust_analyst')
  @Query(() => EncounterConnection, { description: 'Newest first. Staff: their school\'s encounters; trust analysts: their trust\'s.' })
  encounters(@Args() args: EncountersArgs, @Ctx() ctx: RequestContext): Promise<Connection<Encounter>> {
    return new EncounterService(ctx.em).list(ctx.principal, args);
  }

  @FieldResolver(() => String)
  kindLabel(@Root() encounter: Encounter): string {
    return ENCOUNTER_KINDS[encounter.kind].label;
  }

  @FieldResolver(() => School, { nullable: true })
  school(@Root() encounter: Encounter): School {
    return stubOf(School, encounter.schoolId);
  }

  @FieldResolver(() => [Employer])
  employers(@Root() encounter: Encounter): Employer[] {
    return encounter.employerIds.map((id) => stubOf(Employer, id));
  }

  @FieldResolver(() => [Volunteer])
  volunteers(@Root() encounter: Encounter): Volunteer[] {
    return encounter.volunteerIds.map((id) => stubOf(Volunteer, id));
  }

  @FieldResolver(() => Int, { description: 'Pupils on the register marked as attending.' })
  async attendedCount(@Root() encounter: Encounter, @Ctx() ctx: RequestContext): Promise<number> {
    return (await registerCounts(ctx, encounter.id))?.attended ?? 0;
  }

  @FieldResolver(() => Int, { description: 'Pupils on the register.' })
  async invitedCount(@Root() encounter: Encounter, @Ctx() ctx: RequestContext): Promise<number> {
    return (await registerCounts(ctx, encounter.id))?.invited ?? 0;
  }

  @FieldResolver(() => [Participation], { description: 'The register. Forbidden unless the caller is staff of the school that ran it.' })
  async participations(@Root() encounter: Encounter, @Ctx() ctx: RequestContext): Promise<Participation[]> {
    if (!canSeeRegister(ctx.principal, encounter)) throw EncounterError.registerForbidden();
    // Every encounter that passes the check is of the caller's own school.
    const schoolId = encounter.schoolId;
    const rows = await loaderFor<Participation[]>(ctx, 'register', async (ids) => {
      const registers = await new ParticipationService(ctx.em).registersOf(ids, schoolId);
      return ids.map((id) => registers.get(id) ?? []);
    }).load(encounter.id);
    return rows ?? [];
  }
}

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => Pupil, { nullable: true })
  pupil(@Root() participation: Participation): Pupil {
    return stubOf(Pupil, participation.pupilId);
  }

  @FieldResolver(() => Encounter, { nullable: true })
  encounter(@Root() participation: Participation, @Ctx() ctx: RequestContext): Promise<Encounter | null> {
    return encounterLoader(ctx).load(participation.encounter.id);
  }
}

/**
 * `createEncounter` checks the register with the pupils subgraph, whose address comes from the
 * app's configuration, so each app gets its own resolver class holding it.
 */
export function encounterMutationResolver(config: { pupilsUrl: string }): ClassType {
  @Resolver()
  class EncounterMutationResolver {
    @Authorized('careers_leader', 'staff', 'careers_adviser')
    @Mutation(() => CreateEncounterResult, { description: 'Records an encounter and its register for the caller\'s own school.' })
    createEncounter(@Arg('input', () => CreateEncounterInput) input: CreateEncounterInput, @Ctx() ctx: RequestContext): Promise<CreateEncounterResult> {
      // Only pupils whose current school the caller acts for go on a register.
      return new EncounterService(ctx.em).create(ctx.principal, input, (ids) => currentPupilIds(ctx, config.pupilsUrl, ids));
    }
  }
  return EncounterMutationResolver;
}
