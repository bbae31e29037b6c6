import type { MyEngagementQuery } from '../../../gql/graphql';

export { GiveEngagementFeedbackDocument, GivePupilFeedbackDocument, MyEngagementDocument } from '../../../gql/graphql';

export type MyEngagement = NonNullable<MyEngagementQuery['myEngagement']>;
