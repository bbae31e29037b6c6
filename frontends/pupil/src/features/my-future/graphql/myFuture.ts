import {
  MyFutureDocument,
  RecordMyAspirationDocument,
  RecordMyIntentionDocument,
  type MyFutureQuery,
  type MyIntentionFieldsFragment,
} from '../../../gql/graphql';

// The documents are in myFuture.graphql; these are their typed texts (frontends/README.md).
export const MY_FUTURE_QUERY = MyFutureDocument.toString();
export const RECORD_MY_INTENTION_MUTATION = RecordMyIntentionDocument.toString();
export const RECORD_MY_ASPIRATION_MUTATION = RecordMyAspirationDocument.toString();

export type { IntentionKind, RecordIntentionInput } from '../../../gql/graphql';
export type MyIntention = MyIntentionFieldsFragment;
export type MyAspiration = NonNullable<NonNullable<MyFutureQuery['myPupilRecord']>['aspirations']>[number];
export type MyDestinationYears = NonNullable<NonNullable<MyFutureQuery['myPupilRecord']>['destinationYears']>;
