import { describe, expect, it } from 'vitest';
import type { PupilRow } from '../graphql/pupils';
import { pupilGroups, pupilsCsv, pupilsFileName } from './pupilList';

const NO_FLAGS: NonNullable<PupilRow['flags']> = {
  senSupport: false,
  ehcp: false,
  disadvantaged: false,
  lookedAfter: false,
  eal: false,
  youngCarer: false,
  youngParent: false,
  youthJustice: false,
  refugee: false,
  serviceChild: false,
  persistentAbsence: false,
  neetRisk: false,
  neetRiskScore: null,
};

const pupil = (patch: Partial<PupilRow>): PupilRow => ({
  id: 'p1',
  displayName: 'Maya Okafor',
  upn: 'A123456789012',
  yearGroup: 10,
  tutorGroup: '10B',
  flags: NO_FLAGS,
  ...patch,
});

describe('pupilGroups', () => {
  it('lists the groups a pupil is in, in the usual order, with short and full names', () => {
    expect(pupilGroups(pupil({ flags: { ...NO_FLAGS, youngCarer: true, ehcp: true } }))).toEqual([
      { flag: 'ehcp', short: 'EHCP', label: 'EHCP' },
      { flag: 'youngCarer', short: 'Young carer', label: 'Young carer' },
    ]);
  });

  it('lists none when the flags are not shown to the caller', () => {
    expect(pupilGroups(pupil({ flags: null }))).toEqual([]);
  });
});

describe('pupilsCsv', () => {
  it('writes a header and one row a pupil, the groups by their full names, missing values blank', () => {
    const csv = pupilsCsv([
      pupil({ flags: { ...NO_FLAGS, eal: true, disadvantaged: true } }),
      pupil({ id: 'p2', displayName: 'Sam Lee', upn: null, yearGroup: null, tutorGroup: null, flags: null }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Pupil,UPN,Year group,Tutor group,Vulnerable and target groups',
      // Quoted: the groups are separated by semicolons, which some readers split on.
      'Maya Okafor,A123456789012,10,10B,"Disadvantaged (FSM / pupil premium); English as an additional language"',
      'Sam Lee,,,,',
      '',
    ]);
  });

  it('never lets a name become a spreadsheet formula', () => {
    const csv = pupilsCsv([pupil({ displayName: '=HYPERLINK("x")' })]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('pupilsFileName', () => {
  it('names what was chosen and the day', () => {
    expect(pupilsFileName({ yearGroup: 10, tutorGroup: ' 10B ', search: 'oka', groups: ['EAL'] }, '2026-12-06')).toBe(
      'pupils-year-10-10b-eal-search-2026-12-06.csv',
    );
    expect(pupilsFileName({ yearGroup: null, tutorGroup: '', search: '', groups: [] }, '2026-12-06')).toBe('pupils-2026-12-06.csv');
  });
});
