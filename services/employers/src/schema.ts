import { buildFederatedSchema } from '@waymark/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { EmployerResolver } from './modules/employer/employer.resolver.js';
import { resolveEmployerReference } from './modules/employer/employer.reference.js';
import { VolunteerResolver } from './modules/volunteer/volunteer.resolver.js';
import { resolveVolunteerReference } from './modules/volunteer/volunteer.reference.js';

export function buildEmployersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [EmployerResolver, VolunteerResolver],
    references: { Employer: resolveEmployerReference, Volunteer: resolveVolunteerReference },
  });
}
