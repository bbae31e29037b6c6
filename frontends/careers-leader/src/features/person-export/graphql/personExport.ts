import { PersonSubjectAccessDocument } from '../../../gql/graphql';

// The document is in personExport.graphql; this is its typed text (frontends/README.md).
export const PERSON_SUBJECT_ACCESS_QUERY = PersonSubjectAccessDocument.toString();
