import { useQuery } from '@waymark/graphql-client';
import { SCHOOL_DESTINATIONS_QUERY } from '../graphql/trust';

export function useSchoolDestinations(schoolId: string) {
  const query = useQuery(SCHOOL_DESTINATIONS_QUERY, { schoolId });
  // Null until read, or when the destinations could not be read (the rest of the page still shows).
  return { ...query, destinations: query.data?.destinationSummary ?? null };
}
