import { formatDay } from '@waymark/domain';
import { DataTable, ErrorPanel, Loading, Section, type Column } from '@waymark/ui';
import { useEffect, useRef } from 'react';
import type { DestinationYearsView, LeaverSpell, RecordActivitySpellInput } from '../graphql/destinations';
import { useLeaverDestinations } from '../hooks/useDestinations';
import { RecordSpellForm } from './RecordSpellForm';

type YearRow = DestinationYearsView['years'][number];

const STATUS: Record<string, { text: string; tag: string }> = {
  SUSTAINED: { text: 'Sustained', tag: 'wm-tag wm-tag--met' },
  NOT_SUSTAINED: { text: 'Not sustained', tag: 'wm-tag wm-tag--not-met' },
  TOO_EARLY: { text: 'Too early to tell', tag: 'wm-tag wm-tag--progress' },
  NOT_KNOWN: { text: 'Not known', tag: 'wm-tag' },
};

const yearColumns: Column<YearRow>[] = [
  {
    key: 'year',
    header: 'Year after Year 11',
    rowHeader: true,
    render: (row) => `Year ${row.year} (${formatDay(row.from, 'medium')} to ${formatDay(row.to, 'medium')})`,
  },
  { key: 'main', header: 'Main activity', render: (row) => row.mainActivityLabel ?? 'Nothing recorded' },
  {
    key: 'status',
    header: 'Sustained?',
    render: (row) => <span className={STATUS[row.status]?.tag ?? 'wm-tag'}>{STATUS[row.status]?.text ?? row.status}</span>,
  },
  { key: 'why', header: 'Why', render: (row) => row.reason },
];

const spellColumns: Column<LeaverSpell>[] = [
  { key: 'what', header: 'Activity', rowHeader: true, render: (spell) => spell.activityLabel },
  { key: 'where', header: 'Where', render: (spell) => spell.provider ?? '' },
  { key: 'from', header: 'From', render: (spell) => formatDay(spell.startsOn) },
  { key: 'to', header: 'To', render: (spell) => (spell.endsOn ? formatDay(spell.endsOn) : 'Still going on') },
  {
    key: 'source',
    header: 'Source',
    render: (spell) =>
      `${spell.source === 'LA_CONFIRMATION' ? 'Local authority' : spell.source === 'SELF_REPORTED' ? 'Self-reported' : 'School'}${spell.confirmed ? ', confirmed' : ''}`,
  },
];

const HEADING_ID = 'leaver-destinations-heading';

/**
 * One young person's spells after Year 11, their destinations computed from them with the reasons,
 * and a form to add a spell. Opened from a list above it, it takes focus once loaded, so keyboard
 * and screen reader users land on it.
 */
export function LeaverPanel({ pupilId, onRecorded }: { pupilId: string; onRecorded: () => void }) {
  const leaver = useLeaverDestinations(pupilId);
  const loaded = leaver.pupil !== null;
  const focused = useRef(false);
  useEffect(() => {
    if (!loaded || focused.current) return;
    focused.current = true;
    document.getElementById(HEADING_ID)?.focus();
  }, [loaded]);
  const save = async (input: RecordActivitySpellInput) => {
    const problem = await leaver.recordSpell(input);
    if (!problem) onRecorded();
    return problem;
  };
  const { pupil } = leaver;
  if (!pupil) {
    return leaver.loading ? (
      <Loading label="Loading their destinations…" />
    ) : (
      <ErrorPanel title="Their destinations could not be loaded" onRetry={() => void leaver.refetch()}>
        {leaver.error?.message ?? 'They are not one of your pupils or leavers.'}
      </ErrorPanel>
    );
  }
  const years = pupil.destinationYears;
  return (
    <Section title={`Destinations of ${pupil.displayName}`} headingId={HEADING_ID}>
      <p>{pupil.leftOn ? `Left school on ${formatDay(pupil.leftOn, 'long')}.` : pupil.yearGroup ? `In Year ${pupil.yearGroup}.` : ''}</p>
      {years ? (
        <>
          <p>
            <strong>September destination:</strong> {years.september.reason}
          </p>
          <DataTable
            caption={`Destination years of ${pupil.displayName}`}
            columns={yearColumns}
            rows={years.years}
            rowKey={(row) => String(row.year)}
            emptyText=""
          />
        </>
      ) : (
        <p>No spells are recorded yet, so there is nothing to work out. Record what they did after Year 11 below.</p>
      )}
      {pupil.activitySpells && pupil.activitySpells.length > 0 ? (
        <DataTable caption="Spells recorded" columns={spellColumns} rows={pupil.activitySpells} rowKey={(spell) => spell.id} emptyText="" />
      ) : null}
      <RecordSpellForm pupilId={pupil.id} onSave={save} />
    </Section>
  );
}
