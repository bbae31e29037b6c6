import {
  AddRecordCommentDocument,
  MarkPupilBackOnRollDocument,
  MarkPupilLeftDocument,
  PupilRecordDocument,
  SetPupilConsentDocument,
  SetPupilFlagsDocument,
  SetPupilHomeLocalAuthorityDocument,
  type HomeLocalAuthorityFieldsFragment,
  type PostalAddressFieldsFragment,
  type PupilRecordQuery,
  type StaffCommentFieldsFragment,
  type StaffConsentFieldsFragment,
} from '../../../gql/graphql';

// The documents are in pupilRecord.graphql; these are their typed texts (frontends/README.md).
export const PUPIL_RECORD_QUERY = PupilRecordDocument.toString();
export const SET_PUPIL_FLAGS_MUTATION = SetPupilFlagsDocument.toString();
export const SET_PUPIL_CONSENT_MUTATION = SetPupilConsentDocument.toString();
export const ADD_RECORD_COMMENT_MUTATION = AddRecordCommentDocument.toString();
export const MARK_PUPIL_LEFT_MUTATION = MarkPupilLeftDocument.toString();
export const MARK_PUPIL_BACK_ON_ROLL_MUTATION = MarkPupilBackOnRollDocument.toString();
export const SET_PUPIL_HOME_LOCAL_AUTHORITY_MUTATION = SetPupilHomeLocalAuthorityDocument.toString();

export type { DestinationStage } from '../../../gql/graphql';
export type PupilRecord = NonNullable<PupilRecordQuery['pupil']>;
export type FlagChange = NonNullable<PupilRecord['flagHistory']>[number];
export type PupilConsent = StaffConsentFieldsFragment;
export type HomeLocalAuthority = HomeLocalAuthorityFieldsFragment;
export type PostalAddress = PostalAddressFieldsFragment;
export type ParentCarer = NonNullable<PupilRecord['parentCarer']>;
export type RecordComment = StaffCommentFieldsFragment;
export type StaffParticipation = NonNullable<PupilRecord['participations']>[number];
export type StaffDestination = NonNullable<PupilRecord['destinations']>[number];
