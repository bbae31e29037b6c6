import { todayInEngland, type JourneyFilters } from '@waymark/domain';
import { useQuery } from '@waymark/graphql-client';
import { errorsAt, ErrorPanel, JourneyTimeline, Loading, PageHeader, Section } from '@waymark/ui';
import { routeHref } from '../../../shared/route';
import { SectionProblem } from '../../pupil-record/components/SectionProblem';
import { PUPIL_JOURNEY_QUERY } from '../graphql/pupilJourney';

export interface PupilJourneyPageProps {
  pupilId: string;
  filters: JourneyFilters;
  onFiltersChange: (next: JourneyFilters) => void;
}

/**
 * A pupil's journey as they see it on "My journey", for staff of their school: what they went to, their
 * own activities and reflections, and what they agreed with a careers adviser (never the adviser's notes,
 * never flags), filterable by interest and benchmark. The filters are kept in the address.
 */
export function PupilJourneyPage({ pupilId, filters, onFiltersChange }: PupilJourneyPageProps) {
  const query = useQuery(PUPIL_JOURNEY_QUERY, { id: pupilId });
  const pupil = query.data?.pupil ?? null;
  const backLink = (
    <a className="wm-back-link" href={routeHref({ view: 'pupil', pupilId })}>
      {pupil ? `Back to ${pupil.displayName}'s record` : "Back to the pupil's record"}
    </a>
  );

  if (!pupil) {
    return (
      <>
        {backLink}
        <PageHeader title="Pupil's journey" />
        {query.loading ? <Loading label="Loading the pupil's journey…" /> : null}
        {!query.loading && query.error ? (
          <ErrorPanel title="The journey could not be loaded" onRetry={() => void query.refetch()}>
            {query.error.message}
          </ErrorPanel>
        ) : null}
        {!query.loading && !query.error ? (
          <Section title="No journey to show">
            <p>This pupil could not be found, or their record is not one you can see.</p>
          </Section>
        ) : null}
      </>
    );
  }

  const errors = (field: string) => errorsAt(query.error, ['pupil', field]);
  return (
    <>
      {backLink}
      <PageHeader
        title={`${pupil.displayName}'s journey`}
        caption={pupil.yearGroup != null ? `Year ${pupil.yearGroup}` : undefined}
        description={`Everything ${pupil.firstName} has done for their careers, newest first, as they see it: activities at school, things they did themselves, their reflections, and what they agreed with a careers adviser. Choose an interest or a benchmark to see just those.`}
      />
      <SectionProblem items={errors('participations')} what="school activities and reflections" />
      <SectionProblem items={errors('ownActivities')} what="own activities" />
      <SectionProblem items={errors('guidanceMeetings')} what="agreed actions" />
      <JourneyTimeline
        source={pupil}
        audience={{ kind: 'staff', pupilName: pupil.firstName }}
        filters={filters}
        onFiltersChange={onFiltersChange}
        headingLevel={2}
        today={todayInEngland()}
      />
    </>
  );
}
