import { MyEncounterRatingsDocument, RateEncounterDocument, type MyEncounterRatingsQuery } from '../../../gql/graphql';

// The documents are in activityRatings.graphql; these are their typed texts (frontends/README.md).
export const MY_ENCOUNTER_RATINGS_QUERY = MyEncounterRatingsDocument.toString();
export const RATE_ENCOUNTER_MUTATION = RateEncounterDocument.toString();

export type MyEncounterRatings = NonNullable<MyEncounterRatingsQuery['myEncounterRatings']>;
export type RateableEncounter = MyEncounterRatings['encounters'][number];
