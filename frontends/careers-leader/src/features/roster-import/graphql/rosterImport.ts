import {
  CommitRosterImportDocument,
  PreviewRosterImportDocument,
  RosterFieldsDocument,
  RosterImportProgressDocument,
  type RosterFieldsQuery,
  type RosterImportFieldsFragment,
  type RosterImportProgressQuery,
  type RosterImportResultFieldsFragment,
} from '../../../gql/graphql';

// The documents are in rosterImport.graphql; these are their typed texts (frontends/README.md).
export const PREVIEW_ROSTER_IMPORT_MUTATION = PreviewRosterImportDocument.toString();
export const COMMIT_ROSTER_IMPORT_MUTATION = CommitRosterImportDocument.toString();
export const ROSTER_IMPORT_PROGRESS_QUERY = RosterImportProgressDocument.toString();
export const ROSTER_FIELDS_QUERY = RosterFieldsDocument.toString();

export type { ColumnMappingInput, RosterImportStatus } from '../../../gql/graphql';
export type RosterImport = RosterImportFieldsFragment;
export type RejectedRow = RosterImport['rejected'][number];
export type RosterImportResult = RosterImportResultFieldsFragment;
export type RosterImportProgress = NonNullable<RosterImportProgressQuery['rosterImport']>;
export type RosterField = NonNullable<RosterFieldsQuery['rosterFields']>[number];
