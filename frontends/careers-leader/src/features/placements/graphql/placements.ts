import type { PlacementApplicationsQuery } from '../../../gql/graphql';

export { AnswerPlacementApplicationDocument, PlacementApplicationsDocument } from '../../../gql/graphql';

export type SchoolPlacementApplication = NonNullable<PlacementApplicationsQuery['placementApplications']>[number];
