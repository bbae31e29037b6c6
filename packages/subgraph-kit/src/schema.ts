import 'reflect-metadata';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type AuthChecker, type NonEmptyArray } from 'type-graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { RequestContext } from './context.js';
import type { ReferenceResolver } from './reference.js';
import { authChecker } from './authorize.js';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

export interface SubgraphSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type this subgraph can resolve. */
  references?: Record<string, ReferenceResolver>;
  checker?: AuthChecker<RequestContext>;
}

/**
 * type-graphql classes → a Federation 2 subgraph schema. Pure (no database, no network), so the
 * composition step and the tests build exactly what the server runs.
 */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    authChecker: options.checker ?? authChecker,
    skipCheck: true,
    validate: false,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<RequestContext>;
  for (const [typename, resolveReference] of Object.entries(options.references ?? {})) {
    const existing = (resolvers[typename] ?? {}) as Record<string, unknown>;
    resolvers[typename] = { ...existing, __resolveReference: resolveReference };
  }
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}
