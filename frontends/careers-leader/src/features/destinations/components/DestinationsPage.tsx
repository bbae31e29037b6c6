import { request } from '@waymark/graphql-client';
import { Button, DataTable, ErrorPanel, Field, Loading, PageHeader, Section, type Column } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { FIND_LEAVERS_QUERY, type FoundLeaver } from '../graphql/destinations';
import { useIntentionGaps } from '../hooks/useDestinations';
import { useSelfReports } from '../hooks/useSelfReports';
import { DestinationFigures } from './DestinationFigures';
import { IntentionGapSection } from './IntentionGapSection';
import { LeaverPanel } from './LeaverPanel';
import { ReturnSection } from './ReturnSection';
import { SeptemberOfferSection } from '../../september-offer/components/SeptemberOfferSection';
import { SelfReportSection } from './SelfReportSection';
import { AlumniReportSection } from './AlumniReportSection';
import { SpellImportSection } from './SpellImportSection';
import { SustainedSection } from './SustainedSection';
import { WorklistSection } from './WorklistSection';

/** "Destinations": who has not said what they plan to do next, and where leavers went (spells, and whether each year was sustained). */
export function DestinationsPage() {
  const gaps = useIntentionGaps();
  const selfReports = useSelfReports();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<FoundLeaver[] | null>(null);
  const [searchProblem, setSearchProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  // Bumped when a spell is recorded, so the follow-up list is asked again.
  const [recorded, setRecorded] = useState(0);

  const find = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearchProblem(null);
    if (search.trim().length < 2) {
      setSearchProblem('Type at least 2 letters of their name or UPN');
      return;
    }
    try {
      const { pupils } = await request(FIND_LEAVERS_QUERY, { search: search.trim() });
      setFound(pupils?.edges.map((edge) => edge.node) ?? []);
    } catch (error) {
      setSearchProblem(error instanceof Error ? error.message : 'The search did not work. Try again.');
    }
  };

  const columns: Column<FoundLeaver>[] = [
    { key: 'name', header: 'Name', rowHeader: true, render: (pupil) => pupil.displayName },
    { key: 'where', header: 'Now', render: (pupil) => (pupil.leftOn ? 'Left school' : pupil.yearGroup ? `Year ${pupil.yearGroup}` : '') },
    {
      key: 'choose',
      header: 'Destinations',
      render: (pupil) => (
        <Button type="button" variant="secondary" aria-label={`Show destinations of ${pupil.displayName}`} onClick={() => setChosen(pupil.id)}>
          Show
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="Destinations" description="Plans for after Year 11 and Year 13, and where your leavers went and whether it lasted." />
      {gaps.loading && !gaps.data ? <Loading label="Loading who has no plan yet…" /> : null}
      {gaps.error && !gaps.data ? (
        <ErrorPanel title="The lists could not be loaded" onRetry={() => void gaps.refetch()}>
          {gaps.error.message}
        </ErrorPanel>
      ) : null}
      {gaps.data ? (
        <>
          <IntentionGapSection yearGroup={11} list={gaps.data.year11 ?? null} />
          <IntentionGapSection yearGroup={13} list={gaps.data.year13 ?? null} />
        </>
      ) : null}
      <SeptemberOfferSection />
      <ReturnSection />
      <WorklistSection key={`worklist-${recorded}`} onRecord={setChosen} onLink={(pupilId) => void selfReports.makeLink(pupilId)} />
      <SpellImportSection onImported={() => setRecorded((count) => count + 1)} />
      <SelfReportSection selfReports={selfReports} onDecided={() => setRecorded((count) => count + 1)} />
      <AlumniReportSection onDecided={() => setRecorded((count) => count + 1)} />
      <SustainedSection key={`sustained-${recorded}`} />
      <Section
        title="Destination figures"
        description="Your Year 11 leavers by the summer they left: what they planned, where they went in September, what they do now, and whether it lasted."
      >
        <DestinationFigures key={`figures-${recorded}`} />
      </Section>
      <Section
        title="Where leavers went"
        description="Find a young person who has finished Year 11 to record what they did and see whether each year was sustained."
      >
        <form className="wm-form" noValidate onSubmit={(event) => void find(event)} role="search" aria-label="Find a leaver">
          <Field
            id="leaver-search"
            label="Name or UPN"
            hint="The start of their surname, first name or UPN"
            autoComplete="off"
            value={search}
            error={searchProblem ?? undefined}
            onChange={(event) => setSearch(event.target.value)}
          />
          <Button type="submit">Find</Button>
        </form>
        {found ? (
          <DataTable caption="Young people found" columns={columns} rows={found} rowKey={(pupil) => pupil.id} emptyText="Nobody matches that name or UPN." />
        ) : null}
      </Section>
      {chosen ? <LeaverPanel key={chosen} pupilId={chosen} onRecorded={() => setRecorded((count) => count + 1)} /> : null}
    </>
  );
}
