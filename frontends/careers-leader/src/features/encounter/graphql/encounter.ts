import {
  EncounterDocument,
  FindPupilsDocument,
  ImportRegisterDocument,
  InviteToEncounterDocument,
  MarkAttendanceDocument,
  RecordGroupReflectionDocument,
  type EncounterQuery,
  type FindPupilsQuery,
  type ImportRegisterMutation,
  type RecordGroupReflectionMutation,
  type RegisterChangeFieldsFragment,
  type RegisterEntryFieldsFragment,
} from '../../../gql/graphql';

// The documents are in encounter.graphql; these are their typed texts (frontends/README.md).
export const ENCOUNTER_QUERY = EncounterDocument.toString();
export const INVITE_TO_ENCOUNTER_MUTATION = InviteToEncounterDocument.toString();
export const MARK_ATTENDANCE_MUTATION = MarkAttendanceDocument.toString();
export const IMPORT_REGISTER_MUTATION = ImportRegisterDocument.toString();
export const FIND_PUPILS_QUERY = FindPupilsDocument.toString();
export const RECORD_GROUP_REFLECTION_MUTATION = RecordGroupReflectionDocument.toString();

export type { InviteInput } from '../../../gql/graphql';
export type EncounterDetail = NonNullable<EncounterQuery['encounter']>;
export type RegisterEntry = RegisterEntryFieldsFragment;
export type RegisterChangeResult = RegisterChangeFieldsFragment;
export type ImportRegisterResult = ImportRegisterMutation['importRegister'];
export type RegisterRowError = ImportRegisterResult['rejected'][number];
export type FoundPupil = NonNullable<FindPupilsQuery['pupils']>['edges'][number]['node'];
export type GroupReflectionResult = RecordGroupReflectionMutation['recordGroupReflection'];
