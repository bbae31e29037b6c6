import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { API_SCOPES } from '@waymark/auth';
import { MutationError } from '@waymark/subgraph-kit';
import { WebhookEndpoint } from './webhook.entity.js';
import { WEBHOOK_EVENT_TYPES } from './webhook.events.js';

@InputType()
export class RegisterWebhookEndpointInput {
  @Field({ description: 'Where events are sent: an https:// address on the public internet.' })
  url: string;

  @Field(() => [String], { description: `Any of: ${WEBHOOK_EVENT_TYPES.join(', ')}.` })
  events: string[];

  @Field(() => [String], { nullable: true, description: `The endpoint's own scopes (any of: ${API_SCOPES.join(', ')}); leave out when it acts as an API key.` })
  scopes?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: "One of the trust's API keys: the endpoint then gets only what that key may read, and nothing once it is revoked.",
  })
  apiCredentialId?: string | null;
}

@ObjectType()
export class WebhookEndpointSecretResult {
  @Field(() => WebhookEndpoint, { nullable: true })
  endpoint: WebhookEndpoint | null;

  @Field(() => String, { nullable: true, description: 'The signing secret to give the receiver. Shown only here, once.' })
  secret: string | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}

@ObjectType()
export class WebhookEndpointResult {
  @Field(() => WebhookEndpoint, { nullable: true })
  endpoint: WebhookEndpoint | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
