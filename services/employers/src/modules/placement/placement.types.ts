import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { Placement, PlacementApplication } from './placement.entity.js';

@InputType()
export class OfferPlacementInput {
  @Field()
  title: string;

  @Field({ description: 'What the pupil will do.' })
  tasks: string;

  @Field({ description: 'The first day, YYYY-MM-DD; not in the past.' })
  dateFrom: string;

  @Field({ description: 'The last day, YYYY-MM-DD; on or after dateFrom.' })
  dateTo: string;

  @Field(() => Float, { description: 'Hours a day, more than 0 and at most 8.' })
  hoursPerDay: number;

  @Field(() => Int, { description: 'Pupils it can take: at least 1.' })
  capacity: number;

  @Field(() => [Int], { description: 'Year groups 7–13, at least one.' })
  yearGroups: number[];

  @Field(() => [ID], { description: 'Schools it is offered to: among the schools the volunteer works with, at least one.' })
  schoolIds: string[];
}

@ObjectType()
export class PlacementResult {
  @Field(() => Placement, { nullable: true })
  placement: Placement | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class ApplyForPlacementInput {
  @Field(() => ID)
  placementId: string;

  @Field({ description: 'Why the pupil would like the placement, for their school (up to 1,000 characters).' })
  statement: string;
}

@ObjectType()
export class PlacementApplicationResult {
  @Field(() => PlacementApplication, { nullable: true })
  application: PlacementApplication | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class AnswerPlacementApplicationInput {
  @Field(() => ID)
  applicationId: string;

  @Field()
  approve: boolean;

  @Field({ description: 'The message the pupil reads with the answer.' })
  message: string;
}

@InputType()
export class PlacementFeedbackInput {
  @Field(() => ID)
  applicationId: string;

  @Field({ description: 'Feedback the pupil reads (up to 2,000 characters).' })
  feedback: string;
}

@InputType()
export class CompletePlacementInput {
  @Field(() => ID)
  placementId: string;

  @Field(() => [PlacementFeedbackInput], { nullable: true, description: 'Feedback for some or all of the approved pupils.' })
  feedback?: PlacementFeedbackInput[] | null;
}
