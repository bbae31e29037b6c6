import { describe, expect, it } from 'vitest';
import { makeUpn } from '@waymark/domain';
import { parseRosterDate, parseSenStatus, parseYearGroup, parseYesNo } from './roster-values.js';
import { validateRoster, type RosterSourceRow } from './roster-validate.js';
import { rosterSourceFromRows } from './roster-source.js';
import { ROSTER_FLAG_FIELDS } from './roster-fields.js';

const today = new Date('2026-11-23T00:00:00Z');
const UPN = makeUpn('938200112001');
const OTHER_UPN = makeUpn('938200112002');

describe('value parsers', () => {
  it.each([
    ['01/02/2012', '2012-02-01'],
    ['1/2/2012', '2012-02-01'],
    ['01-02-2012', '2012-02-01'],
    ['01.02.2012', '2012-02-01'],
    ['2012-02-01', '2012-02-01'],
    ['1/2/12', '2012-02-01'],
    ['29/02/2012', '2012-02-29'],
    ['01/02/2012 00:00', '2012-02-01'],
    ['01/02/2012 00:00:00', '2012-02-01'],
    ['2012-02-01T00:00:00Z', '2012-02-01'],
    ['12-Mar-2012', '2012-03-12'],
    ['12 March 2012', '2012-03-12'],
  ])('reads the date %s', (input, iso) => {
    expect(parseRosterDate(input, today)).toEqual({ date: iso });
  });

  it.each([
    ['31/02/2012', 'impossible'],
    ['29/02/2013', 'impossible'],
    ['01/13/2012', 'impossible'],
    ['00/01/2012', 'impossible'],
    ['2012-13-01', 'impossible'],
    ['next tuesday', 'format'],
    ['2012/02', 'format'],
    ['12-Foo-2012', 'format'],
  ])('refuses the date %s (%s)', (input, problem) => {
    expect(parseRosterDate(input, today)).toEqual({ problem });
  });

  it('reads two-digit years as the most recent past year', () => {
    expect(parseRosterDate('1/2/99', today)).toEqual({ date: '1999-02-01' });
    expect(parseRosterDate('1/2/26', today)).toEqual({ date: '2026-02-01' });
  });

  it.each([
    ['10', 10],
    ['Y10', 10],
    ['y 10', 10],
    ['Yr10', 10],
    ['Year 10', 10],
    ['year group 7', 7],
    ['NC Year 13', 13],
    ['10.0', 10],
    ['R', null],
    ['Reception', null],
    ['ten', null],
  ])('reads the year group %s as %s', (input, year) => {
    expect(parseYearGroup(input)).toBe(year);
  });

  it.each([
    ['Y', true],
    ['yes', true],
    ['TRUE', true],
    ['1', true],
    ['T', true],
    ['N', false],
    ['No', false],
    ['false', false],
    ['0', false],
    ['', false],
    ['  ', false],
    ['maybe', null],
    ['2', null],
  ])('reads %j as %s', (input, value) => {
    expect(parseYesNo(input)).toBe(value);
  });

  it.each([
    ['N', 'NONE'],
    ['', 'NONE'],
    ['No SEN', 'NONE'],
    ['K', 'SEN_SUPPORT'],
    ['SEN Support', 'SEN_SUPPORT'],
    ['K - SEN Support', 'SEN_SUPPORT'],
    ['P', 'SEN_SUPPORT'],
    ['E', 'EHCP'],
    ['EHCP', 'EHCP'],
    ['EHC Plan', 'EHCP'],
    ['E - Education, Health and Care Plan', 'EHCP'],
    ['S', 'EHCP'],
    ['Statement', 'EHCP'],
    ['X', null],
    ['unknown', null],
  ])('reads the SEN status %j as %s', (input, status) => {
    expect(parseSenStatus(input)).toBe(status);
  });
});

function row(line: number, values: Partial<Record<string, string>>): RosterSourceRow {
  const base = { upn: UPN, legalSurname: 'Okafor', legalForename: 'Maya', dateOfBirth: '03/04/2011', yearGroup: '10', ...values };
  return {
    line,
    values: Object.fromEntries(
      Object.entries(base)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, [v]]),
    ),
  };
}

