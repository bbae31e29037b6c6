/*
 * Suggested matches: where a school's need (a year group that has met nobody from a sector this
 * academic year, weighted by how many of its pupils are interested in it) meets volunteer supply (how
 * many volunteers in that sector could help the school). The rules are written out in
 * docs/domain-rules.md ("Volunteering", "Suggested matches").
 */
import { SIC_SECTION_KEYS, SIC_SECTIONS, type ReachProfile, type SicSection, type VolunteerActivity, volunteerReaches } from './volunteering.js';

/**
 * A deliberately small table from everyday words to SIC 2007 sections. It reads pupils' interest
 * hashtags (#engineering) and the words of an employer's own description of its sector ("Engineering and
 * manufacturing"), which is free text rather than a section. A word may name more than one section
 * (engineering is both making things and building them). Words not in the table name no section.
 */
export const SECTOR_WORDS: Readonly<Record<string, readonly SicSection[]>> = {
  agriculture: ['A'],
  farming: ['A'],
  forestry: ['A'],
  fishing: ['A'],
  horticulture: ['A'],
  mining: ['B'],
  quarrying: ['B'],
  geology: ['B'],
  manufacturing: ['C'],
  engineering: ['C', 'F'],
  energy: ['D'],
  electricity: ['D'],
  renewables: ['D'],
  recycling: ['E'],
  environment: ['E'],
  waste: ['E'],
  construction: ['F'],
  building: ['F'],
  plumbing: ['F'],
  electrician: ['F'],
  carpentry: ['F'],
  retail: ['G'],
  sales: ['G'],
  mechanic: ['G'],
  cars: ['G'],
  transport: ['H'],
  logistics: ['H'],
  aviation: ['H'],
  pilot: ['H'],
  hospitality: ['I'],
  cooking: ['I'],
  chef: ['I'],
  catering: ['I'],
  tourism: ['I'],
  computing: ['J'],
  coding: ['J'],
  programming: ['J'],
  technology: ['J'],
  tech: ['J'],
  digital: ['J'],
  software: ['J'],
  gaming: ['J'],
  games: ['J'],
  media: ['J'],
  journalism: ['J'],
  film: ['J'],
  finance: ['K'],
  banking: ['K'],
  insurance: ['K'],
  economics: ['K'],
  property: ['L'],
  law: ['M'],
  legal: ['M'],
  science: ['M'],
  research: ['M'],
  architecture: ['M'],
  accountancy: ['M'],
  accounting: ['M'],
  marketing: ['M'],
  advertising: ['M'],
  veterinary: ['M'],
  design: ['M'],
  recruitment: ['N'],
  police: ['O'],
  army: ['O'],
  military: ['O'],
  government: ['O'],
  politics: ['O'],
  teaching: ['P'],
  education: ['P'],
  health: ['Q'],
  healthcare: ['Q'],
  medicine: ['Q'],
  nursing: ['Q'],
  nurse: ['Q'],
  doctor: ['Q'],
  care: ['Q'],
  socialcare: ['Q'],
  dentistry: ['Q'],
  pharmacy: ['Q'],
  psychology: ['Q'],
  art: ['R'],
  arts: ['R'],
  music: ['R'],
  drama: ['R'],
  theatre: ['R'],
  sport: ['R'],
  sports: ['R'],
  football: ['R'],
  dance: ['R'],
  hairdressing: ['S'],
  beauty: ['S'],
  charity: ['S'],
};

const inOrder = (sections: Iterable<SicSection>): SicSection[] => SIC_SECTION_KEYS.filter((key) => new Set(sections).has(key));

