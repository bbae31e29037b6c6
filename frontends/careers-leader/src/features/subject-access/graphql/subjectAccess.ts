import { SubjectAccessDocument } from '../../../gql/graphql';

// The document is in subjectAccess.graphql; this is its typed text (frontends/README.md).
export const SUBJECT_ACCESS_QUERY = SubjectAccessDocument.toString();
