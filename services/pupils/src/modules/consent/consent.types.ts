import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';

@ObjectType({ description: 'Consent to destination tracking after 16, and the local-authority sharing opt-out.' })
export class PupilConsent {
  @Field()
  destinationTracking: boolean;

  @Field()
  localAuthoritySharingOptOut: boolean;

  @Field(() => String, { nullable: true, description: 'PARENT or PUPIL: whose opt-out it is.' })
  optOutBy: string | null;

  @Field(() => Date, { nullable: true })
  updatedAt: Date | null;
}

@InputType()
export class SetPupilConsentInput {
  @Field(() => ID)
  pupilId: string;

  @Field(() => Boolean, { nullable: true })
  destinationTracking?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  localAuthoritySharingOptOut?: boolean | null;
}

@ObjectType()
export class SetPupilConsentResult {
  @Field(() => PupilConsent, { nullable: true })
  consent: PupilConsent | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
