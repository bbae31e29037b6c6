import { CareersPageDocument, SaveCareersPageDocument, UnpublishCareersPageDocument, type CareersPageFieldsFragment } from '../../../gql/graphql';

// The documents are in publication.graphql; these are their typed texts (frontends/README.md).
export const CAREERS_PAGE_QUERY = CareersPageDocument.toString();
export const SAVE_CAREERS_PAGE_MUTATION = SaveCareersPageDocument.toString();
export const UNPUBLISH_CAREERS_PAGE_MUTATION = UnpublishCareersPageDocument.toString();

export type CareersPage = CareersPageFieldsFragment;
export type { CareersPageInput } from '../../../gql/graphql';
