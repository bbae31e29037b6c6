import { CareersOverviewDocument } from '../../../gql/graphql';

// The document is in overview.graphql; this is its typed text (frontends/README.md).
export const OVERVIEW_QUERY = CareersOverviewDocument.toString();
