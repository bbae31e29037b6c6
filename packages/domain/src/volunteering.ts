/*
 * Volunteering: what employer and alumni volunteers offer schools, and how a school's request for
 * help is matched to them. The rules are written out in docs/domain-rules.md ("Volunteering"); the
 * volunteer portal, the leader's portal and the employers subgraph all run these same checks.
 */
import type { EncounterKind } from './encounters.js';
import { type FieldProblems, textProblem } from './forms/text.js';
import { addDays, formatDay, parseDay, todayInEngland } from './london-time.js';

/** What a volunteer can offer, and the kind of encounter it becomes once a school takes it up. */
export const VOLUNTEER_ACTIVITIES = {
  TALK: { label: 'Talk to a class or assembly', encounterKind: 'EMPLOYER_TALK' },
  CAREERS_FAIR: { label: 'Careers fair stand', encounterKind: 'CAREERS_FAIR' },
  MOCK_INTERVIEW: { label: 'Mock interviews', encounterKind: 'MOCK_INTERVIEW' },
  CV_WORKSHOP: { label: 'CV workshop', encounterKind: 'EMPLOYER_TALK' },
  MENTORING: { label: 'Mentoring', encounterKind: 'MENTORING' },
  WORKPLACE_VISIT: { label: 'Workplace visit', encounterKind: 'WORKPLACE_VISIT' },
  WORK_SHADOWING: { label: 'Work shadowing', encounterKind: 'WORK_SHADOWING' },
  PLACEMENT_HOST: { label: 'Host a work experience placement', encounterKind: 'WORK_EXPERIENCE' },
  ENTERPRISE_CHALLENGE: { label: 'Enterprise challenge', encounterKind: 'ENTERPRISE_CHALLENGE' },
  VIRTUAL_SESSION: { label: 'Virtual session', encounterKind: 'EMPLOYER_TALK' },
} as const satisfies Record<string, { label: string; encounterKind: EncounterKind }>;
export type VolunteerActivity = keyof typeof VOLUNTEER_ACTIVITIES;
export const VOLUNTEER_ACTIVITY_KEYS = Object.keys(VOLUNTEER_ACTIVITIES) as VolunteerActivity[];

/** The sections of the UK Standard Industrial Classification 2007 (SIC 2007), by letter. */
export const SIC_SECTIONS = {
  A: 'Agriculture, forestry and fishing',
  B: 'Mining and quarrying',
  C: 'Manufacturing',
  D: 'Electricity, gas, steam and air conditioning supply',
  E: 'Water supply; sewerage, waste management and remediation activities',
  F: 'Construction',
  G: 'Wholesale and retail trade; repair of motor vehicles and motorcycles',
  H: 'Transportation and storage',
  I: 'Accommodation and food service activities',
  J: 'Information and communication',
  K: 'Financial and insurance activities',
  L: 'Real estate activities',
  M: 'Professional, scientific and technical activities',
  N: 'Administrative and support service activities',
  O: 'Public administration and defence; compulsory social security',
  P: 'Education',
  Q: 'Human health and social work activities',
  R: 'Arts, entertainment and recreation',
  S: 'Other service activities',
  T: 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
  U: 'Activities of extraterritorial organisations and bodies',
} as const;
export type SicSection = keyof typeof SIC_SECTIONS;
export const SIC_SECTION_KEYS = Object.keys(SIC_SECTIONS) as SicSection[];

/** How far a volunteer will travel: named postcode districts, a radius from home, or online only. */
export const VOLUNTEER_REACH_KINDS = ['DISTRICTS', 'RADIUS', 'VIRTUAL_ONLY'] as const;
export type VolunteerReachKind = (typeof VOLUNTEER_REACH_KINDS)[number];

const OUTWARD = /^([A-Z]{1,2})[0-9][A-Z0-9]?$/;
const FULL_POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;

/** A UK postcode in its usual form ("LS11 5AA"), or null when it is not one. */
export function normalisePostcode(value: string): string | null {
  const match = FULL_POSTCODE.exec(value.trim().toUpperCase().replace(/\s+/g, ' '));
  return match ? `${match[1]} ${match[2]}` : null;
}

/** A postcode district (the outward code, "LS11"), or null when it is not one. */
export function normaliseDistrict(value: string): string | null {
  const district = value.trim().toUpperCase();
  return OUTWARD.test(district) ? district : null;
}

/** The district of a well-formed postcode ("LS11 5AA" → "LS11"). */
export function postcodeDistrict(postcode: string): string | null {
  const normal = normalisePostcode(postcode);
  return normal ? normal.split(' ')[0] : null;
}

