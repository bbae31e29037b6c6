import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CHECKLIST_KEYS, ENCOUNTER_KINDS, checklistItemsFor } from '@waymark/domain';
import { asksFor, byKeys, connectionTypes, loaderFor, scopeOf, withRequestBypass, type Connection, type RequestContext } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { Employer, Pupil, School, Volunteer, stubOf } from '../external/external.entity.js';
import { CreateEncounterResult, Encounter, Participation } from './encounter.entity.js';
import { canSeeRegister } from './encounter.access.js';
import { EncounterError } from './encounter.errors.js';
import { CreateEncounterInput, EncountersArgs, UpdateEncounterInput } from './encounter.inputs.js';
import { ChecklistItem, MeaningfulChecklist } from './encounter.types.js';
import { EncounterService } from './encounter.service.js';
import { ParticipationService, type RegisterCounts } from './participation.service.js';

export const EncounterConnection = connectionTypes(Encounter, 'Encounter');

/**
 * Invited and attended per encounter, batched. `delivered`: encounters the calling volunteer delivered.
 * Their register rows are the school's (row-level security shows a volunteer none of them), but how
 * many pupils came is what a volunteer's impact is measured by, and a number says nothing about any
 * pupil: counted with the tenant check lifted, for these encounters only, in one statement.
 */
function registerCountsLoader(ctx: RequestContext, delivered: boolean): DataLoader<string, RegisterCounts | null> {
  return loaderFor<RegisterCounts>(ctx, delivered ? 'deliveredRegisterCounts' : 'registerCounts', async (ids) => {
    const count = (em: RequestContext['em']) => new ParticipationService(em).countsFor(ids);
    const counts = delivered
      ? await withRequestBypass(ctx, 'volunteer impact: how many pupils attended the encounters the volunteer delivered', count)
      : await count(ctx.em);
    return ids.map((id) => counts.get(id) ?? { invited: 0, attended: 0 });
  });
}

/** The one pupil on each encounter's register, when it holds exactly one; primed by the list, which reads them with the page. */
function soloPupilLoader(ctx: RequestContext): DataLoader<string, string | null> {
  return loaderFor<string>(ctx, 'soloPupil', async (ids) => {
    const solo = await new ParticipationService(ctx.em).soloPupilsOf(ids);
    return ids.map((id) => solo.get(id) ?? null);
  });
}

/** Invited and attended on the encounter's register, as far as the caller may count them. */
function registerCounts(ctx: RequestContext, encounter: Pick<Encounter, 'id' | 'volunteerIds'>): Promise<RegisterCounts | null> {
  const scope = scopeOf(ctx.principal);
  const delivered = scope.kind === 'volunteer' && encounter.volunteerIds.includes(scope.volunteerId);
  return registerCountsLoader(ctx, delivered).load(encounter.id);
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
  @Query(() => EncounterConnection, { nullable: true, description: "Newest first. Staff: their school's encounters; trust analysts: their trust's." })
  async encounters(@Args() args: EncountersArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Connection<Encounter>> {
    const withCounts = asksFor(info, ['edges', 'node'], ['attendedCount', 'invitedCount']);
    const withSolo = asksFor(info, ['edges', 'node'], ['soloPupil']);
    const { registerCounts: counts, soloPupils, ...connection } = await new EncounterService(ctx.em).list(ctx.principal, args, withCounts, withSolo);
    const loader = registerCountsLoader(ctx, false);
    for (const [id, count] of counts) loader.prime(id, count);
    const soloLoader = soloPupilLoader(ctx);
    for (const [id, pupilId] of soloPupils) soloLoader.prime(id, pupilId);
    return connection;
  }

  @Authorized('careers_leader', 'staff', 'careers_adviser', 'trust_analyst', 'pupil')
  @Query(() => Encounter, {
    nullable: true,
    description: 'One encounter, as far as the caller may read encounters (see `encounters`; a pupil: those they are on the register of).',
  })
  encounter(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Encounter | null> {
    return encounterLoader(ctx).load(id);
  }

  @FieldResolver(() => String)
  kindLabel(@Root() encounter: Encounter): string {
    return ENCOUNTER_KINDS[encounter.kind].label;
  }

  @FieldResolver(() => MeaningfulChecklist)
  checklist(@Root() encounter: Encounter): MeaningfulChecklist {
    return Object.assign(new MeaningfulChecklist(), Object.fromEntries(CHECKLIST_KEYS.map((key) => [key, encounter.checklistTicked.includes(key)])));
  }

  @FieldResolver(() => [ChecklistItem], { description: 'The checklist items that apply to this kind, in order.' })
  checklistItems(@Root() encounter: Encounter): ChecklistItem[] {
    return checklistItemsFor(encounter.kind).map((item) => ({ key: item.key, label: item.label, ticked: encounter.checklistTicked.includes(item.key) }));
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
    return (await registerCounts(ctx, encounter))?.attended ?? 0;
  }

  @FieldResolver(() => Int, { description: 'Pupils on the register.' })
  async invitedCount(@Root() encounter: Encounter, @Ctx() ctx: RequestContext): Promise<number> {
    return (await registerCounts(ctx, encounter))?.invited ?? 0;
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

  @FieldResolver(() => Pupil, {
    nullable: true,
    description:
      'The pupil, when the register holds exactly one (a one-to-one meeting, such as personal guidance). Staff of the school that ran it only; null for everyone else.',
  })
  async soloPupil(@Root() encounter: Encounter, @Ctx() ctx: RequestContext): Promise<Pupil | null> {
    if (!canSeeRegister(ctx.principal, encounter)) return null;
    const pupilId = await soloPupilLoader(ctx).load(encounter.id);
    return pupilId ? stubOf(Pupil, pupilId) : null;
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

@Resolver()
export class EncounterMutationResolver {
  @Authorized('careers_leader', 'staff', 'careers_adviser')
  @Mutation(() => CreateEncounterResult, { description: "Records an encounter and its register for the caller's own school." })
  createEncounter(@Arg('input', () => CreateEncounterInput) input: CreateEncounterInput, @Ctx() ctx: EncountersContext): Promise<CreateEncounterResult> {
    // Only pupils whose current school the caller acts for (the pupils subgraph says) go on a register.
    return new EncounterService(ctx.em).create(ctx.principal, input, (ids) => ctx.deps.pupils.currentPupilIds(ctx, ids));
  }

  @Authorized('careers_leader', 'staff', 'careers_adviser')
  @Mutation(() => CreateEncounterResult, { description: "Changes an encounter of the caller's own school; fields left out stay as they are." })
  updateEncounter(@Arg('input', () => UpdateEncounterInput) input: UpdateEncounterInput, @Ctx() ctx: RequestContext): Promise<CreateEncounterResult> {
    return new EncounterService(ctx.em).update(ctx.principal, input);
  }
}
