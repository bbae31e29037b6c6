import { request, required } from '@waymark/graphql-client';
import { useCallback } from 'react';
import { useConnectionPages } from '../../../shared/useConnectionPages';
import { ENCOUNTER_LIST_QUERY } from '../graphql/encounters';
import { encounterListVariables, type EncounterFilters } from '../lib/encounterFilters';

const PAGE_SIZE = 50;

/** Encounters matching the filters, newest first, 50 at a time; `loadMore` appends the next page. */
export function useEncounterList({ kind, from, to, benchmark, yearGroup, search }: EncounterFilters) {
  const fetchPage = useCallback(
    async (after: string | null) =>
      required((await request(ENCOUNTER_LIST_QUERY, encounterListVariables({ kind, from, to, benchmark, yearGroup, search }, PAGE_SIZE, after))).encounters),
    [kind, from, to, benchmark, yearGroup, search],
  );
  const { nodes, ...pages } = useConnectionPages(fetchPage);
  return { ...pages, encounters: nodes };
}
