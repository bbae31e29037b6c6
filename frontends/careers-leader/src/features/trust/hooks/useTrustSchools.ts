import { useQuery } from '@waymark/graphql-client';
import { useMemo } from 'react';
import { TRUST_SCHOOLS_QUERY } from '../graphql/trust';

/** The trust's schools by name, with trust-wide totals. */
export function useTrustSchools() {
  const query = useQuery(TRUST_SCHOOLS_QUERY);
  // Null until read, or when the schools could not be read (the page shows its error panel instead).
  const schools = useMemo(() => {
    const listed = query.data?.schools;
    return listed ? [...listed].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) : null;
  }, [query.data]);
  const totals = {
    pupils: (schools ?? []).reduce((sum, school) => sum + (school.pupilCount ?? 0), 0),
    encounters: (schools ?? []).reduce((sum, school) => sum + (school.encounterCount ?? 0), 0),
  };
  return { ...query, schools, totals };
}
