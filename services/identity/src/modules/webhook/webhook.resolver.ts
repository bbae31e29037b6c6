import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, type ClassType } from 'type-graphql';
import type { RequestContext } from '@waymark/subgraph-kit';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity.js';
import { RegisterWebhookEndpointInput, WebhookEndpointResult, WebhookEndpointSecretResult } from './webhook.inputs.js';
import { WebhookService, type WebhookSettings } from './webhook.service.js';

/**
 * Trust analysts manage their trust's webhook endpoints, as they do its API keys (the same rule,
 * `managedTrust`: a person, never an integration using a key). Another trust's endpoint reads as not found.
 */
export function webhookResolver(settings: WebhookSettings): ClassType {
  const service = (ctx: RequestContext) => new WebhookService(ctx.em, settings);

  @Resolver(() => WebhookEndpoint)
  class WebhookResolver {
    @Authorized('trust_analyst')
    @Query(() => [WebhookEndpoint], { nullable: true, description: "Trust analysts: their trust's webhook endpoints, newest first." })
    webhookEndpoints(@Ctx() ctx: RequestContext): Promise<WebhookEndpoint[]> {
      return service(ctx).list(ctx.principal);
    }

    @Authorized('trust_analyst')
    @Query(() => [WebhookDelivery], {
      nullable: true,
      description:
        "Trust analysts: one of their trust's endpoints' most recent deliveries, newest first (at most 100); null for an endpoint that is not their trust's.",
    })
    webhookDeliveries(
      @Arg('endpointId', () => ID) endpointId: string,
      @Arg('first', () => Int, { defaultValue: 50 }) first: number,
      @Ctx() ctx: RequestContext,
    ): Promise<WebhookDelivery[] | null> {
      return service(ctx).deliveries(ctx.principal, endpointId, first);
    }

    @Authorized('trust_analyst')
    @Mutation(() => WebhookEndpointSecretResult, { description: 'Trust analysts: a new webhook endpoint for their trust; its signing secret is shown once.' })
    registerWebhookEndpoint(@Arg('input') input: RegisterWebhookEndpointInput, @Ctx() ctx: RequestContext): Promise<WebhookEndpointSecretResult> {
      return service(ctx).register(ctx.principal, input);
    }

    @Authorized('trust_analyst')
    @Mutation(() => WebhookEndpointResult, { description: "Trust analysts: stops sending to one of their trust's endpoints; what was waiting is cancelled." })
    disableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<WebhookEndpointResult> {
      return service(ctx).disable(ctx.principal, id);
    }

    @Authorized('trust_analyst')
    @Mutation(() => WebhookEndpointResult, { description: "Trust analysts: deletes one of their trust's endpoints and its delivery history." })
    deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<WebhookEndpointResult> {
      return service(ctx).delete(ctx.principal, id);
    }

    @Authorized('trust_analyst')
    @Mutation(() => WebhookEndpointSecretResult, {
      description: "Trust analysts: a new signing secret for one of their trust's endpoints, shown once; the old one stops at once.",
    })
    rotateWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<WebhookEndpointSecretResult> {
      return service(ctx).rotateSecret(ctx.principal, id);
    }
  }
  return WebhookResolver;
}
