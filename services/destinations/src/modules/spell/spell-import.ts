import { ACTIVITIES, EDUCATION_PROVIDER_KINDS, isBlankRecord, parseCsv, type Activity, type EducationProviderKind } from '@waymark/domain';
import type { SpellValues } from './spell.checks.js';

/*
 * A confirmation file from a local authority or a college (docs/domain-rules.md, "Destinations"):
 * one spell per line, matched to the school's leavers by UPN. Reading the file only parses it; the
 * spells' checks are the same ones every spell goes through (spell.checks.ts).
 */

export const SPELL_IMPORT_LIMITS = { characters: 2_000_000, lines: 10_000 } as const;

/** The columns, with the header names accepted for each (compared without case, spaces or punctuation). */
const COLUMNS = {
  upn: { name: 'UPN', headers: ['upn', 'uniquepupilnumber'], required: true },
  activity: { name: 'Activity', headers: ['activity'], required: true },
  providerKind: { name: 'Provider kind', headers: ['providerkind', 'kindofplace', 'educationproviderkind'], required: false },
  apprenticeshipLevel: { name: 'Apprenticeship level', headers: ['apprenticeshiplevel', 'level'], required: false },
  provider: { name: 'Provider', headers: ['provider', 'providername', 'employer'], required: false },
  startsOn: { name: 'Start date', headers: ['startdate', 'start', 'startson', 'from'], required: true },
  endsOn: { name: 'End date', headers: ['enddate', 'end', 'endson', 'to'], required: false },
} as const;
type Column = keyof typeof COLUMNS;

/** The column names as a file should have them, in order. */
export const SPELL_IMPORT_COLUMNS = Object.values(COLUMNS).map((column) => column.name);

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Keys and labels alike ("EMPLOYMENT_WITH_TRAINING", "Employment with training"), and the short "NEET available". */
function lookup<K extends string>(labels: Record<K, string>, extra: Record<string, K> = {}): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, label] of Object.entries(labels) as [K, string][]) {
    map.set(squash(key), key);
    map.set(squash(label), key);
  }
  for (const [text, key] of Object.entries(extra)) map.set(squash(text), key);
  return map;
}
const ACTIVITY_BY_TEXT = lookup<Activity>(ACTIVITIES, { 'NEET available': 'NEET_AVAILABLE', 'NEET not available': 'NEET_NOT_AVAILABLE', Unknown: 'NOT_KNOWN' });
const PROVIDER_KIND_BY_TEXT = lookup<EducationProviderKind>(EDUCATION_PROVIDER_KINDS, {
  'Sixth form': 'SCHOOL_SIXTH_FORM',
  'FE college': 'FE_COLLEGE',
  College: 'FE_COLLEGE',
});

/** A day written YYYY-MM-DD or DD/MM/YYYY, as YYYY-MM-DD (not yet checked to exist: the domain's rule does that), or null. */
export function importDay(text: string): string | null {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  return match ? `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}` : null;
}

export interface ImportLine {
  line: number;
  upn: string;
  values: SpellValues;
}
export interface ImportLineProblem {
  line: number;
  column: string | null;
  message: string;
}
export type ConfirmationFile =
  { ok: false; code: string; message: string; line: number | null } | { ok: true; lines: number; rows: ImportLine[]; problems: ImportLineProblem[] };

/** The file's column name for a domain rule's field. */
export const columnOfField = (field: string): string | null => (field in COLUMNS ? COLUMNS[field as Column].name : null);

