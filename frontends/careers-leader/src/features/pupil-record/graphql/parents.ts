import { LinkParentDocument, PupilParentsDocument, UnlinkParentDocument, type PupilParentsQuery } from '../../../gql/graphql';

// The documents are in parents.graphql; these are their typed texts (frontends/README.md).
export const PUPIL_PARENTS_QUERY = PupilParentsDocument.toString();
export const LINK_PARENT_MUTATION = LinkParentDocument.toString();
export const UNLINK_PARENT_MUTATION = UnlinkParentDocument.toString();

export type LinkedParent = NonNullable<NonNullable<PupilParentsQuery['pupil']>['linkedParents']>[number];