/** The area of a district or postcode: its leading letters ("LS11" → "LS"). */
export function postcodeArea(districtOrPostcode: string): string | null {
  const district = normaliseDistrict(districtOrPostcode.split(' ')[0]);
  return district ? OUTWARD.exec(district)![1] : null;
}

export interface VolunteerProfileValues {
  activities: readonly string[];
  sectors: readonly string[];
  homePostcode: string;
  reach: string;
  districts: readonly string[];
  radiusMiles: number | null;
  availability: string;
  roleModel: { jobTitle: string; route: string; characteristics: string } | null;
}

export type VolunteerProfileField = 'activities' | 'sectors' | 'homePostcode' | 'reach' | 'districts' | 'radiusMiles' | 'availability' | 'roleModel';

export const MAX_RADIUS_MILES = 200;
export const MAX_DISTRICTS = 30;

/** Every problem with a volunteer's profile, one per field. */
export function checkVolunteerProfile(values: VolunteerProfileValues): FieldProblems<VolunteerProfileField> {
  const problems: FieldProblems<VolunteerProfileField> = {};
  if (values.activities.length === 0) problems.activities = 'Choose at least one thing you can offer';
  else if (values.activities.some((a) => !(VOLUNTEER_ACTIVITY_KEYS as readonly string[]).includes(a))) problems.activities = 'Choose from the list';
  if (values.sectors.some((s) => !(SIC_SECTION_KEYS as readonly string[]).includes(s))) problems.sectors = 'Choose sectors from the list';
  if (values.homePostcode.trim() === '') problems.homePostcode = 'Enter your home postcode';
  else if (!normalisePostcode(values.homePostcode)) problems.homePostcode = 'Enter a UK postcode like LS11 5AA';
  if (!(VOLUNTEER_REACH_KINDS as readonly string[]).includes(values.reach)) problems.reach = 'Choose how far you can travel';
  if (values.reach === 'DISTRICTS') {
    const bad = values.districts.filter((d) => !normaliseDistrict(d));
    if (values.districts.length === 0) problems.districts = 'Enter at least one postcode district, like LS6';
    else if (bad.length > 0) problems.districts = `These are not postcode districts: ${bad.join(', ')}. Write them like LS6 or BD1`;
    else if (values.districts.length > MAX_DISTRICTS) problems.districts = `Enter ${MAX_DISTRICTS} districts or fewer`;
  }
  if (values.reach === 'RADIUS') {
    const miles = values.radiusMiles;
    if (miles === null || !Number.isInteger(miles) || miles < 1 || miles > MAX_RADIUS_MILES)
      problems.radiusMiles = `Enter a whole number of miles from 1 to ${MAX_RADIUS_MILES}`;
  }
  const availability = textProblem(values.availability, { max: 1000, name: 'your availability', multiline: true });
  if (availability) problems.availability = availability;
  if (values.roleModel) {
    const job = textProblem(values.roleModel.jobTitle, { missing: 'Enter your job for your role-model profile', max: 200, name: 'your job' });
    const route = textProblem(values.roleModel.route, { missing: 'Say how you got into your job', max: 2000, name: 'your route', multiline: true });
    const about = textProblem(values.roleModel.characteristics, { max: 500, name: 'what you say about yourself', multiline: true });
    const first = job ?? route ?? about;
    if (first) problems.roleModel = first;
  }
  return problems;
}

export interface VolunteerRequestValues {
  activity: string;
  dateFrom: string;
  dateTo: string;
  yearGroups: readonly number[];
  volunteersWanted: number;
  sectors: readonly string[];
  virtual: boolean;
  postcode: string | null;
  details: string;
}

export type VolunteerRequestField = 'activity' | 'dateFrom' | 'dateTo' | 'yearGroups' | 'volunteersWanted' | 'sectors' | 'postcode' | 'details';

/** How far ahead a school may ask. */
export const REQUEST_MAX_DAYS_AHEAD = 366;

