import type { MyVolunteerOffersQuery, OpenVolunteerRequestsQuery } from '../../../gql/graphql';

export {
  MyVolunteerOffersDocument,
  MyVolunteeringProfileDocument,
  OfferVolunteerHelpDocument,
  OpenVolunteerRequestsDocument,
  UpdateMyVolunteerProfileDocument,
} from '../../../gql/graphql';

export type OpenRequest = NonNullable<OpenVolunteerRequestsQuery['openVolunteerRequests']>[number];
export type MyOffer = NonNullable<MyVolunteerOffersQuery['myVolunteerOffers']>[number];
