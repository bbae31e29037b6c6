import { buildFederatedSchema, resolveOwnAccountReference } from '@waymark/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { Destination } from './modules/destination/destination.entity.js';
import { DestinationResolver } from './modules/destination/destination.resolver.js';
import { PupilDestinationsResolver } from './modules/destination/pupil-destinations.resolver.js';
import { resolveDestinationReference, resolvePupilReference } from './modules/destination/destination.reference.js';
import { PupilStub } from './modules/external/pupil.stub.js';
import { PupilSubjectAccessResolver } from './modules/subject-access/pupil-subject-access.resolver.js';
import { AccountSubjectAccessResolver } from './modules/subject-access/account-subject-access.resolver.js';
import { AccountStub } from './modules/external/account.stub.js';
import { SpellResolver } from './modules/spell/spell.resolver.js';
import { ActivitySpellFieldsResolver, PupilSpellResolver } from './modules/spell/pupil-spell.resolver.js';
import { AnalyticsResolver } from './modules/analytics/analytics.resolver.js';
import { IntentionResolver } from './modules/intention/intention.resolver.js';
import { IntentionFieldsResolver, PupilIntentionResolver } from './modules/intention/pupil-intention.resolver.js';
import { SelfReportFieldsResolver, SelfReportResolver } from './modules/self-report/self-report.resolver.js';
import { AlumniReportFieldsResolver, AlumniReportResolver } from './modules/alumni-report/alumni-report.resolver.js';
import {
  PersonSubjectAccessResolver,
  PersonSubjectAccessStub,
  resolvePersonSubjectAccessReference,
} from './modules/subject-access/person-subject-access.resolver.js';
import { RetentionResolver } from './modules/retention/pseudonymise.resolver.js';
import { VolunteerErasureResolver } from './modules/volunteer-erasure/volunteer-erasure.resolver.js';
import { SeptemberOfferResolver } from './modules/september-offer/september-offer.resolver.js';
import { DestinationSyncResolver } from './modules/sync/destination-sync.resolver.js';

/** The schema is the same for every app: what differs (the pupils subgraph's address) reaches resolvers as `ctx.deps`. */
export function buildDestinationsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      RetentionResolver,
      VolunteerErasureResolver,
      DestinationResolver,
      PupilDestinationsResolver,
      PupilSubjectAccessResolver,
      AccountSubjectAccessResolver,
      IntentionResolver,
      PupilIntentionResolver,
      IntentionFieldsResolver,
      SeptemberOfferResolver,
      SpellResolver,
      PupilSpellResolver,
      ActivitySpellFieldsResolver,
      AnalyticsResolver,
      SelfReportResolver,
      SelfReportFieldsResolver,
      AlumniReportResolver,
      AlumniReportFieldsResolver,
      PersonSubjectAccessResolver,
      DestinationSyncResolver,
    ],
    // No query returns these; the gateway reaches them only through `_entities`.
    orphanedTypes: [Destination, PupilStub, AccountStub, PersonSubjectAccessStub],
    references: {
      Destination: resolveDestinationReference,
      Pupil: resolvePupilReference,
      Account: resolveOwnAccountReference,
      PersonSubjectAccess: resolvePersonSubjectAccessReference,
    },
  });
}
