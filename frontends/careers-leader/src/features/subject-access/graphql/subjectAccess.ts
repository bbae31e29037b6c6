import { SubjectAccessByUpnDocument, SubjectAccessDocument } from '../../../gql/graphql';

// The documents are in subjectAccess.graphql; these are their typed texts (frontends/README.md).
export const SUBJECT_ACCESS_QUERY = SubjectAccessDocument.toString();
export const SUBJECT_ACCESS_BY_UPN_QUERY = SubjectAccessByUpnDocument.toString();
