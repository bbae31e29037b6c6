import {
  createServiceApp,
  webhookOutboxCleanupJob,
  syncStreamRoutes,
  webhookOutboxRoutes,
  WebhookOutboxEvent,
  withSystemAccess,
  type Orm,
  type ServiceDefinition,
  type ServiceEnv,
  type SubgraphServer,
} from '@waymark/subgraph-kit';
import { AuditEvent, AuditEventField } from './modules/audit/audit-event.entity.js';
import { AuditService } from './modules/audit/audit.service.js';
import { RecordComment } from './modules/comment/comment.entity.js';
import { Enrolment } from './modules/enrolment/enrolment.entity.js';
import { FlagChange } from './modules/flags/flag-change.entity.js';
import { Pupil } from './modules/pupil/pupil.entity.js';
import { YearRollover } from './modules/rollover/rollover.entity.js';
import { RetentionStep } from './modules/retention/retention-step.entity.js';
import { RosterColumnMapping, RosterImport } from './modules/roster-import/roster-import.entity.js';
import { School, Trust } from './modules/school/school.entity.js';
import { PupilSyncChange } from './modules/sync/pupil-sync-change.entity.js';
import { pupilSyncStream } from './modules/sync/pupil-sync.stream.js';
import { migrations } from './migrations/index.js';
import { buildPupilsSchema } from './schema.js';
import { CohortVersion } from './modules/cohort/cohort-version.entity.js';
import { seedDemo } from './seed.js';

export const pupilsService: ServiceDefinition = {
  name: 'pupils',
  entities: [
    Trust,
    School,
    Pupil,
    Enrolment,
    FlagChange,
    RecordComment,
    YearRollover,
    RosterImport,
    RosterColumnMapping,
    AuditEvent,
    AuditEventField,
    PupilSyncChange,
    RetentionStep,
    WebhookOutboxEvent,
    CohortVersion,
  ],
  migrations,
  buildSchema: buildPupilsSchema,
  seed: seedDemo,
  rowSecurity: true,
  // The gateway's relay of webhook events, and the bulk sync stream of the pupils feed (docs/trust-api.md, "Bulk sync").
  routes: (orm) => webhookOutboxRoutes(orm, syncStreamRoutes(orm, [pupilSyncStream], { rowSecurity: true })),
  housekeeping: [
    {
      // The data access log is kept for AUDIT_RETENTION (docs/audit-trail.md), then deleted: checked daily.
      name: 'data access log retention',
      everyMs: 24 * 60 * 60 * 1000,
      run: async (orm) => {
        const removed = await withSystemAccess(orm, 'data access log retention: events past the retention period, at every school', (em) =>
          new AuditService(em).purgeExpired(),
        );
        return removed > 0 ? `${removed} events past the retention period deleted` : undefined;
      },
    },
    webhookOutboxCleanupJob,
  ],
};

export function createApp(deps: { env: Pick<ServiceEnv, 'publicKeyPem' | 'nodeEnv'>; orm: Orm }): Promise<SubgraphServer> {
  return createServiceApp(pupilsService, deps);
}
