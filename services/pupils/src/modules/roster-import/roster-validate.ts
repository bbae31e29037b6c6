import { checkUpn, isYearGroup } from '@waymark/domain';
import { ROSTER_FLAG_FIELDS, type RosterFieldKey, type RosterFlagField } from './roster-fields.js';
import { ageOn } from '../school/school-calendar.js';
import { cleanText, normaliseUpn, parseRosterDate, parseSenStatus, parseYearGroup, parseYesNo } from './roster-values.js';

/** One data row as read from a file or the API, before validation. */
export interface RosterSourceRow {
  line: number;
  /** Cell values per field; several for a flag fed by more than one column; absent when no column feeds the field. */
  values: Partial<Record<RosterFieldKey, string[]>>;
}

/** How each field is named to the person who sent the data: their column header, or the API field. */
export type RosterLabels = Partial<Record<RosterFieldKey, string>>;

/** A valid row, normalised. A field left out (undefined) was not in the data and is left alone on the pupil. */
export interface RosterRow {
  line: number;
  upn: string;
  legalSurname: string;
  legalForename: string;
  preferredName?: string | null;
  dateOfBirth: string;
  yearGroup: number;
  tutorGroup?: string | null;
  senSupport?: boolean;
  ehcp?: boolean;
  disadvantaged?: boolean;
  eal?: boolean;
  lookedAfter?: boolean;
  youngCarer?: boolean;
  serviceChild?: boolean;
  refugee?: boolean;
}

export interface RejectedRowData {
  line: number;
  upn: string | null;
  field: string | null;
  reason: string;
}

export interface RosterValidation {
  rows: RosterRow[];
  rejected: RejectedRowData[];
  /** Well-formed UPNs on rejected rows: those pupils are in the file, so a full roster must not mark them as left. */
  protectedUpns: string[];
}

