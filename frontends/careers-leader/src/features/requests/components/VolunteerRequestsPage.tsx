import { formatDay, SIC_SECTIONS, VOLUNTEER_ACTIVITIES } from '@waymark/domain';
import { useMutation, useQuery } from '@waymark/graphql-client';
import { Button, ErrorPanel, Loading, Notice, PageHeader, Section, SummaryList, TextAreaField } from '@waymark/ui';
import { useEffect, useState } from 'react';
import type { VolunteerOfferStatus, VolunteerRequestStatus } from '../../../gql/graphql';
import { routeHref } from '../../../shared/route';
import {
  ConfirmVolunteerRequestDocument,
  RespondToVolunteerOfferDocument,
  VolunteerRequestsDocument,
  type VolunteerOffer,
  type VolunteerRequest,
} from '../graphql/requests';
import { AlumniWaiting } from '../../alumni/components/AlumniWaiting';
import { PostRequestForm } from './PostRequestForm';
import { SuggestedMatches } from './SuggestedMatches';
import { SuggestedVolunteers } from './SuggestedVolunteers';
import { draftFromSuggestion } from '../lib/suggestion';
import type { RequestDraft } from '../lib/requestForm';
import { CheckWarnings, VolunteerChecks } from './VolunteerChecks';

const FORM_HEADING = 'ask-for-volunteers';
const REQUEST_STATUS: Record<VolunteerRequestStatus, string> = { OPEN: 'Taking offers', CONFIRMED: 'Confirmed', CLOSED: 'Closed' };
const OFFER_STATUS: Record<VolunteerOfferStatus, { text: string; tag: string }> = {
  OPEN: { text: 'Waiting for your answer', tag: 'wm-tag wm-tag--progress' },
  ACCEPTED: { text: 'Accepted', tag: 'wm-tag wm-tag--met' },
  DECLINED: { text: 'Declined', tag: 'wm-tag wm-tag--not-met' },
  CLOSED: { text: 'Closed', tag: 'wm-tag' },
};

const windowText = (request: VolunteerRequest) =>
  request.dateFrom === request.dateTo ? formatDay(request.dateFrom, 'long') : `${formatDay(request.dateFrom, 'long')} to ${formatDay(request.dateTo, 'long')}`;

/** The school's requests for volunteers: post one, read the offers, accept or decline each, and confirm. */
export function VolunteerRequestsPage() {
  const query = useQuery(VolunteerRequestsDocument);
  const requests = query.data?.volunteerRequests ?? null;
  const refresh = () => void query.refetch();
  // A suggested match fills the form in: a new form each time, and the keyboard moves to it.
  const [fromSuggestion, setFromSuggestion] = useState<{ draft: RequestDraft; label: string; count: number } | null>(null);
  useEffect(() => {
    if (fromSuggestion) document.getElementById(FORM_HEADING)?.focus();
  }, [fromSuggestion]);
  return (
    <>
      <PageHeader
        title="Volunteer requests"
        description="Ask employer and alumni volunteers for help. Volunteers whose offer matches see your request and can offer; you choose whom to accept. Confirming records the encounter with them."
      />
      <SuggestedMatches
        onAsk={(match, postcode) =>
          setFromSuggestion((previous) => ({
            draft: draftFromSuggestion(match, postcode),
            label: `Year ${match.yearGroup}, ${match.sectorName}.`,
            count: (previous?.count ?? 0) + 1,
          }))
        }
      />
      <Section title="Ask for volunteers" headingId={FORM_HEADING}>
        <PostRequestForm key={fromSuggestion?.count ?? 0} initial={fromSuggestion?.draft} filledFrom={fromSuggestion?.label ?? null} onPosted={refresh} />
      </Section>
      <Section title="Your requests" description="Newest first.">
        {query.loading && !requests ? <Loading label="Loading requests…" /> : null}
        {query.error ? (
          <ErrorPanel title="Requests could not be loaded" headingLevel={3} onRetry={refresh}>
            {query.error.message}
          </ErrorPanel>
        ) : null}
        {requests && requests.length === 0 ? <p>You have not asked for volunteers yet.</p> : null}
        {(requests ?? []).map((request) => (
          <RequestPanel key={request.id} request={request} onChanged={refresh} />
        ))}
      </Section>
      <AlumniWaiting />
    </>
  );
}

