import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { RecordComment } from './comment.entity.js';

@InputType()
export class AddRecordCommentInput {
  @Field(() => ID)
  pupilId: string;

  @Field()
  body: string;
}

@ObjectType()
export class AddRecordCommentResult {
  @Field(() => RecordComment, { nullable: true })
  comment: RecordComment | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
