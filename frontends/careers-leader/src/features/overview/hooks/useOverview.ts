import { useQuery } from '@waymark/graphql-client';
import { OVERVIEW_QUERY } from '../graphql/overview';

export function useOverview() {
  const query = useQuery(OVERVIEW_QUERY);
  // Each is null until read, or when its subgraph could not answer: the other still shows.
  const schools = query.data?.schools ?? null;
  const destinations = query.data?.destinationSummary ?? null;
  const leavers = destinations?.reduce((sum, destination) => sum + destination.count, 0) ?? null;
  return { ...query, schools, destinations, leavers };
}
