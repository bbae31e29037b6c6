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

  @Field(() => ID, {
    nullable: true,
    description: 'A meeting booked for this pupil (bookGuidanceMeetings) that has now been held: it becomes this record instead of a new one being made.',
  })
  bookedMeetingId?: string | null;
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

@ObjectType({
  description:
    'A personal guidance meeting booked ahead for one pupil and not yet held: an encounter of kind GUIDANCE_MEETING with `booked` true. It counts for no benchmark until it is recorded as held (recordGuidanceMeeting with its id).',
})
export class BookedGuidanceMeeting {
  @Field(() => ID, { description: "The encounter's id." })
  id: string;

  @Field(() => Date, { description: 'When it is. With `hasTime` false only the day is known: read it as the day of `date` in England.' })
  date: Date;

  @Field()
  hasTime: boolean;

  @Field()
  adviserName: string;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true, description: 'Notes for staff only. Always null for pupils, parents, analysts, employers and alumni.' })
  notes: string | null;

  @Field(() => Pupil, { nullable: true })
  pupil: Pupil;
}

@InputType()
export class BookGuidanceMeetingsInput {
  @Field(() => [ID], { description: "Pupils on roll at the caller's school: one meeting is booked for each." })
  pupilIds: string[];

  @Field(() => Date, { description: 'When the meetings are: the start time on a clock in England, or the day (as noon UTC) when `hasTime` is false.' })
  date: Date;

  @Field({ description: 'Whether `date` includes a start time.' })
  hasTime: boolean;

  @Field()
  adviserName: string;

  @Field(() => String, { nullable: true, description: 'Where the meetings take place.' })
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes for staff only.' })
  notes?: string | null;
}

@ObjectType()
export class BookGuidanceMeetingsResult {
  @Field(() => [BookedGuidanceMeeting], { description: 'The meetings booked, one per pupil; empty when anything was wrong (nothing is booked then).' })
  meetings: BookedGuidanceMeeting[];

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class MoveGuidanceBookingInput {
  @Field(() => ID, { description: 'The booked meeting (its id, as in BookedGuidanceMeeting).' })
  id: string;

  @Field(() => Date, { description: 'The new time: the start time on a clock in England, or the day (as noon UTC) when `hasTime` is false.' })
  date: Date;

  @Field({ description: 'Whether `date` includes a start time.' })
  hasTime: boolean;

  @Field(() => String, { nullable: true, description: 'The new place; left out: unchanged; null: none.' })
  location?: string | null;
}

@ObjectType()
export class MoveGuidanceBookingResult {
  @Field(() => BookedGuidanceMeeting, { nullable: true })
  meeting: BookedGuidanceMeeting | null;

  /** For the audit trail; not in the schema. */
  pupilId: string | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType()
export class CancelGuidanceBookingResult {
  @Field({ description: 'True when the booking was cancelled.' })
  cancelled: boolean;

  /** For the audit trail; not in the schema. */
  pupilId: string | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
