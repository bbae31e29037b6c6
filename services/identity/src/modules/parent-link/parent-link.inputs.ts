import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { Account } from '../account/account.entity.js';

@InputType()
export class LinkParentAccountInput {
  @Field({ description: "The parent or carer's email: their sign-in name." })
  email: string;

  @Field({ description: 'Their name, as the school knows it. Used only when a new account is created.' })
  displayName: string;

  @Field(() => ID, { description: "A pupil of the caller's school." })
  pupilId: string;
}

@ObjectType()
export class LinkParentAccountResult {
  @Field(() => Account, { nullable: true })
  account: Account | null;

  @Field(() => String, {
    nullable: true,
    description: 'When a new account was created: the password to give the parent, who signs in with it. Shown only here, once.',
  })
  temporaryPassword: string | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class UnlinkParentAccountInput {
  @Field(() => ID)
  accountId: string;

  @Field(() => ID)
  pupilId: string;
}

@ObjectType()
export class UnlinkParentAccountResult {
  @Field(() => ID, { nullable: true, description: 'The parent account the pupil was unlinked from.' })
  accountId: string | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
