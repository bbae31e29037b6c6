import type { SessionAccount } from '@waymark/graphql-client';
import { LocalNav } from '@waymark/ui';
import { useEffect, useRef, useState } from 'react';
import { EncountersPage } from '../features/encounters/components/EncountersPage';
import { OverviewPage } from '../features/overview/components/OverviewPage';
import { PupilRecordPage } from '../features/pupil-record/components/PupilRecordPage';
import { EMPTY_FILTERS } from '../features/pupils/components/PupilFiltersForm';
import { PupilsPage } from '../features/pupils/components/PupilsPage';
import type { PupilFilters } from '../features/pupils/graphql/pupils';
import { RecordEncounterPage } from '../features/record-encounter/components/RecordEncounterPage';
import { ImportPupilsPage } from '../features/roster-import/components/ImportPupilsPage';
import { SchoolSettingsPage } from '../features/school-settings/components/SchoolSettingsPage';
import { routeKey, useRoute } from '../shared/route';
import type { EncounterSummary } from '../shared/types';
import { navItems, type NavView } from './navigation';

export function LeaderWorkspace({ account }: { account: SessionAccount }) {
  const [route, navigate] = useRoute();
  const [justRecorded, setJustRecorded] = useState<EncounterSummary | null>(null);
  const [pupilFilters, setPupilFilters] = useState<PupilFilters>(EMPTY_FILTERS);
  const items = navItems(account.roles);
  const pageRef = useRef<HTMLDivElement>(null);
  const firstPage = useRef(true);
  const key = routeKey(route);

  // After moving to another page, put focus on its heading so screen readers start there.
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    pageRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [key]);

  const select = (next: NavView) => {
    setJustRecorded(null);
    navigate({ view: next });
  };

  const allowed = route.view === 'pupil' || items.some((item) => item.id === route.view);
  const view = allowed ? route.view : 'overview';
  const current: NavView = view === 'pupil' ? 'pupils' : view;

  return (
    <>
      <LocalNav label="Careers programme" items={items} current={current} onSelect={select} />
      <div ref={pageRef} key={key}>
        {view === 'overview' ? <OverviewPage /> : null}
        {view === 'pupils' ? <PupilsPage filters={pupilFilters} onFiltersChange={setPupilFilters} /> : null}
        {route.view === 'pupil' ? <PupilRecordPage pupilId={route.pupilId} /> : null}
        {view === 'encounters' ? <EncountersPage justRecorded={justRecorded} onRecordNew={() => select('record')} /> : null}
        {view === 'record' ? (
          <RecordEncounterPage
            onRecorded={(encounter) => {
              setJustRecorded(encounter);
              navigate({ view: 'encounters' });
            }}
          />
        ) : null}
        {view === 'import' ? <ImportPupilsPage onViewPupils={() => select('pupils')} /> : null}
        {view === 'settings' ? <SchoolSettingsPage /> : null}
      </div>
    </>
  );
}
