import { buildFederatedSchema } from '@waymark/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { PupilResolver } from './modules/pupil/pupil.resolver.js';
import { resolvePupilReference } from './modules/pupil/pupil.reference.js';
import { SchoolResolver, TrustResolver } from './modules/school/school.resolver.js';
import { resolveSchoolReference, resolveTrustReference } from './modules/school/school.reference.js';

export function buildPupilsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [PupilResolver, SchoolResolver, TrustResolver],
    references: { Pupil: resolvePupilReference, School: resolveSchoolReference, Trust: resolveTrustReference },
  });
}
