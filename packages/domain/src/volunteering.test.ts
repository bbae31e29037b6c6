import { describe, expect, it } from 'vitest';
import {
  SIC_SECTION_KEYS,
  SIC_SECTIONS,
  VOLUNTEER_ACTIVITY_KEYS,
  checkGapMessage,
  checkGaps,
  checksNeeded,
  placementEngagement,
  checkVolunteerCheck,
  checkVolunteerProfile,
  checkVolunteerRequest,
  normaliseDistrict,
  normalisePostcode,
  postcodeDistrict,
  requestFitsVolunteer,
  type ReachProfile,
  type ReachRequest,
  type VolunteerCheckGap,
  type VolunteerCheckKind,
  type VolunteerEngagement,
  type VolunteerProfileValues,
  type VolunteerRequestValues,
} from './volunteering.js';

const now = new Date('2026-12-06T10:00:00Z');

describe('the lists', () => {
  it('has the 21 SIC 2007 sections A to U and the ten activities', () => {
    expect(SIC_SECTION_KEYS).toEqual('ABCDEFGHIJKLMNOPQRSTU'.split(''));
    expect(SIC_SECTIONS.F).toBe('Construction');
    expect(VOLUNTEER_ACTIVITY_KEYS).toHaveLength(10);
  });
});

describe('postcodes', () => {
  it.each([
    ['ls11 5aa', 'LS11 5AA', 'a lower-case postcode is written the usual way'],
    ['LS115AA', 'LS11 5AA', 'the space may be left out'],
    ['  SW1A   1AA ', 'SW1A 1AA', 'a district with a letter at the end, spaces trimmed'],
    ['M1 1AE', 'M1 1AE', 'a one-letter area'],
    ['LS11', null, 'a district alone is not a postcode'],
    ['12345', null, 'a US zip code is not one'],
    ['LS11 5A', null, 'the inward code needs a digit and two letters'],
  ] as [string, string | null, string][])('%s → %s (%s)', (value, expected) => {
    expect(normalisePostcode(value)).toBe(expected);
  });

  it('reads districts and the district of a postcode', () => {
    expect(normaliseDistrict(' ls6 ')).toBe('LS6');
    expect(normaliseDistrict('LS6 2AB')).toBeNull();
    expect(postcodeDistrict('bd1 4qr')).toBe('BD1');
  });
});

const profile: VolunteerProfileValues = {
  activities: ['TALK'],
  sectors: ['C'],
  homePostcode: 'LS11 5AA',
  reach: 'DISTRICTS',
  districts: ['LS6'],
  radiusMiles: null,
  availability: 'Tuesday afternoons',
  roleModel: null,
};

describe('checkVolunteerProfile', () => {
  it('accepts a complete profile', () => {
    expect(checkVolunteerProfile(profile)).toEqual({});
  });

  it('names each problem in plain words', () => {
    expect(checkVolunteerProfile({ ...profile, activities: [], sectors: ['Z'], homePostcode: 'LS11' })).toEqual({
      activities: 'Choose at least one thing you can offer',
      sectors: 'Choose sectors from the list',
      homePostcode: 'Enter a UK postcode like LS11 5AA',
    });
    expect(checkVolunteerProfile({ ...profile, districts: ['LS6', 'nowhere'] }).districts).toMatch(/nowhere/);
    expect(checkVolunteerProfile({ ...profile, reach: 'RADIUS', radiusMiles: 0 }).radiusMiles).toMatch(/1 to 200/);
    expect(checkVolunteerProfile({ ...profile, reach: 'VIRTUAL_ONLY', districts: [] })).toEqual({});
    expect(checkVolunteerProfile({ ...profile, roleModel: { jobTitle: 'Engineer', route: ' ', characteristics: '' } }).roleModel).toBe(
      'Say how you got into your job',
    );
  });
});

const request: VolunteerRequestValues = {
  activity: 'TALK',
  dateFrom: '2026-12-07',
  dateTo: '2026-12-20',
  yearGroups: [10],
  volunteersWanted: 2,
  sectors: [],
  virtual: false,
  postcode: 'LS6 2AB',
  details: '',
};

