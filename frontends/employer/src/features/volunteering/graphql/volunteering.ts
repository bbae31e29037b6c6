import type { MyVolunteerChecksQuery, MyVolunteerOffersQuery, OpenVolunteerRequestsQuery } from '../../../gql/graphql';

export {
  MyVolunteerChecksDocument,
  MyVolunteerOffersDocument,
  MyVolunteeringProfileDocument,
  OfferVolunteerHelpDocument,
  OpenVolunteerRequestsDocument,
  UpdateMyVolunteerProfileDocument,
} from '../../../gql/graphql';

export type OpenRequest = NonNullable<OpenVolunteerRequestsQuery['openVolunteerRequests']>[number];
export type MyOffer = NonNullable<MyVolunteerOffersQuery['myVolunteerOffers']>[number];
export type MyCheck = NonNullable<NonNullable<MyVolunteerChecksQuery['myVolunteerProfile']>['checks']>[number];
