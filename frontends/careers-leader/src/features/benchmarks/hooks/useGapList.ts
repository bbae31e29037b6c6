import { request, required } from '@waymark/graphql-client';
import { useCallback } from 'react';
import type { GapQuery } from '../../../shared/route';
import { useConnectionPages } from '../../../shared/useConnectionPages';
import { BENCHMARK_GAPS_QUERY, type GapConnection } from '../graphql/dashboard';
import { fetchAllPages } from '../lib/fetchAll';

const GAP_PAGE_SIZE = 50;
/** The download asks for bigger pages: it wants everything, not a screenful. */
const GAP_DOWNLOAD_PAGE_SIZE = 200;

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

/** The pupils missing out on a measure, a page at a time, and every one of them for the download. */
export function useGapList(query: GapQuery) {
  const key = JSON.stringify(query);
  const fetchPage = useCallback((after: string | null) => fetchGapPage(JSON.parse(key) as GapQuery, GAP_PAGE_SIZE, after), [key]);
  const { nodes, ...pages } = useConnectionPages(fetchPage);

  /** Every row, fetched afresh page by page, reporting progress. */
  const fetchAll = useCallback(
    (onProgress: (loaded: number, total: number) => void) =>
      fetchAllPages((after) => fetchGapPage(JSON.parse(key) as GapQuery, GAP_DOWNLOAD_PAGE_SIZE, after), onProgress),
    [key],
  );

  return { ...pages, rows: nodes, fetchAll };
}
