import { formatDay, VOLUNTEER_CHECK_KEYS, VOLUNTEER_CHECK_KINDS } from '@waymark/domain';
import { useMutation } from '@waymark/graphql-client';
import { Button, DataTable, ErrorSummary, Field, SelectField } from '@waymark/ui';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { VolunteerCheckFieldsFragment, VolunteerCheckKind } from '../../../gql/graphql';
import { RecordVolunteerCheckDocument } from '../graphql/requests';
import { checkFieldIds, EMPTY_CHECK, toCheckInput, validateCheck, type CheckDraft, type CheckErrors } from '../lib/checkForm';

const KIND_OPTIONS = VOLUNTEER_CHECK_KEYS.map((key) => ({ value: key, label: VOLUNTEER_CHECK_KINDS[key].label }));
type Check = VolunteerCheckFieldsFragment;
/** A volunteer as the checks need them: on an offer, or hosting a placement. */
interface CheckedVolunteer {
  id: string;
  displayName: string;
  checks: readonly Check[] | null;
}
type HeadingLevel = 3 | 4 | 5;

/** The checks the engagement needs that are missing or run out in time: a warning, never a bar. */
export function CheckWarnings({ warnings, headingLevel = 5 }: { warnings: readonly { kind: string; message: string }[] | null; headingLevel?: HeadingLevel }) {
  if (!warnings || warnings.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="wm-alert">
      <Heading className="wm-alert__title">Checks to make before this goes ahead</Heading>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.kind}>{warning.message}.</li>
        ))}
      </ul>
      <p>You can still go ahead: it is your school&apos;s decision. Record a check below once it is done.</p>
    </div>
  );
}

/** A volunteer's checks at the school, who recorded each, and a form to record one. */
export function VolunteerChecks({
  volunteer,
  formKey,
  onRecorded,
  headingLevel = 5,
}: {
  volunteer: CheckedVolunteer;
  formKey: string;
  onRecorded: () => void;
  headingLevel?: HeadingLevel;
}) {
  const Heading = `h${headingLevel}` as const;
  const [open, setOpen] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  const checks = volunteer.checks ?? [];
  // Closing the form (saved or cancelled) takes the keyboard back to the button that opened it.
  useEffect(() => {
    if (!open && refocus) {
      opener.current?.focus();
      setRefocus(false);
    }
  }, [open, refocus]);
  const close = () => {
    setOpen(false);
    setRefocus(true);
  };
  return (
    <div className="wm-volunteer-checks">
      <Heading>Checks at your school</Heading>
      {volunteer.checks === null ? <p className="wm-muted">The checks could not be loaded.</p> : null}
      {volunteer.checks && checks.length === 0 ? <p className="wm-muted">No checks recorded at your school yet.</p> : null}
      {checks.length > 0 ? (
        <DataTable<Check>
          caption={`${volunteer.displayName}'s checks at your school`}
          captionHidden
          rows={checks}
          rowKey={(check) => check.id}
          columns={[
            { key: 'kind', header: 'Check', rowHeader: true, render: (check) => check.kindLabel },
            { key: 'done', header: 'Done on', render: (check) => formatDay(check.doneOn, 'long') },
            {
              key: 'expires',
              header: 'Expires on',
              render: (check) => (check.expired ? `${formatDay(check.expiresOn, 'long')} (expired)` : formatDay(check.expiresOn, 'long')),
            },
            {
              key: 'recorded',
              header: 'Recorded',
              render: (check) => `${check.recordedBy ?? 'Someone at your school'}, ${formatDay(check.recordedAt, 'long')}`,
            },
          ]}
        />
      ) : null}
      {recorded && !open ? <p role="status">Check recorded.</p> : null}
      {open ? (
        <RecordCheckForm
          volunteer={volunteer}
          formKey={formKey}
          onCancel={close}
          onRecorded={() => {
            close();
            setRecorded(true);
            onRecorded();
          }}
        />
      ) : (
        <div className="wm-button-row">
          <Button
            ref={opener}
            variant="secondary"
            onClick={() => {
              setRecorded(false);
              setOpen(true);
            }}
          >
            Record a check on {volunteer.displayName}
          </Button>
        </div>
      )}
    </div>
  );
}

function RecordCheckForm({
  volunteer,
  formKey,
  onCancel,
  onRecorded,
}: {
  volunteer: CheckedVolunteer;
  formKey: string;
  onCancel: () => void;
  onRecorded: () => void;
}) {
  const ids = checkFieldIds(formKey);
  const [draft, setDraft] = useState<CheckDraft>(EMPTY_CHECK);
  const [errors, setErrors] = useState<CheckErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [record, state] = useMutation(RecordVolunteerCheckDocument);
  const set = <Key extends keyof CheckDraft>(key: Key, value: CheckDraft[Key]) => setDraft((previous) => ({ ...previous, [key]: value }));

  // Opening the form takes the keyboard to its first field.
  useEffect(() => {
    document.getElementById(ids.kind)?.focus();
  }, [ids.kind]);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const found = validateCheck(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((count) => count + 1);
      return;
    }
    const result = await record({ input: toCheckInput(volunteer.id, draft) });
    const answer = result.data?.recordVolunteerCheck;
    if (!answer?.check) {
      setErrors(Object.fromEntries((answer?.error?.fields ?? []).map((f) => [f.field, f.message])));
      setProblem(answer?.error?.fields.length ? null : (answer?.error?.message ?? result.error?.message ?? 'The check was not saved. Try again.'));
      setAttempt((count) => count + 1);
      return;
    }
    onRecorded();
  };

  const items = [
    ...(Object.entries(errors) as [keyof CheckErrors, string][]).map(([field, message]) => ({ message, targetId: ids[field] })),
    ...(problem ? [{ message: problem }] : []),
  ];

  return (
    <>
      <ErrorSummary attempt={attempt} items={items} />
      <form className="wm-form" noValidate aria-label={`Record a check on ${volunteer.displayName}`} onSubmit={(event) => void submit(event)}>
        <SelectField
          id={ids.kind}
          label="Which check?"
          placeholder="Choose one"
          options={KIND_OPTIONS}
          value={draft.kind}
          error={errors.kind}
          onChange={(event) => set('kind', event.target.value as VolunteerCheckKind | '')}
        />
        <Field
          id={ids.doneOn}
          label="Date the check was done"
          type="date"
          narrow
          value={draft.doneOn}
          error={errors.doneOn}
          onChange={(event) => set('doneOn', event.target.value)}
        />
        <Field
          id={ids.expiresOn}
          label="Date it expires"
          hint="After the date it was done. Your school decides how long a check lasts."
          type="date"
          narrow
          value={draft.expiresOn}
          error={errors.expiresOn}
          onChange={(event) => set('expiresOn', event.target.value)}
        />
        <div className="wm-toolbar">
          <Button type="submit" disabled={state.loading}>
            {state.loading ? 'Saving…' : 'Save the check'}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </>
  );
}
