import { buildFederatedSchema, resolveOwnAccountReference } from '@waymark/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { EmployerResolver } from './modules/employer/employer.resolver.js';
import { resolveEmployerReference } from './modules/employer/employer.reference.js';
import { VolunteerResolver } from './modules/volunteer/volunteer.resolver.js';
import { resolveVolunteerReference } from './modules/volunteer/volunteer.reference.js';
import { AccountSubjectAccessResolver } from './modules/subject-access/account-subject-access.resolver.js';
import { AccountStub } from './modules/external/account.stub.js';
import {
  PersonSubjectAccessResolver,
  PersonSubjectAccessStub,
  resolvePersonSubjectAccessReference,
  VolunteerConnectionResolver,
} from './modules/person-export/person-export.resolver.js';
import { VolunteerProfileResolver } from './modules/volunteer-profile/volunteer-profile.resolver.js';
import { VolunteerOfferResolver, VolunteerRequestResolver } from './modules/request/request.resolver.js';
import { RoleModelResolver } from './modules/role-model/role-model.resolver.js';
import { PlacementApplicationResolver, PlacementResolver } from './modules/placement/placement.resolver.js';
import {
  PlacementApplicationChecksResolver,
  VolunteerCheckResolver,
  VolunteerChecksResolver,
  VolunteerOfferChecksResolver,
} from './modules/volunteer-check/volunteer-check.resolver.js';
import { RetentionResolver } from './modules/retention/pseudonymise.resolver.js';
import { VolunteerErasureResolver } from './modules/volunteer-erasure/volunteer-erasure.resolver.js';
import { VolunteerSignUpResolver } from './modules/volunteer-sign-up/volunteer-sign-up.resolver.js';
import { SuggestedMatchResolver } from './modules/suggested-match/suggested-match.resolver.js';

export function buildEmployersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      RetentionResolver,
      VolunteerErasureResolver,
      EmployerResolver,
      VolunteerResolver,
      VolunteerProfileResolver,
      RoleModelResolver,
      VolunteerRequestResolver,
      VolunteerOfferResolver,
      SuggestedMatchResolver,
      PlacementResolver,
      PlacementApplicationResolver,
      VolunteerCheckResolver,
      VolunteerChecksResolver,
      VolunteerOfferChecksResolver,
      PlacementApplicationChecksResolver,
      AccountSubjectAccessResolver,
      PersonSubjectAccessResolver,
      VolunteerConnectionResolver,
      VolunteerSignUpResolver,
    ],
    // Reached only through `_entities`: the gateway brings the signed-in person's account from identity.
    orphanedTypes: [AccountStub, PersonSubjectAccessStub],
    references: {
      Employer: resolveEmployerReference,
      Volunteer: resolveVolunteerReference,
      Account: resolveOwnAccountReference,
      PersonSubjectAccess: resolvePersonSubjectAccessReference,
    },
  });
}
