import {
  BookGuidanceMeetingsDocument,
  CancelGuidanceBookingDocument,
  MoveGuidanceBookingDocument,
  PupilProgressDocument,
  RecordGuidanceMeetingDocument,
  SetAgreedActionDoneDocument,
  SetConsideringHigherEducationDocument,
  type BookedGuidanceMeetingFieldsFragment,
  type GuidanceMeetingFieldsFragment,
  type PupilProgressQuery,
} from '../../../gql/graphql';

// The documents are in guidance.graphql; these are their typed texts (frontends/README.md).
export const PUPIL_PROGRESS_QUERY = PupilProgressDocument.toString();
export const RECORD_GUIDANCE_MEETING_MUTATION = RecordGuidanceMeetingDocument.toString();
export const BOOK_GUIDANCE_MEETINGS_MUTATION = BookGuidanceMeetingsDocument.toString();
export const MOVE_GUIDANCE_BOOKING_MUTATION = MoveGuidanceBookingDocument.toString();
export const CANCEL_GUIDANCE_BOOKING_MUTATION = CancelGuidanceBookingDocument.toString();
export const SET_AGREED_ACTION_DONE_MUTATION = SetAgreedActionDoneDocument.toString();
export const SET_CONSIDERING_HIGHER_EDUCATION_MUTATION = SetConsideringHigherEducationDocument.toString();

export type { MoveGuidanceBookingInput, RecordGuidanceMeetingInput } from '../../../gql/graphql';
export type PupilProgressData = PupilProgressQuery;
export type GuidanceMeeting = GuidanceMeetingFieldsFragment;
export type BookedGuidanceMeeting = BookedGuidanceMeetingFieldsFragment;
export type AgreedAction = GuidanceMeeting['agreedActions'][number];
export type StaffMeasureStatus = NonNullable<NonNullable<PupilProgressQuery['pupil']>['benchmarkProgress']>['measures'][number];