describe('validateRoster', () => {
  const labels = { dateOfBirth: '"DOB"', yearGroup: '"Year"', senStatus: '"SEN"', disadvantaged: '"FSM"' };

  it('accepts a good row and normalises it', () => {
    const result = validateRoster(
      [row(2, { upn: ` ${UPN.toLowerCase()} `, legalSurname: '  Okafor  ', tutorGroup: '10A', senStatus: 'K', disadvantaged: 'Y' })],
      labels,
      today,
    );
    expect(result.rejected).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        upn: UPN,
        legalSurname: 'Okafor',
        legalForename: 'Maya',
        dateOfBirth: '2011-04-03',
        yearGroup: 10,
        tutorGroup: '10A',
        senSupport: true,
        ehcp: false,
        disadvantaged: true,
      },
    ]);
  });

  const cases: { name: string; values: Partial<Record<string, string>>; field: string; reason: RegExp }[] = [
    { name: 'missing UPN', values: { upn: '' }, field: 'upn', reason: /^The UPN is missing\.$/ },
    { name: 'short UPN', values: { upn: 'A12345' }, field: 'upn', reason: /should be 13 characters/ },
    { name: 'UPN with a letter inside', values: { upn: 'A1234X6789012' }, field: 'upn', reason: /a letter followed by 12 digits/ },
    { name: 'temporary UPN', values: { upn: 'A12345678901B' }, field: 'upn', reason: /temporary UPN/ },
    { name: 'wrong check letter', values: { upn: (UPN[0] === 'B' ? 'C' : 'B') + UPN.slice(1) }, field: 'upn', reason: /check letter is wrong/ },
    { name: 'missing surname', values: { legalSurname: ' ' }, field: 'legalSurname', reason: /legal surname is missing/ },
    { name: 'missing forename', values: { legalForename: '' }, field: 'legalForename', reason: /legal forename is missing/ },
    { name: 'surname too long', values: { legalSurname: 'x'.repeat(256) }, field: 'legalSurname', reason: /longer than 255/ },
    { name: 'missing date of birth', values: { dateOfBirth: '' }, field: 'dateOfBirth', reason: /date of birth is missing/ },
    { name: 'impossible date', values: { dateOfBirth: '31/02/2011' }, field: 'dateOfBirth', reason: /"31\/02\/2011" in "DOB" is not a real date/ },
    { name: 'unreadable date', values: { dateOfBirth: 'soon' }, field: 'dateOfBirth', reason: /not a date Waymark can read; use dd\/mm\/yyyy/ },
    { name: 'date in the future', values: { dateOfBirth: '01/01/2030' }, field: 'dateOfBirth', reason: /would make the pupil 0; check the date/ },
    { name: 'a grown-up', values: { dateOfBirth: '01/01/1980' }, field: 'dateOfBirth', reason: /would make the pupil 46/ },
    { name: 'missing year group', values: { yearGroup: '' }, field: 'yearGroup', reason: /year group is missing/ },
    {
      name: 'primary year group',
      values: { yearGroup: 'Year 6' },
      field: 'yearGroup',
      reason: /"Year 6" in "Year" is not a year group Waymark takes: Years 7 to 13/,
    },
    { name: 'year 14', values: { yearGroup: '14' }, field: 'yearGroup', reason: /Years 7 to 13/ },
    {
      name: 'unknown SEN status',
      values: { senStatus: 'Q' },
      field: 'senStatus',
      reason: /"Q" in "SEN" is not an SEN status.*N \(none\), K \(SEN support\) or E \(EHC plan\)/,
    },
    {
      name: 'not yes or no',
      values: { disadvantaged: 'sometimes' },
      field: 'disadvantaged',
      reason: /"sometimes" in "FSM" is not yes or no; use Y or N \(blank means no\)/,
    },
  ];
  it.each(cases)('rejects a row with $name, saying why', ({ values, field, reason }) => {
    const result = validateRoster([row(7, values)], labels, today);
    expect(result.rows).toEqual([]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ line: 7, field });
    expect(result.rejected[0].reason).toMatch(reason);
  });

  it('counts a birthday on the day the file is checked: 9 and 21 are taken, the day before 9 and the 22nd birthday are not', () => {
    // The file is checked on 23 November 2026.
    const ages = { '23/11/2017': 9, '24/11/2017': 8, '24/11/2004': 21, '23/11/2004': 22, '29/02/2008': 18 };
    const result = validateRoster(
      Object.keys(ages).map((dateOfBirth, i) => row(2 + i, { upn: makeUpn(`9382001120${10 + i}`), dateOfBirth })),
      labels,
      today,
    );
    expect(result.rows.map((r) => r.dateOfBirth)).toEqual(['2017-11-23', '2004-11-24', '2008-02-29']);
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'A date of birth of 24/11/2017 would make the pupil 8; check the date.'],
      [5, 'A date of birth of 23/11/2004 would make the pupil 22; check the date.'],
    ]);
  });

  it('reports every problem of a row, not just the first', () => {
    const result = validateRoster([row(4, { upn: 'nope', dateOfBirth: '99/99/99', yearGroup: '5' })], labels, today);
    expect(result.rejected.map((r) => r.field)).toEqual(['upn', 'dateOfBirth', 'yearGroup']);
    expect(result.rejected.every((r) => r.line === 4)).toBe(true);
  });

  it('rejects both lines of a UPN that appears twice, naming the other line', () => {
    const result = validateRoster([row(2, {}), row(3, { upn: OTHER_UPN }), row(5, { legalForename: 'Mya' })], labels, today);
    expect(result.rows.map((r) => r.line)).toEqual([3]);
    expect(result.rejected).toEqual([
      { line: 2, upn: UPN, field: 'upn', reason: `UPN ${UPN} is also on line 5; keep one row per pupil.` },
      { line: 5, upn: UPN, field: 'upn', reason: `UPN ${UPN} is also on line 2; keep one row per pupil.` },
    ]);
    expect(result.protectedUpns).toEqual([UPN]);
  });

  it("protects the well-formed UPNs of rejected rows from a full roster's leavers", () => {
    const result = validateRoster([row(2, { dateOfBirth: 'x' }), row(3, { upn: 'bad', legalSurname: '' })], labels, today);
    expect(result.protectedUpns).toEqual([UPN]);
  });

  it('drops a preferred name that only repeats the legal forename', () => {
    const result = validateRoster([row(2, { preferredName: 'Maya' }), row(3, { upn: OTHER_UPN, preferredName: 'Mo' })], labels, today);
    expect(result.rows.map((r) => r.preferredName)).toEqual([null, 'Mo']);
  });

  it('treats a flag column as "any of its columns says yes", and leaves groups without a column alone', () => {
    const source: RosterSourceRow = { line: 2, values: { ...row(2, {}).values, disadvantaged: ['N', 'Y'] } };
    const [valid] = validateRoster([source], labels, today).rows;
    expect(valid.disadvantaged).toBe(true);
    expect('eal' in valid).toBe(false);
    expect('tutorGroup' in valid).toBe(false);
  });

  it.each(ROSTER_FLAG_FIELDS)('reads the %s group from its column', (field) => {
    expect(validateRoster([row(2, { [field]: 'Y' })], labels, today).rows[0][field]).toBe(true);
    expect(validateRoster([row(2, { [field]: 'No' })], labels, today).rows[0][field]).toBe(false);
    expect(validateRoster([row(2, { [field]: '?' })], labels, today).rejected).toEqual([expect.objectContaining({ line: 2, field })]);
  });

  it('validates API rows the same way, numbering them from 1', () => {
    const source = rosterSourceFromRows([
      { upn: UPN, legalSurname: 'Okafor', legalForename: 'Maya', dateOfBirth: '2011-04-03', yearGroup: 10, eal: true, refugee: null },
      { upn: OTHER_UPN, legalSurname: 'Smith', legalForename: 'Jo', dateOfBirth: '2011-02-30', yearGroup: 10, tutorGroup: null },
    ]);
    const result = validateRoster(source.rows, source.labels, today);
    expect(result.rows).toEqual([{ line: 1, upn: UPN, legalSurname: 'Okafor', legalForename: 'Maya', dateOfBirth: '2011-04-03', yearGroup: 10, eal: true }]);
    expect(result.rejected).toEqual([{ line: 2, upn: OTHER_UPN, field: 'dateOfBirth', reason: '"2011-02-30" in dateOfBirth is not a real date.' }]);
  });
});
