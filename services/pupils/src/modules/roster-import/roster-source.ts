import { ROSTER_ADDRESS_TEXT_FIELDS } from './roster-address.js';
import { CsvScanner, isBlankRecord, type CsvRecord } from '@waymark/domain';
import { decodeRosterBytes, type RosterEncoding } from './roster-decode.js';
import { normaliseHeader, planColumns, recogniseHeader, ROSTER_FIELDS, type ColumnPlan, type HeaderChoices, type RosterFieldKey } from './roster-fields.js';
import type { RejectedRowData, RosterLabels, RosterSourceRow } from './roster-validate.js';

/** What a file or an API call gives the validator: rows, how to name each field, and what was read. */
export interface RosterSource {
  rows: RosterSourceRow[];
  labels: RosterLabels;
  columns: ColumnPlan['columns'];
  unmapped: string[];
  missing: RosterFieldKey[];
  /** Problems with the file itself, reported like rejected rows. */
  fileProblems: RejectedRowData[];
  encoding: RosterEncoding | null;
}

/** Reports sometimes open with a title line; the header is the first record (of the first few) that names the most known fields. */
const HEADER_SEARCH = 5;

function findHeader(records: CsvRecord[], choices: HeaderChoices): number {
  let best = -1;
  let bestScore = 0;
  let seen = 0;
  for (let i = 0; i < records.length && seen < HEADER_SEARCH; i += 1) {
    if (isBlankRecord(records[i])) continue;
    seen += 1;
    const score = records[i].cells.filter((cell) => recogniseHeader(cell) !== null || choices.get(normaliseHeader(cell))).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best >= 0) return best;
  return records.findIndex((record) => !isBlankRecord(record));
}

/** A file whose header has been read: what its columns feed, and its data rows still to come. */
export interface RosterFile extends Omit<RosterSource, 'rows' | 'fileProblems'> {
  /** The bytes hold NUL characters, which no text export has: a workbook or other binary file. Nothing was read. */
  notText: boolean;
  /**
   * Hands each data row to `each` as it is read, in file order (blank rows skipped), so a caller can
   * check it and let it go. Returns the problems with the file itself, found once it has all been read.
   */
  readRows: (each: (row: RosterSourceRow) => void) => RejectedRowData[];
}

export function openRosterFile(bytes: Uint8Array, choices: HeaderChoices): RosterFile {
  const { text, encoding } = decodeRosterBytes(bytes);
  if (text.includes('\u0000')) return { notText: true, labels: {}, columns: [], unmapped: [], missing: [], encoding, readRows: () => [] };
  const scanner = new CsvScanner(text);
  const head: CsvRecord[] = [];
  for (let nonBlank = 0; nonBlank < HEADER_SEARCH;) {
    const record = scanner.next();
    if (!record) break;
    head.push(record);
    if (!isBlankRecord(record)) nonBlank += 1;
  }
  const headerIndex = findHeader(head, choices);
  if (headerIndex < 0) return { notText: false, labels: {}, columns: [], unmapped: [], missing: [], encoding, readRows: () => [] };

  const headers = head[headerIndex].cells;
  const plan = planColumns(headers, choices);
  const labels: RosterLabels = {};
  for (const [field, indexes] of plan.indexes) labels[field] = indexes.map((i) => `"${headers[i].trim()}"`).join(' / ');
  const feeds = [...plan.indexes];
  const toRow = (record: CsvRecord): RosterSourceRow => {
    const values: RosterSourceRow['values'] = {};
    for (const [field, indexes] of feeds) {
      values[field] = indexes.length === 1 ? [record.cells[indexes[0]] ?? ''] : indexes.map((i) => record.cells[i] ?? '');
    }
    return { line: record.line, values };
  };

  return {
    notText: false,
    labels,
    columns: plan.columns,
    unmapped: plan.unmapped,
    missing: plan.missing,
    encoding,
    readRows(each) {
      for (let i = headerIndex + 1; i < head.length; i += 1) if (!isBlankRecord(head[i])) each(toRow(head[i]));
      for (let record = scanner.next(); record; record = scanner.next()) if (!isBlankRecord(record)) each(toRow(record));
      const unclosedQuoteLine = scanner.unclosedQuoteLine;
      return unclosedQuoteLine === null
        ? []
        : [
            {
              line: unclosedQuoteLine,
              upn: null,
              field: null,
              reason:
                'A quotation mark on this line is never closed, so everything after it was read as one value. Check the file in a spreadsheet and save it again.',
            },
          ];
    },
  };
}

/** Every data row of a file at once (see openRosterFile to take them one at a time). */
export function rosterSourceFromFile(bytes: Uint8Array, choices: HeaderChoices): RosterSource {
  const { readRows, ...file } = openRosterFile(bytes, choices);
  const rows: RosterSourceRow[] = [];
  const fileProblems = readRows((row) => rows.push(row));
  return { ...file, rows, fileProblems };
}

/** A row from a trust's API integration (the GraphQL `RosterRowInput`). */
export interface RosterApiRow {
  upn: string;
  legalSurname: string;
  legalForename: string;
  preferredName?: string | null;
  dateOfBirth: string;
  yearGroup: number;
  tutorGroup?: string | null;
  senStatus?: string | null;
  disadvantaged?: boolean | null;
  eal?: boolean | null;
  lookedAfter?: boolean | null;
  youngCarer?: boolean | null;
  serviceChild?: boolean | null;
  refugee?: boolean | null;
  homeLocalAuthority?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  addressTown?: string | null;
  addressPostcode?: string | null;
  parentCarerName?: string | null;
  parentCarerAddressLine1?: string | null;
  parentCarerAddressLine2?: string | null;
  parentCarerAddressTown?: string | null;
  parentCarerAddressPostcode?: string | null;
  parentCarerSameAddress?: boolean | null;
}

const API_TEXT_FIELDS = ['preferredName', 'tutorGroup', 'senStatus', 'homeLocalAuthority', ...ROSTER_ADDRESS_TEXT_FIELDS] as const;
const API_FLAG_FIELDS = ['disadvantaged', 'eal', 'lookedAfter', 'youngCarer', 'serviceChild', 'refugee', 'parentCarerSameAddress'] as const;

/**
 * API rows go through the same validation as a file. A text field left out is left alone, and
 * null clears it; a yes/no field left out or null is left alone. `line` is the row's position, from 1.
 */
export function rosterSourceFromRows(input: RosterApiRow[]): RosterSource {
  const rows = input.map((row, index): RosterSourceRow => {
    const values: RosterSourceRow['values'] = {
      upn: [row.upn],
      legalSurname: [row.legalSurname],
      legalForename: [row.legalForename],
      dateOfBirth: [row.dateOfBirth],
      yearGroup: [String(row.yearGroup)],
    };
    for (const field of API_TEXT_FIELDS) if (row[field] !== undefined) values[field] = [row[field] ?? ''];
    for (const field of API_FLAG_FIELDS) if (row[field] !== undefined && row[field] !== null) values[field] = [row[field] ? 'Y' : 'N'];
    return { line: index + 1, values };
  });
  const labels = Object.fromEntries(ROSTER_FIELDS.map((field) => [field.key, field.key])) as RosterLabels;
  return { rows, labels, columns: [], unmapped: [], missing: [], fileProblems: [], encoding: null };
}
