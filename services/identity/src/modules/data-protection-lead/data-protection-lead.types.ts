import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';

@ObjectType({
  description: "A member of staff who holds the school's data protection lead role: they read the data access log and make subject-access exports.",
})
export class DataProtectionLead {
  @Field(() => ID)
  accountId: string;

  @Field()
  displayName: string;

  @Field({ description: 'The email they sign in with.' })
  email: string;

  @Field({ description: 'Whether this is the signed-in careers leader themself.' })
  you: boolean;
}

@InputType()
export class GrantDataProtectionLeadInput {
  @Field({ description: 'The sign-in email of a member of staff at the careers leader’s school.' })
  email: string;
}

@ObjectType()
export class GrantDataProtectionLeadResult {
  @Field(() => DataProtectionLead, { nullable: true })
  lead: DataProtectionLead | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class RemoveDataProtectionLeadInput {
  @Field(() => ID)
  accountId: string;
}

@ObjectType()
export class RemoveDataProtectionLeadResult {
  @Field(() => ID, { nullable: true, description: 'The account that no longer holds the role.' })
  accountId: string | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
