import { formatDay, todayInEngland } from '@waymark/domain';
import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { Button, DataTable, ErrorSummary, Field, Notice, Section, SelectField, TextAreaField, type Column } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import type { OwnActivity, OwnActivityKind, SubmitOwnActivityInput } from '../graphql/myProgress';
import {
  EMPTY_OWN_ACTIVITY,
  OWN_ACTIVITY_KINDS,
  STATUS_TEXT,
  toSubmitOwnActivityInput,
  validateOwnActivity,
  type OwnActivityDraft,
  type OwnActivityErrors,
} from '../lib/progress';
import { PartProblem } from './PartProblem';
import { PROGRESS_SECTION_IDS } from '../../../shared/route';

export interface OwnActivitiesSectionProps {
  activities: OwnActivity[] | null;
  errors: readonly GraphQLErrorItem[];
  onSubmit: (input: SubmitOwnActivityInput) => Promise<string | null>;
}

const FIELD_IDS: Record<keyof OwnActivityDraft, string> = {
  kind: 'own-kind',
  title: 'own-title',
  description: 'own-description',
  startedOn: 'own-started',
  endedOn: 'own-ended',
  hours: 'own-hours',
};

const TAG: Record<string, string> = { SUBMITTED: 'wm-tag wm-tag--progress', VERIFIED: 'wm-tag wm-tag--met', DECLINED: 'wm-tag wm-tag--not-met' };

const columns: Column<OwnActivity>[] = [
  { key: 'title', header: 'Activity', rowHeader: true, render: (activity) => activity.title },
  { key: 'kind', header: 'Kind', render: (activity) => activity.kindLabel },
  {
    key: 'when',
    header: 'When',
    render: (activity) =>
      `${formatDay(activity.startedOn)}${activity.endedOn && activity.endedOn !== activity.startedOn ? ` to ${formatDay(activity.endedOn)}` : ''}`,
  },
  { key: 'hours', header: 'Hours', numeric: true, render: (activity) => activity.hours.toLocaleString('en-GB') },
  {
    key: 'status',
    header: 'Status',
    render: (activity) => (
      <>
        <span className={TAG[activity.status] ?? 'wm-tag'}>{STATUS_TEXT[activity.status] ?? activity.status}</span>
        {activity.declineReason ? <span className="wm-evidence-reason">Why: {activity.declineReason}</span> : null}
      </>
    ),
  },
];

/** Activities the pupil did outside school's programme: they add them, school checks them, and verified ones count. */
export function OwnActivitiesSection({ activities, errors, onSubmit }: OwnActivitiesSectionProps) {
  const [draft, setDraft] = useState<OwnActivityDraft>(EMPTY_OWN_ACTIVITY);
  const [fieldErrors, setFieldErrors] = useState<OwnActivityErrors>({});
  const [serverProblem, setServerProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const set = <Key extends keyof OwnActivityDraft>(key: Key, value: OwnActivityDraft[Key]) => setDraft((previous) => ({ ...previous, [key]: value }));

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateOwnActivity(draft, todayInEngland());
    setFieldErrors(found);
    setServerProblem(null);
    setSent(null);
    if (Object.keys(found).length) {
      setAttempt((count) => count + 1);
      return;
    }
    setBusy(true);
    const problem = await onSubmit(toSubmitOwnActivityInput(draft));
    setBusy(false);
    if (problem) {
      setServerProblem(problem);
      setAttempt((count) => count + 1);
      return;
    }
    setSent(draft.title.trim());
    setDraft(EMPTY_OWN_ACTIVITY);
  };

  const kind = OWN_ACTIVITY_KINDS.find((entry) => entry.value === draft.kind);
  const items = [
    ...Object.entries(fieldErrors).map(([field, message]) => ({ message: message, targetId: FIELD_IDS[field as keyof OwnActivityDraft] })),
    ...(serverProblem ? [{ message: serverProblem }] : []),
  ];

  return (
    <Section
      title="Activities you have added"
      headingId={PROGRESS_SECTION_IDS['own-activities']}
      description="A part-time job, work experience you arranged, a university open day, volunteering: add it here. Once school has checked it, it counts towards your benchmarks."
    >
      <PartProblem items={errors} what="activities you added" />
      {activities ? (
        <DataTable
          caption="Activities you have added"
          captionHidden
          columns={columns}
          rows={[...activities].sort((a, b) => b.startedOn.localeCompare(a.startedOn))}
          rowKey={(activity) => activity.id}
          emptyText="You have not added any activities yet."
        />
      ) : null}

      <h3>Add an activity</h3>
      {sent ? (
        <Notice title="Activity sent to school" headingLevel={3}>
          “{sent}” is waiting for school to check it. You can see its status above.
        </Notice>
      ) : null}
      <ErrorSummary attempt={attempt} items={items} />
      <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Add an activity">
        <SelectField
          id={FIELD_IDS.kind}
          label="What kind of activity was it?"
          placeholder="Choose one"
          options={OWN_ACTIVITY_KINDS.map(({ value, label }) => ({ value, label }))}
          hint={kind?.hint}
          value={draft.kind}
          error={fieldErrors.kind}
          onChange={(event) => set('kind', event.target.value as OwnActivityKind | '')}
        />
        <Field
          id={FIELD_IDS.title}
          label="What was it?"
          hint="For example: Saturday job at a café, or open day at the University of Leeds"
          autoComplete="off"
          value={draft.title}
          error={fieldErrors.title}
          onChange={(event) => set('title', event.target.value)}
        />
        <TextAreaField
          id={FIELD_IDS.description}
          label="What did you do? (optional)"
          value={draft.description}
          error={fieldErrors.description}
          onChange={(event) => set('description', event.target.value)}
        />
        <Field
          id={FIELD_IDS.startedOn}
          label="When did it start?"
          type="date"
          narrow
          value={draft.startedOn}
          error={fieldErrors.startedOn}
          onChange={(event) => set('startedOn', event.target.value)}
        />
        <Field
          id={FIELD_IDS.endedOn}
          label="When did it finish? (optional)"
          hint="Leave it empty for one day, or if you are still doing it."
          type="date"
          narrow
          value={draft.endedOn}
          error={fieldErrors.endedOn}
          onChange={(event) => set('endedOn', event.target.value)}
        />
        <Field
          id={FIELD_IDS.hours}
          label="How many hours in total?"
          hint="A full day is about 5 hours."
          type="number"
          inputMode="decimal"
          min={0.5}
          step={0.5}
          narrow
          value={draft.hours}
          error={fieldErrors.hours}
          onChange={(event) => set('hours', event.target.value)}
        />
        <Button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send to school to check'}
        </Button>
      </form>
    </Section>
  );
}
