import type { MyPlacementsQuery } from '../../../gql/graphql';

export { CompletePlacementDocument, MyPlacementsDocument, OfferPlacementDocument, PlacementSchoolsDocument } from '../../../gql/graphql';

export type MyPlacement = NonNullable<MyPlacementsQuery['myPlacements']>[number];
