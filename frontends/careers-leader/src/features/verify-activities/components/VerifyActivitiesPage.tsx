import { request, useQuery } from '@waymark/graphql-client';
import { Button, DateText, ErrorPanel, Loading, Notice, PageHeader, Section, SelectField, TextAreaField } from '@waymark/ui';
import { useState } from 'react';
import { routeHref } from '../../../shared/route';
import {
  ACTIVITIES_TO_VERIFY_QUERY,
  DECLINE_OWN_ACTIVITY_MUTATION,
  VERIFY_OWN_ACTIVITY_MUTATION,
  type OwnActivity,
  type OwnActivityResult,
  type OwnActivityStatus,
} from '../graphql/ownActivities';
import { declineReasonProblem, oldestFirst, periodText, STATUS_LABELS } from '../lib/activities';

const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as OwnActivityStatus[]).map((value) => ({ value, label: STATUS_LABELS[value] }));

type Feedback = { ok: boolean; text: string } | null;

/**
 * Activities pupils added themselves (a part-time job, work experience, an open day…). Staff check
 * them: a verified activity counts towards the pupil's benchmarks; a declined one shows the pupil why.
 */
export function VerifyActivitiesPage() {
  const [status, setStatus] = useState<OwnActivityStatus>('SUBMITTED');
  const query = useQuery(ACTIVITIES_TO_VERIFY_QUERY, { status });
  const [feedback, setFeedback] = useState<Feedback>(null);
  // Null when the list could not be read (its error panel shows); an empty list is a real answer.
  const listed = query.data?.activitiesToVerify ?? null;
  const activities = oldestFirst(listed ?? []);

  const decide = async (activity: OwnActivity, reason: string | null): Promise<string | null> => {
    let result: OwnActivityResult;
    try {
      result =
        reason == null
          ? (await request(VERIFY_OWN_ACTIVITY_MUTATION, { id: activity.id })).verifyOwnActivity
          : (await request(DECLINE_OWN_ACTIVITY_MUTATION, { id: activity.id, reason })).declineOwnActivity;
    } catch (error) {
      return error instanceof Error ? error.message : 'It was not saved. Try again.';
    }
    if (result.error || !result.activity) return result.error?.message ?? 'It was not saved. Try again.';
    const who = activity.pupil?.displayName ?? 'the pupil';
    setFeedback({
      ok: true,
      text:
        reason == null ? `“${activity.title}” for ${who} is verified and now counts.` : `“${activity.title}” for ${who} is declined. They can see your reason.`,
    });
    await query.refetch();
    return null;
  };

  return (
    <>
      <PageHeader
        title="Activities to verify"
        description="Activities pupils have added themselves, such as a part-time job, work experience or a university open day. A verified activity counts towards the pupil's benchmarks. If you decline one, say why: the pupil sees your reason."
      />
      {feedback ? <Notice title={feedback.ok ? 'Done' : 'There is a problem'}>{feedback.text}</Notice> : null}
      <Section title="Activities">
        <div className="wm-toolbar">
          <SelectField
            id="verify-status"
            label="Show"
            options={STATUS_OPTIONS}
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as OwnActivityStatus);
              setFeedback(null);
            }}
          />
        </div>
        <p role="status" aria-live="polite" className="wm-muted">
          {query.loading || !listed
            ? ''
            : `${activities.length} ${activities.length === 1 ? 'activity' : 'activities'}: ${STATUS_LABELS[status].toLowerCase()}.`}
        </p>
        {query.error ? (
          <ErrorPanel title="The activities could not be loaded" headingLevel={3} onRetry={() => void query.refetch()}>
            {query.error.message}
          </ErrorPanel>
        ) : null}
        {query.loading && !query.data ? <Loading label="Loading the activities…" /> : null}
        {listed && activities.length === 0 ? <p>There are no activities to show.</p> : null}
        <ul className="wm-card-list">
          {activities.map((activity) => (
            <ActivityCard key={activity.id} activity={activity} onDecide={(reason) => decide(activity, reason)} />
          ))}
        </ul>
      </Section>
    </>
  );
}

function ActivityCard({ activity, onDecide }: { activity: OwnActivity; onDecide: (reason: string | null) => Promise<string | null> }) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = `activity-${activity.id}`;
  const reasonId = `decline-reason-${activity.id}`;

  const run = async (value: string | null) => {
    if (value != null) {
      const invalid = declineReasonProblem(value);
      setReasonError(invalid);
      if (invalid) {
        document.getElementById(reasonId)?.focus();
        return;
      }
    }
    setBusy(true);
    setProblem(await onDecide(value == null ? null : value.trim()));
    setBusy(false);
  };

  return (
    <li>
      <h3 id={headingId}>{activity.title}</h3>
      <p>
        {activity.pupil ? (
          <a href={routeHref({ view: 'pupil', pupilId: activity.pupil.id, from: { view: 'verify' } })}>{activity.pupil.displayName}</a>
        ) : (
          'A pupil'
        )}
        {activity.pupil?.yearGroup != null ? `, Year ${activity.pupil.yearGroup}` : ''}
        {activity.pupil?.tutorGroup ? ` (${activity.pupil.tutorGroup})` : ''}
      </p>
      <dl className="wm-summary">
        <div className="wm-summary__row">
          <dt>Kind</dt>
          <dd>{activity.kindLabel}</dd>
        </div>
        <div className="wm-summary__row">
          <dt>When</dt>
          <dd>{periodText(activity.startedOn, activity.endedOn)}</dd>
        </div>
        <div className="wm-summary__row">
          <dt>Hours</dt>
          <dd>{activity.hours.toLocaleString('en-GB')}</dd>
        </div>
        {activity.description ? (
          <div className="wm-summary__row">
            <dt>What they did</dt>
            <dd className="wm-reflection">{activity.description}</dd>
          </div>
        ) : null}
        <div className="wm-summary__row">
          <dt>Added</dt>
          <dd>
            <DateText value={activity.submittedAt} />
          </dd>
        </div>
        {activity.status !== 'SUBMITTED' ? (
          <div className="wm-summary__row">
            <dt>{STATUS_LABELS[activity.status]}</dt>
            <dd>
              {activity.decidedAt ? <DateText value={activity.decidedAt} /> : null}
              {activity.decidedBy ? ` by ${activity.decidedBy}` : null}
              {activity.declineReason ? <span className="wm-reflection">: {activity.declineReason}</span> : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {problem ? (
        <p className="wm-field__error" role="alert">
          {problem}
        </p>
      ) : null}
      {activity.status === 'SUBMITTED' ? (
        declining ? (
          <form
            noValidate
            aria-label={`Decline “${activity.title}”`}
            onSubmit={(event) => {
              event.preventDefault();
              void run(reason);
            }}
          >
            <TextAreaField
              id={reasonId}
              label="Why are you declining it?"
              hint="The pupil will see this, so say what they could do, for example ask their employer to confirm the hours."
              value={reason}
              error={reasonError}
              onChange={(event) => setReason(event.target.value)}
            />
            <div className="wm-button-row">
              <Button type="submit" disabled={busy}>
                Decline activity
              </Button>
              <Button variant="secondary" disabled={busy} onClick={() => setDeclining(false)}>
                Cancel
              </Button>
            </div>
          </form>
        ) : (
          <div className="wm-button-row">
            <Button disabled={busy} onClick={() => void run(null)}>
              Verify<span className="wm-visually-hidden"> “{activity.title}”</span>
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => setDeclining(true)}>
              Decline<span className="wm-visually-hidden"> “{activity.title}”</span>
            </Button>
          </div>
        )
      ) : null}
    </li>
  );
}
