import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { RecordComment } from './comment.entity.js';

@InputType()
export class AddRecordCommentInput {
  @Field(() => ID)
  pupilId: string;

  @Field()
  body: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Any string of up to 100 letters, digits, dots, colons, underscores and hyphens, unique to this comment. Sending the same key again (after a timeout, say) returns the comment already saved instead of adding it twice.',
  })
  idempotencyKey?: string | null;
}

@ObjectType()
export class AddRecordCommentResult {
  @Field(() => RecordComment, { nullable: true })
  comment: RecordComment | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;

  /** A retry answered with the comment saved the first time: nothing changed, so nothing is logged. Not in the schema. */
  replayed = false;
}
