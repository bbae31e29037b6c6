import { GraphQLRequestError, request, required } from '@waymark/graphql-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GapQuery } from '../../../shared/route';
import { BENCHMARK_GAPS_QUERY, type GapConnection, type GapRow } from '../graphql/dashboard';
import { fetchAllPages } from '../lib/fetchAll';

export const GAP_PAGE_SIZE = 50;
/** The download asks for bigger pages: it wants everything, not a screenful. */
export const GAP_DOWNLOAD_PAGE_SIZE = 200;

function toError(error: unknown): GraphQLRequestError {
  return error instanceof GraphQLRequestError ? error : new GraphQLRequestError([{ message: error instanceof Error ? error.message : String(error) }]);
}

export function fetchGapPage(query: GapQuery, first: number, after: string | null): Promise<GapConnection> {
  return request(BENCHMARK_GAPS_QUERY, {
    measure: query.measure,
    schoolId: query.schoolId,
    asOf: query.asOf,
    yearGroup: query.yearGroup,
    group: query.group,
    first,
    after,
  }).then((data) => required(data.benchmarkGaps));
}

interface GapListState {
  rows: GapRow[];
  totalCount: number | null;
  endCursor: string | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: GraphQLRequestError | null;
}

const initial: GapListState = { rows: [], totalCount: null, endCursor: null, hasNextPage: false, loading: true, loadingMore: false, error: null };

/** The pupils missing out on a measure, a page at a time, and every one of them for the download. */
export function useGapList(query: GapQuery) {
  const [state, setState] = useState<GapListState>(initial);
  const generation = useRef(0);
  const key = JSON.stringify(query);

  const load = useCallback(async () => {
    const id = ++generation.current;
    setState({ ...initial });
    try {
      const page = await fetchGapPage(JSON.parse(key) as GapQuery, GAP_PAGE_SIZE, null);
      if (id !== generation.current) return;
      setState({
        rows: page.edges.map((edge) => edge.node),
        totalCount: page.totalCount,
        endCursor: page.pageInfo.endCursor,
        hasNextPage: page.pageInfo.hasNextPage,
        loading: false,
        loadingMore: false,
        error: null,
      });
    } catch (error) {
      if (id === generation.current) setState({ ...initial, loading: false, error: toError(error) });
    }
  }, [key]);

  useEffect(() => {
    void load();
  }, [load]);

  const loadMore = useCallback(async () => {
    if (!state.hasNextPage || state.loadingMore) return;
    const id = generation.current;
    setState((previous) => ({ ...previous, loadingMore: true, error: null }));
    try {
      const page = await fetchGapPage(JSON.parse(key) as GapQuery, GAP_PAGE_SIZE, state.endCursor);
      if (id !== generation.current) return;
      setState((previous) => ({
        ...previous,
        rows: [...previous.rows, ...page.edges.map((edge) => edge.node)],
        totalCount: page.totalCount,
        endCursor: page.pageInfo.endCursor,
        hasNextPage: page.pageInfo.hasNextPage,
        loadingMore: false,
      }));
    } catch (error) {
      if (id === generation.current) setState((previous) => ({ ...previous, loadingMore: false, error: toError(error) }));
    }
  }, [key, state.hasNextPage, state.loadingMore, state.endCursor]);

  /** Every row, fetched afresh page by page, reporting progress. */
  const fetchAll = useCallback(
    (onProgress: (loaded: number, total: number) => void) =>
      fetchAllPages((after) => fetchGapPage(JSON.parse(key) as GapQuery, GAP_DOWNLOAD_PAGE_SIZE, after), onProgress),
    [key],
  );

  return { ...state, loadMore, reload: load, fetchAll };
}
