import { EncounterListDocument, EncountersDocument, type EncounterListQuery } from '../../../gql/graphql';

// The documents are in encounters.graphql; these are their typed texts (frontends/README.md).
export const ENCOUNTERS_QUERY = EncountersDocument.toString();
export const ENCOUNTER_LIST_QUERY = EncounterListDocument.toString();

/** A row of the encounters page. */
export type EncounterListRow = NonNullable<EncounterListQuery['encounters']>['edges'][number]['node'];
