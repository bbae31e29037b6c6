import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import type { EncounterKind } from '@waymark/domain';
import { EncounterKindEnum } from './encounter.entity.js';

@ArgsType()
export class EncountersArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@InputType()
export class RegisterEntryInput {
  @Field(() => ID)
  pupilId: string;

  @Field()
  attended: boolean;
}

@InputType()
export class CreateEncounterInput {
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

  @Field(() => [Int], { nullable: true, description: 'Gatsby Benchmarks 1–8; the kind\'s defaults when left out.' })
  benchmarks?: number[] | null;

  @Field(() => [ID], { nullable: true })
  employerIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  volunteerIds?: string[] | null;

  @Field(() => [Int], { description: 'Year groups 7–13, at least one.' })
  yearGroups: number[];

  @Field(() => [RegisterEntryInput])
  register: RegisterEntryInput[];
}
