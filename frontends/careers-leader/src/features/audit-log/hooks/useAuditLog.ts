import { GraphQLRequestError, request, required } from '@waymark/graphql-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { AUDIT_EVENTS_QUERY, type AuditEventRow, type AuditFilter } from '../graphql/auditLog';

export const PAGE_SIZE = 50;

interface LogState {
  events: AuditEventRow[];
  totalCount: number | null;
  endCursor: string | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: GraphQLRequestError | null;
}

const initial: LogState = { events: [], totalCount: null, endCursor: null, hasNextPage: false, loading: true, loadingMore: false, error: null };

function toError(error: unknown): GraphQLRequestError {
  return error instanceof GraphQLRequestError ? error : new GraphQLRequestError([{ message: String(error) }]);
}

/** The school's data access log for a filter, newest first, 50 at a time; `loadMore` appends the next page. */
export function useAuditLog(filter: AuditFilter) {
  const [state, setState] = useState<LogState>(initial);
  // A newer filter must win over a slower answer to an older one.
  const generation = useRef(0);
  const { pupilId, actorAccountId, action, from, to } = filter;

  const fetchPage = useCallback(
    async (after: string | null) =>
      required((await request(AUDIT_EVENTS_QUERY, { filter: { pupilId, actorAccountId, action, from, to }, first: PAGE_SIZE, after })).auditEvents),
    [pupilId, actorAccountId, action, from, to],
  );

  const loadFirstPage = useCallback(async () => {
    const id = ++generation.current;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    try {
      const page = await fetchPage(null);
      if (id !== generation.current) return;
      setState({
        events: page.edges.map((edge) => edge.node),
        totalCount: page.totalCount ?? null,
        endCursor: page.pageInfo?.endCursor ?? null,
        hasNextPage: page.pageInfo?.hasNextPage ?? false,
        loading: false,
        loadingMore: false,
        error: null,
      });
    } catch (error) {
      if (id === generation.current) setState({ ...initial, loading: false, error: toError(error) });
    }
  }, [fetchPage]);

  useEffect(() => {
    void loadFirstPage();
  }, [loadFirstPage]);

  const loadMore = useCallback(async () => {
    if (!state.hasNextPage || state.loadingMore) return;
    const id = generation.current;
    setState((previous) => ({ ...previous, loadingMore: true, error: null }));
    try {
      const page = await fetchPage(state.endCursor);
      if (id !== generation.current) return;
      setState((previous) => ({
        ...previous,
        events: [...previous.events, ...page.edges.map((edge) => edge.node)],
        totalCount: page.totalCount ?? previous.totalCount,
        endCursor: page.pageInfo?.endCursor ?? null,
        hasNextPage: page.pageInfo?.hasNextPage ?? false,
        loadingMore: false,
      }));
    } catch (error) {
      if (id === generation.current) setState((previous) => ({ ...previous, loadingMore: false, error: toError(error) }));
    }
  }, [state.hasNextPage, state.loadingMore, state.endCursor, fetchPage]);

  return { ...state, loadMore, reload: loadFirstPage };
}
