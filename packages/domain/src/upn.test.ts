import { describe, expect, it } from 'vitest';
import { checkUpn, makeUpn, upnCheckLetter } from './upn.js';
import { academicYearOf, expectedYearGroup } from './academic-year.js';

describe('UPN', () => {
  it('computes the DfE check letter (weights 2..13, modulo 23, no I/O/S)', () => {
    // digits 1..9,0,1,2 weighted 2..13 sum to 368, and 368 mod 23 = 0 → 'A'
    expect(upnCheckLetter('123456789012')).toBe('A');
    expect(checkUpn(makeUpn('938200112001'))).toBeNull();
  });
  it('rejects a wrong check letter, length and format', () => {
    const good = makeUpn('938200112001');
    const wrong = (good[0] === 'B' ? 'C' : 'B') + good.slice(1);
    expect(checkUpn(wrong)).toBe('check-letter');
    expect(checkUpn('A12345')).toBe('length');
    expect(checkUpn('A12345678901X')).toBe('format');
  });
});

describe('academic year', () => {
  it('starts on 1 September', () => {
    expect(academicYearOf(new Date('2026-08-31T12:00:00Z'))).toBe(2025);
    expect(academicYearOf(new Date('2026-09-01T00:00:00Z'))).toBe(2026);
  });
  it('puts 31 August birthdays in the younger year and 1 September in the older', () => {
    expect(expectedYearGroup(new Date('2011-09-01T00:00:00Z'), 2026)).toBe(10);
    expect(expectedYearGroup(new Date('2012-08-31T00:00:00Z'), 2026)).toBe(10);
  });
});