/** Every problem with a school's request for volunteers; `now` decides what is in the past. */
export function checkVolunteerRequest(values: VolunteerRequestValues, now: Date): FieldProblems<VolunteerRequestField> {
  const problems: FieldProblems<VolunteerRequestField> = {};
  const today = todayInEngland(now);
  if (!(VOLUNTEER_ACTIVITY_KEYS as readonly string[]).includes(values.activity)) problems.activity = 'Choose the kind of help you need';
  const from = parseDay(values.dateFrom);
  const to = parseDay(values.dateTo);
  if (!from) problems.dateFrom = 'Enter the first day it could happen';
  else if (from < today) problems.dateFrom = 'The first day cannot be in the past';
  if (!to) problems.dateTo = 'Enter the last day it could happen';
  else if (from && to < from) problems.dateTo = 'The last day must be the same as or after the first day';
  else if (to > addDays(today, REQUEST_MAX_DAYS_AHEAD)) problems.dateTo = 'The last day cannot be more than a year ahead';
  if (values.yearGroups.length === 0) problems.yearGroups = 'Choose at least one year group';
  else if (values.yearGroups.some((y) => !Number.isInteger(y) || y < 7 || y > 13)) problems.yearGroups = 'Year groups are 7 to 13';
  if (!Number.isInteger(values.volunteersWanted) || values.volunteersWanted < 1 || values.volunteersWanted > 50)
    problems.volunteersWanted = 'Ask for between 1 and 50 volunteers';
  if (values.sectors.some((s) => !(SIC_SECTION_KEYS as readonly string[]).includes(s))) problems.sectors = 'Choose sectors from the list';
  if (!values.virtual) {
    if (!values.postcode?.trim()) problems.postcode = "Enter the postcode of the place it happens, usually the school's";
    else if (!normalisePostcode(values.postcode)) problems.postcode = 'Enter a UK postcode like LS6 2AB';
  }
  const details = textProblem(values.details, { max: 2000, name: 'the details', multiline: true });
  if (details) problems.details = details;
  return problems;
}

/** The parts of a volunteer's profile and a request that decide whether the request is shown to them. */
export interface ReachProfile {
  activities: readonly string[];
  sectors: readonly string[];
  homePostcode: string | null;
  reach: string | null;
  districts: readonly string[];
}
export interface ReachRequest {
  activity: string;
  sectors: readonly string[];
  virtual: boolean;
  postcode: string | null;
}

/**
 * Whether an open request fits a volunteer (docs/domain-rules.md, "Volunteering"): they offer the
 * activity; when the school names sectors, one of the volunteer's is among them; a virtual request
 * fits anyone, an in-person one fits a volunteer who named its district, or who gave a radius and
 * lives in the same postcode area (distances are not computed), and never a virtual-only volunteer.
 */
export function requestFitsVolunteer(request: ReachRequest, profile: ReachProfile): boolean {
  if (!profile.activities.includes(request.activity)) return false;
  if (request.sectors.length > 0 && !request.sectors.some((s) => profile.sectors.includes(s))) return false;
  return volunteerReaches(request, profile);
}

/**
 * Whether a volunteer can get to a place (the reach part of requestFitsVolunteer, also used to count
 * the volunteers who could help a school): online reaches anyone; in person, a volunteer who named the
 * place's district, or who gave a radius and lives in the same postcode area; never a virtual-only one.
 */
export function volunteerReaches(
  place: { virtual: boolean; postcode: string | null },
  profile: Pick<ReachProfile, 'homePostcode' | 'reach' | 'districts'>,
): boolean {
  if (place.virtual) return true;
  const district = place.postcode ? postcodeDistrict(place.postcode) : null;
  if (!district) return false;
  if (profile.reach === 'DISTRICTS') return profile.districts.includes(district);
  if (profile.reach === 'RADIUS') return profile.homePostcode !== null && postcodeArea(profile.homePostcode) === postcodeArea(district);
  return false;
}

/** How many people work at an employer organisation, as volunteer sign-up offers it. */
export const ORGANISATION_SIZE_BANDS = {
  MICRO: '1 to 9 people',
  SMALL: '10 to 49 people',
  MEDIUM: '50 to 249 people',
  LARGE: '250 people or more',
} as const;
export type OrganisationSizeBand = keyof typeof ORGANISATION_SIZE_BANDS;

/**
 * The checks a school may record on a volunteer, as its own decision (docs/domain-rules.md,
 * "Checks on volunteers"). `name` is how a sentence names it.
 */
export const VOLUNTEER_CHECK_KINDS = {
  IDENTITY: { label: 'Identity check', name: 'identity check' },
  EMPLOYER_ASSURANCE: { label: 'Employer assurance', name: 'employer assurance' },
  ENHANCED_DBS: { label: 'Enhanced DBS check', name: 'enhanced DBS check' },
} as const;
export type VolunteerCheckKind = keyof typeof VOLUNTEER_CHECK_KINDS;
export const VOLUNTEER_CHECK_KEYS = Object.keys(VOLUNTEER_CHECK_KINDS) as VolunteerCheckKind[];

/** Activities that take pupils to the volunteer's workplace rather than having the volunteer in school. */
export const WORKPLACE_ACTIVITIES: readonly VolunteerActivity[] = ['WORKPLACE_VISIT', 'WORK_SHADOWING', 'PLACEMENT_HOST'];

