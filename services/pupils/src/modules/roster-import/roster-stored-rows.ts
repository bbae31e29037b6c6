import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib';
import { ROSTER_ADDRESS_FIELDS, type RosterAddressField } from './roster-address.js';
import { IMPORTED_FLAGS } from './roster-plan.js';
import type { RosterRow } from './roster-validate.js';

const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);

/**
 * The rows a preview validated, as the import keeps them for its commit: one array per field rather
 * than one object per row (a third of the size, and quick to write and read back), gzipped (a
 * 25,000-row file is then about 400 KB rather than 2 MB to send to the database).
 *
 * - `preferredName` / `tutorGroup` / `homeLaCode`: absent when no row has the field; otherwise one entry per row,
 *   where `0` means "not in this row" (left alone on the pupil) and null means "clear it".
 * - the address fields (roster-address.ts): likewise, one array per field some row has; the yes/no
 *   `parentCarerSameAddress` holds true or false where the row has it.
 * - `flags`: per row, bit i says IMPORTED_FLAGS[i] is in the row, bit 8 + i its value.
 */
export interface StoredRosterRows {
  v: 1;
  line: number[];
  upn: string[];
  legalSurname: string[];
  legalForename: string[];
  dateOfBirth: string[];
  yearGroup: number[];
  preferredName?: (string | null | 0)[];
  tutorGroup?: (string | null | 0)[];
  homeLaCode?: (string | null | 0)[];
  address?: Partial<Record<RosterAddressField, (string | boolean | null | 0)[]>>;
  flags: number[];
}

const ABSENT = 0;

/** One entry per row for an optional field (ABSENT where the row leaves it out); undefined when no row has it. */
function optionalField<F extends 'preferredName' | 'tutorGroup' | 'homeLaCode' | RosterAddressField>(
  rows: RosterRow[],
  field: F,
): (NonNullable<RosterRow[F]> | null | 0)[] | undefined {
  if (!rows.some((row) => row[field] !== undefined)) return undefined;
  return rows.map((row) => (row[field] === undefined ? ABSENT : row[field]));
}

function addressFields(rows: RosterRow[]): StoredRosterRows['address'] {
  let address: StoredRosterRows['address'];
  for (const field of ROSTER_ADDRESS_FIELDS) {
    const values = optionalField(rows, field);
    if (values) (address ??= {})[field] = values;
  }
  return address;
}

const bit = (value: boolean | undefined, i: number) => (value === undefined ? 0 : (1 << i) | (value ? 1 << (8 + i) : 0));

/** Named one by one (a loop over IMPORTED_FLAGS reads rows of many shapes slowly); the order is IMPORTED_FLAGS'. */
const flagsOf = (row: RosterRow) =>
  bit(row.senSupport, 0) |
  bit(row.ehcp, 1) |
  bit(row.disadvantaged, 2) |
  bit(row.eal, 3) |
  bit(row.lookedAfter, 4) |
  bit(row.youngCarer, 5) |
  bit(row.serviceChild, 6) |
  bit(row.refugee, 7);

export function encodeRosterRows(rows: RosterRow[]): string {
  const flags = rows.map(flagsOf);
  const stored: StoredRosterRows = {
    v: 1,
    line: rows.map((row) => row.line),
    upn: rows.map((row) => row.upn),
    legalSurname: rows.map((row) => row.legalSurname),
    legalForename: rows.map((row) => row.legalForename),
    dateOfBirth: rows.map((row) => row.dateOfBirth),
    yearGroup: rows.map((row) => row.yearGroup),
    preferredName: optionalField(rows, 'preferredName'),
    tutorGroup: optionalField(rows, 'tutorGroup'),
    homeLaCode: optionalField(rows, 'homeLaCode'),
    address: addressFields(rows),
    flags,
  };
  return JSON.stringify(stored);
}

/** The rows back, exactly as validated (a field not in a row stays undefined); imports previewed before this format kept a plain array. */
export function decodeRosterRows(stored: StoredRosterRows | RosterRow[]): RosterRow[] {
  if (Array.isArray(stored)) return stored;
  const rows = new Array<RosterRow>(stored.line.length);
  for (let r = 0; r < rows.length; r += 1) {
    const row: RosterRow = {
      line: stored.line[r],
      upn: stored.upn[r],
      legalSurname: stored.legalSurname[r],
      legalForename: stored.legalForename[r],
      dateOfBirth: stored.dateOfBirth[r],
      yearGroup: stored.yearGroup[r],
    };
    const preferredName = stored.preferredName?.[r];
    if (preferredName !== undefined && preferredName !== ABSENT) row.preferredName = preferredName;
    const tutorGroup = stored.tutorGroup?.[r];
    if (tutorGroup !== undefined && tutorGroup !== ABSENT) row.tutorGroup = tutorGroup;
    const homeLaCode = stored.homeLaCode?.[r];
    if (homeLaCode !== undefined && homeLaCode !== ABSENT) row.homeLaCode = homeLaCode;
    if (stored.address)
      for (const field of ROSTER_ADDRESS_FIELDS) {
        const value = stored.address[field]?.[r];
        if (value !== undefined && value !== ABSENT) (row as unknown as Record<string, unknown>)[field] = value;
      }
    const bits = stored.flags[r];
    for (let i = 0; i < IMPORTED_FLAGS.length; i += 1) if (bits & (1 << i)) row[IMPORTED_FLAGS[i]] = (bits & (1 << (8 + i))) !== 0;
    rows[r] = row;
  }
  return rows;
}

/** The rows as the import stores them; compressed off the event loop. */
export function packRosterRows(rows: RosterRow[]): Promise<Buffer> {
  return gzip(encodeRosterRows(rows), { level: 1 });
}

/** The rows an import stored (gzipped JSON; plain JSON for an import previewed before they were compressed). */
export async function unpackRosterRows(stored: Uint8Array): Promise<RosterRow[]> {
  const gzipped = stored[0] === 0x1f && stored[1] === 0x8b;
  const json = gzipped ? await gunzip(stored) : Buffer.from(stored);
  return decodeRosterRows(JSON.parse(json.toString('utf8')) as StoredRosterRows | RosterRow[]);
}
