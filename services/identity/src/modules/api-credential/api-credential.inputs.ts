import { Field, InputType, ObjectType } from 'type-graphql';
import { API_SCOPES } from '@waymark/auth';
import { MutationError } from '@waymark/subgraph-kit';
import { ApiCredential } from './api-credential.entity.js';

@InputType()
export class CreateApiCredentialInput {
  @Field({ description: 'What the integration is, e.g. "MIS roster sync".' })
  name: string;

  @Field(() => [String], { description: `Any of: ${API_SCOPES.join(', ')}.` })
  scopes: string[];
}

@ObjectType()
export class CreateApiCredentialResult {
  @Field(() => ApiCredential, { nullable: true })
  credential: ApiCredential | null;

  @Field(() => String, { nullable: true, description: 'The key to give the integration. Shown only here, once.' })
  secret: string | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType()
export class RevokeApiCredentialResult {
  @Field(() => ApiCredential, { nullable: true })
  credential: ApiCredential | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
