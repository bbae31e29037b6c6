import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { Volunteer } from '../external/external.entity.js';

@InputType({ description: "A volunteer's feedback on an encounter they delivered: on the pupils as a group, and on how the school organised it." })
export class GiveEngagementFeedbackInput {
  @Field(() => ID)
  encounterId: string;

  @Field({ description: "On the pupils' work as a group (1 to 2,000 characters)." })
  groupFeedback: string;

  @Field(() => Int, { description: 'How well the school organised it, 1 (poorly) to 5 (very well). Only the school’s careers leaders see it.' })
  organisationRating: number;

  @Field({ description: 'Why, and what would help next time (1 to 2,000 characters). Only the school’s careers leaders see it.' })
  organisationFeedback: string;
}

@InputType()
export class PupilFeedbackEntry {
  @Field(() => ID, { description: 'The pupil’s row on the register (`FeedbackPupil.participationId`).' })
  participationId: string;

  @Field({ description: '1 to 2,000 characters; the pupil reads it.' })
  text: string;
}

@InputType({ description: 'Feedback for pupils who attended a workplace experience the volunteer delivered; all saved or none.' })
export class GivePupilFeedbackInput {
  @Field(() => ID)
  encounterId: string;

  @Field(() => [PupilFeedbackEntry])
  feedback: PupilFeedbackEntry[];
}

@InputType({ description: 'A careers leader thanks a volunteer who delivered an encounter.' })
export class ThankVolunteerInput {
  @Field(() => ID)
  encounterId: string;

  @Field(() => ID)
  volunteerId: string;

  @Field({ description: 'The volunteer reads it (1 to 1,000 characters).' })
  message: string;

  @Field(() => Int, { description: 'How it went, 1 to 5: kept by the school, never shown to the volunteer.' })
  rating: number;
}

@ObjectType({ description: "A volunteer's feedback on an encounter they delivered." })
export class EngagementFeedbackView {
  @Field(() => ID)
  id: string;

  @Field(() => Volunteer, { nullable: true })
  volunteer: Volunteer;

  @Field()
  groupFeedback: string;

  @Field(() => Int, { nullable: true, description: "The school's careers leaders and the volunteer who wrote it; null for anyone else." })
  organisationRating: number | null;

  @Field(() => String, { nullable: true, description: "The school's careers leaders and the volunteer who wrote it; null for anyone else." })
  organisationFeedback: string | null;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType({ description: 'A pupil who attended a workplace experience, as the volunteer who delivered it may know them: a first name and year group.' })
export class FeedbackPupil {
  @Field(() => ID)
  participationId: string;

  @Field()
  firstName: string;

  @Field(() => Int, { nullable: true })
  yearGroup: number | null;

  @Field(() => String, { nullable: true, description: 'What this volunteer has written for the pupil, if anything.' })
  feedback: string | null;
}

@ObjectType({ description: "A volunteer's words for one pupil, after a workplace experience." })
export class PupilFeedbackNote {
  @Field(() => ID)
  id: string;

  @Field()
  text: string;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType({ description: "A school's thanks to a volunteer for an encounter." })
export class VolunteerThanksView {
  @Field(() => ID)
  id: string;

  @Field(() => Volunteer, { nullable: true })
  volunteer: Volunteer;

  @Field()
  message: string;

  @Field(() => Int, { nullable: true, description: "The school's staff only; null for the volunteer." })
  rating: number | null;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType()
export class GiveEngagementFeedbackResult {
  @Field(() => EngagementFeedbackView, { nullable: true })
  feedback: EngagementFeedbackView | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType()
export class GivePupilFeedbackResult {
  @Field(() => [FeedbackPupil], { nullable: true, description: 'The attended pupils with what the volunteer has written for each, after saving.' })
  pupils: FeedbackPupil[] | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType()
export class ThankVolunteerResult {
  @Field(() => VolunteerThanksView, { nullable: true })
  thanks: VolunteerThanksView | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
