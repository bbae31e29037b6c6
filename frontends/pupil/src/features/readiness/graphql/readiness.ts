import type { MyReadinessQuery } from '../../../gql/graphql';

// The documents are in readiness.graphql (frontends/README.md).
export { MyReadinessDocument, SubmitReadinessDocument } from '../../../gql/graphql';
export type ReadinessResponse = NonNullable<NonNullable<MyReadinessQuery['myPupilRecord']>['readinessResponses']>[number];
