import { buildFederatedSchema } from '@waymark/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { AccountResolver } from './modules/account/account.resolver.js';
import { resolveAccountReference } from './modules/account/account.reference.js';
import { ApiCredentialResolver } from './modules/api-credential/api-credential.resolver.js';

export function buildIdentitySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [AccountResolver, ApiCredentialResolver],
    references: { Account: resolveAccountReference },
  });
}
