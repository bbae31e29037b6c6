import type { ReadinessResultsQuery } from '../../../gql/graphql';

// The document is in readiness.graphql (frontends/README.md).
export { ReadinessResultsDocument } from '../../../gql/graphql';
export type ReadinessRow = NonNullable<ReadinessResultsQuery['readinessResults']>['rows'][number];
