import { useQuery } from '@waymark/graphql-client';
import { DataTable, ErrorPanel, Loading, PageHeader, Section, type Column } from '@waymark/ui';
import { MyVolunteerOffersDocument, type MyOffer } from '../graphql/volunteering';
import { OFFER_STATUS, activityLabel, windowText } from '../lib/labels';

const columns: Column<MyOffer>[] = [
  { key: 'school', header: 'School', rowHeader: true, render: (offer) => offer.request.school?.name ?? 'A school' },
  { key: 'activity', header: 'Activity', render: (offer) => `${activityLabel(offer.request.activity)}${offer.request.virtual ? ' (online)' : ''}` },
  { key: 'when', header: 'When', render: (offer) => windowText(offer.request.dateFrom, offer.request.dateTo) },
  { key: 'status', header: 'Status', render: (offer) => <span className={OFFER_STATUS[offer.status].tag}>{OFFER_STATUS[offer.status].text}</span> },
  { key: 'response', header: "School's message", render: (offer) => offer.response ?? '' },
];

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
    </>
  );
}
