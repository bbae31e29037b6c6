import { ENCOUNTER_SUMMARY_FIELDS, type Connection, type EncounterSummary } from '../../../shared/types';

export const ENCOUNTERS_QUERY = /* GraphQL */ `
  query Encounters {
    encounters(first: 50) {
      totalCount
      edges {
        node {
          ${ENCOUNTER_SUMMARY_FIELDS}
        }
      }
    }
  }
`;

export interface EncountersData {
  encounters: Connection<EncounterSummary> | null;
}
