import { DomainError, mutationError, type FieldError, type MutationError } from '@waymark/subgraph-kit';
import { ROSTER_FIELDS, rosterFieldLabel, type RosterFieldKey } from './roster-fields.js';

export enum RosterImportErrorCode {
  Forbidden = 'ROSTER_IMPORT_FORBIDDEN',
  InputInvalid = 'ROSTER_INPUT_INVALID',
  Empty = 'ROSTER_EMPTY',
  TooLarge = 'ROSTER_TOO_LARGE',
  ColumnsMissing = 'ROSTER_COLUMNS_MISSING',
  UnknownSchool = 'ROSTER_UNKNOWN_SCHOOL',
  NotFound = 'ROSTER_IMPORT_NOT_FOUND',
  NotPreviewed = 'ROSTER_IMPORT_NOT_PREVIEWED',
  NothingValid = 'ROSTER_NOTHING_VALID',
  NotText = 'ROSTER_NOT_TEXT',
  MarkLeftNotConfirmed = 'ROSTER_MARK_LEFT_NOT_CONFIRMED',
}

export class RosterImportError extends DomainError<RosterImportErrorCode> {
  static forbidden(
    message = "Only a school's careers leader or staff, or a trust integration with the roster:write scope, can import its roster.",
  ): RosterImportError {
    return new RosterImportError('FORBIDDEN', RosterImportErrorCode.Forbidden, message);
  }
}

const fieldKeys = ROSTER_FIELDS.map((field) => field.key).join(', ');

/** The expected ways an import can be refused: returned in the result, never thrown. */
export const RosterImportProblems = {
  invalid(fields: FieldError[]): MutationError {
    return mutationError(RosterImportErrorCode.InputInvalid, "Some of the import's settings need changing.", fields);
  },
  fileOrRows(): MutationError {
    return RosterImportProblems.invalid([{ field: 'fileBase64', message: 'Send either a file or rows, not both and not neither.' }]);
  },
  unknownField(header: string, field: string): FieldError {
    return {
      field: 'mapping',
      message: `"${field}" (for the column "${header}") is not a roster field; use one of ${fieldKeys}, or none to ignore the column.`,
    };
  },
  unusableHeader(max: number): FieldError {
    return {
      field: 'mapping',
      message: `A column header in the mapping is longer than ${max} characters or holds characters that are not text; choose columns by their headers as the file has them.`,
    };
  },
  notText(): MutationError {
    return mutationError(
      RosterImportErrorCode.NotText,
      'This file is not a CSV or text export (it may be a spreadsheet workbook). Save it as CSV from your MIS or spreadsheet, then upload that file.',
      [{ field: 'fileBase64', message: 'Not a CSV or text file.' }],
    );
  },
  schoolRequired(): MutationError {
    return RosterImportProblems.invalid([{ field: 'schoolId', message: 'Say which school of your trust this roster is for.' }]);
  },
  unknownSchool(): MutationError {
    return mutationError(RosterImportErrorCode.UnknownSchool, 'There is no school with that id in your trust.', [
      { field: 'schoolId', message: 'Not a school of your trust.' },
    ]);
  },
  empty(): MutationError {
    return mutationError(RosterImportErrorCode.Empty, 'There are no pupils in this file: it needs a header row and a row per pupil.');
  },
  tooLarge(max: number): MutationError {
    return mutationError(RosterImportErrorCode.TooLarge, `An import can hold up to ${max.toLocaleString('en-GB')} pupils; split the file by school.`);
  },
  columnsMissing(missing: RosterFieldKey[]): MutationError {
    return mutationError(
      RosterImportErrorCode.ColumnsMissing,
      'Waymark cannot find a column for every detail it needs. Choose which column holds each one, then preview again.',
      missing.map((field) => ({ field, message: `No column holds the ${rosterFieldLabel(field).toLowerCase()}.` })),
    );
  },
  notFound(): MutationError {
    return mutationError(RosterImportErrorCode.NotFound, 'There is no import with that id that you started.');
  },
  notPreviewed(status: string): MutationError {
    const why: Record<string, string> = {
      COMMITTING: 'This import is already being committed.',
      COMMITTED: 'This import has already been committed.',
    };
    return mutationError(RosterImportErrorCode.NotPreviewed, why[status] ?? 'Only a previewed import can be committed.');
  },
  markLeftNotConfirmed(toMarkLeft: number, onRoll: number): MutationError {
    const message = `This import marks ${toMarkLeft.toLocaleString('en-GB')} of your ${onRoll.toLocaleString('en-GB')} pupils on roll as left. If that is right, confirm the number of pupils to mark as left (${toMarkLeft.toLocaleString('en-GB')}) and commit again; if not, untick "full roster" and check the file again.`;
    return mutationError(RosterImportErrorCode.MarkLeftNotConfirmed, message, [{ field: 'confirmMarkLeft', message }]);
  },
  nothingValid(): MutationError {
    return mutationError(RosterImportErrorCode.NothingValid, 'No row of this file can be imported. Fix the rejected rows and preview the file again.');
  },
};

/** Why a commit failed, in words for the leader; stored on the import. */
export const RosterCommitFailures = {
  rosterChanged:
    "The school's roster changed after this preview (another import, a rollover or an edit), so nothing was imported. Preview the file again to see what it would change now.",
  upnTaken: 'Another school added one of these pupils while this import was running, so nothing was imported. Preview the file again.',
  unexpected: 'Something went wrong while saving, so nothing was imported. Commit the import again; if it keeps failing, contact Waymark support.',
  interrupted: 'The commit stopped before it finished (the service restarted), so nothing was imported. Commit the import again.',
};

/** Thrown inside the commit's transaction to roll it back with a message for the leader. */
export class RosterCommitFailure extends Error {
  constructor(readonly leaderMessage: string) {
    super(leaderMessage);
  }
}
