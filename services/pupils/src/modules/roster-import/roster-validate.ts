import { checkUpn, isYearGroup, localAuthorityOfCode } from '@waymark/domain';
import type { RosterFieldKey, RosterFlagField } from './roster-fields.js';
import { hasControlCharacters } from '@waymark/subgraph-kit';
import { checkRosterAddress, ROSTER_ADDRESS_FIELDS, type RosterAddressValues } from './roster-address.js';
import { cleanText, normaliseUpn, parseRosterDate, parseSenStatus, parseYearGroup, parseYesNo, shown } from './roster-values.js';

/** One data row as read from a file or the API, before validation. */
export interface RosterSourceRow {
  line: number;
  /** Cell values per field; several for a flag fed by more than one column; absent when no column feeds the field. */
  values: Partial<Record<RosterFieldKey, string[]>>;
}

/** How each field is named to the person who sent the data: their column header, or the API field. */
export type RosterLabels = Partial<Record<RosterFieldKey, string>>;

/** A valid row, normalised. A field left out (undefined) was not in the data and is left alone on the pupil. */
export interface RosterRow extends RosterAddressValues {
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
  /** The DfE code of the local authority the pupil lives in; null: not recorded. */
  homeLaCode?: string | null;
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

interface CheckedRow {
  line: number;
  row: RosterRow | null;
  /** The UPN when well formed (null otherwise), whether or not the row is valid. */
  upn: string | null;
  problems: RejectedRowData[] | null;
}

/** Appends a problem, making the list on the row's first one (most rows have none). */
function report(problems: RejectedRowData[] | null, line: number, upn: string | null, field: RosterFieldKey, reason: string): RejectedRowData[] {
  const list = problems ?? [];
  list.push({ line, upn, field, reason });
  return list;
}

const labelOf = (labels: RosterLabels, field: RosterFieldKey) => labels[field] ?? field;

/** Control characters (NUL, bell, escape…) are never part of a name, and the database cannot store NUL at all. */
const notText = (what: string) =>
  `The ${what} contains a character that is not text (an invisible control character); correct it in your MIS and export again.`;

interface FlagCheck {
  line: number;
  at: string | null;
  labels: RosterLabels;
  problems: RejectedRowData[] | null;
}

/** A yes/no group: in it if any of its columns says yes. */
function yesNo(check: FlagCheck, field: RosterFlagField, cells: string[]): boolean {
  let value = false;
  for (const cell of cells) {
    const parsed = parseYesNo(cell);
    if (parsed === null) {
      check.problems = report(
        check.problems,
        check.line,
        check.at,
        field,
        `"${shown(cell.trim())}" in ${labelOf(check.labels, field)} is not yes or no; use Y or N (blank means no).`,
      );
    } else {
      value ||= parsed;
    }
  }
  return value;
}

/** The day a file is checked on, read once per file rather than once per row. */
interface CheckDay {
  date: Date;
  year: number;
  /** Month × 100 + day: compared with a date of birth's to tell whether this year's birthday has come. */
  monthDay: number;
}

function checkDay(today: Date): CheckDay {
  return { date: today, year: today.getUTCFullYear(), monthDay: (today.getUTCMonth() + 1) * 100 + today.getUTCDate() };
}

/** Whole years old on the day from a date of birth as parseRosterDate gives it (yyyy-mm-dd, a real date): the domain's ageOn, without reading the day again for each row. */
function ageOnDay(dateOfBirth: string, day: CheckDay): number {
  const monthDay = Number(dateOfBirth.slice(5, 7)) * 100 + Number(dateOfBirth.slice(8, 10));
  return day.year - Number(dateOfBirth.slice(0, 4)) - (day.monthDay >= monthDay ? 0 : 1);
}

function validateRow(source: RosterSourceRow, labels: RosterLabels, day: CheckDay): CheckedRow {
  const today = day.date;
  const { line, values } = source;
  let problems: RejectedRowData[] | null = null;

  const rawUpn = values.upn?.[0] ?? '';
  const upn = normaliseUpn(rawUpn);
  // As the report shows it: a UPN too broken to check may hold anything.
  const at = upn ? shown(upn) : null;

  const upnProblem = upn === '' ? 'missing' : checkUpn(upn);
  if (upnProblem === 'missing') problems = report(problems, line, at, 'upn', 'The UPN is missing.');
  else if (upnProblem === 'length')
    problems = report(problems, line, at, 'upn', `The UPN "${shown(rawUpn.trim())}" should be 13 characters: a letter followed by 12 digits.`);
  else if (upnProblem === 'format' && /^[A-Z]\d{11}[A-Z]$/.test(upn))
    problems = report(problems, line, at, 'upn', `"${upn}" is a temporary UPN; Waymark needs the pupil's permanent UPN.`);
  else if (upnProblem === 'format') problems = report(problems, line, at, 'upn', `The UPN "${shown(rawUpn.trim())}" should be a letter followed by 12 digits.`);
  else if (upnProblem === 'check-letter')
    problems = report(problems, line, at, 'upn', `The UPN "${upn}" does not add up (its check letter is wrong), so it has probably been mistyped.`);

  const legalSurname = cleanText(values.legalSurname?.[0]);
  if (legalSurname === null) problems = report(problems, line, at, 'legalSurname', 'The legal surname is missing.');
  else if (legalSurname.length > MAX_TEXT) problems = report(problems, line, at, 'legalSurname', `The legal surname is longer than ${MAX_TEXT} characters.`);
  else if (hasControlCharacters(legalSurname)) problems = report(problems, line, at, 'legalSurname', notText('legal surname'));
  const legalForename = cleanText(values.legalForename?.[0]);
  if (legalForename === null) problems = report(problems, line, at, 'legalForename', 'The legal forename is missing.');
  else if (legalForename.length > MAX_TEXT) problems = report(problems, line, at, 'legalForename', `The legal forename is longer than ${MAX_TEXT} characters.`);
  else if (hasControlCharacters(legalForename)) problems = report(problems, line, at, 'legalForename', notText('legal forename'));

  let dateOfBirth: string | null = null;
  const rawDob = (values.dateOfBirth?.[0] ?? '').trim();
  if (rawDob === '') {
    problems = report(problems, line, at, 'dateOfBirth', 'The date of birth is missing.');
  } else {
    const parsed = parseRosterDate(rawDob, today);
    if ('problem' in parsed) {
      const where = labelOf(labels, 'dateOfBirth');
      problems = report(
        problems,
        line,
        at,
        'dateOfBirth',
        parsed.problem === 'impossible'
          ? `"${shown(rawDob)}" in ${where} is not a real date.`
          : `"${shown(rawDob)}" in ${where} is not a date Waymark can read; use dd/mm/yyyy.`,
      );
    } else {
      const age = ageOnDay(parsed.date, day);
      if (age < YOUNGEST || age > OLDEST) {
        problems = report(
          problems,
          line,
          at,
          'dateOfBirth',
          `A date of birth of ${formatDate(parsed.date)} would make the pupil ${Math.max(age, 0)}; check the date.`,
        );
      } else {
        dateOfBirth = parsed.date;
      }
    }
  }

  let yearGroup: number | null = null;
  const rawYear = (values.yearGroup?.[0] ?? '').trim();
  if (rawYear === '') {
    problems = report(problems, line, at, 'yearGroup', 'The year group is missing.');
  } else {
    const parsed = parseYearGroup(rawYear);
    if (parsed === null || !isYearGroup(parsed)) {
      problems = report(
        problems,
        line,
        at,
        'yearGroup',
        `"${shown(rawYear)}" in ${labelOf(labels, 'yearGroup')} is not a year group Waymark takes: Years 7 to 13.`,
      );
    } else {
      yearGroup = parsed;
    }
  }

  // Fields the data may leave out: undefined here, and absent from the row, when it does.
  let preferredName: string | null | undefined;
  let tutorGroup: string | null | undefined;
  let senSupport: boolean | undefined;
  let ehcp: boolean | undefined;
  if (values.preferredName) {
    const preferred = cleanText(values.preferredName[0]);
    if (preferred !== null && preferred.length > MAX_TEXT)
      problems = report(problems, line, at, 'preferredName', `The preferred name is longer than ${MAX_TEXT} characters.`);
    else if (preferred !== null && hasControlCharacters(preferred)) problems = report(problems, line, at, 'preferredName', notText('preferred name'));
    // A preferred name that is just the legal forename says nothing more.
    preferredName = preferred === legalForename ? null : preferred;
  }
  if (values.tutorGroup) {
    tutorGroup = cleanText(values.tutorGroup[0]);
    if (tutorGroup !== null && tutorGroup.length > MAX_TEXT)
      problems = report(problems, line, at, 'tutorGroup', `The registration group is longer than ${MAX_TEXT} characters.`);
    else if (tutorGroup !== null && hasControlCharacters(tutorGroup)) problems = report(problems, line, at, 'tutorGroup', notText('registration group'));
  }
  if (values.senStatus) {
    const rawSen = values.senStatus[0] ?? '';
    const sen = parseSenStatus(rawSen);
    if (sen === null) {
      problems = report(
        problems,
        line,
        at,
        'senStatus',
        `"${shown(rawSen.trim())}" in ${labelOf(labels, 'senStatus')} is not an SEN status Waymark knows; use N (none), K (SEN support) or E (EHC plan).`,
      );
    } else {
      senSupport = sen === 'SEN_SUPPORT';
      ehcp = sen === 'EHCP';
    }
  }
  let homeLaCode: string | null | undefined;
  if (values.homeLocalAuthority) {
    const rawLa = (values.homeLocalAuthority[0] ?? '').trim();
    const authority = rawLa === '' ? null : localAuthorityOfCode(rawLa);
    if (rawLa !== '' && !authority)
      problems = report(
        problems,
        line,
        at,
        'homeLocalAuthority',
        `"${shown(rawLa)}" in ${labelOf(labels, 'homeLocalAuthority')} is not the code of a local authority in England; use the three-digit DfE code, such as 330 for Birmingham, or leave it blank.`,
      );
    else homeLaCode = authority?.code ?? null;
  }
  // The address columns, only looked at when a column feeds one of them.
  let address: RosterAddressValues | undefined;
  if (ROSTER_ADDRESS_FIELDS.some((field) => values[field] !== undefined)) {
    const checked = checkRosterAddress(values, (field) => labelOf(labels, field));
    for (const problem of checked.problems) problems = report(problems, line, at, problem.field, problem.reason);
    address = checked.values;
  }
  const flags: FlagCheck = { line, at, labels, problems };
  const disadvantaged = values.disadvantaged && yesNo(flags, 'disadvantaged', values.disadvantaged);
  const eal = values.eal && yesNo(flags, 'eal', values.eal);
  const lookedAfter = values.lookedAfter && yesNo(flags, 'lookedAfter', values.lookedAfter);
  const youngCarer = values.youngCarer && yesNo(flags, 'youngCarer', values.youngCarer);
  const serviceChild = values.serviceChild && yesNo(flags, 'serviceChild', values.serviceChild);
  const refugee = values.refugee && yesNo(flags, 'refugee', values.refugee);
  problems = flags.problems;

  const wellFormedUpn = upnProblem === null ? upn : null;
  if (problems) return { line, row: null, upn: wellFormedUpn, problems };
  // Built in one go, field by field (not in a loop over ROSTER_FLAG_FIELDS), so that rows of one file
  // share a shape: the validation of a 25,000-row file stays in the tens of milliseconds.
  const row: RosterRow = { line, upn, legalSurname: legalSurname!, legalForename: legalForename!, dateOfBirth: dateOfBirth!, yearGroup: yearGroup! };
  if (preferredName !== undefined) row.preferredName = preferredName;
  if (tutorGroup !== undefined) row.tutorGroup = tutorGroup;
  if (senSupport !== undefined) row.senSupport = senSupport;
  if (ehcp !== undefined) row.ehcp = ehcp;
  if (disadvantaged !== undefined) row.disadvantaged = disadvantaged;
  if (eal !== undefined) row.eal = eal;
  if (lookedAfter !== undefined) row.lookedAfter = lookedAfter;
  if (youngCarer !== undefined) row.youngCarer = youngCarer;
  if (serviceChild !== undefined) row.serviceChild = serviceChild;
  if (refugee !== undefined) row.refugee = refugee;
  if (homeLaCode !== undefined) row.homeLaCode = homeLaCode;
  if (address) Object.assign(row, address);
  return { line, row, upn: wellFormedUpn, problems: null };
}

/**
 * Checks rows one at a time (`add`), so a caller reading a file can check each row as it is read and
 * keep only the result; `result` reports every problem at once (a row can have several), each with
 * its line. A UPN on more than one row rejects all of them: Waymark cannot tell which is right.
 */
export class RosterValidator {
  private readonly rows: RosterRow[] = [];
  /** Position of each valid row among all rows added. */
  private readonly rowPositions: number[] = [];
  private readonly failed: { position: number; line: number; upn: string | null; problems: RejectedRowData[] }[] = [];
  /** The well-formed UPN of every row added, valid or not. */
  private readonly upns: string[] = [];
  private added = 0;
  private readonly day: CheckDay;