describe('checkVolunteerRequest', () => {
  it('accepts a window starting today', () => {
    expect(checkVolunteerRequest({ ...request, dateFrom: '2026-12-06' }, now)).toEqual({});
  });

  it('refuses a window in the past, backwards, or too far ahead', () => {
    expect(checkVolunteerRequest({ ...request, dateFrom: '2026-12-05' }, now).dateFrom).toBe('The first day cannot be in the past');
    expect(checkVolunteerRequest({ ...request, dateTo: '2026-12-06' }, now).dateTo).toBe('The last day must be the same as or after the first day');
    expect(checkVolunteerRequest({ ...request, dateTo: '2028-01-01' }, now).dateTo).toMatch(/a year ahead/);
    expect(checkVolunteerRequest({ ...request, dateFrom: '2026-02-30' }, now).dateFrom).toBe('Enter the first day it could happen');
  });

  it('needs at least one volunteer, year groups 7 to 13, and a postcode in person', () => {
    const problems = checkVolunteerRequest({ ...request, volunteersWanted: 0, yearGroups: [6], postcode: 'school' }, now);
    expect(problems).toEqual({
      volunteersWanted: 'Ask for between 1 and 50 volunteers',
      yearGroups: 'Year groups are 7 to 13',
      postcode: 'Enter a UK postcode like LS6 2AB',
    });
    expect(checkVolunteerRequest({ ...request, virtual: true, postcode: null }, now)).toEqual({});
  });
});

describe('requestFitsVolunteer', () => {
  const reach = { activities: ['TALK'], sectors: ['C'], homePostcode: 'LS11 5AA', reach: 'DISTRICTS', districts: ['LS6'] };
  it.each([
    [{}, {}, true, 'in person, in a district they named'],
    [{ activity: 'MENTORING' }, {}, false, 'an activity they do not offer'],
    [{ sectors: ['Q'] }, {}, false, 'the school wants other sectors'],
    [{ sectors: ['Q', 'C'] }, {}, true, 'one of the wanted sectors is theirs'],
    [{ postcode: 'BD1 4QR' }, {}, false, 'a district they did not name'],
    [{ postcode: 'BD1 4QR', virtual: true }, {}, true, 'virtual requests fit everyone'],
    [{}, { reach: 'VIRTUAL_ONLY' }, false, 'a virtual-only volunteer is not shown in-person requests'],
    [{ postcode: 'LS27 0AA' }, { reach: 'RADIUS' }, true, 'a radius reaches its own postcode area'],
    [{ postcode: 'BD1 4QR' }, { reach: 'RADIUS' }, false, 'a radius does not reach another area'],
  ] as [Partial<ReachRequest>, Partial<ReachProfile>, boolean, string][])('%j with %j → %s (%s)', (changes, profileChanges, expected) => {
    const asked: ReachRequest = { activity: 'TALK', sectors: [], virtual: false, postcode: 'LS6 2AB', ...changes };
    expect(requestFitsVolunteer(asked, { ...reach, ...profileChanges })).toBe(expected);
  });
});

describe('checksNeeded: the checks an engagement needs, never more', () => {
  const base: VolunteerEngagement = { activity: 'TALK', virtual: false, unsupervised: false, regular: false, volunteerKind: 'EMPLOYEE' };
  it.each([
    [{}, ['IDENTITY'], 'an in-person talk with a teacher present: identity only'],
    [{ virtual: true }, [], 'an online talk with a teacher present: nothing'],
    [{ activity: 'VIRTUAL_SESSION', virtual: true, regular: true }, [], 'a regular online session with a teacher present still needs no DBS'],
    [{ activity: 'MENTORING', unsupervised: true }, ['IDENTITY'], 'a one-off unsupervised session is not regular: no DBS'],
    [{ activity: 'MENTORING', regular: true }, ['IDENTITY'], 'regular mentoring with a teacher present is not unsupervised: no DBS'],
    [
      { activity: 'MENTORING', unsupervised: true, regular: true },
      ['IDENTITY', 'ENHANCED_DBS'],
      'unsupervised and regular mentoring needs an enhanced DBS check',
    ],
    [
      { activity: 'MENTORING', virtual: true, unsupervised: true, regular: true },
      ['IDENTITY', 'ENHANCED_DBS'],
      'online one-to-one mentoring, alone and regular, needs both',
    ],
    [{ activity: 'MENTORING', virtual: true, unsupervised: true }, ['IDENTITY'], 'alone online once: identity only'],
    [{ activity: 'WORKPLACE_VISIT' }, ['IDENTITY', 'EMPLOYER_ASSURANCE'], "pupils at an employee's workplace: the employer's assurance too"],
    [
      { activity: 'WORK_SHADOWING', unsupervised: true, regular: true },
      ['IDENTITY', 'EMPLOYER_ASSURANCE', 'ENHANCED_DBS'],
      'weekly work shadowing, alone with the pupil at the workplace: all three',
    ],
    [{ activity: 'WORKPLACE_VISIT', volunteerKind: 'ALUMNI' }, ['IDENTITY'], 'an alumnus has no employer to give assurance'],
    [{ activity: 'WORKPLACE_VISIT', virtual: true }, [], 'a virtual workplace tour with a teacher present: nothing'],
    [{ activity: 'CAREERS_FAIR', regular: true }, ['IDENTITY'], 'regular but supervised: identity only'],
  ] as [Partial<VolunteerEngagement>, VolunteerCheckKind[], string][])('%o → %o (%s)', (changes, expected) => {
    expect(checksNeeded({ ...base, ...changes })).toEqual(expected);
  });
});

