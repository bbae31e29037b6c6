import { wrap } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { todayInEngland } from '@waymark/domain';
import type { RequestContext } from '@waymark/subgraph-kit';
import { Participation } from '../encounter/encounter.entity.js';
import { encounterLoader } from '../encounter/encounter.resolver.js';
import type { EncountersContext } from '../../app.js';
import { RegisterService } from './register.service.js';
import {
  ImportRegisterInput,
  InviteInput,
  MarkAttendanceInput,
  RecordGroupReflectionInput,
  RecordGroupReflectionResult,
  RecordReflectionInput,
  RecordReflectionResult,
  RegisterChangeResult,
  RegisterImportResult,
} from './register.types.js';

const STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;

/** Invites and imports ask the pupils subgraph who is on roll at the caller's school today. */
const ownCohort = (ctx: EncountersContext) => () =>
  ctx.deps.pupils.fetchCohort(ctx, { schoolIds: ctx.principal.schoolId ? [ctx.principal.schoolId] : [], asOf: todayInEngland() }, { details: true });

@Resolver()
export class RegisterMutations {
  @Authorized(...STAFF)
  @Mutation(() => RegisterChangeResult, { description: "Adds pupils on roll at the caller's school to an encounter's register (not yet marked as attending)." })
  inviteToEncounter(@Arg('input', () => InviteInput) input: InviteInput, @Ctx() ctx: EncountersContext): Promise<RegisterChangeResult> {
    return new RegisterService(ctx.em).invite(ctx.principal, input, ownCohort(ctx));
  }

  @Authorized(...STAFF)
  @Mutation(() => RegisterChangeResult, {
    description: 'Marks pupils on the register as attended, absent, or offered and declined (a Year 12–13 provider encounter), one or many at once.',
  })
  markAttendance(@Arg('input', () => MarkAttendanceInput) input: MarkAttendanceInput, @Ctx() ctx: EncountersContext): Promise<RegisterChangeResult> {
    // "Declined" needs the marked pupils' year groups: only theirs are asked for, not the whole roll.
    const marked = (pupilIds: string[]) =>
      ctx.deps.pupils.fetchCohort(ctx, { schoolIds: ctx.principal.schoolId ? [ctx.principal.schoolId] : [], pupilIds, asOf: todayInEngland() });
    return new RegisterService(ctx.em).mark(ctx.principal, input, marked);
  }

  @Authorized(...STAFF)
  @Mutation(() => RegisterImportResult, { description: 'A register from a CSV (UPN, Attended): all or nothing; importing it again changes nothing.' })
  importRegister(@Arg('input', () => ImportRegisterInput) input: ImportRegisterInput, @Ctx() ctx: EncountersContext): Promise<RegisterImportResult> {
    return new RegisterService(ctx.em).importCsv(ctx.principal, input, ownCohort(ctx));
  }

  @Authorized(...STAFF)
  @Mutation(() => RecordGroupReflectionResult, {
    description:
      'Reflection time the school gave the group after an encounter (in tutor time, say), recorded for every pupil who attended: it meets the reflection item of the checklist for each.',
  })
  recordGroupReflection(
    @Arg('input', () => RecordGroupReflectionInput) input: RecordGroupReflectionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordGroupReflectionResult> {
    return new RegisterService(ctx.em).recordGroupReflection(ctx.principal, input);
  }

  @Authorized('pupil', ...STAFF)
  @Mutation(() => RecordReflectionResult, {
    description: "The pupil's reflection on an activity they attended (by the pupil, or staff of the school with them).",
  })
  recordReflection(@Arg('input', () => RecordReflectionInput) input: RecordReflectionInput, @Ctx() ctx: RequestContext): Promise<RecordReflectionResult> {
    return new RegisterService(ctx.em).reflect(ctx.principal, input.participationId, input.reflection);
  }
}

@Resolver(() => Participation)
export class ParticipationMeaningResolver {
  @FieldResolver(() => String, { nullable: true, description: "The pupil's reflection afterwards." })
  reflection(@Root() row: Participation): string | null {
    return row.reflection;
  }

  @FieldResolver(() => Date, { nullable: true })
  reflectedAt(@Root() row: Participation): Date | null {
    return row.reflectedAt;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The day the school gave the group reflection time on this activity (YYYY-MM-DD), if it has.' })
  groupReflectionOn(@Root() row: Participation): string | null {
    return row.groupReflectionOn;
  }

  @FieldResolver(() => Boolean, {
    description: "Attended, the encounter's checklist is met, and the reflection item is met: the pupil's own reflection or the group's reflection time.",
  })
  async meaningful(@Root() row: Participation, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (!row.attended || (!row.reflection && !row.groupReflectionOn)) return false;
    const encounter = wrap(row.encounter).isInitialized() ? row.encounter : await encounterLoader(ctx).load(row.encounter.id);
    return encounter?.checklistMet === true;
  }
}
