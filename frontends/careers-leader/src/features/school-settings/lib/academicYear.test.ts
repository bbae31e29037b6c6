import { describe, expect, it } from 'vitest';
import { academicYearLabel, academicYearOf, rolloverChoices } from './academicYear';

describe('academic years', () => {
  it('start on 1 September', () => {
    expect(academicYearOf(new Date(2027, 7, 31))).toBe(2026);
    expect(academicYearOf(new Date(2027, 8, 1))).toBe(2027);
    expect(academicYearLabel(2027)).toBe('2027/28');
    expect(academicYearLabel(2099)).toBe('2099/00');
  });

  it('suggest the year under way in the autumn term', () => {
    expect(rolloverChoices(new Date(2026, 10, 23))).toEqual({ years: [2026, 2027], suggested: 2026 });
  });

  it('suggest the coming year from January to August', () => {
    expect(rolloverChoices(new Date(2027, 0, 5))).toEqual({ years: [2026, 2027], suggested: 2027 });
    expect(rolloverChoices(new Date(2027, 7, 28))).toEqual({ years: [2026, 2027], suggested: 2027 });
  });
});
