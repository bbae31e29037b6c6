import type { SuggestedMatchesQuery, SuggestedVolunteersQuery, VolunteerRequestsQuery } from '../../../gql/graphql';

// The documents are in requests.graphql; these are their typed forms (frontends/README.md).
export {
  ConfirmVolunteerRequestDocument,
  PostVolunteerRequestDocument,
  RecordVolunteerCheckDocument,
  RespondToVolunteerOfferDocument,
  SuggestedMatchesDocument,
  SuggestedVolunteersDocument,
  VolunteerRequestsDocument,
} from '../../../gql/graphql';

export type VolunteerRequest = NonNullable<VolunteerRequestsQuery['volunteerRequests']>[number];
export type VolunteerOffer = NonNullable<VolunteerRequest['offers']>[number];
export type SuggestedMatch = NonNullable<SuggestedMatchesQuery['suggestedMatches']>['suggestions'][number];
export type SuggestedVolunteer = NonNullable<SuggestedVolunteersQuery['suggestedVolunteers']>['volunteers'][number];
