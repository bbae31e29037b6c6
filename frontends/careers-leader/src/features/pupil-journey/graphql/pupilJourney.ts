import { PupilJourneyDocument } from '../../../gql/graphql';

// The document is in pupilJourney.graphql; this is its typed text (frontends/README.md).
export const PUPIL_JOURNEY_QUERY = PupilJourneyDocument.toString();
