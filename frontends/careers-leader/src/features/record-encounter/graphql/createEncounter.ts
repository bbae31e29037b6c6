import { ENCOUNTER_SUMMARY_FIELDS, type EncounterSummary, type MutationError } from '../../../shared/types';
import type { EncounterKind } from '../../../shared/encounterKinds';

export const CREATE_ENCOUNTER_MUTATION = /* GraphQL */ `
  mutation CreateEncounter($input: CreateEncounterInput!) {
    createEncounter(input: $input) {
      encounter {
        ${ENCOUNTER_SUMMARY_FIELDS}
      }
      error {
        code
        message
        fields {
          field
          message
        }
      }
    }
  }
`;

export interface CreateEncounterInput {
  kind: EncounterKind;
  title: string;
  date: string;
  hours: number;
  inSchoolDay: boolean;
  yearGroups: number[];
  register: { pupilId: string; attended: boolean }[];
}

export interface CreateEncounterVariables {
  [name: string]: unknown;
  input: CreateEncounterInput;
}

export interface CreateEncounterData {
  createEncounter: { encounter: EncounterSummary | null; error: MutationError | null };
}