const MAX_TEXT = 255;
const YOUNGEST = 9;
const OLDEST = 21;

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function validateRow(source: RosterSourceRow, labels: RosterLabels, today: Date): { row: RosterRow | null; upn: string | null; problems: RejectedRowData[] } {
  const problems: RejectedRowData[] = [];
  const first = (field: RosterFieldKey) => source.values[field]?.[0];
  const label = (field: RosterFieldKey) => labels[field] ?? field;

  const rawUpn = first('upn') ?? '';
  const upn = normaliseUpn(rawUpn);
  const problem = (field: RosterFieldKey, reason: string) => problems.push({ line: source.line, upn: upn || null, field, reason });

  const upnProblem = upn === '' ? 'missing' : checkUpn(upn);
  if (upnProblem === 'missing') problem('upn', 'The UPN is missing.');
  else if (upnProblem === 'length') problem('upn', `The UPN "${rawUpn.trim()}" should be 13 characters: a letter followed by 12 digits.`);
  else if (upnProblem === 'format' && /^[A-Z]\d{11}[A-Z]$/.test(upn)) problem('upn', `"${upn}" is a temporary UPN; Waymark needs the pupil's permanent UPN.`);
  else if (upnProblem === 'format') problem('upn', `The UPN "${rawUpn.trim()}" should be a letter followed by 12 digits.`);
  else if (upnProblem === 'check-letter') problem('upn', `The UPN "${upn}" does not add up (its check letter is wrong), so it has probably been mistyped.`);

  const name = (field: 'legalSurname' | 'legalForename', what: string): string | null => {
    const value = cleanText(first(field));
    if (value === null) problem(field, `The ${what} is missing.`);
    else if (value.length > MAX_TEXT) problem(field, `The ${what} is longer than ${MAX_TEXT} characters.`);
    return value;
  };
  const legalSurname = name('legalSurname', 'legal surname');
  const legalForename = name('legalForename', 'legal forename');

  let dateOfBirth: string | null = null;
  const rawDob = (first('dateOfBirth') ?? '').trim();
  if (rawDob === '') {
    problem('dateOfBirth', 'The date of birth is missing.');
  } else {
    const parsed = parseRosterDate(rawDob, today);
    if ('problem' in parsed) {
      problem(
        'dateOfBirth',
        parsed.problem === 'impossible'
          ? `"${rawDob}" in ${label('dateOfBirth')} is not a real date.`
          : `"${rawDob}" in ${label('dateOfBirth')} is not a date Waymark can read; use dd/mm/yyyy.`,
      );
    } else {
      const age = ageOn(parsed.date, today);
      if (age < YOUNGEST || age > OLDEST) {
        problem('dateOfBirth', `A date of birth of ${formatDate(parsed.date)} would make the pupil ${Math.max(age, 0)}; check the date.`);
      } else {
        dateOfBirth = parsed.date;
      }
    }
  }

  let yearGroup: number | null = null;
  const rawYear = (first('yearGroup') ?? '').trim();
  if (rawYear === '') {
    problem('yearGroup', 'The year group is missing.');
  } else {
    const parsed = parseYearGroup(rawYear);
    if (parsed === null || !isYearGroup(parsed)) problem('yearGroup', `"${rawYear}" in ${label('yearGroup')} is not a year group Waymark takes: Years 7 to 13.`);
    else yearGroup = parsed;
  }

  const row: Partial<RosterRow> = {};
  if (source.values.preferredName) {
    const preferred = cleanText(first('preferredName'));
    if (preferred !== null && preferred.length > MAX_TEXT) problem('preferredName', `The preferred name is longer than ${MAX_TEXT} characters.`);
    // A preferred name that is just the legal forename says nothing more.
    row.preferredName = preferred === legalForename ? null : preferred;
  }
  if (source.values.tutorGroup) {
    const tutorGroup = cleanText(first('tutorGroup'));
    if (tutorGroup !== null && tutorGroup.length > MAX_TEXT) problem('tutorGroup', `The registration group is longer than ${MAX_TEXT} characters.`);
    row.tutorGroup = tutorGroup;
  }
  if (source.values.senStatus) {
    const rawSen = first('senStatus') ?? '';
    const sen = parseSenStatus(rawSen);
    if (sen === null) {
      problem('senStatus', `"${rawSen.trim()}" in ${label('senStatus')} is not an SEN status Waymark knows; use N (none), K (SEN support) or E (EHC plan).`);
    } else {
      row.senSupport = sen === 'SEN_SUPPORT';
      row.ehcp = sen === 'EHCP';
    }
  }
  for (const field of ROSTER_FLAG_FIELDS) {
    const cells = source.values[field];
    if (!cells) continue;
    let value = false;
    for (const cell of cells) {
      const parsed = parseYesNo(cell);
      if (parsed === null) problem(field, `"${cell.trim()}" in ${label(field)} is not yes or no; use Y or N (blank means no).`);
      else value ||= parsed;
    }
    row[field as RosterFlagField] = value;
  }

  const wellFormedUpn = upnProblem === null ? upn : null;
  if (problems.length > 0) return { row: null, upn: wellFormedUpn, problems };
  return {
    row: { ...row, line: source.line, upn, legalSurname: legalSurname!, legalForename: legalForename!, dateOfBirth: dateOfBirth!, yearGroup: yearGroup! },
    upn: wellFormedUpn,
    problems,
  };
}

/**
 * Checks every row and reports every problem at once (a row can have several), each with its line.
 * A UPN on more than one row rejects all of them: Waymark cannot tell which is right.
 */
export function validateRoster(sources: RosterSourceRow[], labels: RosterLabels, today: Date): RosterValidation {
  const checked = sources.map((source) => ({ source, ...validateRow(source, labels, today) }));
  const linesByUpn = new Map<string, number[]>();
  for (const { source, upn } of checked) if (upn) linesByUpn.set(upn, [...(linesByUpn.get(upn) ?? []), source.line]);

  const rows: RosterRow[] = [];
  const rejected: RejectedRowData[] = [];
  const protectedUpns = new Set<string>();
  for (const { source, upn, row, problems } of checked) {
    const lines = upn ? linesByUpn.get(upn)! : [];
    if (lines.length > 1) {
      const others = lines.filter((line) => line !== source.line);
      problems.push({
        line: source.line,
        upn,
        field: 'upn',
        reason: `UPN ${upn} is also on line${others.length > 1 ? 's' : ''} ${others.join(', ')}; keep one row per pupil.`,
      });
    }
    if (problems.length > 0) {
      rejected.push(...problems);
      if (upn) protectedUpns.add(upn);
    } else {
      rows.push(row!);
    }
  }
  return { rows, rejected, protectedUpns: [...protectedUpns] };
}
