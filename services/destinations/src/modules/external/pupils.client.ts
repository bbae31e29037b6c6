import {
  isCurrentSchoolStaff,
  recordScopes,
  remoteAuditSink,
  schoolIsInTrust,
  type AuditSink,
  type RecordScope,
  type RequestContext,
} from '@waymark/subgraph-kit';

/**
 * Everything this subgraph asks the pupils subgraph, at the address its app was configured with.
 * Every call is made with the caller's own credential (from `ctx`), so the pupils subgraph applies the
 * caller's tenancy, and any failure throws, so the fields fail closed.
 */
export class PupilsClient {
  /** Where this subgraph's audit entries go: the pupils subgraph's trail (docs/audit-trail.md). */
  readonly auditSink: AuditSink;

  constructor(readonly url: string) {
    this.auditSink = remoteAuditSink(url, 'destinations');
  }

  /** How much of each pupil's history the caller may read here (`Pupil.recordAccess`), in one request. */
  recordAccess(ctx: RequestContext, pupilIds: readonly string[]): Promise<Map<string, RecordScope>> {
    return recordScopes(ctx, this.url, pupilIds);
  }

  /** Whether a school belongs to a trust (a trust analyst may ask only about their trust's schools). */
  schoolIsInTrust(ctx: RequestContext, schoolId: string, trustId: string): Promise<boolean> {
    return schoolIsInTrust(ctx, this.url, schoolId, trustId);
  }

  /** Whether the caller is staff of the pupil's current school. */
  isCurrentSchoolStaff(ctx: RequestContext, pupilId: string): Promise<boolean> {
    return isCurrentSchoolStaff(ctx, this.url, pupilId);
  }
}
