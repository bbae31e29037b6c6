import { useMutation, useQuery } from '@waymark/graphql-client';
import { formatDay } from '@waymark/domain';
import { Button, ErrorPanel, ErrorSummary, Loading, Notice, PageHeader, Section, SummaryList, TextAreaField } from '@waymark/ui';
import { useState } from 'react';
import { AnswerPlacementApplicationDocument, PlacementApplicationsDocument, type SchoolPlacementApplication } from '../graphql/placements';
import { CheckWarnings, VolunteerChecks } from '../../requests/components/VolunteerChecks';

const STATUS: Record<SchoolPlacementApplication['status'], string> = {
  PENDING: 'Waiting for your answer',
  APPROVED: 'Approved',
  DECLINED: 'Declined',
  COMPLETED: 'Done',
};

const when = (from: string, to: string) => (from === to ? formatDay(from, 'long') : `${formatDay(from, 'long')} to ${formatDay(to, 'long')}`);

/** Work-experience applications from the school's pupils: approve or decline each with a message. */
export function PlacementApplicationsPage() {
  const query = useQuery(PlacementApplicationsDocument);
  const applications = query.data?.placementApplications ?? null;
  const waiting = (applications ?? []).filter((a) => a.status === 'PENDING');
  const answered = (applications ?? []).filter((a) => a.status !== 'PENDING');
  return (
    <>
      <PageHeader
        title="Work experience placements"
        description="Your pupils' applications for placements employers offer your school. Employers see only an approved pupil's first name and year group."
      />
      {query.loading && !applications ? <Loading label="Loading applications…" /> : null}
      {query.error ? (
        <ErrorPanel title="Applications could not be loaded" onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {applications && waiting.length === 0 ? (
        <Section title="Waiting for an answer">
          <p>No applications are waiting for an answer.</p>
        </Section>
      ) : null}
      {waiting.map((application) => (
        <ApplicationCard key={application.id} application={application} onAnswered={() => void query.refetch()} />
      ))}
      {answered.length > 0 ? (
        <Section title="Answered">
          <ul className="wm-placement-answered">
            {answered.map((application) => (
              <li key={application.id}>
                {application.firstName} (Year {application.yearGroup}), {application.placement.title}: {STATUS[application.status]}
                {application.status === 'COMPLETED'
                  ? application.encounterPending
                    ? ', work experience waiting to be recorded'
                    : ', recorded as work experience'
                  : ''}
                {application.feedback ? `. Employer's feedback: ${application.feedback}` : ''}
                {application.placement.status === 'WITHDRAWN' && application.response ? `. ${application.response}` : ''}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}

function ApplicationCard({ application, onAnswered }: { application: SchoolPlacementApplication; onAnswered: () => void }) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [answer, state] = useMutation(AnswerPlacementApplicationDocument);
  const placement = application.placement;
  const fieldId = `answer-${application.id}`;

  const send = async (approve: boolean) => {
    if (message.trim() === '') {
      setError('Write a message to the pupil');
      setAttempt((count) => count + 1);
      return;
    }
    const result = await answer({ input: { applicationId: application.id, approve, message } });
    const reply = result.data?.answerPlacementApplication;
    if (!reply?.application) {
      setError(reply?.error?.fields[0]?.message ?? reply?.error?.message ?? result.error?.message ?? 'The answer could not be saved. Try again.');
      setAttempt((count) => count + 1);
      return;
    }
    setError(null);
    onAnswered();
  };

  return (
    <Section title={`${application.firstName} (Year ${application.yearGroup}): ${placement.title}`} description={placement.employerName ?? undefined}>
      <SummaryList
        items={[
          { term: 'When', value: when(placement.dateFrom, placement.dateTo) },
          { term: 'Hours', value: `${placement.hoursPerDay} a day for ${placement.days} ${placement.days === 1 ? 'day' : 'days'}` },
          { term: 'Places left', value: `${placement.placesLeft} of ${placement.capacity}` },
          { term: "The pupil's statement", value: application.statement ?? '' },
        ]}
      />
      {placement.placesLeft === 0 ? (
        <Notice title="No places left" headingLevel={3}>
          Every place has been taken. You can still decline with a message.
        </Notice>
      ) : null}
      <CheckWarnings warnings={application.hostCheckWarnings} headingLevel={3} />
      {application.host ? (
        <VolunteerChecks volunteer={application.host} formKey={`placement-${application.id}`} onRecorded={onAnswered} headingLevel={3} />
      ) : null}
      <ErrorSummary attempt={attempt} items={error ? [{ message: error, targetId: fieldId }] : []} />
      <form className="wm-form" noValidate aria-label={`Answer ${application.firstName}'s application`} onSubmit={(event) => event.preventDefault()}>
        <TextAreaField
          id={fieldId}
          label="Message to the pupil"
          hint="The pupil reads this with your answer."
          value={message}
          error={error ?? undefined}
          onChange={(event) => setMessage(event.target.value)}
        />
        <div className="wm-button-row">
          <Button type="button" disabled={state.loading} onClick={() => void send(true)}>
            Approve
          </Button>
          <Button type="button" variant="secondary" disabled={state.loading} onClick={() => void send(false)}>
            Decline
          </Button>
        </div>
      </form>
    </Section>
  );
}
