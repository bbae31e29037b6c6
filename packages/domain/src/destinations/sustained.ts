/*
 * Where a leaver went and whether it lasted, computed from their activity spells. The rules, and the
 * reading this code takes of them, are in docs/domain-rules.md ("Destinations").
 */
import { academicYearOfDay } from '../academic-year.js';
import { parseDay } from '../london-time.js';
import { ACTIVITY_KEYS, activityLabel, assertActivitySpell, type Activity, type ActivitySpell } from './activity-spells.js';

export type DestinationYearNumber = 1 | 2 | 3;

/** SUSTAINED and NOT_SUSTAINED are settled; TOO_EARLY: the months the rule needs have not all happened; NOT_KNOWN: nothing is recorded for the year. */
export type SustainedStatus = 'SUSTAINED' | 'NOT_SUSTAINED' | 'TOO_EARLY' | 'NOT_KNOWN';

export interface DestinationYear {
  year: DestinationYearNumber;
  /** The first and last day of the destination year (1 August to 31 July). */
  from: string;
  to: string;
  /** What they did most in October to March (or, if nothing then, in the whole year); null when nothing is recorded. */
  mainActivity: Activity | null;
  /** The spell of the main activity that covers the most months; null with no main activity. */
  mainSpell: ActivitySpell | null;
  status: SustainedStatus;
  sustained: boolean;
  /** Plain English, e.g. "Sustained: in education every month from October 2024 to March 2025". */
  reason: string;
}

export interface SeptemberDestination {
  activity: Activity | null;
  spell: ActivitySpell | null;
  /** True while September of the leaving year has not begun. */
  tooEarly: boolean;
  reason: string;
}

