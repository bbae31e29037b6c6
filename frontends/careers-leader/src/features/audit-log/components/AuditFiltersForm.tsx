import { Button, ErrorSummary, Field, SelectField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import type { AuditFilter } from '../graphql/auditLog';
import { ACTION_OPTIONS, applyDraft, draftOf, NO_AUDIT_FILTER, type AuditFilterDraft, type DraftProblem } from '../lib/auditFilters';

export interface AuditFiltersFormProps {
  filter: AuditFilter;
  /** Names for the pupil and person chosen from the table, shown so they can be removed. */
  pupilName: string | null;
  actorName: string | null;
  onApply: (filter: AuditFilter) => void;
}

const IDS = { action: 'audit-action', from: 'audit-from', to: 'audit-to' } as const;

/**
 * What to show: the kind of access and a range of days, applied with the button (a GOV.UK-style form
 * with an error summary that takes focus). A pupil or person chosen from the table shows here too.
 */
export function AuditFiltersForm({ filter, pupilName, actorName, onApply }: AuditFiltersFormProps) {
  const [draft, setDraft] = useState<AuditFilterDraft>(() => draftOf(filter));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const set = (patch: Partial<AuditFilterDraft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const problemAt = (field: DraftProblem['field']) => problems.find((problem) => problem.field === field)?.message;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const result = applyDraft(draft, filter);
    setProblems(result.problems);
    if (result.filter) onApply(result.filter);
    else setAttempt((count) => count + 1);
  };

  const clear = () => {
    setDraft(draftOf(NO_AUDIT_FILTER));
    setProblems([]);
    onApply(NO_AUDIT_FILTER);
  };

  return (
    <form aria-label="Filter the log" onSubmit={submit} noValidate>
      <ErrorSummary attempt={attempt} items={problems.map((problem) => ({ message: problem.message, targetId: IDS[problem.field] }))} />
      <div className="wm-toolbar">
        <SelectField
          id={IDS.action}
          label="What happened"
          name="action"
          placeholder="Anything"
          options={ACTION_OPTIONS}
          value={draft.action}
          onChange={(event) => set({ action: event.target.value as AuditFilterDraft['action'] })}
        />
        <Field
          id={IDS.from}
          label="From"
          name="from"
          type="date"
          narrow
          value={draft.from}
          error={problemAt('from')}
          onChange={(event) => set({ from: event.target.value })}
        />
        <Field
          id={IDS.to}
          label="To"
          hint="Includes this day"
          name="to"
          type="date"
          narrow
          value={draft.to}
          error={problemAt('to')}
          onChange={(event) => set({ to: event.target.value })}
        />
      </div>
      {pupilName || actorName ? (
        <ul className="wm-tag-list" aria-label="Also showing only">
          {filter.pupilId ? (
            <li>
              <span className="wm-tag">Pupil: {pupilName ?? 'chosen pupil'}</span>{' '}
              <Button variant="secondary" onClick={() => onApply({ ...filter, pupilId: null })}>
                Show every pupil
              </Button>
            </li>
          ) : null}
          {filter.actorAccountId ? (
            <li>
              <span className="wm-tag">Person: {actorName ?? 'chosen person'}</span>{' '}
              <Button variant="secondary" onClick={() => onApply({ ...filter, actorAccountId: null })}>
                Show everyone
              </Button>
            </li>
          ) : null}
        </ul>
      ) : null}
      <div className="wm-button-row">
        <Button type="submit">Show events</Button>
        <Button variant="secondary" onClick={clear}>
          Clear filters
        </Button>
      </div>
    </form>
  );
}
