import { describe, expect, it } from 'vitest';
import { impactBySchool } from './impact';

describe('impactBySchool', () => {
  it('adds up engagements, attendances and thanks per school, most pupils first', () => {
    const rows = impactBySchool([
      { school: { name: 'Northfield' }, attendedCount: 20, volunteerThanks: [{ message: 'Thanks' }] },
      { school: { name: 'Southbank' }, attendedCount: 45, volunteerThanks: [] },
      { school: { name: 'Northfield' }, attendedCount: 30, volunteerThanks: null },
      { school: null, attendedCount: 0 },
    ]);
    expect(rows).toEqual([
      { school: 'Northfield', engagements: 2, pupilsReached: 50, thanks: 1 },
      { school: 'Southbank', engagements: 1, pupilsReached: 45, thanks: 0 },
      { school: 'School not recorded', engagements: 1, pupilsReached: 0, thanks: 0 },
    ]);
  });

  it('is empty with no engagements', () => {
    expect(impactBySchool([])).toEqual([]);
  });
});
