import { useQuery } from '@waymark/graphql-client';
import { DataTable, ErrorPanel, Loading, PageHeader, Section, type Column } from '@waymark/ui';
import { formatDay } from '@waymark/domain';
import { MyVolunteerChecksDocument, MyVolunteerOffersDocument, type MyCheck, type MyOffer } from '../graphql/volunteering';
import { OFFER_STATUS, activityLabel, windowText } from '../lib/labels';

const columns: Column<MyOffer>[] = [
  { key: 'school', header: 'School', rowHeader: true, render: (offer) => offer.request.school?.name ?? 'A school' },
  { key: 'activity', header: 'Activity', render: (offer) => `${activityLabel(offer.request.activity)}${offer.request.virtual ? ' (online)' : ''}` },
  { key: 'when', header: 'When', render: (offer) => windowText(offer.request.dateFrom, offer.request.dateTo) },
  { key: 'status', header: 'Status', render: (offer) => <span className={OFFER_STATUS[offer.status].tag}>{OFFER_STATUS[offer.status].text}</span> },
  { key: 'response', header: "School's message", render: (offer) => offer.response ?? '' },
];

const checkColumns: Column<MyCheck>[] = [
  { key: 'check', header: 'Check', rowHeader: true, render: (check) => check.kindLabel },
  { key: 'school', header: 'School', render: (check) => check.school?.name ?? 'A school' },
  { key: 'done', header: 'Done on', render: (check) => formatDay(check.doneOn, 'long') },
  {
    key: 'expires',
    header: 'Expires on',
    render: (check) => (check.expired ? `${formatDay(check.expiresOn, 'long')} (expired)` : formatDay(check.expiresOn, 'long')),
  },
];

/** The checks schools have recorded on the volunteer: each school decides what it needs for an activity. */
function MyChecksSection() {
  const query = useQuery(MyVolunteerChecksDocument);
  const checks = query.data?.myVolunteerProfile?.checks ?? null;
  return (
    <Section
      title="Checks schools have recorded"
      description="Schools record the checks they have made, such as seeing your identity, with the date each one expires. Each school keeps its own."
    >
      {query.loading && !checks ? <Loading label="Loading your checks…" /> : null}
      {query.error ? (
        <ErrorPanel title="Your checks could not be loaded" headingLevel={3} onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {checks ? (
        <DataTable
          caption="Checks schools have recorded"
          captionHidden
          columns={checkColumns}
          rows={checks}
          rowKey={(check) => check.id}
          emptyText="No school has recorded a check yet."
        />
      ) : null}
    </Section>
  );
}

/** The volunteer's offers, newest first, with where each stands and what the school said. */
export function MyOffersPage() {
  const query = useQuery(MyVolunteerOffersDocument);
  const offers = query.data?.myVolunteerOffers ?? null;
  return (
    <>
      <PageHeader title="My offers" description="Offers you have made to schools, newest first, and what each school said." />
      {query.loading && !offers ? <Loading label="Loading your offers…" /> : null}
      {query.error ? (
        <ErrorPanel title="Your offers could not be loaded" onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {offers ? (
        <Section title="Your offers">
          <DataTable
            caption="Your offers"
            captionHidden
            columns={columns}
            rows={offers}
            rowKey={(offer) => offer.id}
            emptyText="You have not offered to help yet."
          />
        </Section>
      ) : null}
      <MyChecksSection />
    </>
  );
}
