import { buildFederatedSchema } from '@waymark/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { EncounterMutationResolver, EncounterResolver, ParticipationResolver } from './modules/encounter/encounter.resolver.js';
import { EncounterSyncResolver } from './modules/sync/encounter-sync.resolver.js';
import { BenchmarkFeedResolver } from './modules/benchmark-feed/benchmark-feed.resolver.js';
import { resolveEncounterReference } from './modules/encounter/encounter.reference.js';
import { PupilEncounterResolver } from './modules/encounter/pupil-encounter.resolver.js';
import { VolunteerEncounterResolver } from './modules/encounter/volunteer-encounter.resolver.js';
import { SchoolEncounterResolver } from './modules/encounter/school-encounter.resolver.js';
import { resolveAccountReference, resolvePupilReference, resolveSchoolReference, resolveVolunteerReference } from './modules/external/external.reference.js';
import { Account, Employer } from './modules/external/external.entity.js';
import { DashboardResolver } from './modules/benchmarks/benchmarks.resolver.js';
import { PupilBenchmarksResolver } from './modules/benchmarks/pupil-benchmarks.resolver.js';
import { ParticipationMeaningResolver, RegisterMutations } from './modules/register/register.resolver.js';
import { OwnActivityResolver } from './modules/activity/own-activity.resolver.js';
import { PupilActivityResolver } from './modules/activity/pupil-activity.resolver.js';
import { OutlookMutations } from './modules/outlook/outlook.resolver.js';
import { PupilOutlookResolver } from './modules/outlook/pupil-outlook.resolver.js';
import { GuidanceMutations } from './modules/guidance/guidance.resolver.js';
import { PupilGuidanceResolver } from './modules/guidance/pupil-guidance.resolver.js';
import { PupilSubjectAccessResolver } from './modules/subject-access/pupil-subject-access.resolver.js';
import { AccountSubjectAccessResolver } from './modules/subject-access/account-subject-access.resolver.js';
import { PersonSubjectAccessResolver, PersonSubjectAccessStub, resolvePersonSubjectAccessReference } from './modules/person-export/person-export.resolver.js';
import { SelfEvaluationResolver } from './modules/self-evaluation/self-evaluation.resolver.js';
import { ProgrammeResolver } from './modules/programme/programme.resolver.js';
import { PublicationResolver } from './modules/publication/publication.resolver.js';
import { EvaluationResolver } from './modules/evaluation/evaluation.resolver.js';
import { RetentionResolver } from './modules/retention/pseudonymise.resolver.js';
import { VolunteerErasureResolver } from './modules/volunteer-erasure/volunteer-erasure.resolver.js';
import { SectorCoverageResolver } from './modules/sector-coverage/sector-coverage.resolver.js';
import { PupilReadinessResolver, ReadinessResolver } from './modules/readiness/readiness.resolver.js';
import {
  EncounterFeedbackResolver,
  EngagementFeedbackMutations,
  ParticipationFeedbackResolver,
} from './modules/engagement-feedback/engagement-feedback.resolver.js';

/** The schema is the same for every app: what differs (the pupils subgraph's address) reaches resolvers as `ctx.deps`. */
export function buildEncountersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      EncounterSyncResolver,
      BenchmarkFeedResolver,
      RetentionResolver,
      VolunteerErasureResolver,
      // This subgraph's own types and root fields.
      EncounterResolver,
      ParticipationResolver,
      EncounterMutationResolver,
      DashboardResolver,
      RegisterMutations,
      ParticipationMeaningResolver,
      OwnActivityResolver,
      OutlookMutations,
      GuidanceMutations,
      SelfEvaluationResolver,
      ProgrammeResolver,
      EngagementFeedbackMutations,
      EncounterFeedbackResolver,
      ParticipationFeedbackResolver,
      EvaluationResolver,
      PublicationResolver,
      SectorCoverageResolver,
      ReadinessResolver,
      // Fields added to other subgraphs' entities: `<entity>-<module>.resolver.ts`, one per module (this service's docs/layout.md).
      PupilEncounterResolver,
      PupilBenchmarksResolver,
      PupilActivityResolver,
      PupilOutlookResolver,
      PupilReadinessResolver,
      PupilGuidanceResolver,
      PupilSubjectAccessResolver,
      VolunteerEncounterResolver,
      SchoolEncounterResolver,
      AccountSubjectAccessResolver,
      PersonSubjectAccessResolver,
    ],
    orphanedTypes: [Employer, Account, PersonSubjectAccessStub],
    references: {
      Encounter: resolveEncounterReference,
      Pupil: resolvePupilReference,
      Volunteer: resolveVolunteerReference,
      School: resolveSchoolReference,
      Account: resolveAccountReference,
      PersonSubjectAccess: resolvePersonSubjectAccessReference,
    },
  });
}
