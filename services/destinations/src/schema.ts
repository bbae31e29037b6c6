import { buildFederatedSchema } from '@waymark/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { Destination } from './modules/destination/destination.entity.js';
import { destinationResolver } from './modules/destination/destination.resolver.js';
import { pupilDestinationsResolver } from './modules/destination/pupil-destinations.resolver.js';
import { resolveDestinationReference, resolvePupilReference } from './modules/destination/destination.reference.js';
import { PupilStub } from './modules/external/pupil.stub.js';
import { subjectAccessResolver } from './modules/subject-access/subject-access.resolver.js';

export interface DestinationsSchemaConfig {
  /** The pupils subgraph, asked on the caller's behalf how much of a pupil's history (across transfers) they may read. */
  pupilsUrl: string;
}

export function buildDestinationsSchema(config: DestinationsSchemaConfig): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [destinationResolver(config), pupilDestinationsResolver(config), subjectAccessResolver(config)],
    // No query returns these; the gateway reaches them only through `_entities`.
    orphanedTypes: [Destination, PupilStub],
    references: { Destination: resolveDestinationReference, Pupil: resolvePupilReference },
  });
}
