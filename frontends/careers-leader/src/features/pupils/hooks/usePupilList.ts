import { GraphQLRequestError, request, required } from '@waymark/graphql-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { pupilsRequest, type PupilFilters, type PupilRow } from '../graphql/pupils';

export const PAGE_SIZE = 50;

interface ListState {
  pupils: PupilRow[];
  totalCount: number | null;
  endCursor: string | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: GraphQLRequestError | null;
}

const initial: ListState = {
  pupils: [],
  totalCount: null,
  endCursor: null,
  hasNextPage: false,
  loading: true,
  loadingMore: false,
  error: null,
};

function toError(error: unknown): GraphQLRequestError {
  return error instanceof GraphQLRequestError ? error : new GraphQLRequestError([{ message: String(error) }]);
}

/** Pupils matching the filters, 50 at a time; `loadMore` appends the next page. */
export function usePupilList({ yearGroup, tutorGroup, search, groups }: PupilFilters) {
  const [state, setState] = useState<ListState>(initial);
  // A newer filter must win over a slower answer to an older one.
  const generation = useRef(0);
  const groupsKey = groups.join(',');

  const pageRequest = useCallback(
    (after: string | null) =>
      pupilsRequest({ yearGroup, tutorGroup, search, groups: groupsKey ? (groupsKey.split(',') as PupilFilters['groups']) : [] }, PAGE_SIZE, after),
    [yearGroup, tutorGroup, search, groupsKey],
  );

  const loadFirstPage = useCallback(async () => {
    const id = ++generation.current;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    try {
      const { document, variables } = pageRequest(null);
      const pupils = required((await request(document, variables)).pupils);
      if (id !== generation.current) return;
      setState({
        pupils: pupils.edges.map((edge) => edge.node),
        totalCount: pupils.totalCount ?? null,
        endCursor: pupils.pageInfo?.endCursor ?? null,
        hasNextPage: pupils.pageInfo?.hasNextPage ?? false,
        loading: false,
        loadingMore: false,
        error: null,
      });
    } catch (error) {
      if (id === generation.current) setState({ ...initial, loading: false, error: toError(error) });
    }
  }, [pageRequest]);

  useEffect(() => {
    void loadFirstPage();
  }, [loadFirstPage]);

  const loadMore = useCallback(async () => {
    if (!state.hasNextPage || state.loadingMore) return;
    const id = generation.current;
    setState((previous) => ({ ...previous, loadingMore: true, error: null }));
    try {
      const { document, variables } = pageRequest(state.endCursor);
      const pupils = required((await request(document, variables)).pupils);
      if (id !== generation.current) return;
      setState((previous) => ({
        ...previous,
        pupils: [...previous.pupils, ...pupils.edges.map((edge) => edge.node)],
        totalCount: pupils.totalCount ?? previous.totalCount,
        endCursor: pupils.pageInfo?.endCursor ?? null,
        hasNextPage: pupils.pageInfo?.hasNextPage ?? false,
        loadingMore: false,
      }));
    } catch (error) {
      if (id === generation.current) setState((previous) => ({ ...previous, loadingMore: false, error: toError(error) }));
    }
  }, [state.hasNextPage, state.loadingMore, state.endCursor, pageRequest]);

  return { ...state, loadMore, reload: loadFirstPage };
}
