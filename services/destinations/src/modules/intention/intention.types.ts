import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { PupilStub } from '../external/pupil.stub.js';
import { Aspiration, Intention, IntentionKind } from './intention.entity.js';

@InputType()
export class RecordIntentionInput {
  @Field(() => ID, { nullable: true, description: 'Staff: the pupil of their school. A pupil leaves it out (or gives their own id): it is always their own.' })
  pupilId?: string | null;

  @Field(() => IntentionKind)
  kind: IntentionKind;

  @Field(() => Int, { nullable: true })
  apprenticeshipLevel?: number | null;

  @Field(() => String, { nullable: true })
  provider?: string | null;

  @Field(() => String, { nullable: true })
  course?: string | null;
}

@ObjectType()
export class RecordIntentionResult {
  @Field(() => Intention, { nullable: true })
  intention: Intention | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class RecordAspirationInput {
  @Field()
  text: string;

  @Field(() => [String], { nullable: true })
  hashtags?: string[] | null;
}

@ObjectType()
export class RecordAspirationResult {
  @Field(() => Aspiration, { nullable: true })
  aspiration: Aspiration | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType({ description: "The pupils of a year group at the caller's school who have no intended destination recorded yet." })
export class IntentionGaps {
  @Field(() => Int)
  yearGroup: number;

  @Field(() => Int, { description: 'Pupils on roll in the year group.' })
  onRoll: number;

  @Field(() => [PupilStub], { description: 'Those with no intention recorded yet.' })
  missing: PupilStub[];
}

@ObjectType({ description: "The return for the school's local authority (Year 11 plans, and the September offer in Years 11 and 12), as a CSV file." })
export class IntentionReturn {
  @Field()
  localAuthority: string;

  @Field({ description: 'A name to save it under, e.g. intended-destinations-and-september-offer-123456-2026-12-06.csv' })
  fileName: string;

  @Field({
    description:
      'UPN, names, date of birth, year group, Year 11 plan and September offer of each pupil in Year 11 and Year 12: Year 11 first, then by surname.',
  })
  csv: string;

  @Field(() => Int, { description: 'Pupils in the file.' })
  included: number;

  @Field(() => Int, { description: 'Pupils left out because they, or their parent, opted out of sharing with the local authority.' })
  optedOut: number;
}
