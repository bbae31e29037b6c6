import { request, required } from '@waymark/graphql-client';
import { useCallback } from 'react';
import { useConnectionPages } from '../../../shared/useConnectionPages';
import { AUDIT_EVENTS_QUERY, type AuditFilter } from '../graphql/auditLog';

const PAGE_SIZE = 50;

/** The school's data access log for a filter, newest first, 50 at a time; `loadMore` appends the next page. */
export function useAuditLog(filter: AuditFilter) {
  const { pupilId, actorAccountId, action, from, to } = filter;
  const fetchPage = useCallback(
    async (after: string | null) =>
      required((await request(AUDIT_EVENTS_QUERY, { filter: { pupilId, actorAccountId, action, from, to }, first: PAGE_SIZE, after })).auditEvents),
    [pupilId, actorAccountId, action, from, to],
  );
  const { nodes, ...pages } = useConnectionPages(fetchPage);
  return { ...pages, events: nodes };
}
