import {
  MyProgressDocument,
  RecordReflectionDocument,
  SetInterestsDocument,
  SetMyAgreedActionDoneDocument,
  SetMyConsideringHigherEducationDocument,
  SubmitOwnActivityDocument,
  type MyProgressQuery,
  type OwnActivityFieldsFragment,
  type PupilGuidanceMeetingFieldsFragment,
  type PupilProgressFieldsFragment,
} from '../../../gql/graphql';

// The documents are in myProgress.graphql; these are their typed texts (frontends/README.md).
export const MY_PROGRESS_QUERY = MyProgressDocument.toString();
export const RECORD_REFLECTION_MUTATION = RecordReflectionDocument.toString();
export const SUBMIT_OWN_ACTIVITY_MUTATION = SubmitOwnActivityDocument.toString();
export const SET_AGREED_ACTION_DONE_MUTATION = SetMyAgreedActionDoneDocument.toString();
export const SET_INTERESTS_MUTATION = SetInterestsDocument.toString();
export const SET_CONSIDERING_HIGHER_EDUCATION_MUTATION = SetMyConsideringHigherEducationDocument.toString();

export type { BenchmarkState, OwnActivityKind, OwnActivityStatus, SubmitOwnActivityInput } from '../../../gql/graphql';
export type PupilProgress = PupilProgressFieldsFragment;
export type MeasureStatus = PupilProgress['measures'][number];
export type Evidence = MeasureStatus['evidence'][number];
export type WorkExperienceTally = PupilProgress['workExperience'];
export type PupilGuidanceMeeting = PupilGuidanceMeetingFieldsFragment;
export type AgreedAction = PupilGuidanceMeeting['agreedActions'][number];
export type OwnActivity = OwnActivityFieldsFragment;

type MyProgressRecord = NonNullable<MyProgressQuery['myPupilRecord']>;
export type UpcomingEncounter = NonNullable<MyProgressRecord['upcomingEncounters']>[number];
export type ReflectableParticipation = NonNullable<MyProgressRecord['participations']>[number];
