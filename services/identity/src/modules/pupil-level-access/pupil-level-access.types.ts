import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';
import { PupilLevelAccessChange } from './pupil-level-access.entity.js';

@ObjectType({
  description:
    "An analyst of the caller's trust, and whether they have pupil-level access: pupils' names, records and vulnerable-group flags at every school of the trust.",
})
export class TrustAnalyst {
  @Field(() => ID)
  accountId: string;

  @Field()
  displayName: string;

  @Field({ description: 'The email they sign in with.' })
  email: string;

  @Field({ description: 'Whether this is the signed-in analyst themself.' })
  you: boolean;

  @Field({ description: 'Whether they have pupil-level access now.' })
  pupilLevelAccess: boolean;

  @Field(() => PupilLevelAccessChange, {
    nullable: true,
    description: 'The latest grant or withdrawal of their access: who made it and when. Null when none was recorded (access set up with the trust).',
  })
  lastChange: PupilLevelAccessChange | null;
}

@InputType()
export class GrantPupilLevelAccessInput {
  @Field(() => ID, { description: "An analyst of the caller's trust." })
  accountId: string;
}

@ObjectType()
export class GrantPupilLevelAccessResult {
  @Field(() => TrustAnalyst, { nullable: true })
  analyst: TrustAnalyst | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class WithdrawPupilLevelAccessInput {
  @Field(() => ID, { description: "An analyst of the caller's trust." })
  accountId: string;
}

@ObjectType()
export class WithdrawPupilLevelAccessResult {
  @Field(() => TrustAnalyst, { nullable: true })
  analyst: TrustAnalyst | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
