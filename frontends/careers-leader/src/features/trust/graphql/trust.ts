import { SchoolDestinationsDocument, TrustSchoolsDocument, type TrustSchoolsQuery } from '../../../gql/graphql';

// The documents are in trust.graphql; these are their typed texts (frontends/README.md).
export const TRUST_SCHOOLS_QUERY = TrustSchoolsDocument.toString();
export const SCHOOL_DESTINATIONS_QUERY = SchoolDestinationsDocument.toString();

export type TrustSchool = NonNullable<TrustSchoolsQuery['schools']>[number];
