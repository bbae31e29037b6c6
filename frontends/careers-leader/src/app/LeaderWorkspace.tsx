import type { SessionAccount } from '@waymark/graphql-client';
import { LocalNav } from '@waymark/ui';
import { useState } from 'react';
import { AuditLogPage } from '../features/audit-log/components/AuditLogPage';
import { PupilExportPage } from '../features/pupil-export/components/PupilExportPage';
import { PersonExportPage } from '../features/person-export/components/PersonExportPage';
import { GapListPage } from '../features/benchmarks/components/GapListPage';
import { SchoolDashboardView } from '../features/benchmarks/components/SchoolDashboardView';
import { DestinationsPage } from '../features/destinations/components/DestinationsPage';
import { VolunteerRequestsPage } from '../features/requests/components/VolunteerRequestsPage';
import { PlacementApplicationsPage } from '../features/placements/components/PlacementApplicationsPage';
import { EncounterPage } from '../features/encounter/components/EncounterPage';
import { EncountersPage } from '../features/encounters/components/EncountersPage';
import { NO_ENCOUNTER_FILTERS } from '../features/encounters/lib/encounterFilters';
import { OverviewPage } from '../features/overview/components/OverviewPage';
import { PupilJourneyPage } from '../features/pupil-journey/components/PupilJourneyPage';
import { PupilRecordPage } from '../features/pupil-record/components/PupilRecordPage';
import { EMPTY_FILTERS } from '../features/pupils/components/PupilFiltersForm';
import { PupilsPage } from '../features/pupils/components/PupilsPage';
import type { PupilFilters } from '../features/pupils/graphql/pupils';
import { EditEncounterPage } from '../features/record-encounter/components/EditEncounterPage';
import { RecordEncounterPage } from '../features/record-encounter/components/RecordEncounterPage';
import { ImportPupilsPage } from '../features/roster-import/components/ImportPupilsPage';
import { SelfEvaluationPage } from '../features/self-evaluation/components/SelfEvaluationPage';
import { ProgrammePage } from '../features/programme/components/ProgrammePage';
import { EvaluationPage } from '../features/evaluation/components/EvaluationPage';
import { SchoolSettingsPage } from '../features/school-settings/components/SchoolSettingsPage';
import { PublicationPage } from '../features/publication/components/PublicationPage';
import { DataProtectionLeadsPage } from '../features/data-protection-leads/components/DataProtectionLeadsPage';
import { VerifyActivitiesPage } from '../features/verify-activities/components/VerifyActivitiesPage';
import { NO_FILTERS, useRoute, type Route } from '../shared/route';
import { FocusOnPageChange } from './FocusOnPageChange';
import { navItems, navViewOf, type NavView } from './navigation';

/** Pages reached from another page rather than the navigation. */
const LINKED_VIEWS: readonly Route['view'][] = ['gaps', 'pupil', 'pupil-journey', 'encounter', 'edit-encounter'];

export function LeaderWorkspace({ account }: { account: SessionAccount }) {
  const [route, navigate] = useRoute();
  const [justSaved, setJustSaved] = useState<{ encounterId: string; how: 'recorded' | 'saved' } | null>(null);
  const [pupilFilters, setPupilFilters] = useState<PupilFilters>(EMPTY_FILTERS);
  const items = navItems(account.roles);

  const select = (next: NavView) => {
    setJustSaved(null);
    navigate(next === 'dashboard' ? { view: 'dashboard', filters: NO_FILTERS } : next === 'audit' ? { view: 'audit', pupilId: null } : { view: next });
  };

  // A data protection lead who is not staff opens no programme pages: neither from the menu nor by link.
  const staff = items.some((item) => item.id === 'dashboard');
  const landing: Route = staff ? { view: 'dashboard', filters: NO_FILTERS } : { view: 'audit', pupilId: null };
  const allowed = (staff && LINKED_VIEWS.includes(route.view)) || items.some((item) => item.id === route.view);
  const page: Route = allowed ? route : landing;
  const current = navViewOf(page) ?? items[0]?.id ?? 'dashboard';

  return (
    <>
      <LocalNav label={staff ? 'Careers programme' : 'Data protection'} items={items} current={current} onSelect={select} />
      <FocusOnPageChange route={page}>
        {page.view === 'dashboard' ? (
          <SchoolDashboardView schoolId={null} filters={page.filters} onFiltersChange={(filters) => navigate({ view: 'dashboard', filters })} />
        ) : null}
        {page.view === 'gaps' ? <GapListPage query={page.query} linkPupils /> : null}
        {page.view === 'overview' ? <OverviewPage /> : null}
        {page.view === 'pupils' ? <PupilsPage filters={pupilFilters} onFiltersChange={setPupilFilters} /> : null}
        {page.view === 'pupil' ? (
          <PupilRecordPage pupilId={page.pupilId} from={page.from} canMarkLeft={account.roles.includes('careers_leader') || account.roles.includes('staff')} />
        ) : null}
        {page.view === 'pupil-journey' ? (
          <PupilJourneyPage
            pupilId={page.pupilId}
            filters={page.filters}
            onFiltersChange={(filters) => navigate({ view: 'pupil-journey', pupilId: page.pupilId, filters })}
          />
        ) : null}
        {page.view === 'encounters' ? (
          <EncountersPage
            filters={page.filters ?? NO_ENCOUNTER_FILTERS}
            onFiltersChange={(filters) => navigate({ view: 'encounters', filters })}
            onRecordNew={() => select('record')}
          />
        ) : null}
        {page.view === 'encounter' ? (
          <EncounterPage encounterId={page.encounterId} justSaved={justSaved?.encounterId === page.encounterId ? justSaved.how : null} />
        ) : null}
        {page.view === 'edit-encounter' ? (
          <EditEncounterPage
            encounterId={page.encounterId}
            onSaved={(encounter) => {
              setJustSaved({ encounterId: encounter.id, how: 'saved' });
              navigate({ view: 'encounter', encounterId: encounter.id });
            }}
          />
        ) : null}
        {page.view === 'record' ? (
          <RecordEncounterPage
            onRecorded={(encounter) => {
              setJustSaved({ encounterId: encounter.id, how: 'recorded' });
              navigate({ view: 'encounter', encounterId: encounter.id });
            }}
          />
        ) : null}
        {page.view === 'verify' ? <VerifyActivitiesPage /> : null}
        {page.view === 'destinations' ? <DestinationsPage /> : null}
        {page.view === 'self-evaluation' ? <SelfEvaluationPage /> : null}
        {page.view === 'programme' ? <ProgrammePage /> : null}
        {page.view === 'feedback' ? <EvaluationPage /> : null}
        {page.view === 'requests' ? <VolunteerRequestsPage /> : null}
        {page.view === 'placements' ? <PlacementApplicationsPage /> : null}
        {page.view === 'import' ? <ImportPupilsPage onViewPupils={() => select('pupils')} /> : null}
        {page.view === 'settings' ? <SchoolSettingsPage /> : null}
        {page.view === 'publication' ? <PublicationPage /> : null}
        {page.view === 'data-protection-leads' ? <DataProtectionLeadsPage /> : null}
        {page.view === 'audit' ? <AuditLogPage key={page.pupilId ?? ''} pupilId={page.pupilId ?? null} linkPupils={staff} /> : null}
        {page.view === 'subject-access' ? <PersonExportPage canOpenRecords={staff} /> : null}
        {page.view === 'pupil-export' ? <PupilExportPage /> : null}
      </FocusOnPageChange>
    </>
  );
}
