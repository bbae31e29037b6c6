import { Button, DataTable, ErrorPanel, formatNumber, Loading, Section, type Column } from '@waymark/ui';
import { formatYearGroups } from '../../../shared/encounterKinds';
import type { RegisterPupil } from '../graphql/registerPupils';
import type { RegisterState } from '../hooks/useRegister';
import { FIELD_IDS } from './fieldIds';

export interface RegisterSectionProps {
  yearGroups: number[];
  register: RegisterState;
  error?: string;
}

export function RegisterSection({ yearGroups, register, error }: RegisterSectionProps) {
  const columns: Column<RegisterPupil>[] = [
    {
      key: 'attended',
      header: 'Attended',
      render: (pupil) => (
        <label className="wm-checkbox">
          <input type="checkbox" checked={register.attendance[pupil.id] !== false} onChange={(event) => register.setAttended(pupil.id, event.target.checked)} />
          <span className="wm-visually-hidden">{pupil.displayName} attended</span>
        </label>
      ),
    },
    { key: 'name', header: 'Pupil', rowHeader: true, render: (pupil) => pupil.displayName },
    { key: 'year', header: 'Year group', render: (pupil) => (pupil.yearGroup != null ? `Year ${pupil.yearGroup}` : '–') },
    { key: 'tutor', header: 'Tutor group', render: (pupil) => pupil.tutorGroup ?? '–' },
  ];

  const total = register.pupils.length;
  return (
    <Section title="Register" description="Everyone starts as attended. Untick anyone who was absent.">
      <div id={FIELD_IDS.register} tabIndex={-1}>
        {error ? <p className="wm-field__error">{error}</p> : null}
        {yearGroups.length === 0 ? (
          <p className="wm-muted">Choose at least one year group above to load its pupils.</p>
        ) : (
          <>
            {register.errors.length ? (
              <ErrorPanel title="Some pupils could not be loaded" headingLevel={3} onRetry={register.retry}>
                <ul>
                  {register.errors.map((entry) => (
                    <li key={entry.yearGroup}>
                      Year {entry.yearGroup}: {entry.message}
                    </li>
                  ))}
                </ul>
              </ErrorPanel>
            ) : null}
            {register.truncated.map((entry) => (
              <p key={entry.yearGroup} className="wm-field__error">
                Year {entry.yearGroup} has {formatNumber(entry.totalCount)} pupils; only the first {formatNumber(200)} are listed.
              </p>
            ))}
            <div className="wm-button-row">
              <Button variant="secondary" onClick={() => register.markAll(true)} disabled={total === 0}>
                Mark all attended
              </Button>
              <Button variant="secondary" onClick={() => register.markAll(false)} disabled={total === 0}>
                Mark all absent
              </Button>
            </div>
            <p role="status" aria-live="polite">
              {register.loading ? '' : `${formatNumber(register.attendedCount)} of ${formatNumber(total)} pupils marked as attended.`}
            </p>
            {register.loading ? <Loading label="Loading the register…" /> : null}
            {total > 0 || !register.loading ? (
              <DataTable
                caption={`Register for ${formatYearGroups(yearGroups)}`}
                columns={columns}
                rows={register.pupils}
                rowKey={(pupil) => pupil.id}
                emptyText="No pupils are on roll in these year groups."
              />
            ) : null}
          </>
        )}
      </div>
    </Section>
  );
}
