import { RegisterPupilsDocument, type RegisterPupilsQuery } from '../../../gql/graphql';

// The document is in registerPupils.graphql; this is its typed text (frontends/README.md).
export const REGISTER_PUPILS_QUERY = RegisterPupilsDocument.toString();

/** The register lists at most this many pupils per year group. */
export const REGISTER_PAGE_SIZE = 200;

export type RegisterPupil = NonNullable<RegisterPupilsQuery['pupils']>['edges'][number]['node'];
