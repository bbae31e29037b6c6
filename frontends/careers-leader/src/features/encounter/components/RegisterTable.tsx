import { Button, DataTable, DateText, ErrorPanel, formatNumber, Notice, type Column } from '@waymark/ui';
import { useEffect, useMemo, useState } from 'react';
import { routeHref } from '../../../shared/route';
import type { RegisterEntry } from '../graphql/encounter';
import type { ActionOutcome } from '../hooks/useEncounter';
import { canDecline, keepOnRegister, MARK_TEXT, markOf, meaningfulText, registerCounts, selectAll, sortRegister, toggleOne, type Mark } from '../lib/register';

export interface RegisterTableProps {
  /** The encounter the register is for: a pupil's record opened from it says "Back to the encounter". */
  encounterId: string;
  /** Its kind and date: whether a pupil may be marked as having chosen not to go (a Year 12–13 provider encounter). */
  encounter: { kind: string; date: string };
  entries: readonly RegisterEntry[];
  checklistMet: boolean;
  onMark: (pupilIds: string[], mark: Mark) => Promise<ActionOutcome<unknown>>;
}

type Feedback = { kind: 'done'; text: string } | { kind: 'error'; text: string } | null;

/**
 * The register: attendance one pupil at a time, or for the pupils ticked (with "select all"), and
 * for each pupil whether it counts as meaningful and what they reflected.
 */
