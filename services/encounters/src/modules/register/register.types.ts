import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { Encounter, Participation } from '../encounter/encounter.entity.js';
import { VulnerableGroupEnum } from '../benchmarks/benchmarks.types.js';
import type { VulnerableGroupCode } from '@waymark/domain';

@InputType({ description: "Pupils on roll at the caller's school matching ANY of the lists are added to the register (not yet marked as attending)." })
export class InviteInput {
  @Field(() => ID)
  encounterId: string;

  @Field(() => [Int], { nullable: true })
  yearGroups?: number[] | null;

  @Field(() => [String], { nullable: true })
  tutorGroups?: string[] | null;

  @Field(() => [VulnerableGroupEnum], { nullable: true })
  groups?: VulnerableGroupCode[] | null;

  @Field(() => [ID], { nullable: true })
  pupilIds?: string[] | null;
}

@InputType()
export class MarkAttendanceInput {
  @Field(() => ID)
  encounterId: string;

  @Field(() => [ID])
  pupilIds: string[];

  @Field()
  attended: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'With attended false: the pupils were offered a place and chose not to go. Only for encounters with colleges, training or apprenticeship providers, for pupils in Years 12–13 at the time. Any mark without it clears an earlier "declined".',
  })
  declined?: boolean | null;
}

@InputType()
export class ImportRegisterInput {
  @Field(() => ID)
  encounterId: string;

  @Field({ description: 'CSV text with a header row: a UPN column and an Attended column (yes/no, present/absent, Y/N, 1/0; blank is no).' })
  csv: string;
}

@InputType()
export class RecordReflectionInput {
  @Field(() => ID)
  participationId: string;

  @Field()
  reflection: string;
}

@ObjectType()
export class RegisterChangeResult {
  @Field(() => Encounter, { nullable: true })
  encounter: Encounter | null;

  @Field(() => Int)
  added: number;

  @Field(() => Int)
  changed: number;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType()
export class RegisterRowError {
  @Field(() => Int)
  line: number;

  @Field(() => String, { nullable: true })
  upn: string | null;

  @Field()
  reason: string;
}

@ObjectType()
export class RegisterImportResult {
  @Field(() => Encounter, { nullable: true })
  encounter: Encounter | null;

  @Field(() => Int)
  added: number;

  @Field(() => Int)
  changed: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => [RegisterRowError])
  rejected: RegisterRowError[];

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType()
export class RecordReflectionResult {
  @Field(() => Participation, { nullable: true })
  participation: Participation | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class RecordGroupReflectionInput {
  @Field(() => ID)
  encounterId: string;

  @Field({ description: 'The day the group had its reflection time (YYYY-MM-DD): on or after the encounter, and not in the future.' })
  on: string;
}

@ObjectType()
export class RecordGroupReflectionResult {
  @Field(() => Encounter, { nullable: true })
  encounter: Encounter | null;

  @Field(() => Int, { description: 'Pupils who attended and now have reflection time recorded (those who already had it keep their first day).' })
  recorded: number;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
