import { MyJourneyDocument, type JourneyFieldsFragment } from '../../../gql/graphql';

// The document is in myJourney.graphql; this is its typed text (frontends/README.md).
export const MY_JOURNEY_QUERY = MyJourneyDocument.toString();

export type JourneyRecord = JourneyFieldsFragment;
