import { describe, expect, it } from 'vitest';
import type { GapRow } from '../graphql/dashboard';
import { gapListCsv, gapListFileName } from './gapsCsv';

describe('gapListCsv', () => {
  const rows: GapRow[] = [
    {
      pupil: { id: 'p1', displayName: 'Maya Okafor', upn: 'A123456789012', tutorGroup: '10N1' },
      yearGroup: 10,
      state: 'IN_PROGRESS',
      detail: '1 of 2 workplace experiences',
    },
    { pupil: { id: 'p2', displayName: 'Zoë Ná, Jr', upn: null, tutorGroup: null }, yearGroup: 10, state: 'NOT_MET', detail: 'None yet' },
    { pupil: null, yearGroup: 9, state: 'NOT_MET', detail: 'None yet' },
  ];

  it('has the header, one line per pupil, plain-English states and a byte-order mark', () => {
    const text = gapListCsv(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Pupil,UPN,Year group,Tutor group,State,Detail',
      'Maya Okafor,A123456789012,10,10N1,In progress,1 of 2 workplace experiences',
      '"Zoë Ná, Jr",,10,,Not met,None yet',
      'Pupil not available,,9,,Not met,None yet',
      '',
    ]);
  });

  it('never lets a name or detail run as a formula, even behind a space or a semicolon', () => {
    const text = gapListCsv([{ pupil: { id: 'p3', displayName: ' =1+1', upn: null, tutorGroup: 'Jo;=cmd' }, yearGroup: 8, state: 'NOT_MET', detail: '@x' }]);
    expect(text.slice(1).split('\r\n')[1]).toBe(`' =1+1,,8,"Jo;'=cmd",Not met,'@x`);
  });
});

describe('gapListFileName', () => {
  it('names the measure and the narrowing', () => {
    expect(gapListFileName({ measure: 'B6_BY_16', yearGroup: 10, group: 'EAL', asOf: null }, '2026-03-04')).toBe('gaps-b6-by-16-year-10-eal-2026-03-04.csv');
    expect(gapListFileName({ measure: 'B5_EMPLOYERS', yearGroup: null, group: null, asOf: '2025-12-31' }, '2026-03-04')).toBe(
      'gaps-b5-employers-2025-12-31.csv',
    );
  });
});
