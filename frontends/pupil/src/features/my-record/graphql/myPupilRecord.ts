import {
  AddRecordCommentDocument,
  MyPupilRecordDocument,
  MyRecordExtrasDocument,
  SetPupilConsentDocument,
  type PupilConsentFieldsFragment,
  type PupilRecordFieldsFragment,
  type RecordCommentFieldsFragment,
  type RecordEncounterFieldsFragment,
} from '../../../gql/graphql';

// The documents are in myPupilRecord.graphql; these are their typed texts (frontends/README.md).
export const MY_PUPIL_RECORD_QUERY = MyPupilRecordDocument.toString();
export const MY_RECORD_EXTRAS_QUERY = MyRecordExtrasDocument.toString();
export const SET_PUPIL_CONSENT_MUTATION = SetPupilConsentDocument.toString();
export const ADD_RECORD_COMMENT_MUTATION = AddRecordCommentDocument.toString();

export type { DestinationStage } from '../../../gql/graphql';
export type PupilRecordView = PupilRecordFieldsFragment;
export type RecordEncounter = RecordEncounterFieldsFragment;
export type PupilConsent = PupilConsentFieldsFragment;
export type RecordComment = RecordCommentFieldsFragment;
