// The document is in alumniConfirmation.graphql; this is its typed form (frontends/README.md).
export { MyAlumniConfirmationDocument } from '../../../gql/graphql';
