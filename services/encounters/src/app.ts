import {
  createServiceApp,
  webhookOutboxCleanupJob,
  syncStreamRoutes,
  webhookOutboxRoutes,
  WebhookOutboxEvent,
  type Orm,
  type RequestContext,
  type ServiceDefinition,
  type ServiceEnv,
  type SubgraphServer,
} from '@waymark/subgraph-kit';
import { Encounter, Participation } from './modules/encounter/encounter.entity.js';
import { OwnActivity } from './modules/activity/own-activity.entity.js';
import { PupilOutlook } from './modules/outlook/pupil-outlook.entity.js';
import { ReadinessResponse } from './modules/readiness/readiness.entity.js';
import { AgreedAction } from './modules/guidance/agreed-action.entity.js';
import { SelfEvaluationOverride } from './modules/self-evaluation/self-evaluation-override.entity.js';
import { SelfEvaluationReading, SelfEvaluationSnapshot } from './modules/self-evaluation/self-evaluation-snapshot.entity.js';
import { selfEvaluationSnapshotJob } from './modules/self-evaluation/self-evaluation.snapshots.js';
import { ProgrammePlanItem } from './modules/programme/plan-item.entity.js';
import { CareersPublication } from './modules/publication/careers-publication.entity.js';
import { EncounterRating, ProgrammeSurvey, ProgrammeSurveyAnswer, ProgrammeSurveyRespondent } from './modules/evaluation/evaluation.entity.js';
import { PupilsClient } from './modules/external/pupils.client.js';
import { DashboardAnswer, DashboardFactVersion } from './modules/benchmarks/dashboard-answer.entity.js';
import { migrations } from './migrations/index.js';
import { buildEncountersSchema } from './schema.js';
import { seedDemo } from './seed.js';
import { EncounterSyncChange } from './modules/sync/encounter-sync-change.entity.js';
import { EngagementFeedback, PupilEngagementFeedback, VolunteerThanks } from './modules/engagement-feedback/engagement-feedback.entity.js';
import { encounterSyncStreams } from './modules/sync/encounter-sync.stream.js';
import { BenchmarkState, BenchmarkStateChange } from './modules/benchmark-feed/benchmark-state.entity.js';
import { benchmarkStateCompactionJob } from './modules/benchmark-feed/benchmark-feed.job.js';

/** What an encounters app gives every request (`ctx.deps`): the pupils subgraph it asks, at the address it was configured with. */
export interface EncountersDeps {
  pupils: PupilsClient;
}

/** The request context of every encounters resolver. */
export type EncountersContext = RequestContext<EncountersDeps>;

/** Built once per app, from its configuration. */
export function encountersDeps(config: Pick<ServiceEnv, 'pupilsUrl'>): EncountersDeps {
  return { pupils: new PupilsClient(config.pupilsUrl) };
}

/** The service as the tooling and the composition see it: the schema is the same whatever the app's addresses. */
export const encountersService: ServiceDefinition = {
  name: 'encounters',
  entities: [
    Encounter,
    Participation,
    OwnActivity,
    PupilOutlook,
    ReadinessResponse,
    AgreedAction,
    SelfEvaluationOverride,
    SelfEvaluationSnapshot,
    SelfEvaluationReading,
    ProgrammePlanItem,
    CareersPublication,
    EncounterSyncChange,
    BenchmarkState,
    BenchmarkStateChange,
    EncounterRating,
    ProgrammeSurvey,
    ProgrammeSurveyRespondent,
    ProgrammeSurveyAnswer,
    EngagementFeedback,
    PupilEngagementFeedback,
    VolunteerThanks,
    WebhookOutboxEvent,
    DashboardAnswer,
    DashboardFactVersion,
  ],
  migrations,
  buildSchema: buildEncountersSchema,
  seed: seedDemo,
  rowSecurity: true,
  // The gateway’s relay of trusts’ webhook events (docs/architecture.md, "Webhooks"),
  // and the bulk sync streams of the encounters and register feeds (docs/trust-api.md, "Bulk sync").
  routes: (orm) => webhookOutboxRoutes(orm, syncStreamRoutes(orm, encounterSyncStreams, { rowSecurity: true })),
  // The self-evaluation's scheduled snapshots (31 December, 31 March, 31 July),
  // the benchmark states log's superseded rows, and forwarded webhook events, daily (the encounters
  // log keeps one row per record: nothing in it is superseded).
  housekeeping: [selfEvaluationSnapshotJob, benchmarkStateCompactionJob, webhookOutboxCleanupJob],
};

export function createApp({ env, orm }: { env: Pick<ServiceEnv, 'publicKeyPem' | 'nodeEnv' | 'pupilsUrl'>; orm: Orm }): Promise<SubgraphServer> {
  return createServiceApp(encountersService, { env, orm, deps: encountersDeps(env) });
}
