import { describe, expect, it } from 'vitest';
import {
  SECTOR_WORDS,
  countSectorSupply,
  sectorsOfEmployerSector,
  sectorsOfHashtags,
  suggestMatches,
  suggestedMatchSentence,
  type SupplyProfile,
  type YearGroupNeed,
} from './suggested-matches.js';
import { SIC_SECTION_KEYS } from './volunteering.js';

const volunteer = (changes: Partial<SupplyProfile> = {}): SupplyProfile => ({
  sectors: ['C'],
  reach: 'DISTRICTS',
  districts: ['LS6'],
  homePostcode: 'LS11 5AA',
  count: 1,
  ...changes,
});
const year = (changes: Partial<YearGroupNeed> = {}): YearGroupNeed => ({ yearGroup: 9, pupils: 120, coveredSectors: [], interestedPupils: {}, ...changes });

describe('the word table', () => {
  it('names only real sections', () => {
    for (const sections of Object.values(SECTOR_WORDS)) for (const s of sections) expect(SIC_SECTION_KEYS).toContain(s);
  });

  it.each([
    [['engineering'], ['C', 'F']],
    [['#Healthcare', 'nursing'], ['Q']],
    [
      ['coding', 'football'],
      ['J', 'R'],
    ],
    [['unicorns'], []],
  ])('reads the hashtags %j as sections %j', (tags, sections) => {
    expect(sectorsOfHashtags(tags)).toEqual(sections);
  });

  it.each([
    ['Engineering and manufacturing', ['C', 'F']],
    ['Health and social care', ['Q']],
    ['Digital and technology', ['J']],
    ['Construction', ['F']],
    ['Further education', ['P']],
    ['q', ['Q']],
    ['Real estate activities', ['L']],
    ['Something else entirely', []],
  ])("reads an employer's sector %j as %j", (text, sections) => {
    expect(sectorsOfEmployerSector(text)).toEqual(sections);
  });
});

describe('supply: who could help a school at LS6 2AB', () => {
  const place = 'LS6 2AB';
  it.each<[string, Partial<SupplyProfile>, string | null, { inPerson: number; online: number } | undefined]>([
    ['named the district', {}, place, { inPerson: 1, online: 1 }],
    ['named other districts only: out of reach, still online', { districts: ['BD1'] }, place, { inPerson: 0, online: 1 }],
    ['a radius from home in the same postcode area', { reach: 'RADIUS', districts: [], homePostcode: 'LS11' }, place, { inPerson: 1, online: 1 }],
    ['a radius from home in another area', { reach: 'RADIUS', districts: [], homePostcode: 'BD4 8TE' }, place, { inPerson: 0, online: 1 }],
    ['virtual only: counts online, never in person', { reach: 'VIRTUAL_ONLY', districts: [] }, place, { inPerson: 0, online: 1 }],
    ['the school has given no place: nobody counts in person', {}, null, { inPerson: 0, online: 1 }],
  ])('%s', (_, changes, postcode, expected) => {
    expect(countSectorSupply([volunteer(changes)], postcode).C).toEqual(expected);
  });

  it('counts a volunteer once in each of their sections, and groups by their count', () => {
    const supply = countSectorSupply([volunteer({ sectors: ['C', 'F', 'C'] }), volunteer({ sectors: ['F'], count: 3, districts: [] })], place);
    expect(supply).toEqual({ C: { inPerson: 1, online: 1 }, F: { inPerson: 1, online: 4 } });
  });

  it('ignores sections that are not SIC sections', () => {
    expect(countSectorSupply([volunteer({ sectors: ['Z'] })], place)).toEqual({});
  });
});

describe('need: which sections each year group has not met', () => {
  const supply = { C: { inPerson: 4, online: 10 }, Q: { inPerson: 0, online: 2 }, J: { inPerson: 1, online: 1 } };

  it('suggests a section not covered this year, and not one an encounter covered', () => {
    const matches = suggestMatches([year({ coveredSectors: ['C'] })], supply);
    expect(matches.map((m) => m.sector)).toEqual(['J', 'Q']);
  });

  it('leaves out sections nobody can help with, and year groups without pupils', () => {
    expect(suggestMatches([year({ pupils: 0 })], supply)).toEqual([]);
    expect(suggestMatches([year()], {}).length).toBe(0);
  });

  it('puts the most interested pupils first, then the most volunteers who can come, then year group', () => {
    const matches = suggestMatches([year({ yearGroup: 10, interestedPupils: { Q: 12 } }), year({ yearGroup: 9, interestedPupils: { Q: 3, J: 3 } })], supply);
    expect(matches.map((m) => `${m.yearGroup}${m.sector}:${m.interestedPupils}`)).toEqual(['10Q:12', '9J:3', '9Q:3', '9C:0', '10C:0', '10J:0']);
  });

  it('starts the request as a talk when someone can come, otherwise as a virtual session', () => {
    const [first, second] = suggestMatches([year({ interestedPupils: { C: 2, Q: 1 } })], supply);
    expect([first.sector, first.activity, second.sector, second.activity]).toEqual(['C', 'TALK', 'Q', 'VIRTUAL_SESSION']);
  });

  it('lists at most the limit', () => {
    expect(suggestMatches([year({ yearGroup: 7 }), year({ yearGroup: 8 })], supply, 4)).toHaveLength(4);
  });

  it('says it in plain sentences', () => {
    expect(suggestedMatchSentence({ yearGroup: 9, sector: 'C', interestedPupils: 12, volunteersInPerson: 4, volunteersOnline: 10 })).toBe(
      'Year 9 has had no encounter in Manufacturing this year. 12 pupils are interested. 4 volunteers in Manufacturing can come to you. 10 volunteers could help online.',
    );
    expect(suggestedMatchSentence({ yearGroup: 11, sector: 'Q', interestedPupils: 0, volunteersInPerson: 0, volunteersOnline: 1 })).toBe(
      'Year 11 has had no encounter in Health and social care this year. Nobody in it can come to you in person yet. 1 volunteer could help online.',
    );
  });
});