/** The sections a pupil's interest hashtags name (lower case, with or without '#'), by SECTOR_WORDS. */
export function sectorsOfHashtags(hashtags: readonly string[]): SicSection[] {
  return inOrder(hashtags.flatMap((tag) => SECTOR_WORDS[tag.trim().toLowerCase().replace(/^#/, '')] ?? []));
}

/**
 * The sections of an employer's own sector description: a section letter ("C") or a section's full
 * name names that section; otherwise each word is looked up in SECTOR_WORDS.
 */
export function sectorsOfEmployerSector(text: string): SicSection[] {
  const trimmed = text.trim();
  if ((SIC_SECTION_KEYS as readonly string[]).includes(trimmed.toUpperCase()) && trimmed.length === 1) return [trimmed.toUpperCase() as SicSection];
  const named = SIC_SECTION_KEYS.find((key) => SIC_SECTIONS[key].toLowerCase() === trimmed.toLowerCase());
  if (named) return [named];
  return inOrder(
    trimmed
      .toLowerCase()
      .split(/[^a-z]+/)
      .flatMap((word) => SECTOR_WORDS[word] ?? []),
  );
}

/** One year group's side of the need: its pupils on roll, the sections met this year, and interest per section. */
export interface YearGroupNeed {
  yearGroup: number;
  pupils: number;
  coveredSectors: readonly SicSection[];
  /** Pupils of the year group whose interests name the section (a pupil counts once per section). */
  interestedPupils: Partial<Record<SicSection, number>>;
}

/** The volunteers in a section who could help the school: in person at its place, and online. */
export interface SectorSupply {
  inPerson: number;
  online: number;
}

export interface SuggestedMatch {
  yearGroup: number;
  sector: SicSection;
  pupils: number;
  interestedPupils: number;
  volunteersInPerson: number;
  volunteersOnline: number;
  /** What the request form starts with: a talk in person when someone can come, otherwise a virtual session. */
  activity: VolunteerActivity;
}

/** Volunteers alike in what decides supply, counted together (`count` of them; one each is fine). */
export interface SupplyProfile extends Pick<ReachProfile, 'sectors' | 'reach' | 'districts'> {
  /** Their home postcode, or just its district: only its area is read. */
  homePostcode: string | null;
  count: number;
}

/**
 * How many volunteers of each section could help a school whose place is `postcode` (null when the
 * school has not said where it is: then nobody counts in person). Only volunteers who offer at least
 * one activity are passed in. Each counts once for every section on their profile: online always (an
 * online request fits anyone, virtual-only volunteers included), in person when volunteerReaches says
 * they can get to the place, the same rule that shows them a school's in-person request.
 */
export function countSectorSupply(profiles: readonly SupplyProfile[], postcode: string | null): Partial<Record<SicSection, SectorSupply>> {
  const supply: Partial<Record<SicSection, SectorSupply>> = {};
  for (const profile of profiles) {
    const inPerson = postcode !== null && volunteerReaches({ virtual: false, postcode }, profile);
    const online = volunteerReaches({ virtual: true, postcode: null }, profile);
    for (const sector of new Set(profile.sectors)) {
      if (!(SIC_SECTION_KEYS as readonly string[]).includes(sector)) continue;
      const row = (supply[sector as SicSection] ??= { inPerson: 0, online: 0 });
      if (inPerson) row.inPerson += profile.count;
      if (online) row.online += profile.count;
    }
  }
  return supply;
}

/** The most suggestions listed. */
export const SUGGESTED_MATCHES_LIMIT = 12;

/**
 * Where supply meets need: for each year group with pupils, each section none of its encounters this
 * academic year was delivered by, and that at least one volunteer could help with (in person or online).
 * Ordered by need: the most interested pupils first, then the most volunteers who can come in person,
 * then the year group and the section letter.
 */
export function suggestMatches(
  years: readonly YearGroupNeed[],
  supply: Partial<Record<SicSection, SectorSupply>>,
  limit = SUGGESTED_MATCHES_LIMIT,
): SuggestedMatch[] {
  const matches: SuggestedMatch[] = [];
  for (const year of years) {
    if (year.pupils <= 0 || year.yearGroup < 7 || year.yearGroup > 13) continue;
    const covered = new Set(year.coveredSectors);
    for (const sector of SIC_SECTION_KEYS) {
      const available = supply[sector];
      if (covered.has(sector) || !available || available.inPerson + available.online === 0) continue;
      matches.push({
        yearGroup: year.yearGroup,
        sector,
        pupils: year.pupils,
        interestedPupils: year.interestedPupils[sector] ?? 0,
        volunteersInPerson: available.inPerson,
        volunteersOnline: available.online,
        activity: available.inPerson > 0 ? 'TALK' : 'VIRTUAL_SESSION',
      });
    }
  }
  matches.sort(
    (a, b) =>
      b.interestedPupils - a.interestedPupils || b.volunteersInPerson - a.volunteersInPerson || a.yearGroup - b.yearGroup || a.sector.localeCompare(b.sector),
  );
  return matches.slice(0, Math.max(0, limit));
}

/** A plain sentence for a suggestion, as the leader's dashboard shows it. */
export function suggestedMatchSentence(
  match: Pick<SuggestedMatch, 'yearGroup' | 'sector' | 'interestedPupils' | 'volunteersInPerson' | 'volunteersOnline'>,
): string {
  const name = SECTOR_SHORT_NAMES[match.sector];
  const parts = [`Year ${match.yearGroup} has had no encounter in ${name} this year.`];
  if (match.interestedPupils > 0) parts.push(`${match.interestedPupils} ${match.interestedPupils === 1 ? 'pupil is' : 'pupils are'} interested.`);
  const people = (n: number) => `${n} ${n === 1 ? 'volunteer' : 'volunteers'}`;
  if (match.volunteersInPerson > 0) parts.push(`${people(match.volunteersInPerson)} in ${name} can come to you.`);
  else parts.push('Nobody in it can come to you in person yet.');
  if (match.volunteersOnline > 0) parts.push(`${people(match.volunteersOnline)} could help online.`);
  return parts.join(' ');
}

/** Short everyday names of the sections, for sentences (SIC_SECTIONS holds the official ones). */
export const SECTOR_SHORT_NAMES: Readonly<Record<SicSection, string>> = {
  A: 'Farming, forestry and fishing',
  B: 'Mining and quarrying',
  C: 'Manufacturing',
  D: 'Energy',
  E: 'Water and waste',
  F: 'Construction',
  G: 'Retail and motor trade',
  H: 'Transport and storage',
  I: 'Hospitality and food',
  J: 'Information and communication',
  K: 'Finance and insurance',
  L: 'Property',
  M: 'Professional, scientific and technical',
  N: 'Business support services',
  O: 'Public services and defence',
  P: 'Education',
  Q: 'Health and social care',
  R: 'Arts, sport and recreation',
  S: 'Other services',
  T: 'Households as employers',
  U: 'International organisations',
};