  constructor(
    private readonly labels: RosterLabels,
    today: Date,
  ) {
    this.day = checkDay(today);
  }

  add(source: RosterSourceRow): void {
    const { row, upn, problems } = validateRow(source, this.labels, this.day);
    const position = this.added++;
    if (upn) this.upns.push(upn);
    if (problems) {
      this.failed.push({ position, line: source.line, upn, problems });
    } else {
      this.rows.push(row!);
      this.rowPositions.push(position);
    }
  }

  result(): RosterValidation {
    const repeated = repeatedUpns(this.upns);
    const protectedUpns = new Set<string>();
    if (repeated.size === 0) {
      for (const { upn } of this.failed) if (upn) protectedUpns.add(upn);
      return { rows: this.rows, rejected: this.failed.flatMap((entry) => entry.problems), protectedUpns: [...protectedUpns] };
    }
    // Rows sharing a UPN: every one of them is rejected, in file order among the other rejected rows.
    const linesByUpn = new Map<string, number[]>();
    const failed = [...this.failed];
    const rows: RosterRow[] = [];
    this.rows.forEach((row, i) => {
      if (repeated.has(row.upn)) failed.push({ position: this.rowPositions[i], line: row.line, upn: row.upn, problems: [] });
      else rows.push(row);
    });
    failed.sort((a, b) => a.position - b.position);
    for (const { upn, line } of failed) if (upn && repeated.has(upn)) linesByUpn.set(upn, [...(linesByUpn.get(upn) ?? []), line]);
    const rejected: RejectedRowData[] = [];
    for (const { line, upn, problems } of failed) {
      rejected.push(...problems);
      const lines = upn ? linesByUpn.get(upn) : undefined;
      if (lines) {
        const others = lines.filter((other) => other !== line);
        rejected.push({
          line,
          upn,
          field: 'upn',
          reason: `UPN ${upn} is also on line${others.length > 1 ? 's' : ''} ${others.join(', ')}; keep one row per pupil.`,
        });
      }
      if (upn) protectedUpns.add(upn);
    }
    return { rows, rejected, protectedUpns: [...protectedUpns] };
  }
}

/** UPNs on more than one row, in one pass (a set: two to three times quicker than sorting 25,000 of them). */
function repeatedUpns(upns: string[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const upn of upns) {
    if (seen.has(upn)) repeated.add(upn);
    else seen.add(upn);
  }
  return repeated;
}

/** Every row at once (see RosterValidator). */
export function validateRoster(sources: RosterSourceRow[], labels: RosterLabels, today: Date): RosterValidation {
  const validator = new RosterValidator(labels, today);
  for (const source of sources) validator.add(source);
  return validator.result();
}
