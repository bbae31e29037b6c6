import { describe, expect, it } from 'vitest';
import {
  SIC_SECTION_KEYS,
  SIC_SECTIONS,
  VOLUNTEER_ACTIVITY_KEYS,
  checkVolunteerProfile,
  checkVolunteerRequest,
  normaliseDistrict,
  normalisePostcode,
  postcodeDistrict,
  requestFitsVolunteer,
  type ReachProfile,
  type ReachRequest,
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
