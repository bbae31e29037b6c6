import { describe, expect, it } from 'vitest';
import { rollOverPupil } from './rollover.rules.js';

const pupil = (yearGroup: number | null, extra: { yearGroupAcademicYear?: number | null; leftOn?: string | null } = {}) => ({
  yearGroup,
  yearGroupAcademicYear: extra.yearGroupAcademicYear === undefined ? 2026 : extra.yearGroupAcademicYear,
  leftOn: extra.leftOn ?? null,
});

describe('rollOverPupil into 2027/28', () => {
  it.each([7, 8, 9, 10, 11, 12])('moves Year %i up one', (year) => {
    expect(rollOverPupil(pupil(year), 2027)).toEqual({ kind: 'promote', yearGroup: year + 1 });
  });

  it('makes Year 13 leavers on the 31 August before the new year', () => {
    expect(rollOverPupil(pupil(13), 2027)).toEqual({ kind: 'leave', leftOn: '2027-08-31' });
  });

  it('leaves pupils who have already left alone, Year 13 leavers included', () => {
    expect(rollOverPupil(pupil(13, { leftOn: '2027-07-20' }), 2027)).toEqual({ kind: 'stay', reason: 'left' });
    expect(rollOverPupil(pupil(null, { leftOn: '2026-07-20' }), 2027)).toEqual({ kind: 'stay', reason: 'left' });
  });

  it('moves up a pupil who joined part-way through the year just ending', () => {
    // Joined in February 2027 into Year 9: their year group was set for 2026/27.
    expect(rollOverPupil(pupil(9, { yearGroupAcademicYear: 2026 }), 2027)).toEqual({ kind: 'promote', yearGroup: 10 });
  });

  it('does not move a pupil already placed for the new year (joined, or imported after the MIS rolled over, since 1 September)', () => {
    expect(rollOverPupil(pupil(7, { yearGroupAcademicYear: 2027 }), 2027)).toEqual({ kind: 'stay', reason: 'already-placed' });
    expect(rollOverPupil(pupil(13, { yearGroupAcademicYear: 2027 }), 2027)).toEqual({ kind: 'stay', reason: 'already-placed' });
  });

  it('moves up pupils whose year group predates Waymark recording its year', () => {
    expect(rollOverPupil(pupil(10, { yearGroupAcademicYear: null }), 2027)).toEqual({ kind: 'promote', yearGroup: 11 });
  });

  it('leaves pupils without a secondary year group alone', () => {
    expect(rollOverPupil(pupil(null), 2027)).toEqual({ kind: 'stay', reason: 'no-year-group' });
    expect(rollOverPupil(pupil(6), 2027)).toEqual({ kind: 'stay', reason: 'no-year-group' });
  });
});
