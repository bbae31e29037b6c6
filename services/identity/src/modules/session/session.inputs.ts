import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MutationError } from '@waymark/subgraph-kit';

@ObjectType({ description: 'A browser or app the person is signed in on.' })
export class SignedInDevice {
  @Field(() => ID)
  id: string;

  @Field()
  signedInAt: Date;

  @Field()
  lastSeenAt: Date;

  @Field({ description: 'When the session ends unless it is used again.' })
  expiresAt: Date;

  @Field(() => String, { nullable: true, description: 'How the browser described itself when it signed in.' })
  userAgent: string | null;

  @Field({ description: 'True for the device asking.' })
  current: boolean;
}

@InputType()
export class EndSignedInDeviceInput {
  @Field(() => ID)
  id: string;
}

@ObjectType()
export class EndSignedInDeviceResult {
  @Field(() => ID, { nullable: true, description: 'The device signed out.' })
  id: string | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword: string;

  @Field({ description: 'At least 12 characters; three random words work well.' })
  newPassword: string;
}

@ObjectType()
export class ChangePasswordResult {
  @Field(() => Int, { nullable: true, description: 'How many other devices were signed out: every one but the device asking.' })
  signedOutDevices: number | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
