import { useQuery } from '@waymark/graphql-client';
import { useMemo } from 'react';
import type { EncounterSummary } from '../../../shared/types';
import { ENCOUNTERS_QUERY } from '../graphql/encounters';

/**
 * The school's latest encounters, newest first. `include` is merged in so an encounter recorded a
 * moment ago shows even if the list was read before the write landed.
 */
export function useEncounters(include?: EncounterSummary | null) {
  const query = useQuery(ENCOUNTERS_QUERY);
  const encounters = useMemo(() => {
    const listed = query.data?.encounters?.edges.map((edge) => edge.node) ?? [];
    const merged = include && !listed.some((encounter) => encounter.id === include.id) ? [include, ...listed] : listed;
    return [...merged].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  }, [query.data, include]);
  // `listed` is false when the list could not be read (its error panel shows), so no empty table stands in for it.
  return { ...query, encounters, listed: query.data?.encounters != null, totalCount: query.data?.encounters?.totalCount ?? null };
}
