import { buildFederatedSchema } from '@waymark/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { EncounterMutationResolver, EncounterResolver, ParticipationResolver } from './modules/encounter/encounter.resolver.js';
import { resolveEncounterReference } from './modules/encounter/encounter.reference.js';
import { PupilResolver, SchoolResolver, VolunteerResolver } from './modules/external/external.resolver.js';
import { resolvePupilReference, resolveSchoolReference, resolveVolunteerReference } from './modules/external/external.reference.js';
import { Employer } from './modules/external/external.entity.js';
import { DashboardResolver, PupilProgressResolver } from './modules/benchmarks/benchmarks.resolver.js';
import { ParticipationMeaningResolver, RegisterMutations } from './modules/register/register.resolver.js';
import { OwnActivityResolver, PupilActivitiesResolver } from './modules/activity/own-activity.resolver.js';
import { OutlookMutations, PupilOutlookResolver } from './modules/outlook/outlook.resolver.js';
import { GuidanceMutations, PupilGuidanceResolver } from './modules/guidance/guidance.resolver.js';
import { PupilSubjectAccessResolver } from './modules/subject-access/subject-access.resolver.js';

/** The schema is the same for every app: what differs (the pupils subgraph's address) reaches resolvers as `ctx.deps`. */
export function buildEncountersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      EncounterResolver,
      ParticipationResolver,
      EncounterMutationResolver,
      PupilResolver,
      VolunteerResolver,
      SchoolResolver,
      DashboardResolver,
      PupilProgressResolver,
      RegisterMutations,
      ParticipationMeaningResolver,
      OwnActivityResolver,
      PupilActivitiesResolver,
      PupilOutlookResolver,
      OutlookMutations,
      PupilGuidanceResolver,
      GuidanceMutations,
      PupilSubjectAccessResolver,
    ],
    orphanedTypes: [Employer],
    references: {
      Encounter: resolveEncounterReference,
      Pupil: resolvePupilReference,
      Volunteer: resolveVolunteerReference,
      School: resolveSchoolReference,
    },
  });
}
