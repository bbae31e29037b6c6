import {
  benchmarkLabels,
  benchmarkNameFor,
  buildJourney,
  emptyNextStep,
  NO_JOURNEY_FILTERS,
  thingsText,
  type JourneyAudience,
  type JourneyEntry,
  type JourneyFilters,
  type JourneySource,
} from '@waymark/domain';
import { useId } from 'react';
import { Button } from './Button.js';
import { DateText } from './DateText.js';
import { SelectField } from './form.js';

const TONE: Record<string, string> = { met: 'wm-tag wm-tag--met', progress: 'wm-tag wm-tag--progress', 'not-met': 'wm-tag wm-tag--not-met', plain: 'wm-tag' };
const CARD: Record<string, string | undefined> = { met: 'wm-card--met', progress: 'wm-card--progress' };

export interface JourneyTimelineProps {
  source: JourneySource;
  audience: JourneyAudience;
  /** The filters, which the portal keeps in its address (`readJourneyFilters`/`writeJourneyFilters`). */
  filters: JourneyFilters;
  onFiltersChange: (next: JourneyFilters) => void;
  /** Where an entry's link goes, in the portal showing it; without it, entries have no links. */
  linkHref?: (link: NonNullable<JourneyEntry['link']>) => string;
  /** A link under "nothing yet" (the pupil's My progress). */
  emptyLink?: { href: string; text: string };
  /** The level of each school year's heading (entries are one below). */
  headingLevel: 2 | 3;
  /** Today (YYYY-MM-DD, in England): the school year the pupil's year group is now. */
  today: string;
}

/** "about #engineering and Meeting people from work (Benchmark 5)": what the filters narrow to, in words. */
function filtersText(filters: JourneyFilters, audience: JourneyAudience): string {
  const parts = [...(filters.tag ? [`#${filters.tag}`] : []), ...(filters.benchmark != null ? [benchmarkNameFor(filters.benchmark, audience)] : [])];
  return parts.length ? ` about ${parts.join(' and ')}` : '';
}

/**
 * A journey as cards, newest first, by school year, with filters by interest hashtag and by benchmark.
 * For the pupil ("My journey"), a parent reading their child's, and staff reading a pupil's.
 */
export function JourneyTimeline({ source, audience, filters, onFiltersChange: change, linkHref, emptyLink, headingLevel, today }: JourneyTimelineProps) {
  const journey = buildJourney(source, audience, filters, today);
  const filtered = filters.tag != null || filters.benchmark != null;
  const pupil = audience.kind === 'pupil';
  const name = audience.kind === 'parent' ? audience.childName : audience.kind === 'staff' ? audience.pupilName : '';
  const YearHeading = `h${headingLevel}` as const;
  const baseId = useId();

  if (journey.total === 0) {
    return (
      <div className="wm-inset">
        <p>
          <strong>{pupil ? 'Nothing on your journey yet.' : `Nothing on ${name}'s journey yet.`}</strong>
        </p>
        <p>
          <strong>{pupil ? 'Your next step:' : 'What comes next:'}</strong> {emptyNextStep(NO_JOURNEY_FILTERS, audience)}
        </p>
        {emptyLink ? <a href={emptyLink.href}>{emptyLink.text}</a> : null}
      </div>
    );
  }

  return (
    <div className="wm-journey">
      <form className="wm-toolbar" aria-label={pupil ? 'Filter your journey' : `Filter ${name}'s journey`} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Interest"
          id={`${baseId}-tag`}
          placeholder="All interests"
          options={journey.tags.map((tag) => ({ value: tag, label: `#${tag}` }))}
          value={filters.tag ?? ''}
          onChange={(event) => change({ ...filters, tag: event.target.value || null })}
        />
        <SelectField
          label="Benchmark"
          id={`${baseId}-benchmark`}
          placeholder="All benchmarks"
          options={journey.benchmarks.map((number) => ({ value: String(number), label: benchmarkNameFor(number, audience) }))}
          value={filters.benchmark == null ? '' : String(filters.benchmark)}
          onChange={(event) => change({ ...filters, benchmark: event.target.value ? Number(event.target.value) : null })}
        />
        {filtered ? (
          <Button variant="secondary" onClick={() => change(NO_JOURNEY_FILTERS)}>
            Clear filters
          </Button>
        ) : null}
      </form>
      <p role="status" className="wm-journey__count">
        <strong>{thingsText(journey.count)}</strong>
        {filtered ? `${filtersText(filters, audience)}, of ${journey.total} in all` : ''}
      </p>
      {journey.count === 0 ? (
        <div className="wm-inset">
          <p>
            <strong>Nothing matches these filters yet.</strong>
          </p>
          <p>
            <strong>{pupil ? 'Your next step:' : 'What could come next:'}</strong> {emptyNextStep(filters, audience)}
          </p>
          <Button variant="secondary" onClick={() => change(NO_JOURNEY_FILTERS)}>
            Show everything
          </Button>
        </div>
      ) : null}
      {journey.years.map((year) => {
        const headingId = `${baseId}-year-${year.academicYear}`;
        return (
          <section key={year.academicYear} className="wm-journey__year" aria-labelledby={headingId}>
            <YearHeading id={headingId}>{year.label}</YearHeading>
            <ol className="wm-card-list">
              {year.entries.map((entry) => (
                <JourneyCard key={entry.key} entry={entry} headingLevel={headingLevel === 2 ? 3 : 4} linkHref={linkHref} staff={audience.kind === 'staff'} />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

const KIND_TEXT: Record<JourneyEntry['kind'], string> = {
  encounter: 'School activity',
  'own-activity': 'Own activity',
  reflection: 'Reflection',
  action: 'Agreed action',
};

function JourneyCard({
  entry,
  headingLevel,
  linkHref,
  staff,
}: {
  entry: JourneyEntry;
  headingLevel: 3 | 4;
  linkHref: JourneyTimelineProps['linkHref'];
  /** Staff read the benchmarks' official names; pupils and parents plain words with the official name beside. */
  staff: boolean;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <li className={entry.status ? CARD[entry.status.tone] : undefined} data-kind={entry.kind}>
      <p className="wm-journey__meta">
        <DateText value={entry.day} /> · {KIND_TEXT[entry.kind]}
      </p>
      <Heading>{entry.title}</Heading>
      <p className="wm-muted">{entry.what}</p>
      {entry.status ? (
        <p>
          <span className={TONE[entry.status.tone]}>{entry.status.text}</span>
          {entry.dueOn ? (
            <>
              {' '}
              by <DateText value={entry.dueOn} />
            </>
          ) : null}
        </p>
      ) : null}
      {entry.detail ? <p className="wm-reflection">{entry.detail}</p> : null}
      {entry.benchmarks.length ? (
        <div className="wm-journey__benchmarks">
          <p>Counts towards{entry.benchmarksNote ? `, ${entry.benchmarksNote}` : ''}:</p>
          <ul className="wm-plain-list">
            {entry.benchmarks.map((number) => {
              const { plain, official } = benchmarkLabels(number);
              return staff ? (
                <li key={number}>{official}</li>
              ) : (
                <li key={number}>
                  {plain} <span className="wm-muted">(official name: {official})</span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {entry.hashtags.length ? <p className="wm-journey__tags">Topics: {entry.hashtags.map((tag) => `#${tag}`).join(' ')}</p> : null}
      {entry.link && linkHref ? (
        <p>
          <a href={linkHref(entry.link)}>{entry.link.text}</a>
        </p>
      ) : null}
    </li>
  );
}
