import type { MutationError } from '../../../shared/types';

export type RosterImportStatus = 'PREVIEWED' | 'COMMITTING' | 'COMMITTED' | 'FAILED';

export interface RejectedRow {
  line: number;
  upn: string | null;
  field: string | null;
  reason: string;
}

export interface RosterImport {
  id: string;
  status: RosterImportStatus;
  fullRoster: boolean;
  totalRows: number;
  processedRows: number;
  toAdd: number;
  toChange: number;
  toMarkLeft: number;
  unchanged: number;
  transfersIn: number;
  rejected: RejectedRow[];
  columns: { header: string; field: string | null }[];
  unmappedColumns: string[];
  createdAt: string;
  committedAt: string | null;
  failureMessage: string | null;
}

export interface RosterField {
  key: string;
  label: string;
  required: boolean;
}

export interface ColumnMappingInput {
  header: string;
  field: string | null;
}

const ROSTER_IMPORT_FIELDS = /* GraphQL */ `
  id
  status
  fullRoster
  totalRows
  processedRows
  toAdd
  toChange
  toMarkLeft
  unchanged
  transfersIn
  rejected {
    line
    upn
    field
    reason
  }
  columns {
    header
    field
  }
  unmappedColumns
  createdAt
  committedAt
  failureMessage
`;

const MUTATION_ERROR_FIELDS = /* GraphQL */ `
  error {
    code
    message
    fields {
      field
      message
    }
  }
`;

export const PREVIEW_ROSTER_IMPORT_MUTATION = /* GraphQL */ `
  mutation PreviewRosterImport($input: RosterImportInput!) {
    previewRosterImport(input: $input) {
      import {
        ${ROSTER_IMPORT_FIELDS}
      }
      ${MUTATION_ERROR_FIELDS}
    }
  }
`;

export const COMMIT_ROSTER_IMPORT_MUTATION = /* GraphQL */ `
  mutation CommitRosterImport($id: ID!) {
    commitRosterImport(id: $id) {
      import {
        ${ROSTER_IMPORT_FIELDS}
      }
      ${MUTATION_ERROR_FIELDS}
    }
  }
`;

/** Polled while a commit runs: only what moves. */
export const ROSTER_IMPORT_PROGRESS_QUERY = /* GraphQL */ `
  query RosterImportProgress($id: ID!) {
    rosterImport(id: $id) {
      id
      status
      totalRows
      processedRows
      committedAt
      failureMessage
    }
  }
`;

export const ROSTER_FIELDS_QUERY = /* GraphQL */ `
  query RosterFields {
    rosterFields {
      key
      label
      required
    }
  }
`;

export interface RosterImportResult {
  import: RosterImport | null;
  error: MutationError | null;
}

export interface PreviewRosterImportData {
  previewRosterImport: RosterImportResult;
}

export interface CommitRosterImportData {
  commitRosterImport: RosterImportResult;
}

export type RosterImportProgress = Pick<RosterImport, 'id' | 'status' | 'totalRows' | 'processedRows' | 'committedAt' | 'failureMessage'>;

export interface RosterImportProgressData {
  rosterImport: RosterImportProgress | null;
}

export interface RosterFieldsData {
  rosterFields: RosterField[] | null;
}

export interface PreviewRosterImportVariables {
  [name: string]: unknown;
  input: { fileBase64: string; fullRoster: boolean; mapping?: ColumnMappingInput[] };
}
