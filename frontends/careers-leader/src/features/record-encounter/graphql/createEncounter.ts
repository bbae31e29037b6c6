import { CHECKLIST_FIELDS, type MeaningfulChecklist } from '../../../shared/checklist';
import type { EncounterKind } from '../../../shared/encounterKinds';
import { ENCOUNTER_SUMMARY_FIELDS, type EncounterSummary, type MutationError } from '../../../shared/types';

const RESULT_FIELDS = /* GraphQL */ `
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
`;

export const CREATE_ENCOUNTER_MUTATION = /* GraphQL */ `
  mutation CreateEncounter($input: CreateEncounterInput!) {
    createEncounter(input: $input) {
      ${RESULT_FIELDS}
    }
  }
`;

export const UPDATE_ENCOUNTER_MUTATION = /* GraphQL */ `
  mutation UpdateEncounter($input: UpdateEncounterInput!) {
    updateEncounter(input: $input) {
      ${RESULT_FIELDS}
    }
  }
`;

/** Everything the form edits, to fill it in for "Edit encounter". */
export const EDITABLE_ENCOUNTER_QUERY = /* GraphQL */ `
  query EditableEncounter($id: ID!) {
    encounter(id: $id) {
      id
      kind
      title
      date
      endsAt
      hours
      inSchoolDay
      yearGroups
      benchmarks
      subject
      hashtags
      adviserName
      adviserLevel
      checklist {
        ${CHECKLIST_FIELDS}
      }
    }
  }
`;

export interface EditableEncounterData {
  encounter: {
    id: string;
    kind: EncounterKind;
    title: string;
    date: string;
    endsAt: string | null;
    hours: number;
    inSchoolDay: boolean;
    yearGroups: number[];
    benchmarks: number[];
    subject: string | null;
    hashtags: string[];
    adviserName: string | null;
    adviserLevel: number | null;
    checklist: MeaningfulChecklist;
  } | null;
}

export interface EncounterInputFields {
  kind: EncounterKind;
  title: string;
  date: string;
  endsAt: string | null;
  hours: number;
  inSchoolDay: boolean;
  yearGroups: number[];
  benchmarks: number[];
  subject: string | null;
  hashtags: string[];
  checklist: MeaningfulChecklist;
  adviserName: string | null;
  adviserLevel: number | null;
}

export interface CreateEncounterInput extends EncounterInputFields {
  register: { pupilId: string; attended: boolean }[];
}

export interface CreateEncounterVariables {
  [name: string]: unknown;
  input: CreateEncounterInput;
}

export interface UpdateEncounterVariables {
  [name: string]: unknown;
  input: EncounterInputFields & { id: string };
}

export interface EncounterResult {
  encounter: EncounterSummary | null;
  error: MutationError | null;
}

export interface CreateEncounterData {
  createEncounter: EncounterResult;
}

export interface UpdateEncounterData {
  updateEncounter: EncounterResult;
}