/** Reads a confirmation file: its header, then each line's values, with every problem found in the text itself. */
export function readConfirmationFile(text: string): ConfirmationFile {
  if (text.length > SPELL_IMPORT_LIMITS.characters)
    return {
      ok: false,
      code: 'FILE_TOO_BIG',
      message: `The file is too big: at most ${SPELL_IMPORT_LIMITS.characters.toLocaleString('en-GB')} characters.`,
      line: null,
    };
  const parsed = parseCsv(text);
  if (parsed.unclosedQuoteLine !== null)
    return {
      ok: false,
      code: 'FILE_UNREADABLE',
      message: `Line ${parsed.unclosedQuoteLine} opens a quote (") that never closes, so the rest of the file cannot be read. Fix that line and try again.`,
      line: parsed.unclosedQuoteLine,
    };
  const [header, ...records] = parsed.records;
  if (!header || isBlankRecord(header))
    return { ok: false, code: 'FILE_EMPTY', message: 'The file is empty: it needs a header line and one line per spell.', line: null };
  const positions = new Map<Column, number>();
  header.cells.forEach((cell, index) => {
    const text = squash(cell);
    for (const [column, spec] of Object.entries(COLUMNS) as [Column, (typeof COLUMNS)[Column]][])
      if ((spec.headers as readonly string[]).includes(text) && !positions.has(column)) positions.set(column, index);
  });
  const missing = (Object.entries(COLUMNS) as [Column, (typeof COLUMNS)[Column]][]).filter(([column, spec]) => spec.required && !positions.has(column));
  if (missing.length > 0)
    return {
      ok: false,
      code: 'COLUMNS_MISSING',
      message: `The first line must name the columns; ${missing.map(([, spec]) => spec.name).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. The columns are: ${SPELL_IMPORT_COLUMNS.join(', ')}.`,
      line: 1,
    };
  const lines = records.filter((record) => !isBlankRecord(record));
  if (lines.length === 0) return { ok: false, code: 'FILE_EMPTY', message: 'The file has a header but no spells.', line: null };
  if (lines.length > SPELL_IMPORT_LIMITS.lines)
    return {
      ok: false,
      code: 'FILE_TOO_BIG',
      message: `The file has ${lines.length.toLocaleString('en-GB')} lines: at most ${SPELL_IMPORT_LIMITS.lines.toLocaleString('en-GB')} at once. Split it and import each part.`,
      line: null,
    };

  const rows: ImportLine[] = [];
  const problems: ImportLineProblem[] = [];
  for (const record of lines) {
    const cell = (column: Column) => {
      const index = positions.get(column);
      return index === undefined ? '' : (record.cells[index] ?? '').trim();
    };
    const found: ImportLineProblem[] = [];
    const problem = (column: Column, message: string) => found.push({ line: record.line, column: COLUMNS[column].name, message });
    const upn = cell('upn').toUpperCase();
    if (!upn) problem('upn', 'The UPN is missing.');
    const activityText = cell('activity');
    const activity = ACTIVITY_BY_TEXT.get(squash(activityText));
    if (!activity)
      problem(
        'activity',
        activityText ? `"${activityText}" is not an activity Waymark knows, for example "Education" or "NEET available".` : 'The activity is missing.',
      );
    const kindText = cell('providerKind');
    const providerKind = kindText ? PROVIDER_KIND_BY_TEXT.get(squash(kindText)) : null;
    if (providerKind === undefined) problem('providerKind', `"${kindText}" is not a kind of place Waymark knows, for example "Further education college".`);
    const levelText = cell('apprenticeshipLevel');
    const level = levelText ? Number(levelText) : null;
    if (level !== null && !Number.isInteger(level)) problem('apprenticeshipLevel', `"${levelText}" is not a level: write a whole number from 2 to 7.`);
    const startText = cell('startsOn');
    const startsOn = importDay(startText);
    if (!startsOn) problem('startsOn', startText ? `"${startText}" is not a date: write it as YYYY-MM-DD or DD/MM/YYYY.` : 'The start date is missing.');
    const endText = cell('endsOn');
    const endsOn = endText ? importDay(endText) : null;
    if (endText && !endsOn) problem('endsOn', `"${endText}" is not a date: write it as YYYY-MM-DD or DD/MM/YYYY, or leave it empty while it goes on.`);
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    rows.push({
      line: record.line,
      upn,
      values: {
        activity: activity!,
        providerKind: providerKind ?? null,
        apprenticeshipLevel: level,
        provider: cell('provider') || null,
        startsOn: startsOn!,
        endsOn,
      },
    });
  }
  return { ok: true, lines: lines.length, rows, problems };
}
