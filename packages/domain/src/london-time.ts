import { TZDate } from '@date-fns/tz';

/*
 * Days and times as schools in England mean them. Every school is in England, so a day, a start
 * time or an academic year is read on the clock in London (GMT in winter, BST in summer), whatever
 * the time zone of the server or of the browser. This is the one place that turns instants into
 * those days and times and back; portals and subgraphs use it rather than their own formatters.
 *
 * A "day" is a calendar date written YYYY-MM-DD; a "time" is HH:MM on the 24-hour clock.
 */

/** The academic calendar's time zone: days, academic years and windows are read in England. */
export const ACADEMIC_TIME_ZONE = 'Europe/London';

const pad = (value: number) => String(value).padStart(2, '0');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The clock and calendar in England at an instant (TZDate reads its fields in the time zone it is given). */
const inEngland = (instant: Date) => new TZDate(instant.getTime(), ACADEMIC_TIME_ZONE);
const validInstant = (value: Date): boolean => !Number.isNaN(value.getTime());

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A calendar day written YYYY-MM-DD that exists (no 31 June, 29 February only in a leap year), or
 * null; years before 100 are refused, as dates that far back are always a mistake. Worked out with
 * arithmetic rather than a Date: a confirmation file reads it several times a line.
 */
export function parseDay(value: string): string | null {
  const match = DAY.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 100 || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1] + (month === 2 && leap ? 1 : 0) ? value : null;
}

/** A time of day written HH:MM (00:00 to 23:59), or null. */
export function parseTime(value: string): string | null {
  return TIME.test(value) ? value : null;
}

/** The day it is in England at `instant`. */
export function dayInEngland(instant: Date): string {
  const england = inEngland(instant);
  return `${england.getFullYear()}-${pad(england.getMonth() + 1)}-${pad(england.getDate())}`;
}

/** Today in England, YYYY-MM-DD. */
export function todayInEngland(now = new Date()): string {
  return dayInEngland(now);
}

/** The time on a clock in England at `instant`, HH:MM. */
export function timeInEngland(instant: Date): string {
  const england = inEngland(instant);
  return `${pad(england.getHours())}:${pad(england.getMinutes())}`;
}

/**
 * The instant a clock in England shows `time` on `day`. A time that does not exist (the hour the
 * clocks skip in March) moves forward with the clocks; a time that happens twice (October) is the
 * first of the two.
 */
export function instantInEngland(day: string, time: string): Date {
  if (!parseDay(day) || !parseTime(time)) return new Date(Number.NaN);
  const [year, month, date] = day.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(new TZDate(year, month - 1, date, hours, minutes, ACADEMIC_TIME_ZONE).getTime());
}

/** The instant a day begins in England: something "before" a day happened before that midnight. */
export function startOfDayInEngland(day: string): Date {
  return instantInEngland(day, '00:00');
}

/**
 * How a day without a time travels as an instant: noon UTC, which is the same calendar day in
 * England (and anywhere within eleven hours of UTC) at any time of year. Whether an instant means
 * a day or a moment is said separately (an encounter's `hasTime`), never guessed from the clock.
 */
export function dayAsInstant(day: string): Date {
  return parseDay(day) ? new Date(`${day}T12:00:00.000Z`) : new Date(Number.NaN);
}

/** The day `days` after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The day an ISO date or date-time names in England: a bare YYYY-MM-DD is that day. */
function dayOf(value: string | Date): string | null {
  if (typeof value === 'string') {
    const bare = parseDay(value.slice(0, 10));
    if (bare && value.length === 10) return bare;
  }
  const instant = value instanceof Date ? value : new Date(value);
  return validInstant(instant) ? dayInEngland(instant) : null;
}

export type DayStyle = 'short' | 'medium' | 'long';

/**
 * A day for people: "04/03/2026" (short), "4 Mar 2026" (medium) or "4 March 2026" (long). Takes a
 * day (YYYY-MM-DD) or an instant (read in England); anything unreadable is given back as it is.
 */
export function formatDay(value: string | Date | null | undefined, style: DayStyle = 'short'): string {
  if (value == null || value === '') return '';
  const day = dayOf(value);
  if (!day) return String(value);
  const [year, month, date] = day.split('-');
  if (style === 'short') return `${date}/${month}/${year}`;
  const name = MONTHS[Number(month) - 1];
  return `${Number(date)} ${style === 'medium' ? name.slice(0, 3) : name} ${year}`;
}

/** The time of an instant on a clock in England, "09:30"; anything unreadable is given back as it is. */
export function formatTime(value: string | Date): string {
  const instant = value instanceof Date ? value : new Date(value);
  return validInstant(instant) ? timeInEngland(instant) : String(value);
}

/** An instant for people, in England: "4 Mar 2026, 09:30" (medium) or "4 March 2026 at 09:30" (long). */
export function formatDateTime(value: string | Date, style: 'medium' | 'long' = 'medium'): string {
  const instant = value instanceof Date ? value : new Date(value);
  if (!validInstant(instant)) return String(value);
  return `${formatDay(instant, style)}${style === 'long' ? ' at ' : ', '}${timeInEngland(instant)}`;
}

/** Whole years old on `today` (YYYY-MM-DD) from a date of birth (YYYY-MM-DD…); null when there is none to read. */
export function ageOn(dateOfBirth: string | null | undefined, today: string): number | null {
  const born = /^(\d{4})-(\d{2})-(\d{2})/.exec(dateOfBirth ?? '');
  const now = DAY.exec(today);
  if (!born || !now) return null;
  const [year, month, day] = [Number(born[1]), Number(born[2]), Number(born[3])];
  const [thisYear, thisMonth, thisDay] = [Number(now[1]), Number(now[2]), Number(now[3])];
  const hadBirthday = thisMonth > month || (thisMonth === month && thisDay >= day);
  return thisYear - year - (hadBirthday ? 0 : 1);
}

/**
 * When an encounter starts, as the API carries it: the instant, and whether a start time was given.
 * Without one the day travels as `dayAsInstant`; with one, it is that time on a clock in England.
 */
export interface EncounterStart {
  date: Date;
  hasTime: boolean;
}

/** The start of an encounter from its day and start time (HH:MM, or '' when only the day is known). */
export function encounterStart(day: string, time: string): EncounterStart {
  return time ? { date: instantInEngland(day, time), hasTime: true } : { date: dayAsInstant(day), hasTime: false };
}

/** The day and start time (HH:MM, or '' when none was given) of an encounter's start, in England. */
export function encounterStartParts(date: Date | string, hasTime: boolean): { day: string; time: string } {
  const instant = date instanceof Date ? date : new Date(date);
  if (!validInstant(instant)) return { day: '', time: '' };
  // A day without a time travels as noon UTC: its UTC date is the day, even where noon UTC is another day.
  if (!hasTime) return { day: instant.toISOString().slice(0, 10), time: '' };
  return { day: dayInEngland(instant), time: timeInEngland(instant) };
}
