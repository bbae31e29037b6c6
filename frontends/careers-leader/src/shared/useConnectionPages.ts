import { GraphQLRequestError } from '@waymark/graphql-client';
import { useCallback, useEffect, useRef, useState } from 'react';

/** What a Relay-style connection answers with, as far as paging needs it. */
export interface ConnectionPage<Node> {
  edges: readonly { node: Node }[];
  totalCount?: number | null;
  pageInfo?: { endCursor?: string | null; hasNextPage: boolean } | null;
}

export interface ConnectionPages<Node> {
  nodes: Node[];
  totalCount: number | null;
  endCursor: string | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: GraphQLRequestError | null;
}

const initial: ConnectionPages<never> = { nodes: [], totalCount: null, endCursor: null, hasNextPage: false, loading: true, loadingMore: false, error: null };

function toError(error: unknown): GraphQLRequestError {
  return error instanceof GraphQLRequestError ? error : new GraphQLRequestError([{ message: error instanceof Error ? error.message : String(error) }]);
}

/**
 * A list read a page at a time: the first page whenever `fetchPage` changes (give it a new identity
 * when the filters change), then `loadMore` appends the next. An answer to an older filter that
 * arrives after a newer one is dropped, so a slow request can never show the wrong rows; and from the
 * moment the filters change until their first page arrives the list says it is loading, so the rows
 * still on screen are never counted as matching filters they were not read for.
 */
export function useConnectionPages<Node>(fetchPage: (after: string | null) => Promise<ConnectionPage<Node>>) {
  // `source`: the fetchPage the rows were read with.
  const [state, setState] = useState<ConnectionPages<Node> & { source: unknown }>({ ...initial, source: null });
  const generation = useRef(0);

  const loadFirstPage = useCallback(async () => {
    const id = ++generation.current;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    try {
      const page = await fetchPage(null);
      if (id !== generation.current) return;
      setState({
        nodes: page.edges.map((edge) => edge.node),
        totalCount: page.totalCount ?? null,
        endCursor: page.pageInfo?.endCursor ?? null,
        hasNextPage: page.pageInfo?.hasNextPage ?? false,
        loading: false,
        loadingMore: false,
        error: null,
        source: fetchPage,
      });
    } catch (error) {
      if (id === generation.current) setState({ ...initial, loading: false, error: toError(error), source: fetchPage });
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
        nodes: [...previous.nodes, ...page.edges.map((edge) => edge.node)],
        totalCount: page.totalCount ?? previous.totalCount,
        endCursor: page.pageInfo?.endCursor ?? null,
        hasNextPage: page.pageInfo?.hasNextPage ?? false,
        loadingMore: false,
      }));
    } catch (error) {
      if (id === generation.current) setState((previous) => ({ ...previous, loadingMore: false, error: toError(error) }));
    }
  }, [state.hasNextPage, state.loadingMore, state.endCursor, fetchPage]);

  const { source, ...pages } = state;
  return { ...pages, loading: pages.loading || source !== fetchPage, loadMore, reload: loadFirstPage };
}