export interface DestinationYears {
  leavingYear: number;
  september: SeptemberDestination;
  years: DestinationYear[];
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PARTICIPATION: ReadonlySet<Activity> = new Set(['EDUCATION', 'APPRENTICESHIP', 'EMPLOYMENT_WITH_TRAINING', 'EMPLOYMENT_WITHOUT_TRAINING']);
const EMPLOYMENT: ReadonlySet<Activity> = new Set(['EMPLOYMENT_WITH_TRAINING', 'EMPLOYMENT_WITHOUT_TRAINING']);
const NEET: ReadonlySet<Activity> = new Set(['NEET_AVAILABLE', 'NEET_NOT_AVAILABLE']);
/** How ties between activities are broken when picking the main one: the order of ACTIVITIES. */
const PRIORITY = ACTIVITY_KEYS;
const SIX = 6;

/** Days as whole numbers, so spans are compared and clipped with plain arithmetic. */
const dayNumber = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
/** Months as whole numbers: year × 12 + month − 1. */
const monthIndex = (year: number, month: number): number => year * 12 + month - 1;
const monthStart = (index: number): number => Date.UTC(Math.floor(index / 12), index % 12, 1) / 86_400_000;
const monthEnd = (index: number): number => monthStart(index + 1) - 1;
const monthName = (index: number): string => `${MONTH_NAMES[index % 12]} ${Math.floor(index / 12)}`;
/** YYYY-MM-DD of a day number; only month starts and ends are asked for, so each is worked out once. */
const isoDays = new Map<number, string>();
const isoOf = (dayNo: number): string => {
  let iso = isoDays.get(dayNo);
  if (iso === undefined) {
    iso = new Date(dayNo * 86_400_000).toISOString().slice(0, 10);
    isoDays.set(dayNo, iso);
  }
  return iso;
};

function listMonths(months: number[]): string {
  const names = months.map(monthName);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

interface Span {
  from: number;
  to: number;
}

/** Whether some day of `span` lies outside every one of `blockers` (sorted by start). */
function hasDayOutside(span: Span, blockers: readonly Span[]): boolean {
  let cursor = span.from;
  for (const blocker of blockers) {
    if (blocker.to < cursor) continue;
    if (blocker.from > cursor) return true;
    cursor = blocker.to + 1;
    if (cursor > span.to) return false;
  }
  return cursor <= span.to;
}

/**
 * For each spell, the months (up to and including today's) it counts in. A spell counts in a month
 * when it covers at least one day of it on or before today; days covered by a NEET spell do not
 * count for education, employment or an apprenticeship (NEET says they were doing none of those).
 */
function monthsBySpell(spells: readonly ActivitySpell[], today: number): Map<ActivitySpell, Set<number>> {
  const neet = spells
    .filter((spell) => NEET.has(spell.activity))
    .map((spell) => ({ from: dayNumber(spell.startsOn), to: spell.endsOn ? dayNumber(spell.endsOn) : today }))
    .sort((a, b) => a.from - b.from);
  const result = new Map<ActivitySpell, Set<number>>();
  for (const spell of spells) {
    const months = new Set<number>();
    const from = dayNumber(spell.startsOn);
    const to = Math.min(spell.endsOn ? dayNumber(spell.endsOn) : today, today);
    if (from <= to) {
      const start = new Date(from * 86_400_000);
      const end = new Date(to * 86_400_000);
      for (let month = monthIndex(start.getUTCFullYear(), start.getUTCMonth() + 1); month <= monthIndex(end.getUTCFullYear(), end.getUTCMonth() + 1); month++) {
        const span = { from: Math.max(from, monthStart(month)), to: Math.min(to, monthEnd(month)) };
        if (!PARTICIPATION.has(spell.activity) || hasDayOutside(span, neet)) months.add(month);
      }
    }
    result.set(spell, months);
  }
  return result;
}

const NOTHING: ReadonlySet<Activity> = new Set();
/** Each month's activities, worked out once per set of spells (the rules ask about every month many times). */
const byMonthCache = new WeakMap<Map<ActivitySpell, Set<number>>, Map<number, Set<Activity>>>();

function activitiesIn(month: number, bySpell: Map<ActivitySpell, Set<number>>): ReadonlySet<Activity> {
  let byMonth = byMonthCache.get(bySpell);
  if (!byMonth) {
    byMonth = new Map();
    for (const [spell, months] of bySpell) {
      for (const m of months) {
        const found = byMonth.get(m);
        if (found) found.add(spell.activity);
        else byMonth.set(m, new Set([spell.activity]));
      }
    }
    byMonthCache.set(bySpell, byMonth);
  }
  return byMonth.get(month) ?? NOTHING;
}

function longestRun(months: readonly number[], has: (month: number) => boolean): { length: number; first: number; last: number } {
  let best = { length: 0, first: 0, last: 0 };
  let runStart: number | null = null;
  for (const month of months) {
    if (has(month)) {
      runStart ??= month;
      if (month - runStart + 1 > best.length) best = { length: month - runStart + 1, first: runStart, last: month };
    } else runStart = null;
  }
  return best;
}

function mainOf(months: readonly number[], bySpell: Map<ActivitySpell, Set<number>>): { activity: Activity; spell: ActivitySpell } | null {
  const counts = new Map<Activity, number>();
  for (const month of months) for (const activity of activitiesIn(month, bySpell)) counts.set(activity, (counts.get(activity) ?? 0) + 1);
  let activity: Activity | null = null;
  for (const candidate of PRIORITY) if ((counts.get(candidate) ?? 0) > (activity ? (counts.get(activity) ?? 0) : 0)) activity = candidate;
  if (!activity) return null;
  let spell: ActivitySpell | null = null;
  let most = 0;
  for (const [candidate, spellMonths] of bySpell) {
    if (candidate.activity !== activity) continue;
    const inWindow = months.filter((month) => spellMonths.has(month)).length;
    if (inWindow > most) [spell, most] = [candidate, inWindow];
  }
  return spell ? { activity, spell } : null;
}

function destinationYear(year: DestinationYearNumber, leavingYear: number, bySpell: Map<ActivitySpell, Set<number>>, today: number): DestinationYear {
  const startYear = leavingYear + year - 1;
  const august = monthIndex(startYear, 8);
  const wholeYear = Array.from({ length: 12 }, (_, i) => august + i);
  const octToMar = wholeYear.slice(2, 8);
  const period = `${monthName(octToMar[0])} to ${monthName(octToMar[5])}`;
  const base = { year, from: isoOf(monthStart(august)), to: isoOf(monthEnd(august + 11)) };
  const main = mainOf(octToMar, bySpell) ?? mainOf(wholeYear, bySpell);
  const answer = (status: SustainedStatus, reason: string, mainActivity: { activity: Activity; spell: ActivitySpell } | null = main): DestinationYear => ({
    ...base,
    mainActivity: mainActivity?.activity ?? null,
    mainSpell: mainActivity?.spell ?? null,
    status,
    sustained: status === 'SUSTAINED',
    reason,
  });

  if (today < monthStart(august)) return answer('TOO_EARLY', `Too early to tell: this year starts in ${monthName(august)}`);

  const has = (month: number, set: ReadonlySet<Activity>) => [...activitiesIn(month, bySpell)].some((activity) => set.has(activity));
  const apprenticeship = longestRun(wholeYear, (month) => activitiesIn(month, bySpell).has('APPRENTICESHIP'));
  if (apprenticeship.length >= SIX) {
    const spell = mainOf(wholeYear.slice(wholeYear.indexOf(apprenticeship.first), wholeYear.indexOf(apprenticeship.last) + 1), bySpell);
    return answer(
      'SUSTAINED',
      `Sustained: on an apprenticeship for ${apprenticeship.length} months in a row (${monthName(apprenticeship.first)} to ${monthName(apprenticeship.last)})`,
      spell && spell.activity === 'APPRENTICESHIP' ? spell : main,
    );
  }
  const education = octToMar.filter((month) => activitiesIn(month, bySpell).has('EDUCATION')).length;
  if (education === SIX) return answer('SUSTAINED', `Sustained: in education every month from ${period}`);
  const employment = octToMar.filter((month) => has(month, EMPLOYMENT)).length;
  if (employment === SIX) return answer('SUSTAINED', `Sustained: in employment every month from ${period}`);
  if (employment >= SIX - 1) return answer('SUSTAINED', `Sustained: in employment for ${employment} of the 6 months from ${period}`);
  const gaps = octToMar.filter((month) => !has(month, PARTICIPATION));
  if (gaps.length === 0) return answer('SUSTAINED', `Sustained: in education, employment or an apprenticeship every month from ${period}, without a gap`);

  const apprenticeshipNote =
    apprenticeship.length > 0
      ? `; the apprenticeship ran ${apprenticeship.length} month${apprenticeship.length === 1 ? '' : 's'} in a row (${monthName(apprenticeship.first)} to ${monthName(apprenticeship.last)}), and 6 are needed`
      : '';
  if (today < monthStart(octToMar[5] + 1)) return answer('TOO_EARLY', `Too early to tell: ${period} has not finished yet`);
  const stillApprentice =
    apprenticeship.length > 0 &&
    apprenticeship.last === monthIndex(new Date(today * 86_400_000).getUTCFullYear(), new Date(today * 86_400_000).getUTCMonth() + 1);
  if (stillApprentice && today <= monthEnd(august + 11) && apprenticeship.length + (august + 11 - apprenticeship.last) >= SIX)
    return answer(
      'TOO_EARLY',
      `Too early to tell: the apprenticeship has run ${apprenticeship.length} month${apprenticeship.length === 1 ? '' : 's'} in a row so far, and 6 in a row by ${monthName(august + 11)} would make it sustained`,
    );
  if (!main) return answer('NOT_KNOWN', `Not known: nothing is recorded from ${monthName(august)} to ${monthName(august + 11)}`);
  if (gaps.length === SIX) return answer('NOT_SUSTAINED', `Not sustained: no education, employment or apprenticeship from ${period}${apprenticeshipNote}`);
  return answer('NOT_SUSTAINED', `Not sustained: not in education, employment or an apprenticeship in ${listMonths(gaps)}${apprenticeshipNote}`);
}

function septemberDestination(
  leavingYear: number,
  spells: readonly ActivitySpell[],
  bySpell: Map<ActivitySpell, Set<number>>,
  today: number,
): SeptemberDestination {
  const september = monthIndex(leavingYear, 9);
  if (today < monthStart(september))
    return { activity: null, spell: null, tooEarly: true, reason: `Too early to tell: September ${leavingYear} has not begun` };
  const inSeptember = spells
    .filter((spell) => bySpell.get(spell)?.has(september))
    .sort(
      (a, b) =>
        Number(!PARTICIPATION.has(a.activity)) - Number(!PARTICIPATION.has(b.activity)) ||
        Number(a.activity === 'NOT_KNOWN') - Number(b.activity === 'NOT_KNOWN') ||
        a.startsOn.localeCompare(b.startsOn),
    );
  const spell = inSeptember.at(0);
  if (!spell) return { activity: null, spell: null, tooEarly: false, reason: `Nothing is recorded for September ${leavingYear}` };
  return {
    activity: spell.activity,
    spell,
    tooEarly: false,
    reason: `In September ${leavingYear}: ${activityLabel(spell).toLowerCase()}, from ${spell.startsOn}`,
  };
}

/**
 * The calendar year of the summer a pupil finishes Year 11, from their date of birth (YYYY-MM-DD):
 * Year 11 is the academic year that starts 16 years after the one they were born in (see
 * expectedYearGroup), and it ends the next summer. A pupil held back or moved up a year is not
 * followed by this: it is the year group they belong to by age.
 */
export function year11LeavingYear(dateOfBirth: string): number {
  return academicYearOfDay(dateOfBirth) + 17;
}

/** Whether a pupil who finishes Year 11 in `leavingYear` has done so by `today`: from 1 June of that summer, as Year 11 ends with the exams. */
export function hasLeftYear11(leavingYear: number, today: string): boolean {
  return today >= `${leavingYear}-06-01`;
}

/**
 * Whether the rule accepts a leaver's spells at all, as `destinationYears` checks them before working
 * anything out: a whole leaving year, a real day for today, and every spell valid on its own
 * (`assertActivitySpell`). Throws a RangeError otherwise. For a writer that only needs to know the
 * spells would be accepted (a file of thousands), without the months and years.
 */
export function assertDestinationSpells(leavingYear: number, spells: readonly ActivitySpell[], today: string): void {
  if (!Number.isInteger(leavingYear)) throw new RangeError(`The leaving year must be a whole year, not ${leavingYear}`);
  if (!parseDay(today)) throw new RangeError(`Today must be a day written YYYY-MM-DD, not ${today}`);
  for (const spell of spells) assertActivitySpell(spell);
}

/**
 * A Year 11 leaver's September destination and destination years 1 to 3, from their spells, as
 * things stand on `today` (YYYY-MM-DD; nothing after it counts, and a spell with no end runs to it).
 * `leavingYear` is the calendar year of the summer they finished Year 11. Throws
 * InvalidActivitySpellError for a spell that cannot be used, such as one that ends before it starts.
 * `only`: the destination years to work out, in that order (all three when left out); the figures
 * need year 1 alone for every leaver of a trust.
 */
export function destinationYears(
  leavingYear: number,
  spells: readonly ActivitySpell[],
  today: string,
  only: readonly DestinationYearNumber[] = [1, 2, 3],
): DestinationYears {
  assertDestinationSpells(leavingYear, spells, today);
  const todayNumber = dayNumber(today);
  const bySpell = monthsBySpell(spells, todayNumber);
  return {
    leavingYear,
    september: septemberDestination(leavingYear, spells, bySpell, todayNumber),
    years: only.map((year) => destinationYear(year, leavingYear, bySpell, todayNumber)),
  };
}
