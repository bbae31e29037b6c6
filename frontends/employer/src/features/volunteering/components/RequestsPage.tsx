import { useMutation, useQuery } from '@waymark/graphql-client';
import { Button, ErrorPanel, ErrorSummary, Loading, Notice, PageHeader, Section, SummaryList, TextAreaField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { OfferVolunteerHelpDocument, OpenVolunteerRequestsDocument, type OpenRequest } from '../graphql/volunteering';
import { OFFER_STATUS, activityLabel, sectorsText, windowText, yearGroupsText } from '../lib/labels';

/** Requests from schools that fit the volunteer's profile, each with a way to offer help. */
export function RequestsPage({ onEditProfile }: { onEditProfile: () => void }) {
  const query = useQuery(OpenVolunteerRequestsDocument);
  const requests = query.data?.openVolunteerRequests ?? null;
  return (
    <>
      <PageHeader title="Requests from schools" description="Open requests that match what you can offer and where you can go. Soonest first." />
      {query.loading && !requests ? <Loading label="Loading requests…" /> : null}
      {query.error ? (
        <ErrorPanel title="Requests could not be loaded" onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {requests && requests.length === 0 ? (
        <Section title="No requests match your profile yet">
          <p>When a school asks for help you can give, it appears here. Offering more activities or places widens what you see.</p>
          <Button variant="secondary" onClick={onEditProfile}>
            Change what I can offer
          </Button>
        </Section>
      ) : null}
      {(requests ?? []).map((request) => (
        <RequestCard key={request.id} request={request} onOffered={() => void query.refetch()} />
      ))}
    </>
  );
}

function RequestCard({ request, onOffered }: { request: OpenRequest; onOffered: () => void }) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [offer, state] = useMutation(OfferVolunteerHelpDocument);
  const fieldId = `offer-message-${request.id}`;
  const school = request.school?.name ?? 'A school';

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (message.trim() === '') {
      setError('Write a message to the school');
      setAttempt((count) => count + 1);
      return;
    }
    const result = await offer({ input: { requestId: request.id, message } });
    const answer = result.data?.offerVolunteerHelp;
    if (!answer?.offer) {
      setError(answer?.error?.fields[0]?.message ?? answer?.error?.message ?? result.error?.message ?? 'Your offer could not be sent. Try again.');
      setAttempt((count) => count + 1);
      return;
    }
    setError(null);
    onOffered();
  };

  return (
    <Section title={`${school}: ${activityLabel(request.activity)}`} description={request.details || undefined}>
      <SummaryList
        items={[
          { term: 'When', value: windowText(request.dateFrom, request.dateTo) },
          { term: 'Where', value: request.virtual ? 'Online' : `In person, ${request.district ?? ''}` },
          { term: 'Pupils', value: yearGroupsText(request.yearGroups) },
          { term: 'Volunteers wanted', value: String(request.volunteersWanted) },
          { term: 'Sectors', value: sectorsText(request.sectors) },
        ]}
      />
      {request.myOffer ? (
        <Notice title="You have offered to help" headingLevel={3}>
          {OFFER_STATUS[request.myOffer.status].text}. You can follow it under My offers.
        </Notice>
      ) : (
        <>
          <ErrorSummary attempt={attempt} items={error ? [{ message: error, targetId: fieldId }] : []} />
          <form className="wm-form" noValidate aria-label={`Offer to help ${school}`} onSubmit={(event) => void submit(event)}>
            <TextAreaField
              id={fieldId}
              label="Your message to the school"
              hint="Say what you could do and when you are free."
              value={message}
              error={error ?? undefined}
              onChange={(event) => setMessage(event.target.value)}
            />
            <Button type="submit" disabled={state.loading}>
              {state.loading ? 'Sending…' : 'Offer to help'}
            </Button>
          </form>
        </>
      )}
    </Section>
  );
}
