import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { Pupil } from '../pupil/pupil.entity.js';

@InputType()
export class MarkPupilLeftInput {
  @Field(() => ID)
  pupilId: string;

  @Field(() => String, {
    description: 'The day they left (YYYY-MM-DD): not in the future, and not before their time at the school began (the latest enrolment startedOn).',
  })
  leftOn: string;
}

@ObjectType()
export class MarkPupilLeftResult {
  @Field(() => Pupil, { nullable: true, description: 'The pupil, now showing leftOn; with an error, as they are (or null when not one you can change).' })
  pupil: Pupil | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class MarkPupilBackOnRollInput {
  @Field(() => ID)
  pupilId: string;
}

@ObjectType()
export class MarkPupilBackOnRollResult {
  @Field(() => Pupil, {
    nullable: true,
    description: 'The pupil, on roll again (leftOn null); with an error, as they are (or null when not one you can change).',
  })
  pupil: Pupil | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
