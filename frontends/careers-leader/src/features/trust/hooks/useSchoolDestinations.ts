import { useQuery } from '@waymark/graphql-client';
import { SCHOOL_DESTINATIONS_QUERY, type SchoolDestinationsData } from '../graphql/trust';

export function useSchoolDestinations(schoolId: string) {
  const query = useQuery<SchoolDestinationsData>(SCHOOL_DESTINATIONS_QUERY, { schoolId });
  return { ...query, destinations: query.data?.destinationSummary ?? [] };
}
