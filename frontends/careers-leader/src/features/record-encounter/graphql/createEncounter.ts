import {
  CreateEncounterDocument,
  EditableEncounterDocument,
  UpdateEncounterDocument,
  type EditableEncounterQuery,
  type EncounterKind,
  type EncounterResultFieldsFragment,
} from '../../../gql/graphql';
import type { MeaningfulChecklist } from '../../../shared/checklist';

// The documents are in createEncounter.graphql; these are their typed texts (frontends/README.md).
export const CREATE_ENCOUNTER_MUTATION = CreateEncounterDocument.toString();
export const UPDATE_ENCOUNTER_MUTATION = UpdateEncounterDocument.toString();
export const EDITABLE_ENCOUNTER_QUERY = EditableEncounterDocument.toString();

export type EditableEncounter = NonNullable<EditableEncounterQuery['encounter']>;
export type EncounterResult = EncounterResultFieldsFragment;
/**
 * What the form sends for an encounter, new or changed (the register goes with a new one only):
 * every field, where the inputs leave most optional. Sending it checks it against
 * `CreateEncounterInput` and `UpdateEncounterInput`.
 */
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
