import { describe, expect, it } from 'vitest';
import { academicYearLabel, academicYearOf, academicYearOfDay } from './academic-year.js';
import {
  addDays,
  ageOn,
  dayAsInstant,
  dayInEngland,
  encounterStart,
  encounterStartParts,
  formatDateTime,
  formatDay,
  formatTime,
  instantInEngland,
  parseDay,
  parseTime,
  startOfDayInEngland,
  timeInEngland,
  todayInEngland,
} from './london-time.js';

describe('days and times in England', () => {
  it.each([
    ['2026-01-15', '12:00', '2026-01-15T12:00:00.000Z', 'GMT in winter'],
    ['2026-07-15', '13:00', '2026-07-15T12:00:00.000Z', 'BST in summer'],
    ['2026-03-29', '00:30', '2026-03-29T00:30:00.000Z', 'before the clocks go forward'],
    ['2026-03-29', '02:30', '2026-03-29T01:30:00.000Z', 'after the clocks go forward'],
    ['2026-10-25', '23:59', '2026-10-25T23:59:00.000Z', 'after the clocks go back'],
  ])('%s %s in England is %s (%s)', (day, time, iso) => {
    const instant = instantInEngland(day, time);
    expect(instant.toISOString()).toBe(iso);
    expect(dayInEngland(instant)).toBe(day);
    expect(timeInEngland(instant)).toBe(time);
  });

  it('reads the day in England, not in UTC, around midnight in summer', () => {
    expect(dayInEngland(new Date('2026-08-31T23:30:00Z'))).toBe('2026-09-01');
    expect(todayInEngland(new Date('2026-06-30T23:10:00Z'))).toBe('2026-07-01');
    expect(todayInEngland(new Date('2026-12-31T23:10:00Z'))).toBe('2026-12-31');
  });

  it('starts a day at midnight in England, BST or not', () => {
    expect(startOfDayInEngland('2025-06-02').toISOString()).toBe('2025-06-01T23:00:00.000Z');
    expect(startOfDayInEngland('2025-01-06').toISOString()).toBe('2025-01-06T00:00:00.000Z');
    expect(startOfDayInEngland('2025-10-26').toISOString()).toBe('2025-10-25T23:00:00.000Z');
  });

  it('parses only real days and times', () => {
    expect(parseDay('2028-02-29')).toBe('2028-02-29');
    expect(parseDay('2026-02-29')).toBeNull();
    expect(parseDay('2026-06-31')).toBeNull();
    expect(parseDay('4/3/2026')).toBeNull();
    // The same answer as the calendar of JavaScript's Date for every day from 1899 to 2101 and each
    // month's 0th to 32nd, leap years and centuries included (1900 and 2100 are not leap years; 2000 is).
    for (let year = 1899; year <= 2101; year += 1)
      for (let month = 0; month <= 13; month += 1)
        for (let day = 0; day <= 32; day += 1) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const date = new Date(Date.UTC(year, month - 1, day));
          const exists = month >= 1 && month <= 12 && day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          expect(parseDay(text)).toBe(exists ? text : null);
        }
    expect(parseDay('0050-01-01')).toBeNull();
    expect(parseTime('09:30')).toBe('09:30');
    expect(parseTime('9.30')).toBeNull();
    expect(parseTime('24:00')).toBeNull();
  });

  it('counts days across months, years and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('writes days and times for people', () => {
    expect(formatDay('2026-03-04')).toBe('04/03/2026');
    expect(formatDay('2026-03-04', 'long')).toBe('4 March 2026');
    expect(formatDay('2026-03-04', 'medium')).toBe('4 Mar 2026');
    expect(formatDay('2026-08-31T23:30:00.000Z', 'long')).toBe('1 September 2026');
    expect(formatDay(new Date('2026-03-04T12:00:00Z'))).toBe('04/03/2026');
    expect(formatDay('not a date')).toBe('not a date');
    expect(formatDay(null)).toBe('');
    expect(formatTime('2026-07-15T08:30:00.000Z')).toBe('09:30');
    expect(formatDateTime('2026-12-06T10:00:00.000Z')).toBe('6 Dec 2026, 10:00');
    expect(formatDateTime('2026-07-06T10:00:00.000Z', 'long')).toBe('6 July 2026 at 11:00');
  });

  it('counts whole years of age', () => {
    expect(ageOn('2010-11-23', '2026-11-23')).toBe(16);
    expect(ageOn('2010-11-24', '2026-11-23')).toBe(15);
    expect(ageOn('2010-11-23T00:00:00.000Z', '2026-11-23')).toBe(16);
    expect(ageOn(null, '2026-11-23')).toBeNull();
    expect(ageOn('23/11/2010', '2026-11-23')).toBeNull();
  });
});

describe('academic years', () => {
  it('start on 1 September in England', () => {
    expect(academicYearOfDay('2026-08-31')).toBe(2025);
    expect(academicYearOfDay('2026-09-01')).toBe(2026);
    // 23:30 UTC on 31 August is already 1 September in England.
    expect(academicYearOf(new Date('2026-08-31T23:30:00Z'))).toBe(2026);
    expect(academicYearLabel(2026)).toBe('2026/27');
    expect(academicYearLabel(2099)).toBe('2099/00');
  });
});

describe('encounter starts', () => {
  it.each([
    ['2026-01-15', '12:00'],
    ['2026-07-15', '13:00'],
    ['2026-07-15', '00:15'],
    ['2026-01-15', ''],
    ['2026-07-15', ''],
  ])('keep %s %s through the API and back', (day, time) => {
    const start = encounterStart(day, time);
    expect(start.hasTime).toBe(time !== '');
    expect(encounterStartParts(start.date.toISOString(), start.hasTime)).toEqual({ day, time });
  });

  it('are invalid for what is not a day or a time', () => {
    expect(encounterStart('2026-02-30', '').date.getTime()).toBeNaN();
    expect(encounterStart('', '09:30').date.getTime()).toBeNaN();
    expect(instantInEngland('2026-03-04', '9.30').getTime()).toBeNaN();
  });

  it('send a day without a time as noon UTC', () => {
    expect(encounterStart('2026-03-04', '')).toEqual({ date: dayAsInstant('2026-03-04'), hasTime: false });
    expect(dayAsInstant('2026-03-04').toISOString()).toBe('2026-03-04T12:00:00.000Z');
  });
});
