// The documents are in alumniConfirmation.graphql and whereAreYouNow.graphql; this is their typed form (frontends/README.md).
export { MyAlumniConfirmationDocument, MyAlumniReportsDocument, ReportWhereIAmNowDocument } from '../../../gql/graphql';
