import { useQuery } from '@waymark/graphql-client';
import { OVERVIEW_QUERY, type OverviewData } from '../graphql/overview';

export function useOverview() {
  const query = useQuery<OverviewData>(OVERVIEW_QUERY);
  const schools = query.data?.schools ?? [];
  const destinations = query.data?.destinationSummary ?? [];
  const leavers = destinations.reduce((sum, destination) => sum + destination.count, 0);
  return { ...query, schools, destinations, leavers };
}
