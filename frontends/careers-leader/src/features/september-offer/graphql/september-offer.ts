import { RecordSeptemberOffersDocument, SeptemberOffersDocument, type SeptemberOffersQuery } from '../../../gql/graphql';

// The documents are in september-offer.graphql; these are their typed texts (frontends/README.md).
export const SEPTEMBER_OFFERS_QUERY = SeptemberOffersDocument.toString();
export const RECORD_SEPTEMBER_OFFERS_MUTATION = RecordSeptemberOffersDocument.toString();

export type { OfferPlaceKind, RecordSeptemberOffersInput, SeptemberOfferStatus } from '../../../gql/graphql';
export type SeptemberOfferListView = NonNullable<SeptemberOffersQuery['septemberOffers']>;
export type SeptemberOfferEntryView = SeptemberOfferListView['entries'][number];
