import { describe, expect, it } from 'vitest';
import { leavingDateProblem } from './leaving-form.js';

describe('the date a pupil left', () => {
  const today = '2026-12-06';
  const joinedOn = '2022-09-01';
  it.each([
    ['today', '2026-12-06', null],
    ['the day they joined (a full roster can record that too)', '2022-09-01', null],
    ['a day between', '2026-10-31', null],
    ['nothing entered', '  ', 'INVALID'],
    ['not a real date', '2026-02-30', 'INVALID'],
    ['a date written another way', '31/10/2026', 'INVALID'],
    ['tomorrow', '2026-12-07', 'IN_FUTURE'],
    ['the day before they joined', '2022-08-31', 'BEFORE_JOINING'],
    ['before they were born, years before joining', '1900-01-01', 'BEFORE_JOINING'],
  ] as const)('%s: %s', (_why, value, reason) => {
    expect(leavingDateProblem(value, { today, joinedOn })?.reason ?? null).toBe(reason);
  });

  it('says what is wrong in plain words, naming the day they joined', () => {
    expect(leavingDateProblem('', { today, joinedOn })!.message).toBe('Enter the date they left');
    expect(leavingDateProblem('2026-12-07', { today, joinedOn })!.message).toBe('The date they left cannot be in the future');
    expect(leavingDateProblem('2022-08-31', { today, joinedOn })!.message).toBe(
      'The date they left cannot be before they joined your school on 1 September 2022',
    );
  });

  it('without a joining day, bounds the date by today only', () => {
    expect(leavingDateProblem('2001-01-01', { today, joinedOn: null })).toBeNull();
  });
});