describe('placementEngagement', () => {
  it("asks a placement's host for identity and, for an employer's employee, the employer's assurance, but no DBS check (one block, not regular)", () => {
    expect(checksNeeded(placementEngagement('EMPLOYEE'))).toEqual(['IDENTITY', 'EMPLOYER_ASSURANCE']);
    expect(checksNeeded(placementEngagement('ALUMNI'))).toEqual(['IDENTITY']);
  });
});

describe('checkGaps and their messages', () => {
  const recorded = [
    { kind: 'IDENTITY', expiresOn: '2026-01-31' },
    { kind: 'IDENTITY', expiresOn: '2027-06-30' },
    { kind: 'ENHANCED_DBS', expiresOn: '2026-11-30' },
    { kind: 'EMPLOYER_ASSURANCE', expiresOn: '2027-01-10' },
  ];
  it.each([
    [['IDENTITY'], '2027-01-15', [], 'the latest identity check holds, whatever older ones say'],
    [['ENHANCED_DBS'], '2027-01-15', [{ kind: 'ENHANCED_DBS', expiresOn: '2026-11-30' }], 'the DBS check ran out before the day'],
    [['EMPLOYER_ASSURANCE'], '2027-01-10', [{ kind: 'EMPLOYER_ASSURANCE', expiresOn: '2027-01-10' }], 'a check stops counting on the day it expires'],
    [['EMPLOYER_ASSURANCE'], '2027-01-09', [], 'the day before it expires it still holds'],
    [[], '2027-01-15', [], 'nothing needed, nothing missing'],
  ] as [VolunteerCheckKind[], string, VolunteerCheckGap[], string][])('%o on %s → %o (%s)', (needed, onDay, expected) => {
    expect(checkGaps(needed, recorded, onDay)).toEqual(expected);
  });

  it('says a check is missing when none of that kind is recorded', () => {
    expect(checkGaps(['IDENTITY'], [{ kind: 'ENHANCED_DBS', expiresOn: '2030-01-01' }], '2027-01-01')).toEqual([{ kind: 'IDENTITY', expiresOn: null }]);
  });

  it('words each gap for the careers leader', () => {
    expect(checkGapMessage('Sam Patel', { kind: 'IDENTITY', expiresOn: null }, '2026-12-06')).toBe('Sam Patel has no identity check recorded at your school');
    expect(checkGapMessage('Sam Patel', { kind: 'ENHANCED_DBS', expiresOn: '2026-11-30' }, '2026-12-06')).toBe(
      "Sam Patel's enhanced DBS check at your school expired on 30 November 2026",
    );
    expect(checkGapMessage('Sam Patel', { kind: 'IDENTITY', expiresOn: '2026-12-20' }, '2026-12-06')).toBe(
      "Sam Patel's identity check at your school expires on 20 December 2026, before the activity's last day",
    );
  });
});

describe('checkVolunteerCheck', () => {
  const good = { kind: 'IDENTITY', doneOn: '2026-12-01', expiresOn: '2029-12-01' };
  it.each([
    [{}, {}, 'a complete check'],
    [{ kind: 'PASSPORT' }, { kind: 'Choose the kind of check' }, 'a kind not on the list'],
    [{ doneOn: '' }, { doneOn: 'Enter the date the check was done' }, 'no date done'],
    [{ doneOn: '2026-02-30' }, { doneOn: 'Enter the date the check was done' }, 'a date that does not exist'],
    [{ doneOn: '2026-12-07' }, { doneOn: 'The date the check was done cannot be in the future' }, 'tomorrow'],
    [{ expiresOn: '' }, { expiresOn: 'Enter the date the check expires' }, 'no expiry'],
    [{ expiresOn: '2026-12-01' }, { expiresOn: 'The expiry date must be after the date the check was done' }, 'expiring the day it was done'],
    [{ expiresOn: '2026-11-01' }, { expiresOn: 'The expiry date must be after the date the check was done' }, 'expiring before it was done'],
    [{ doneOn: '', expiresOn: '2020-01-01' }, { doneOn: 'Enter the date the check was done' }, 'no date done: the expiry cannot be compared'],
  ] as [Partial<typeof good>, Record<string, string>, string][])('%o → %o (%s)', (changes, expected) => {
    expect(checkVolunteerCheck({ ...good, ...changes }, now)).toEqual(expected);
  });
});
