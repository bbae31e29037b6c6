import { EncountersDocument } from '../../../gql/graphql';

// The document is in encounters.graphql; this is its typed text (frontends/README.md).
export const ENCOUNTERS_QUERY = EncountersDocument.toString();
