import { LocalNav, type LocalNavItem } from '@waymark/ui';
import { useState } from 'react';
import { EncountersPage } from '../features/encounters/components/EncountersPage';
import { OverviewPage } from '../features/overview/components/OverviewPage';
import { PupilsPage } from '../features/pupils/components/PupilsPage';
import { RecordEncounterPage } from '../features/record-encounter/components/RecordEncounterPage';
import type { EncounterSummary } from '../shared/types';

type View = 'overview' | 'pupils' | 'encounters' | 'record';

const VIEWS: LocalNavItem<View>[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'pupils', label: 'Pupils' },
  { id: 'encounters', label: 'Encounters' },
  { id: 'record', label: 'Record an encounter' },
];

export function LeaderWorkspace() {
  const [view, setView] = useState<View>('overview');
  const [justRecorded, setJustRecorded] = useState<EncounterSummary | null>(null);

  const select = (next: View) => {
    setJustRecorded(null);
    setView(next);
  };

  return (
    <>
      <LocalNav label="Careers programme" items={VIEWS} current={view} onSelect={select} />
      {view === 'overview' ? <OverviewPage /> : null}
      {view === 'pupils' ? <PupilsPage /> : null}
      {view === 'encounters' ? <EncountersPage justRecorded={justRecorded} onRecordNew={() => select('record')} /> : null}
      {view === 'record' ? (
        <RecordEncounterPage
          onRecorded={(encounter) => {
            setJustRecorded(encounter);
            setView('encounters');
          }}
        />
      ) : null}
    </>
  );
}
