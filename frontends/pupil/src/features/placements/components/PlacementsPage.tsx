import type { SessionAccount } from '@waymark/graphql-client';
import { useMutation, useQuery } from '@waymark/graphql-client';
import { formatDay } from '@waymark/domain';
import { Button, ErrorPanel, ErrorSummary, Loading, Notice, PageHeader, Section, SummaryList, TextAreaField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { ApplyForPlacementDocument, PupilPlacementsDocument, type MyApplication, type OpenPlacement } from '../graphql/placements';

/** Longest statement a pupil can send (the employers subgraph checks it too). */
const STATEMENT_MAX = 1000;

const when = (from: string, to: string) => (from === to ? formatDay(from, 'long') : `${formatDay(from, 'long')} to ${formatDay(to, 'long')}`);

const STATUS: Record<MyApplication['status'], string> = {
  PENDING: 'Waiting for your school to reply',
  APPROVED: 'Your school said yes',
  DECLINED: 'Your school said no this time',
  COMPLETED: 'You did this placement',
};

/** Work experience for the signed-in pupil: what they can apply for, and how their applications are going. */
export function PlacementsPage({ account }: { account: SessionAccount }) {
  const query = useQuery(PupilPlacementsDocument);
  const open = query.data?.openPlacements ?? null;
  const mine = query.data?.myPlacementApplications ?? null;
  return (
    <>
      <PageHeader
        title="Work experience"
        description={`${account.displayName.split(' ')[0]}, these are placements employers offer to your school and year group. The employer only sees your first name and year group.`}
      />
      {query.loading && !open ? <Loading label="Loading placements…" /> : null}
      {query.error ? (
        <ErrorPanel title="Placements could not be loaded" onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {mine && mine.length > 0 ? (
        <Section title="Your applications">
          {mine.map((application) => (
            <ApplicationSummary key={application.id} application={application} />
          ))}
        </Section>
      ) : null}
      {open && open.length === 0 ? (
        <Section title="Placements you can apply for">
          <p>There are no placements for you to apply for right now. Check again soon.</p>
        </Section>
      ) : null}
      {(open ?? []).map((placement) => (
        <PlacementCard key={placement.id} placement={placement} onApplied={() => void query.refetch()} />
      ))}
    </>
  );
}

function ApplicationSummary({ application }: { application: MyApplication }) {
  const placement = application.placement;
  return (
    <div className="wm-placement-application">
      <h3>{placement.title}</h3>
      <SummaryList
        items={[
          { term: 'Where', value: placement.employerName ?? 'An employer' },
          { term: 'When', value: when(placement.dateFrom, placement.dateTo) },
          { term: 'What is happening', value: STATUS[application.status] },
          ...(application.response ? [{ term: 'Message from your school', value: application.response }] : []),
          ...(application.feedback ? [{ term: 'Feedback from the employer', value: application.feedback }] : []),
          ...(application.status === 'COMPLETED'
            ? [{ term: 'On your record', value: application.encounterPending ? 'Your school will add it soon' : 'Added as work experience' }]
            : []),
        ]}
      />
    </div>
  );
}

function PlacementCard({ placement, onApplied }: { placement: OpenPlacement; onApplied: () => void }) {
  const [statement, setStatement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [apply, state] = useMutation(ApplyForPlacementDocument);
  const fieldId = `statement-${placement.id}`;

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (statement.trim() === '') {
      setError('Write a few words about why you would like this placement');
      setAttempt((count) => count + 1);
      return;
    }
    if (statement.trim().length > STATEMENT_MAX) {
      setError(`Keep it to ${STATEMENT_MAX.toLocaleString('en-GB')} characters or fewer`);
      setAttempt((count) => count + 1);
      return;
    }
    const result = await apply({ input: { placementId: placement.id, statement } });
    const answer = result.data?.applyForPlacement;
    if (!answer?.application) {
      setError(answer?.error?.fields[0]?.message ?? answer?.error?.message ?? result.error?.message ?? 'Your application could not be sent. Try again.');
      setAttempt((count) => count + 1);
      return;
    }
    setError(null);
    onApplied();
  };

  return (
    <Section title={placement.title} description={placement.employerName ?? undefined}>
      <SummaryList
        items={[
          { term: 'What you will do', value: placement.tasks },
          { term: 'When', value: when(placement.dateFrom, placement.dateTo) },
          { term: 'Hours', value: `${placement.hoursPerDay} hours a day, for ${placement.days} ${placement.days === 1 ? 'day' : 'days'}` },
          { term: 'Places left', value: String(placement.placesLeft) },
        ]}
      />
      {placement.myApplication ? (
        <Notice title="You have applied" headingLevel={3}>
          {STATUS[placement.myApplication.status]}.
        </Notice>
      ) : (
        <>
          <ErrorSummary attempt={attempt} items={error ? [{ message: error, targetId: fieldId }] : []} />
          <form className="wm-form" noValidate aria-label={`Apply for ${placement.title}`} onSubmit={(event) => void submit(event)}>
            <TextAreaField
              id={fieldId}
              label="Why would you like this placement?"
              hint={`Your school reads this, not the employer. Up to ${STATEMENT_MAX.toLocaleString('en-GB')} characters (${statement.length} used). Do not put your phone number or address.`}
              value={statement}
              error={error ?? undefined}
              onChange={(event) => setStatement(event.target.value)}
            />
            <Button type="submit" disabled={state.loading}>
              {state.loading ? 'Sending…' : 'Apply'}
            </Button>
          </form>
        </>
      )}
    </Section>
  );
}
