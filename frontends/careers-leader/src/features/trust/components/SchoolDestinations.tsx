import { BarChart, ErrorPanel, Loading } from '@waymark/ui';
import { useSchoolDestinations } from '../hooks/useSchoolDestinations';

export function SchoolDestinations({ schoolId, schoolName }: { schoolId: string; schoolName: string }) {
  const { destinations, data, loading, error, refetch } = useSchoolDestinations(schoolId);
  if (error && !destinations) {
    return (
      <ErrorPanel title={`Destinations for ${schoolName} could not be loaded`} headingLevel={3} onRetry={() => void refetch()}>
        {error.message}
      </ErrorPanel>
    );
  }
  if (loading && !data) return <Loading label={`Loading destinations for ${schoolName}…`} />;
  if (!destinations) return null;
  return (
    <BarChart
      caption={`Immediate destinations of leavers from ${schoolName} (number of pupils)`}
      data={destinations.map((destination) => ({ label: destination.kindLabel, value: destination.count }))}
      emptyText="No leavers' destinations have been recorded yet."
    />
  );
}
