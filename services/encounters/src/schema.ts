import { buildFederatedSchema } from '@waymark/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { EncounterResolver, ParticipationResolver, encounterMutationResolver } from './modules/encounter/encounter.resolver.js';
import { resolveEncounterReference } from './modules/encounter/encounter.reference.js';
import { SchoolResolver, VolunteerResolver, pupilResolver } from './modules/external/external.resolver.js';
import { resolvePupilReference, resolveSchoolReference, resolveVolunteerReference } from './modules/external/external.reference.js';
import { Employer } from './modules/external/external.entity.js';
import { benchmarksResolvers } from './modules/benchmarks/benchmarks.resolver.js';
import { ParticipationMeaningResolver, registerResolvers } from './modules/register/register.resolver.js';
import { ownActivityResolvers } from './modules/activity/own-activity.resolver.js';
import { outlookResolvers } from './modules/outlook/outlook.resolver.js';
import { guidanceResolvers } from './modules/guidance/guidance.resolver.js';
import { subjectAccessResolvers } from './modules/subject-access/subject-access.resolver.js';

export interface EncountersSchemaConfig {
  /**
   * The pupils subgraph, asked on the caller's behalf whether a register's pupils are theirs, and how
   * much of a pupil's history (across transfers) they may read.
   */
  pupilsUrl: string;
}

export function buildEncountersSchema(config: EncountersSchemaConfig): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      EncounterResolver,
      ParticipationResolver,
      encounterMutationResolver(config),
      pupilResolver(config),
      VolunteerResolver,
      SchoolResolver,
      ...benchmarksResolvers(config),
      ...registerResolvers(config),
      ParticipationMeaningResolver,
      ...ownActivityResolvers(config),
      ...outlookResolvers(config),
      ...guidanceResolvers(config),
      ...subjectAccessResolvers(config),
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
