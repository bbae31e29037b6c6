import type { RoleModelsQuery } from '../../../gql/graphql';

// The documents are in roleModels.graphql (frontends/README.md).
export { MyInterestsDocument, RoleModelsDocument } from '../../../gql/graphql';
export type RoleModel = NonNullable<RoleModelsQuery['roleModels']>[number];
