import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';

@ObjectType({ description: 'Whether signing in asks for a code from an authenticator app (staff and analysts).' })
export class SecondFactorStatus {
  @Field()
  enabled: boolean;

  @Field(() => Date, { nullable: true })
  enabledAt: Date | null;

  @Field(() => Int, { description: 'One-time recovery codes not used yet.' })
  recoveryCodesLeft: number;

  @Field({ description: 'True when the school or trust requires it: it cannot then be turned off.' })
  required: boolean;
}

@ObjectType()
export class StartSecondFactorEnrolmentResult {
  @Field(() => String, { nullable: true, description: 'The secret to type into an authenticator app (base32).' })
  secret: string | null;

  @Field(() => String, { nullable: true, description: 'The same, as an otpauth:// address for a QR code.' })
  otpauthUri: string | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class ConfirmSecondFactorInput {
  @Field({ description: 'The six digits the authenticator app shows now.' })
  code: string;
}

@ObjectType()
export class ConfirmSecondFactorResult {
  @Field(() => SecondFactorStatus, { nullable: true })
  status: SecondFactorStatus | null;

  @Field(() => [String], { nullable: true, description: 'One-time recovery codes, shown only here: each signs in once without the app.' })
  recoveryCodes: string[] | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class CreateRecoveryCodesInput {
  @Field({ description: 'The six digits the authenticator app shows now.' })
  code: string;
}

@ObjectType()
export class CreateRecoveryCodesResult {
  @Field(() => [String], { nullable: true, description: 'New one-time recovery codes, shown only here; the old ones stop working.' })
  recoveryCodes: string[] | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class TurnOffSecondFactorInput {
  @Field()
  password: string;
}

@ObjectType()
export class TurnOffSecondFactorResult {
  @Field(() => SecondFactorStatus, { nullable: true })
  status: SecondFactorStatus | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class SetSecondFactorRequirementInput {
  @Field({ description: 'True: every member of staff (or analyst) must give a code from an authenticator app at sign-in.' })
  required: boolean;
}

@ObjectType()
export class SetSecondFactorRequirementResult {
  @Field(() => Boolean, { nullable: true })
  required: boolean | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
