import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import type { EncounterKind } from '@waymark/domain';
import { EncounterKindEnum } from './encounter.entity.js';

@ArgsType()
export class EncountersArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => EncounterKindEnum, { nullable: true, description: 'Only encounters of this kind.' })
  kind?: EncounterKind | null;

  @Field(() => String, { nullable: true, description: 'Only encounters on or after this day in England (YYYY-MM-DD).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Only encounters on or before this day in England (YYYY-MM-DD); not before `from`.' })
  to?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only encounters counting towards this Gatsby Benchmark (1–8).' })
  benchmark?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only encounters for this year group (7–13).' })
  yearGroup?: number | null;

  @Field(() => String, { nullable: true, description: 'Only encounters whose title contains these words (any case).' })
  search?: string | null;
}

@InputType()
export class RegisterEntryInput {
  @Field(() => ID)
  pupilId: string;

  @Field()
  attended: boolean;
}

@InputType({ description: 'The meaningful checklist: every item left out is not ticked.' })
export class MeaningfulChecklistInput {
  @Field({ nullable: true }) purposeShared?: boolean;
  @Field({ nullable: true }) learningOutcomes?: boolean;
  @Field({ nullable: true }) twoWayInteraction?: boolean;
  @Field({ nullable: true }) reflectionTime?: boolean;
  @Field({ nullable: true }) staffInteraction?: boolean;
  @Field({ nullable: true }) rangeOfPeople?: boolean;
  @Field({ nullable: true }) employerTask?: boolean;
  @Field({ nullable: true }) employerFeedback?: boolean;
  @Field({ nullable: true }) metStaffAndLearners?: boolean;
  @Field({ nullable: true }) entryRoutesInfo?: boolean;
  @Field({ nullable: true }) learningExperience?: boolean;
}

/** What create and update share; every field optional here, `CreateEncounterInput` requires its own. */
@InputType({ description: 'Details create and update share.' })
export class EncounterDetailsInput {
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether `date` includes the start time. Left out with a `date`: true; false means only the day of `date` (in England) is known. Left out on update without a `date`: unchanged.',
  })
  hasTime?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'When it finishes; needs a start time.' })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Curriculum-linked lessons: the subject (one of the school's curriculum subjects)." })
  subject?: string | null;

  @Field(() => [String], { nullable: true, description: 'Lower-case words; a leading # is dropped.' })
  hashtags?: string[] | null;

  @Field(() => MeaningfulChecklistInput, { nullable: true })
  checklist?: MeaningfulChecklistInput | null;

  @Field(() => String, { nullable: true, description: 'Guidance meetings: the adviser.' })
  adviserName?: string | null;

  @Field(() => Int, { nullable: true, description: "Guidance meetings: the adviser's qualification level (1–8)." })
  adviserLevel?: number | null;
}

@InputType()
export class CreateEncounterInput extends EncounterDetailsInput {
  @Field(() => EncounterKindEnum)
  kind: EncounterKind;

  @Field()
  title: string;

  @Field(() => Date)
  date: Date;

  @Field(() => Float)
  hours: number;

  @Field()
  inSchoolDay: boolean;

  @Field(() => [Int], { nullable: true, description: "Gatsby Benchmarks 1–8; the kind's defaults when left out." })
  benchmarks?: number[] | null;

  @Field(() => [ID], { nullable: true })
  employerIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  volunteerIds?: string[] | null;

  @Field(() => [Int], { description: 'Year groups 7–13, at least one.' })
  yearGroups: number[];

  @Field(() => [RegisterEntryInput])
  register: RegisterEntryInput[];

  @Field(() => String, {
    nullable: true,
    description:
      "Sent again with a retry, the same key answers the encounter it first made at the caller's school instead of making another (up to 100 letters, digits, dots, colons, underscores or hyphens).",
  })
  idempotencyKey?: string | null;
}

@InputType()
export class UpdateEncounterInput extends EncounterDetailsInput {
  @Field(() => ID)
  id: string;

  @Field(() => EncounterKindEnum, { nullable: true })
  kind?: EncounterKind | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Date, { nullable: true })
  date?: Date | null;

  @Field(() => Float, { nullable: true })
  hours?: number | null;

  @Field(() => Boolean, { nullable: true })
  inSchoolDay?: boolean | null;

  @Field(() => [Int], { nullable: true })
  benchmarks?: number[] | null;

  @Field(() => [ID], { nullable: true })
  employerIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  volunteerIds?: string[] | null;

  @Field(() => [Int], { nullable: true })
  yearGroups?: number[] | null;
}
