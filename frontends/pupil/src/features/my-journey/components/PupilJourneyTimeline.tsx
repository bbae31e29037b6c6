import { readJourneyFilters, writeJourneyFilters, type JourneyAudience, type JourneySource } from '@waymark/domain';
import { JourneyTimeline } from '@waymark/ui';
import { useViewQuery, viewHref, type PupilView } from '../../../shared/route';

/**
 * The shared journey (@waymark/ui `JourneyTimeline`) in the pupil portal: its filters kept in `view`'s
 * address, and the pupil's links going to their own My progress.
 */
export function PupilJourneyTimeline({
  source,
  audience,
  view,
  headingLevel,
  today,
}: {
  source: JourneySource;
  audience: JourneyAudience;
  view: PupilView;
  headingLevel: 2 | 3;
  today: string;
}) {
  const [params, setQuery] = useViewQuery(view);
  return (
    <JourneyTimeline
      source={source}
      audience={audience}
      filters={readJourneyFilters(params)}
      onFiltersChange={(next) => setQuery(writeJourneyFilters(next))}
      linkHref={(link) => viewHref('progress', `?section=${link.section}`)}
      emptyLink={audience.kind === 'pupil' ? { href: viewHref('progress'), text: 'Go to My progress' } : undefined}
      headingLevel={headingLevel}
      today={today}
    />
  );
}