/** What decides the checks an engagement needs. The school says whether it is unsupervised and regular. */
export interface VolunteerEngagement {
  activity: string;
  virtual: boolean;
  /** No member of the school's staff is with the volunteer and the pupils. */
  unsupervised: boolean;
  /** The same volunteer meets the pupils again and again (a mentoring programme, weekly shadowing). */
  regular: boolean;
  volunteerKind: 'EMPLOYEE' | 'ALUMNI';
}

/**
 * The checks an engagement needs, never more (docs/domain-rules.md, "Checks on volunteers"):
 * identity when the volunteer meets pupils in person or alone; employer assurance when an employer's
 * employee has pupils at their workplace in person; an enhanced DBS check only when the activity is
 * both unsupervised and regular. An online session with a teacher present needs none.
 */
export function checksNeeded(engagement: VolunteerEngagement): VolunteerCheckKind[] {
  const needed: VolunteerCheckKind[] = [];
  if (!engagement.virtual || engagement.unsupervised) needed.push('IDENTITY');
  if (engagement.volunteerKind === 'EMPLOYEE' && !engagement.virtual && (WORKPLACE_ACTIVITIES as readonly string[]).includes(engagement.activity))
    needed.push('EMPLOYER_ASSURANCE');
  if (engagement.unsupervised && engagement.regular) needed.push('ENHANCED_DBS');
  return needed;
}

/**
 * A work-experience placement as an engagement: in person at the workplace, with none of the school's
 * staff there, and one block of days rather than a regular meeting.
 */
export function placementEngagement(volunteerKind: VolunteerEngagement['volunteerKind']): VolunteerEngagement {
  return { activity: 'PLACEMENT_HOST', virtual: false, unsupervised: true, regular: false, volunteerKind };
}

/** A needed check that is missing (`expiresOn` null) or runs out on or before the day it is needed for. */
export interface VolunteerCheckGap {
  kind: VolunteerCheckKind;
  expiresOn: string | null;
}

/**
 * The needed checks that will not hold on `onDay` (YYYY-MM-DD): none recorded, or the latest expiry
 * of that kind is on or before that day (a check stops counting on the day it expires).
 */
export function checkGaps(needed: readonly VolunteerCheckKind[], recorded: readonly { kind: string; expiresOn: string }[], onDay: string): VolunteerCheckGap[] {
  const gaps: VolunteerCheckGap[] = [];
  for (const kind of needed) {
    const latest = recorded
      .filter((check) => check.kind === kind)
      .map((check) => check.expiresOn)
      .sort()
      .at(-1);
    if (latest === undefined) gaps.push({ kind, expiresOn: null });
    else if (latest <= onDay) gaps.push({ kind, expiresOn: latest });
  }
  return gaps;
}

/** What the careers leader reads about a gap: "Sam Patel has no identity check recorded at your school". */
export function checkGapMessage(volunteerName: string, gap: VolunteerCheckGap, today: string): string {
  const check = VOLUNTEER_CHECK_KINDS[gap.kind].name;
  if (gap.expiresOn === null) return `${volunteerName} has no ${check} recorded at your school`;
  if (gap.expiresOn <= today) return `${volunteerName}'s ${check} at your school expired on ${formatDay(gap.expiresOn, 'long')}`;
  return `${volunteerName}'s ${check} at your school expires on ${formatDay(gap.expiresOn, 'long')}, before the activity's last day`;
}

export interface VolunteerCheckValues {
  kind: string;
  doneOn: string;
  expiresOn: string;
}
export type VolunteerCheckField = 'kind' | 'doneOn' | 'expiresOn';

/** Every problem with a check a school records; `now` decides what is in the future. */
export function checkVolunteerCheck(values: VolunteerCheckValues, now: Date): FieldProblems<VolunteerCheckField> {
  const problems: FieldProblems<VolunteerCheckField> = {};
  if (!(VOLUNTEER_CHECK_KEYS as readonly string[]).includes(values.kind)) problems.kind = 'Choose the kind of check';
  const done = parseDay(values.doneOn.trim());
  const expires = parseDay(values.expiresOn.trim());
  if (!done) problems.doneOn = 'Enter the date the check was done';
  else if (done > todayInEngland(now)) problems.doneOn = 'The date the check was done cannot be in the future';
  if (!expires) problems.expiresOn = 'Enter the date the check expires';
  else if (done && expires <= done) problems.expiresOn = 'The expiry date must be after the date the check was done';
  return problems;
}