export function RegisterTable({ encounterId, encounter, entries, checklistMet, onMark }: RegisterTableProps) {
  const rows = useMemo(() => sortRegister(entries.filter((entry) => entry.pupil)), [entries]);
  const ids = useMemo(() => rows.map((entry) => entry.pupil!.id), [rows]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const counts = registerCounts(rows);
  const declinable = (entry: RegisterEntry) => canDecline(encounter, entry.pupil?.yearGroup);
  const anyDeclinable = rows.some(declinable);

  useEffect(() => setSelected((previous) => keepOnRegister(previous, ids)), [ids]);

  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const someSelected = selected.size > 0 && !allSelected;

  const mark = async (pupilIds: string[], value: Mark, names: string) => {
    setBusy(true);
    setFeedback(null);
    const outcome = await onMark(pupilIds, value);
    setBusy(false);
    setFeedback(
      outcome.ok
        ? { kind: 'done', text: value === 'declined' ? `${names} marked as having chosen not to go.` : `${names} marked as ${value}.` }
        : { kind: 'error', text: outcome.message },
    );
  };

  const markSelected = (value: Mark) => {
    const chosen = ids.filter((id) => selected.has(id));
    void mark(chosen, value, `${chosen.length} ${chosen.length === 1 ? 'pupil' : 'pupils'}`).then(() => setSelected(new Set()));
  };

  /** The marks a pupil can be given from the one they have: "Chose not to go" only where it applies. */
  const otherMarks = (entry: RegisterEntry): Mark[] =>
    (['attended', 'absent', 'declined'] as const).filter((value) => value !== markOf(entry) && (value !== 'declined' || declinable(entry)));
  const BUTTON_TEXT: Record<Mark, string> = { attended: 'Mark attended', absent: 'Mark absent', declined: 'Chose not to go' };

  const columns: Column<RegisterEntry>[] = [
    {
      key: 'select',
      header: <span className="wm-visually-hidden">Selected</span>,
      render: (entry) => (
        <label className="wm-checkbox">
          <input
            type="checkbox"
            checked={selected.has(entry.pupil!.id)}
            onChange={(event) => setSelected((previous) => toggleOne(previous, entry.pupil!.id, event.target.checked))}
          />
          <span className="wm-visually-hidden">Select {entry.pupil!.displayName}</span>
        </label>
      ),
    },
    {
      key: 'pupil',
      header: 'Pupil',
      rowHeader: true,
      render: (entry) => (
        <a href={routeHref({ view: 'pupil', pupilId: entry.pupil!.id, from: { view: 'encounter', encounterId } })}>{entry.pupil!.displayName}</a>
      ),
    },
    { key: 'year', header: 'Year', render: (entry) => (entry.pupil!.yearGroup != null ? `Year\u00a0${entry.pupil!.yearGroup}` : '–') },
    { key: 'tutor', header: 'Tutor group', render: (entry) => entry.pupil!.tutorGroup ?? '–' },
    {
      key: 'attended',
      header: 'Attended',
      render: (entry) => (
        <div className="wm-register-cell">
          <span>{MARK_TEXT[markOf(entry)]}</span>
          {otherMarks(entry).map((value) => (
            <Button
              key={value}
              variant="secondary"
              className="wm-button--small"
              disabled={busy}
              onClick={() => void mark([entry.pupil!.id], value, entry.pupil!.displayName)}
            >
              {BUTTON_TEXT[value]}
              <span className="wm-visually-hidden"> ({entry.pupil!.displayName})</span>
            </Button>
          ))}
        </div>
      ),
    },
    { key: 'meaningful', header: 'Meaningful', render: (entry) => meaningfulText(entry, checklistMet) },
    {
      key: 'reflection',
      header: 'Reflection',
      render: (entry) =>
        entry.reflection || entry.groupReflectionOn ? (
          <>
            {entry.reflection ? <span className="wm-reflection">{entry.reflection}</span> : null}
            {entry.reflection && entry.groupReflectionOn ? <br /> : null}
            {entry.groupReflectionOn ? (
              <span className={entry.reflection ? 'wm-muted' : undefined}>
                Reflection time with the group, <DateText value={entry.groupReflectionOn} />
              </span>
            ) : null}
          </>
        ) : (
          <span className="wm-muted">None yet</span>
        ),
    },
  ];

  return (
    <>
      <p>
        {formatNumber(counts.attended)} of {formatNumber(counts.invited)} pupils attended
        {counts.declined > 0 ? ` and ${formatNumber(counts.declined)} chose not to go` : ''}. {formatNumber(counts.reflected)} have written a reflection
        {counts.groupReflected > 0 ? ` and ${formatNumber(counts.groupReflected)} had reflection time with their group` : ''}; {formatNumber(counts.meaningful)}{' '}
        {counts.meaningful === 1 ? 'counts' : 'count'} as meaningful.
      </p>
      {feedback?.kind === 'done' ? (
        <Notice title="Register updated" headingLevel={3}>
          {feedback.text}
        </Notice>
      ) : null}
      {feedback?.kind === 'error' ? (
        <ErrorPanel title="The register was not changed" headingLevel={3}>
          {feedback.text}
        </ErrorPanel>
      ) : null}
      {rows.length > 0 ? (
        <div className="wm-toolbar wm-register-actions">
          <label className="wm-checkbox">
            <input
              type="checkbox"
              checked={allSelected}
              ref={(input) => {
                if (input) input.indeterminate = someSelected;
              }}
              onChange={(event) => setSelected((previous) => selectAll(previous, ids, event.target.checked))}
            />
            <span>Select all {formatNumber(ids.length)} pupils</span>
          </label>
          <Button variant="secondary" disabled={busy || selected.size === 0} onClick={() => markSelected('attended')}>
            Mark selected as attended
          </Button>
          <Button variant="secondary" disabled={busy || selected.size === 0} onClick={() => markSelected('absent')}>
            Mark selected as absent
          </Button>
          {anyDeclinable ? (
            <Button variant="secondary" disabled={busy || selected.size === 0} onClick={() => markSelected('declined')}>
              Mark selected as chose not to go
            </Button>
          ) : null}
          <span className="wm-muted" aria-live="polite">
            {formatNumber(selected.size)} selected
          </span>
        </div>
      ) : null}
      <DataTable
        caption="Register"
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(entry) => entry.id}
        emptyText="Nobody is on the register yet. Invite pupils below, or import a register."
      />
    </>
  );
}
