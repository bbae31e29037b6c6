import type { PupilPlacementsQuery } from '../../../gql/graphql';

export { ApplyForPlacementDocument, PupilPlacementsDocument } from '../../../gql/graphql';

export type OpenPlacement = NonNullable<PupilPlacementsQuery['openPlacements']>[number];
export type MyApplication = NonNullable<PupilPlacementsQuery['myPlacementApplications']>[number];
