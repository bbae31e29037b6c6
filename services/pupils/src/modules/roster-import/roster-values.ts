/**
 * Cell values as MIS exports write them → Waymark's values. Each parser returns null for a value it
 * cannot read, and the validator turns that into a reason a careers leader can act on.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31/02 over into March: a real date survives the round trip.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
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
export function parseRosterDate(value: string, today: Date): { date: string } | { problem: DateProblem } {
  const text = value.trim().replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[AP]M)?$/i, '').trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return checked(isoDate(Number(match[1]), Number(match[2]), Number(match[3])));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
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

/** "10", "Y10", "Yr 10", "Year 10", "NC Year 10", "10.0" → 10; anything else → null (range is the validator's job). */
export function parseYearGroup(value: string): number | null {
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  const match = /^(?:nc\s?)?(?:y|yr|year|year group)?\s?(\d{1,2})(?:\.0+)?$/.exec(text);
  return match ? Number(match[1]) : null;
}

const YES = new Set(['y', 'yes', 'true', 't', '1']);
const NO = new Set(['n', 'no', 'false', 'f', '0', '']);

/** Y/N, Yes/No, True/False, T/F, 1/0; blank means no. Null for anything else. */
export function parseYesNo(value: string): boolean | null {
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
  const text = value.trim().toLowerCase();
  if (text === '') return 'NONE';
  const code = /^([a-z])\s*[-–:]\s*\S/.exec(text);
  if (code && SEN_WORDS[code[1]]) return SEN_WORDS[code[1]];
  return SEN_WORDS[text.replace(/[^a-z]/g, '')] ?? null;
}

/** Trimmed, inner runs of spaces collapsed; blank → null. */
export function cleanText(value: string | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

export function normaliseUpn(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}
