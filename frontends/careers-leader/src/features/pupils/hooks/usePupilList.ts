import { request, required } from '@waymark/graphql-client';
import { useCallback } from 'react';
import { useConnectionPages } from '../../../shared/useConnectionPages';
import { pupilsRequest, type PupilFilters } from '../graphql/pupils';

const PAGE_SIZE = 50;

/** Pupils matching the filters, 50 at a time; `loadMore` appends the next page. */
export function usePupilList({ yearGroup, tutorGroup, search, groups }: PupilFilters) {
  const groupsKey = groups.join(',');
  const fetchPage = useCallback(
    async (after: string | null) => {
      const chosen = groupsKey ? (groupsKey.split(',') as PupilFilters['groups']) : [];
      const { document, variables } = pupilsRequest({ yearGroup, tutorGroup, search, groups: chosen }, PAGE_SIZE, after);
      return required((await request(document, variables)).pupils);
    },
    [yearGroup, tutorGroup, search, groupsKey],
  );
  const { nodes, ...pages } = useConnectionPages(fetchPage);
  return { ...pages, pupils: nodes };
}