function RequestPanel({ request, onChanged }: { request: VolunteerRequest; onChanged: () => void }) {
  const [confirm, confirming] = useMutation(ConfirmVolunteerRequestDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const offers = request.offers ?? [];
  const open = request.status === 'OPEN';
  const acceptedWarnings = offers.filter((o) => o.status === 'ACCEPTED').flatMap((o) => (o.checkWarnings ?? []).map((w) => w.message));

  const confirmRequest = async () => {
    const result = await confirm({ input: { requestId: request.id } });
    const answer = result.data?.confirmVolunteerRequest;
    setProblem(answer?.request ? null : (answer?.error?.message ?? result.error?.message ?? 'It was not confirmed. Try again.'));
    onChanged();
  };

  return (
    <Section title={`${VOLUNTEER_ACTIVITIES[request.activity].label}, ${windowText(request)}`} headingLevel={3}>
      <SummaryList
        items={[
          { term: 'Status', value: REQUEST_STATUS[request.status] },
          { term: 'Year groups', value: request.yearGroups.map((y) => `Year ${y}`).join(', ') },
          { term: 'Volunteers', value: `${request.acceptedCount} accepted of ${request.volunteersWanted} wanted` },
          { term: 'Sectors', value: request.sectors.length ? request.sectors.map((s) => SIC_SECTIONS[s]).join('; ') : 'Any sector' },
          { term: 'Where', value: request.virtual ? 'Online' : (request.postcode ?? '') },
          { term: 'Staff present', value: request.unsupervised ? 'No: the volunteer is alone with the pupils' : 'Yes' },
          { term: 'How often', value: request.regular ? 'Regularly, with the same pupils' : 'Once' },
          ...(request.closedReason ? [{ term: 'Why it closed', value: request.closedReason }] : []),
        ]}
      />
      {request.encounter ? (
        <p>
          Recorded as an encounter: <a href={routeHref({ view: 'encounter', encounterId: request.encounter.id })}>{request.encounter.title}</a>. Add the pupils
          who took part there.
        </p>
      ) : null}
      {request.encounterPending ? (
        <Notice title="The encounter is still being recorded" headingLevel={3}>
          Your confirmation is saved. The encounter will be recorded the next time this page opens.
        </Notice>
      ) : null}
      {problem ? (
        <ErrorPanel title="There is a problem" headingLevel={3}>
          {problem}
        </ErrorPanel>
      ) : null}
      {offers.length === 0 ? <p className="wm-muted">No offers yet.</p> : null}
      {offers.map((offer) => (
        <OfferPanel key={offer.id} offer={offer} canAnswer={open} onAnswered={onChanged} />
      ))}
      {open ? <SuggestedVolunteers requestId={request.id} /> : null}
      {open && acceptedWarnings.length > 0 ? (
        <div className="wm-alert">
          <h4 className="wm-alert__title">Before you confirm</h4>
          <ul>
            {acceptedWarnings.map((warning) => (
              <li key={warning}>{warning}.</li>
            ))}
          </ul>
          <p>You can still confirm. Record each check with the volunteer above once it is done.</p>
        </div>
      ) : null}
      {open && request.acceptedCount > 0 ? (
        <Button onClick={() => void confirmRequest()} disabled={confirming.loading}>
          {confirming.loading ? 'Confirming…' : `Confirm ${request.acceptedCount} ${request.acceptedCount === 1 ? 'volunteer' : 'volunteers'}`}
        </Button>
      ) : null}
    </Section>
  );
}

function OfferPanel({ offer, canAnswer, onAnswered }: { offer: VolunteerOffer; canAnswer: boolean; onAnswered: () => void }) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [respond, state] = useMutation(RespondToVolunteerOfferDocument);
  const who = offer.volunteer
    ? `${offer.volunteer.displayName}, ${offer.volunteer.jobTitle}${offer.volunteer.employer ? ` at ${offer.volunteer.employer.name}` : ''}`
    : 'A volunteer';
  const fieldId = `offer-reply-${offer.id}`;
  // Checks matter while the volunteer may still take part: an offer waiting for an answer, or accepted.
  const live = offer.status === 'OPEN' || offer.status === 'ACCEPTED';

  const answer = async (accept: boolean) => {
    if (message.trim() === '') {
      setError('Write a message to the volunteer');
      document.getElementById(fieldId)?.focus();
      return;
    }
    const result = await respond({ input: { offerId: offer.id, accept, message } });
    const reply = result.data?.respondToVolunteerOffer;
    if (!reply?.offer) {
      setError(reply?.error?.fields[0]?.message ?? reply?.error?.message ?? result.error?.message ?? 'Your answer was not saved. Try again.');
      document.getElementById(fieldId)?.focus();
      return;
    }
    setError(null);
    onAnswered();
  };

  return (
    <div className="wm-offer">
      <h4>{who}</h4>
      <p>
        <span className={OFFER_STATUS[offer.status].tag}>{OFFER_STATUS[offer.status].text}</span>
      </p>
      <p>“{offer.message}”</p>
      {offer.response ? (
        <p>
          {offer.responseByWaymark ? 'Sent by Waymark' : 'Your message'}: {offer.response}
        </p>
      ) : null}
      {live ? <CheckWarnings warnings={offer.checkWarnings} /> : null}
      {live && offer.volunteer ? <VolunteerChecks volunteer={offer.volunteer} formKey={offer.id} onRecorded={onAnswered} /> : null}
      {canAnswer && offer.status === 'OPEN' ? (
        <form
          className="wm-form"
          noValidate
          aria-label={`Answer ${offer.volunteer?.displayName ?? 'the volunteer'}`}
          onSubmit={(event) => event.preventDefault()}
        >
          <TextAreaField
            id={fieldId}
            label="Your message to the volunteer"
            value={message}
            error={error ?? undefined}
            onChange={(event) => setMessage(event.target.value)}
          />
          <div className="wm-toolbar">
            <Button onClick={() => void answer(true)} disabled={state.loading}>
              Accept
            </Button>
            <Button variant="secondary" onClick={() => void answer(false)} disabled={state.loading}>
              Decline
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
