/**
 * Cell values as MIS exports write them → Waymark's values. Each parser returns null for a value it
 * cannot read, and the validator turns that into a reason a careers leader can act on.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real date as yyyy-mm-dd, or null (31/02, month 13, and years before 100, which no pupil has). */
function isoDate(year: number, month: number, day: number): string | null {
  if (year < 100 || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return null;
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Two-digit years are this century unless that would be in the future (pupils are 10–20). */
function fullYear(digits: string, today: Date): number {
  if (digits.length === 4) return Number(digits);
  const yy = Number(digits);
  const century = Math.floor(today.getUTCFullYear() / 100) * 100;
  return century + yy > today.getUTCFullYear() ? century - 100 + yy : century + yy;
}

export type DateProblem = 'format' | 'impossible';

/**
 * The forms UK MIS exports use: dd/mm/yyyy, d/m/yyyy, d/m/yy (also with - or . between), ISO
 * yyyy-mm-dd, "12-Mar-2012" or "12 March 2012", and any of them followed by a midnight time that
 * spreadsheets add. Never month-first: UK exports are day-first.
 */
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;

export function parseRosterDate(value: string, today: Date): { date: string } | { problem: DateProblem } {
  // Most exports write plain dd/mm/yyyy: read that before trying to strip a time off it.
  let match = DAY_FIRST.exec(value);
  if (match) return checked(isoDate(fullYear(match[3], today), Number(match[2]), Number(match[1])));
  const text = value
    .trim()
    .replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[AP]M)?$/i, '')
    .trim();
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return checked(isoDate(Number(match[1]), Number(match[2]), Number(match[3])));
  match = DAY_FIRST.exec(text);
  if (match) return checked(isoDate(fullYear(match[3], today), Number(match[2]), Number(match[1])));
  match = /^(\d{1,2})[\s/-]+([a-z]{3,9})[\s/-]+(\d{4}|\d{2})$/i.exec(text);
  if (match) {
    const month = MONTHS.indexOf(match[2].slice(0, 3).toLowerCase()) + 1;
    if (month === 0) return { problem: 'format' };
    return checked(isoDate(fullYear(match[3], today), month, Number(match[1])));
  }
  return { problem: 'format' };
}

function checked(date: string | null): { date: string } | { problem: DateProblem } {
  return date ? { date } : { problem: 'impossible' };
}

/** One or two digits, nothing else. */
function isDigits(value: string): boolean {
  const first = value.charCodeAt(0);
  if (value.length === 0 || value.length > 2 || first < 0x30 || first > 0x39) return false;
  const second = value.charCodeAt(1);
  return value.length === 1 || (second >= 0x30 && second <= 0x39);
}

/** "10", "Y10", "Yr 10", "Year 10", "NC Year 10", "10.0" → 10; anything else → null (range is the validator's job). */
export function parseYearGroup(value: string): number | null {
  if (isDigits(value)) return Number(value);
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  const match = /^(?:nc\s?)?(?:y|yr|year|year group)?\s?(\d{1,2})(?:\.0+)?$/.exec(text);
  return match ? Number(match[1]) : null;
}

const YES = new Set(['y', 'yes', 'true', 't', '1']);
const NO = new Set(['n', 'no', 'false', 'f', '0', '']);

/** Y/N, Yes/No, True/False, T/F, 1/0; blank means no. Null for anything else. */
export function parseYesNo(value: string): boolean | null {
  // The spellings exports use, without trimming or lower-casing them first.
  switch (value) {
    case 'Y':
    case 'Yes':
    case 'TRUE':
    case '1':
      return true;
    case 'N':
    case 'No':
    case 'FALSE':
    case '0':
    case '':
      return false;
  }
  const text = value.trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return null;
}

export type SenStatus = 'NONE' | 'SEN_SUPPORT' | 'EHCP';

const SEN_WORDS: Record<string, SenStatus> = {
  n: 'NONE',
  none: 'NONE',
  nosen: 'NONE',
  no: 'NONE',
  k: 'SEN_SUPPORT',
  sensupport: 'SEN_SUPPORT',
  support: 'SEN_SUPPORT',
  // School Action and School Action Plus became SEN support in 2014; old records still carry them.
  a: 'SEN_SUPPORT',
  p: 'SEN_SUPPORT',
  schoolaction: 'SEN_SUPPORT',
  schoolactionplus: 'SEN_SUPPORT',
  e: 'EHCP',
  ehcp: 'EHCP',
  ehc: 'EHCP',
  ehcplan: 'EHCP',
  educationhealthandcareplan: 'EHCP',
  // Statements of SEN were replaced by EHC plans.
  s: 'EHCP',
  statement: 'EHCP',
  statemented: 'EHCP',
};

/** N / K / E (and the older A, P, S), the words for them, or a code with its description ("K - SEN Support"). Blank is none. */
export function parseSenStatus(value: string): SenStatus | null {
  if (value === 'N' || value === '') return 'NONE';
  if (value === 'K') return 'SEN_SUPPORT';
  if (value === 'E') return 'EHCP';
  const text = value.trim().toLowerCase();
  if (text === '') return 'NONE';
  const code = /^([a-z])\s*[-–:]\s*\S/.exec(text);
  if (code && SEN_WORDS[code[1]]) return SEN_WORDS[code[1]];
  return SEN_WORDS[text.replace(/[^a-z]/g, '')] ?? null;
}

/** Leading or trailing space, a run of spaces, or a space other than ' ': the text needs cleaning. */
const UNTIDY = /^\s|\s$|\s\s|[^\S ]/;

/** Trimmed, inner runs of spaces collapsed; blank → null. */
export function cleanText(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!UNTIDY.test(value)) return value;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

export function normaliseUpn(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The longest part of a cell a reason quotes back: enough to find the cell, never a whole megabyte. */
const QUOTED_LENGTH = 60;
const CONTROL = /\p{Cc}/gu;

/** A cell as a reason quotes it: control characters (NUL among them, which no database text holds) shown as �, and cut short. */
export function shown(value: string): string {
  const visible = value.replace(CONTROL, '\uFFFD');
  return visible.length > QUOTED_LENGTH ? `${visible.slice(0, QUOTED_LENGTH)}…` : visible;
}
