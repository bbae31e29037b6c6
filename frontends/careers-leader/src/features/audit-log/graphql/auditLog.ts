import type { Connection } from '../../../shared/types';

export type AuditAction = 'READ' | 'EXPORT' | 'CHANGE';

/** What `auditEvents` and `auditEventsCsv` filter by; null is "any". Days are YYYY-MM-DD, both included. */
export interface AuditFilter {
  pupilId: string | null;
  actorAccountId: string | null;
  action: AuditAction | null;
  from: string | null;
  to: string | null;
}

export const AUDIT_EVENTS_QUERY = /* GraphQL */ `
  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          occurredAt
          action
          fields
          pupilId
          pupilName
          actorAccountId
          actorName
          actorRoles
          credentialKind
          apiKeyId
          requestId
          detail
        }
      }
    }
  }
`;

export const AUDIT_EVENTS_CSV_QUERY = /* GraphQL */ `
  query AuditEventsCsv($filter: AuditEventFilter) {
    auditEventsCsv(filter: $filter)
  }
`;

export interface AuditEventRow {
  id: string;
  occurredAt: string;
  action: AuditAction;
  fields: string[];
  pupilId: string | null;
  pupilName: string | null;
  actorAccountId: string;
  actorName: string;
  actorRoles: string[];
  credentialKind: 'SESSION' | 'API_KEY';
  apiKeyId: string | null;
  requestId: string;
  detail: string | null;
}

export interface AuditEventsData {
  auditEvents: Connection<AuditEventRow> | null;
}

export interface AuditEventsCsvData {
  auditEventsCsv: string | null;
}
