import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@waymark/subgraph-kit';
import { ApiCredential } from './api-credential.entity.js';
import { CreateApiCredentialInput, CreateApiCredentialResult, RevokeApiCredentialResult } from './api-credential.inputs.js';
import { ApiCredentialService } from './api-credential.service.js';

@Resolver(() => ApiCredential)
export class ApiCredentialResolver {
  @Authorized('trust_analyst')
  @Query(() => [ApiCredential], { nullable: true, description: "Trust analysts: their trust's API credentials, newest first, revoked ones included." })
  apiCredentials(@Ctx() ctx: RequestContext): Promise<ApiCredential[]> {
    return new ApiCredentialService(ctx.em).list(ctx.principal);
  }

  @Authorized('trust_analyst')
  @Mutation(() => CreateApiCredentialResult, { description: 'Trust analysts: a new API key for their trust.' })
  createApiCredential(@Arg('input') input: CreateApiCredentialInput, @Ctx() ctx: RequestContext): Promise<CreateApiCredentialResult> {
    return new ApiCredentialService(ctx.em).create(ctx.principal, input);
  }

  @Authorized('trust_analyst')
  @Mutation(() => RevokeApiCredentialResult, { description: "Trust analysts: stops one of their trust's API keys working." })
  revokeApiCredential(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<RevokeApiCredentialResult> {
    return new ApiCredentialService(ctx.em).revoke(ctx.principal, id);
  }
}
