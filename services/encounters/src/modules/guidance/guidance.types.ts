import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { Pupil } from '../external/external.entity.js';
import { AgreedAction } from './agreed-action.entity.js';

@ObjectType({ description: 'A personal guidance meeting (Benchmark 8): an encounter of kind GUIDANCE_MEETING with one pupil.' })
export class GuidanceMeeting {
  @Field(() => ID, { description: "The encounter's id." })
  id: string;

  @Field(() => Date)
  date: Date;

  @Field()
  adviserName: string;

  @Field(() => Int)
  adviserLevel: number;

  @Field(() => String, { nullable: true, description: "The adviser's notes: staff only. Always null for pupils, parents, analysts, employers and alumni." })
  notes: string | null;

  @Field(() => [AgreedAction])
  agreedActions: AgreedAction[];

  @Field(() => Pupil, { nullable: true })
  pupil: Pupil;
}

@InputType()
export class AgreedActionInput {
  @Field()
  text: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dueOn?: string | null;
}

@InputType()
export class RecordGuidanceMeetingInput {
  @Field(() => ID)
  pupilId: string;

  @Field(() => Date)
  date: Date;

  @Field()
  adviserName: string;

  @Field(() => Int, { description: "The adviser's qualification level; 6 or above counts for Benchmark 8." })
  adviserLevel: number;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => [AgreedActionInput], { nullable: true })
  actions?: AgreedActionInput[] | null;
}

@ObjectType()
export class GuidanceMeetingResult {
  @Field(() => GuidanceMeeting, { nullable: true })
  meeting: GuidanceMeeting | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType()
export class AgreedActionResult {
  @Field(() => AgreedAction, { nullable: true })
  action: AgreedAction | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
