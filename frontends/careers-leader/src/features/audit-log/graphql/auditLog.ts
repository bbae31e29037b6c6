import { AuditEventsCsvDocument, AuditEventsDocument, type AuditEventsQuery } from '../../../gql/graphql';

// The documents are in auditLog.graphql; these are their typed texts (frontends/README.md).
export const AUDIT_EVENTS_QUERY = AuditEventsDocument.toString();
export const AUDIT_EVENTS_CSV_QUERY = AuditEventsCsvDocument.toString();

export type { AuditAction } from '../../../gql/graphql';
export type AuditEventRow = NonNullable<AuditEventsQuery['auditEvents']>['edges'][number]['node'];

/** What `auditEvents` and `auditEventsCsv` filter by, as the form holds it; null is "any". Days are YYYY-MM-DD, both included. */
export interface AuditFilter {
  pupilId: string | null;
  actorAccountId: string | null;
  action: AuditEventRow['action'] | null;
  from: string | null;
  to: string | null;
}
