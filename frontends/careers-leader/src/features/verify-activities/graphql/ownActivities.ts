import {
  ActivitiesToVerifyDocument,
  DeclineOwnActivityDocument,
  VerifyOwnActivityDocument,
  type ActivitiesToVerifyQuery,
  type OwnActivityDecisionFieldsFragment,
} from '../../../gql/graphql';

// The documents are in ownActivities.graphql; these are their typed texts (frontends/README.md).
export const ACTIVITIES_TO_VERIFY_QUERY = ActivitiesToVerifyDocument.toString();
export const VERIFY_OWN_ACTIVITY_MUTATION = VerifyOwnActivityDocument.toString();
export const DECLINE_OWN_ACTIVITY_MUTATION = DeclineOwnActivityDocument.toString();

export type { OwnActivityStatus } from '../../../gql/graphql';
export type OwnActivity = NonNullable<ActivitiesToVerifyQuery['activitiesToVerify']>[number];
export type OwnActivityResult = OwnActivityDecisionFieldsFragment;
