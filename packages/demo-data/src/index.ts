import { createHash } from 'node:crypto';
import { academicYearOf, checklistItemsFor, makeUpn, type DestinationKind, type EncounterKind, type VulnerableGroup } from '@waymark/domain';

/**
 * The demo data set, generated deterministically so that each service can seed its own slice of
 * it without reading another service's database: ids are derived from names, and the same call
 * gives the same rows in every process.
 */

export const DEMO_PASSWORD = 'waymark-demo';

/** A stable UUID (v5-shaped) from a name, so every service derives the same ids. */
export function demoId(...parts: (string | number)[]): string {
  const hex = createHash('sha1')
    .update(`waymark-demo:${parts.join(':')}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Small seeded PRNG (mulberry32): the same seed gives the same demo school every time. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoTrust {
  id: string;
  name: string;
}
export interface DemoSchool {
  id: string;
  trustId: string;
  name: string;
  urn: string;
  localAuthority: string;
  laCode: string;
  slug: string;
}
export interface DemoPupil {
  id: string;
  schoolId: string;
  trustId: string;
  upn: string;
  legalForename: string;
  legalSurname: string;
  preferredName: string | null;
  dateOfBirth: string;
  yearGroup: number | null;
  tutorGroup: string | null;
  flags: Record<VulnerableGroup, boolean>;
  neetRiskScore: number | null;
  leftOn: string | null;
}
export interface DemoEmployer {
  id: string;
  name: string;
  sector: string;
  kind: 'EMPLOYER' | 'FE_COLLEGE' | 'UNIVERSITY' | 'TRAINING_PROVIDER' | 'APPRENTICESHIP_PROVIDER';
  postcode: string;
}
export interface DemoVolunteer {
  id: string;
  employerId: string | null;
  kind: 'EMPLOYEE' | 'ALUMNI';
  firstName: string;
  lastName: string;
  jobTitle: string;
  email: string;
  alumniOfSchoolId: string | null;
  leftSchoolYear: number | null;
  schoolIds: string[];
}
export interface DemoEncounter {
  id: string;
  schoolId: string;
  trustId: string;
  kind: EncounterKind;
  title: string;
  date: string;
  inSchoolDay: boolean;
  hours: number;
  benchmarks: number[];
  employerIds: string[];
  volunteerIds: string[];
  yearGroups: number[];
  /** The meaningful checklist items the leader ticked (keys of CHECKLIST_ITEMS). */
  checklistTicked: string[];
  subject: string | null;
  hashtags: string[];
  adviserName: string | null;
  adviserLevel: number | null;
  staffNotes: string | null;
}
export interface DemoParticipation {
  id: string;
  encounterId: string;
  pupilId: string;
  schoolId: string;
  trustId: string;
  attended: boolean;
  reflection: string | null;
}
export interface DemoOwnActivity {
  id: string;
  pupilId: string;
  schoolId: string;
  trustId: string;
  kind: 'PART_TIME_JOB' | 'WORK_EXPERIENCE' | 'UNIVERSITY_OPEN_DAY';
  title: string;
  startedOn: string;
  endedOn: string | null;
  hours: number;
  status: 'SUBMITTED' | 'VERIFIED';
}
export interface DemoOutlook {
  pupilId: string;
  interests: string[];
  consideringHigherEducation: boolean;
}
export interface DemoAgreedAction {
  id: string;
  meetingId: string;
  pupilId: string;
  text: string;
  dueOn: string | null;
  position: number;
}
export interface DemoDestination {
  id: string;
  pupilId: string;
  schoolId: string;
  trustId: string;
  stage: 'INTENDED' | 'IMMEDIATE';
  kind: DestinationKind;
  provider: string | null;
  recordedOn: string;
}
export interface DemoAccount {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  trustId: string | null;
  schoolId: string | null;
  pupilId: string | null;
  volunteerId: string | null;
  employerId: string | null;
  /** A parent or carer's linked children; [] for everyone else. */
  childPupilIds: string[];
  pupilLevelAccess: boolean;
}
export interface DemoData {
  /** The first trust (the one every demo account but the second trust's belongs to). */
  trust: DemoTrust;
  /** Every trust: one, or two when asked for a second (see DemoOptions). */
  trusts: DemoTrust[];
  schools: DemoSchool[];
  pupils: DemoPupil[];
  employers: DemoEmployer[];
  volunteers: DemoVolunteer[];
  encounters: DemoEncounter[];
  participations: DemoParticipation[];
  /** Next steps agreed in personal guidance meetings (encounters of kind GUIDANCE_MEETING). */
  agreedActions: DemoAgreedAction[];
  ownActivities: DemoOwnActivity[];
  outlooks: DemoOutlook[];
  destinations: DemoDestination[];
  accounts: DemoAccount[];
}

/** Forenames and surnames the generated pupils are drawn from (the benchmark's generated trust uses them too). */
export const FORENAMES = [
  'Amelia',
  'Oliver',
  'Isla',
  'Noah',
  'Ava',
  'Muhammad',
  'Freya',
  'George',
  'Lily',
  'Leo',
  'Maya',
  'Arthur',
  'Sophia',
  'Jack',
  'Zara',
  'Harry',
  'Aisha',
  'Oscar',
  'Grace',
  'Theo',
  'Chloe',
  'Ethan',
  'Priya',
  'Kai',
  'Evie',
  'Jacob',
  'Hannah',
  'Reuben',
  'Fatima',
  'Daniel',
  'Nia',
  'Samuel',
  'Ellie',
  'Tomasz',
  'Ruby',
  'Yusuf',
];
export const SURNAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Khan',
  'Ahmed',
  'Okafor',
  'Nowak',
  'Hughes',
  'Clarke',
  'Begum',
  'Murphy',
  'Kaur',
  'Lewis',
  'Mensah',
  'Edwards',
  'Singh',
  'Moore',
];

/** Roughly national rates for each group (share of pupils flagged). */
const GROUP_RATES: Record<VulnerableGroup, number> = {
  senSupport: 0.13,
  ehcp: 0.03,
  disadvantaged: 0.26,
  lookedAfter: 0.012,
  eal: 0.18,
  youngCarer: 0.03,
  youngParent: 0.003,
  youthJustice: 0.006,
  refugee: 0.01,
  serviceChild: 0.015,
  persistentAbsence: 0.18,
  neetRisk: 0.08,
};

const PUPILS_PER_YEAR = 30;
const LEAVERS_PER_SCHOOL = 30;

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export interface DemoOptions {
  /**
   * Adds a second trust with one school of its own (Eastgate School, Riverside Schools Partnership),
   * its careers leader, a pupil and a trust analyst with pupil-level access: enough to test that
   * nothing crosses from one trust to another. (The first trust's generated activity differs in detail
   * from the one-trust data set, as the generator draws from one random sequence.)
   */
  secondTrust?: boolean;
}

/** The demo data, as of `today` (the academic year and year groups follow from it). */
export function demoData(today: Date = new Date(), options: DemoOptions = {}): DemoData {
  const random = rng(20260901);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const currentYear = academicYearOf(today);
  const lastYear = currentYear - 1;

  const trust: DemoTrust = { id: demoId('trust', 'waymark'), name: 'Waymark Learning Trust' };
  const schools: DemoSchool[] = [
    { slug: 'northfield', name: 'Northfield Academy', urn: '138201', localAuthority: 'Leeds', laCode: '383' },
    { slug: 'southbank', name: 'Southbank School', urn: '141877', localAuthority: 'Bradford', laCode: '380' },
  ].map((school) => ({ ...school, id: demoId('school', school.slug), trustId: trust.id }));
  const trusts = [trust];
  if (options.secondTrust) {
    const riverside: DemoTrust = { id: demoId('trust', 'riverside'), name: 'Riverside Schools Partnership' };
    trusts.push(riverside);
    schools.push({
      slug: 'eastgate',
      name: 'Eastgate School',
      urn: '145920',
      localAuthority: 'Wakefield',
      laCode: '384',
      id: demoId('school', 'eastgate'),
      trustId: riverside.id,
    });
  }

  const pupils: DemoPupil[] = [];
  let serial = 0;
  const makePupil = (school: DemoSchool, index: number, yearGroup: number | null, leftOn: string | null, birthYear: number) => {
    serial += 1;
    const flags = Object.fromEntries(Object.entries(GROUP_RATES).map(([group, rate]) => [group, random() < rate])) as Record<VulnerableGroup, boolean>;
    if (flags.ehcp) flags.senSupport = false;
    if (yearGroup !== null && yearGroup < 12) flags.youngParent = false;
    const month = Math.floor(random() * 12);
    const dobYear = month >= 8 ? birthYear : birthYear + 1;
    const dob = new Date(Date.UTC(dobYear, month, 1 + Math.floor(random() * 28)));
    const forename = pick(FORENAMES);
    pupils.push({
      id: demoId('pupil', school.slug, index),
      schoolId: school.id,
      trustId: school.trustId,
      upn: makeUpn(`${school.laCode}${school.urn.slice(2)}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(3, '0')}`.slice(0, 12)),
      legalForename: forename,
      legalSurname: pick(SURNAMES),
      preferredName: random() < 0.05 ? forename.slice(0, 3) : null,
      dateOfBirth: iso(dob),
      yearGroup,
      tutorGroup: yearGroup === null ? null : `${yearGroup}${school.slug[0].toUpperCase()}${1 + (index % 3)}`,
      flags,
      neetRiskScore: flags.neetRisk ? 60 + Math.floor(random() * 40) : Math.floor(random() * 50),
      leftOn,
    });
  };

  for (const school of schools) {
    let index = 0;
    for (let yearGroup = 7; yearGroup <= 13; yearGroup += 1) {
      // Year 7 in academic year Y were born Sep (Y-12) – Aug (Y-11).
      const birthYear = currentYear - 12 - (yearGroup - 7);
      for (let i = 0; i < PUPILS_PER_YEAR; i += 1) makePupil(school, index++, yearGroup, null, birthYear);
    }
    // Last summer's Year 13 leavers, whose destinations the school now tracks.
    for (let i = 0; i < LEAVERS_PER_SCHOOL; i += 1) {
      makePupil(school, index++, null, `${currentYear}-07-22`, currentYear - 19);
    }
  }

  // The pupil demo account: a Year 10 at Northfield with a name that is easy to spot.
  const demoPupil = pupils.find((p) => p.schoolId === schools[0].id && p.yearGroup === 10)!;
  Object.assign(demoPupil, { legalForename: 'Maya', legalSurname: 'Okafor', preferredName: null });

  const employers: DemoEmployer[] = [
    { name: 'Acme Engineering', sector: 'Engineering and manufacturing', kind: 'EMPLOYER', postcode: 'LS11 5AA' },
    { name: 'Riverside NHS Foundation Trust', sector: 'Health and social care', kind: 'EMPLOYER', postcode: 'LS9 7TF' },
    { name: 'Brightwave Digital', sector: 'Digital and technology', kind: 'EMPLOYER', postcode: 'BD1 4QR' },
    { name: 'Castle Construction', sector: 'Construction', kind: 'EMPLOYER', postcode: 'BD4 8TE' },
    { name: 'Aire Valley College', sector: 'Further education', kind: 'FE_COLLEGE', postcode: 'LS2 8QT' },
    { name: 'University of the Pennines', sector: 'Higher education', kind: 'UNIVERSITY', postcode: 'LS2 9JT' },
    { name: 'Yorkshire Apprenticeships Partnership', sector: 'Apprenticeships', kind: 'APPRENTICESHIP_PROVIDER', postcode: 'BD7 1AY' },
  ].map((employer) => ({ ...employer, id: demoId('employer', employer.name) })) as DemoEmployer[];
  const [acme, nhs, brightwave, castle, college, university, apprenticeships] = employers;

  const volunteers: DemoVolunteer[] = [
    {
      firstName: 'Sam',
      lastName: 'Patel',
      jobTitle: 'Mechanical engineer',
      email: 'employer@acme.test',
      employerId: acme.id,
      kind: 'EMPLOYEE',
      alumniOf: null,
      left: null,
      schools: [0, 1],
    },
    {
      firstName: 'Jordan',
      lastName: 'Reid',
      jobTitle: 'Junior software developer',
      email: 'alumni@northfield.test',
      employerId: brightwave.id,
      kind: 'ALUMNI',
      alumniOf: 0,
      left: currentYear - 5,
      schools: [0],
    },
    {
      firstName: 'Ruth',
      lastName: 'Adeyemi',
      jobTitle: 'Staff nurse',
      email: 'ruth.adeyemi@riverside-nhs.test',
      employerId: nhs.id,
      kind: 'EMPLOYEE',
      alumniOf: null,
      left: null,
      schools: [0, 1],
    },
    {
      firstName: 'Marek',
      lastName: 'Nowak',
      jobTitle: 'Site manager',
      email: 'marek.nowak@castle.test',
      employerId: castle.id,
      kind: 'EMPLOYEE',
      alumniOf: null,
      left: null,
      schools: [1],
    },
    {
      firstName: 'Hollie',
      lastName: 'Price',
      jobTitle: 'Admissions officer',
      email: 'hollie.price@aire-valley.test',
      employerId: college.id,
      kind: 'EMPLOYEE',
      alumniOf: null,
      left: null,
      schools: [0, 1],
    },
  ].map((v) => ({
    id: demoId('volunteer', v.email),
    employerId: v.employerId,
    kind: v.kind as DemoVolunteer['kind'],
    firstName: v.firstName,
    lastName: v.lastName,
    jobTitle: v.jobTitle,
    email: v.email,
    alumniOfSchoolId: v.alumniOf === null ? null : schools[v.alumniOf].id,
    leftSchoolYear: v.left,
    schoolIds: v.schools.map((i) => schools[i].id),
  }));
  const [sam, jordan, ruth, marek, hollie] = volunteers;

  // A year of activities per school: last year's programme plus this autumn's so far.
  type Plan = {
    kind: EncounterKind;
    title: string;
    month: number;
    day: number;
    year: 'last' | 'this';
    years: number[];
    employers: DemoEmployer[];
    volunteers: DemoVolunteer[];
    hours: number;
    inSchoolDay?: boolean;
    benchmarks: number[];
    tags?: string[];
    subject?: string;
    notMeaningful?: boolean;
  };
  const plans: Plan[] = [
    {
      kind: 'CAREERS_LESSON',
      title: 'Careers lesson: my future self',
      month: 9,
      day: 24,
      year: 'last',
      years: [7, 8, 9],
      employers: [],
      volunteers: [],
      hours: 1,
      benchmarks: [2],
    },
    {
      kind: 'EMPLOYER_TALK',
      title: 'Engineering careers talk',
      month: 10,
      day: 8,
      year: 'last',
      years: [9, 10],
      employers: [acme],
      volunteers: [sam],
      hours: 1,
      benchmarks: [5],
      tags: ['engineering'],
    },
    {
      kind: 'APPRENTICESHIP_PROVIDER_ENCOUNTER',
      title: 'Apprenticeships assembly',
      month: 11,
      day: 12,
      year: 'last',
      years: [8, 9, 10, 11],
      employers: [apprenticeships],
      volunteers: [],
      hours: 1,
      benchmarks: [7],
      tags: ['apprenticeships'],
    },
    {
      kind: 'LMI_SESSION',
      title: 'Jobs in our region: labour-market information',
      month: 1,
      day: 20,
      year: 'last',
      years: [10, 11, 12],
      employers: [],
      volunteers: [],
      hours: 1,
      benchmarks: [2],
    },
    {
      kind: 'FE_COLLEGE_ENCOUNTER',
      title: 'Aire Valley College taster morning',
      month: 2,
      day: 4,
      year: 'last',
      years: [10, 11],
      employers: [college],
      volunteers: [hollie],
      hours: 3,
      benchmarks: [7],
    },
    {
      kind: 'CAREERS_FAIR',
      title: 'Spring careers fair',
      month: 3,
      day: 11,
      year: 'last',
      years: [9, 10, 11, 12, 13],
      employers: [acme, nhs, brightwave, castle, college],
      volunteers: [sam, ruth, marek],
      hours: 2,
      benchmarks: [5, 7],
      notMeaningful: true,
    },
    {
      kind: 'MOCK_INTERVIEW',
      title: 'Mock interviews',
      month: 4,
      day: 29,
      year: 'last',
      years: [11, 13],
      employers: [nhs, brightwave],
      volunteers: [ruth, jordan],
      hours: 2,
      benchmarks: [5],
    },
    {
      kind: 'UNIVERSITY_VISIT',
      title: 'University of the Pennines campus visit',
      month: 6,
      day: 17,
      year: 'last',
      years: [12],
      employers: [university],
      volunteers: [],
      hours: 5,
      inSchoolDay: true,
      benchmarks: [7],
      tags: ['university'],
    },
    {
      kind: 'WORK_EXPERIENCE',
      title: 'Year 10 work experience week',
      month: 7,
      day: 6,
      year: 'last',
      years: [10],
      employers: [acme, nhs, castle],
      volunteers: [],
      hours: 30,
      benchmarks: [6],
    },
    {
      kind: 'CURRICULUM_LESSON',
      title: 'Science: careers in healthcare',
      month: 9,
      day: 30,
      year: 'this',
      years: [8, 10],
      employers: [nhs],
      volunteers: [ruth],
      hours: 1,
      benchmarks: [4],
      tags: ['healthcare'],
      subject: 'Science',
    },
    {
      kind: 'EMPLOYER_TALK',
      title: 'Alumni talk: from Northfield to software',
      month: 10,
      day: 14,
      year: 'this',
      years: [10, 11],
      employers: [brightwave],
      volunteers: [jordan],
      hours: 1,
      benchmarks: [5],
      tags: ['software', 'engineering'],
    },
    {
      kind: 'WORKPLACE_VISIT',
      title: 'Visit to Castle Construction site',
      month: 11,
      day: 5,
      year: 'this',
      years: [9],
      employers: [castle],
      volunteers: [marek],
      hours: 4,
      benchmarks: [6],
      tags: ['construction'],
    },
    {
      kind: 'APPRENTICESHIP_PROVIDER_ENCOUNTER',
      title: 'Apprenticeship routes workshop',
      month: 11,
      day: 18,
      year: 'this',
      years: [10, 11, 12, 13],
      employers: [apprenticeships],
      volunteers: [],
      hours: 1,
      benchmarks: [7],
      tags: ['apprenticeships'],
    },
  ];

  const encounters: DemoEncounter[] = [];
  const participations: DemoParticipation[] = [];
  const agreedActions: DemoAgreedAction[] = [];
  for (const school of schools) {
    for (const plan of plans) {
      if (plan.volunteers.some((v) => !v.schoolIds.includes(school.id)) && plan.volunteers.length === 1) continue;
      const startYear = plan.year === 'last' ? lastYear : currentYear;
      const calendarYear = plan.month >= 9 ? startYear : startYear + 1;
      const date = new Date(Date.UTC(calendarYear, plan.month - 1, plan.day, 9, 30));
      if (date > today) continue;
      const encounter: DemoEncounter = {
        id: demoId('encounter', school.slug, plan.title, startYear),
        schoolId: school.id,
        trustId: school.trustId,
        kind: plan.kind,
        title: plan.title,
        date: date.toISOString(),
        inSchoolDay: plan.inSchoolDay ?? true,
        hours: plan.hours,
        benchmarks: plan.benchmarks,
        employerIds: plan.employers.map((e) => e.id),
        volunteerIds: plan.volunteers.filter((v) => v.schoolIds.includes(school.id)).map((v) => v.id),
        yearGroups: plan.years,
        checklistTicked: checklistItemsFor(plan.kind)
          .map((item) => item.key)
          .filter((key) => !plan.notMeaningful || key !== 'reflectionTime'),
        subject: plan.subject ?? null,
        hashtags: plan.tags ?? [],
        adviserName: null,
        adviserLevel: null,
        staffNotes: null,
      };
      encounters.push(encounter);
      // Year groups then: last year's Year N is this year's Year N+1 (or a leaver after Year 13).
      for (const pupil of pupils) {
        if (pupil.schoolId !== school.id) continue;
        // Last summer's leavers were in Year 13 last year and are gone this year.
        const yearThen = plan.year === 'last' ? (pupil.yearGroup ?? 14) - 1 : pupil.yearGroup;
        if (yearThen === null || !plan.years.includes(yearThen)) continue;
        participations.push({
          id: demoId('participation', encounter.id, pupil.id),
          encounterId: encounter.id,
          pupilId: pupil.id,
          schoolId: school.id,
          trustId: school.trustId,
          attended: random() < (pupil.flags.persistentAbsence ? 0.7 : 0.93),
          reflection: null,
        });
      }
    }
    // Personal guidance: one meeting each for a handful of Year 11 pupils this autumn.
    const year11 = pupils.filter((p) => p.schoolId === school.id && p.yearGroup === 11).slice(0, 12);
    year11.forEach((pupil, i) => {
      const encounter: DemoEncounter = {
        id: demoId('guidance', pupil.id),
        schoolId: school.id,
        trustId: school.trustId,
        kind: 'GUIDANCE_MEETING',
        title: 'Personal guidance meeting',
        date: new Date(Date.UTC(currentYear, 9, 1 + i, 10)).toISOString(),
        inSchoolDay: true,
        hours: 0.75,
        benchmarks: [8],
        employerIds: [],
        volunteerIds: [],
        yearGroups: [11],
        checklistTicked: [],
        subject: null,
        hashtags: [],
        adviserName: 'Dana Whitfield',
        // One adviser in five holds a level 4 qualification: those meetings do not count for Benchmark 8.
        adviserLevel: i % 5 === 4 ? 4 : 6,
        staffNotes: 'Talked through post-16 options and what the pupil enjoys in school.',
      };
      encounters.push(encounter);
      participations.push({
        id: demoId('participation', encounter.id, pupil.id),
        encounterId: encounter.id,
        pupilId: pupil.id,
        schoolId: school.id,
        trustId: school.trustId,
        attended: true,
        reflection: null,
      });
      agreedActions.push(
        {
          id: demoId('action', encounter.id, 0),
          meetingId: encounter.id,
          pupilId: pupil.id,
          text: 'Look up two sixth-form or college courses and their entry requirements',
          dueOn: `${currentYear}-12-12`,
          position: 0,
        },
        {
          id: demoId('action', encounter.id, 1),
          meetingId: encounter.id,
          pupilId: pupil.id,
          text: 'Ask a teacher about work experience in a subject you enjoy',
          dueOn: null,
          position: 1,
        },
      );
    });
  }

  // Maya (the demo pupil, Year 10) had a guidance meeting this autumn, so her record shows agreed actions.
  const mayaMeeting: DemoEncounter = {
    id: demoId('guidance', demoPupil.id),
    schoolId: demoPupil.schoolId,
    trustId: trust.id,
    kind: 'GUIDANCE_MEETING',
    title: 'Personal guidance meeting',
    date: new Date(Date.UTC(currentYear, 10, 3, 11)).toISOString(),
    inSchoolDay: true,
    hours: 0.75,
    benchmarks: [8],
    employerIds: [],
    volunteerIds: [],
    yearGroups: [10],
    checklistTicked: [],
    subject: null,
    hashtags: [],
    adviserName: 'Dana Whitfield',
    adviserLevel: 6,
    staffNotes: 'Keen on engineering; unsure between A levels and an apprenticeship. Check in again before the mock exams.',
  };
  if (new Date(mayaMeeting.date) <= today) {
    encounters.push(mayaMeeting);
    participations.push({
      id: demoId('participation', mayaMeeting.id, demoPupil.id),
      encounterId: mayaMeeting.id,
      pupilId: demoPupil.id,
      schoolId: demoPupil.schoolId,
      trustId: trust.id,
      attended: true,
      reflection: null,
    });
    agreedActions.push(
      {
        id: demoId('action', mayaMeeting.id, 0),
        meetingId: mayaMeeting.id,
        pupilId: demoPupil.id,
        text: 'Compare an engineering apprenticeship with A levels in maths and physics',
        dueOn: `${currentYear}-12-19`,
        position: 0,
      },
      {
        id: demoId('action', mayaMeeting.id, 1),
        meetingId: mayaMeeting.id,
        pupilId: demoPupil.id,
        text: 'Sign up for the spring university taster day',
        dueOn: null,
        position: 1,
      },
    );
  }

  // Reflections: most pupils write one after most activities (decided by the row's id, not the random stream).
  const REFLECTIONS = [
    'I did not know how many different jobs there are in this sector.',
    'Asking questions helped me see what the work is really like.',
    'I want to find out more about the qualifications I would need.',
    'It made me think about apprenticeships as well as university.',
  ];
  for (const participation of participations) {
    const hash = createHash('sha256').update(participation.id).digest();
    if (participation.attended && hash[0] % 100 < 70) participation.reflection = REFLECTIONS[hash[1] % REFLECTIONS.length];
  }

  const destinations: DemoDestination[] = [];
  const intendedChoices: DestinationKind[] = ['SCHOOL_SIXTH_FORM', 'FE_COLLEGE', 'APPRENTICESHIP', 'SIXTH_FORM_COLLEGE', 'UNKNOWN'];
  const leaverChoices: DestinationKind[] = ['HIGHER_EDUCATION', 'HIGHER_EDUCATION', 'APPRENTICESHIP', 'EMPLOYMENT', 'FE_COLLEGE', 'NEET_AVAILABLE', 'UNKNOWN'];
  for (const pupil of pupils) {
    if (pupil.yearGroup === 11 || pupil.yearGroup === 13) {
      if (random() < 0.7) {
        destinations.push({
          id: demoId('destination', pupil.id, 'intended'),
          pupilId: pupil.id,
          schoolId: pupil.schoolId,
          trustId: pupil.trustId,
          stage: 'INTENDED',
          kind: pupil.yearGroup === 13 ? pick(['HIGHER_EDUCATION', 'APPRENTICESHIP', 'EMPLOYMENT'] as const) : pick(intendedChoices),
          provider: null,
          recordedOn: `${currentYear}-11-0${1 + Math.floor(random() * 9)}`,
        });
      }
    }
    if (pupil.leftOn) {
      const kind = pick(leaverChoices);
      destinations.push({
        id: demoId('destination', pupil.id, 'immediate'),
        pupilId: pupil.id,
        schoolId: pupil.schoolId,
        trustId: pupil.trustId,
        stage: 'IMMEDIATE',
        kind,
        provider: kind === 'HIGHER_EDUCATION' ? university.name : kind === 'APPRENTICESHIP' ? acme.name : kind === 'FE_COLLEGE' ? college.name : null,
        recordedOn: `${currentYear}-10-01`,
      });
    }
  }

  // Pupils' own activities and plans: a few part-time jobs and open days, and who is thinking of university.
  const ownActivities: DemoOwnActivity[] = [];
  const outlooks: DemoOutlook[] = [];
  for (const pupil of pupils) {
    if (pupil.leftOn || pupil.yearGroup === null) continue;
    const hash = createHash('sha256').update(`outlook:${pupil.id}`).digest();
    if (pupil.yearGroup >= 12) outlooks.push({ pupilId: pupil.id, interests: [], consideringHigherEducation: hash[0] % 100 < 55 });
    // Some Year 13s thinking of university went to an open day last summer, which staff verified.
    if (pupil.yearGroup === 13 && hash[0] % 100 < 55 && hash[3] % 100 < 50) {
      ownActivities.push({
        id: demoId('own-activity', pupil.id, 'open-day'),
        pupilId: pupil.id,
        schoolId: pupil.schoolId,
        trustId: pupil.trustId,
        kind: 'UNIVERSITY_OPEN_DAY',
        title: 'University open day',
        startedOn: `${lastYear + 1}-07-04`,
        endedOn: `${lastYear + 1}-07-04`,
        hours: 6,
        status: 'VERIFIED',
      });
    }
    if (pupil.yearGroup >= 11 && hash[1] % 100 < 15) {
      ownActivities.push({
        id: demoId('own-activity', pupil.id, 'job'),
        pupilId: pupil.id,
        schoolId: pupil.schoolId,
        trustId: pupil.trustId,
        kind: 'PART_TIME_JOB',
        title: pick(['Saturday job at a garden centre', 'Waiting tables at a café', 'Paper round']),
        startedOn: `${lastYear + 1}-05-01`,
        endedOn: null,
        hours: 120,
        status: hash[2] % 100 < 70 ? 'VERIFIED' : 'SUBMITTED',
      });
    }
  }
  outlooks.push({ pupilId: demoPupil.id, interests: ['engineering', 'healthcare'], consideringHigherEducation: true });
  ownActivities.push({
    id: demoId('own-activity', demoPupil.id, 'job'),
    pupilId: demoPupil.id,
    schoolId: demoPupil.schoolId,
    trustId: demoPupil.trustId,
    kind: 'PART_TIME_JOB',
    title: 'Saturday job at Hill Street Bakery',
    startedOn: `${currentYear}-06-06`,
    endedOn: null,
    hours: 60,
    status: 'SUBMITTED',
  });

  const account = (email: string, displayName: string, roles: string[], extra: Partial<DemoAccount>): DemoAccount => ({
    id: demoId('account', email),
    email,
    displayName,
    roles,
    trustId: null,
    schoolId: null,
    pupilId: null,
    volunteerId: null,
    employerId: null,
    childPupilIds: [],
    pupilLevelAccess: false,
    ...extra,
  });
  const accounts: DemoAccount[] = [
    account('leader@northfield.test', 'Priya Shah', ['careers_leader'], { trustId: trust.id, schoolId: schools[0].id }),
    account('leader@southbank.test', 'Tom Hughes', ['careers_leader'], { trustId: trust.id, schoolId: schools[1].id }),
    account('pupil@northfield.test', 'Maya Okafor', ['pupil'], { trustId: trust.id, schoolId: schools[0].id, pupilId: demoPupil.id }),
    account('employer@acme.test', 'Sam Patel', ['employer_volunteer'], { volunteerId: sam.id, employerId: acme.id }),
    account('alumni@northfield.test', 'Jordan Reid', ['alumni'], { volunteerId: jordan.id, employerId: brightwave.id }),
    account('trust@waymark-trust.test', 'Alex Morgan', ['trust_analyst'], { trustId: trust.id }),
    // The trust's lead analyst, who holds pupil-level access and can give it to, or take it from, the other analysts.
    account('lead.analyst@waymark-trust.test', 'Nadia Rahman', ['trust_analyst'], { trustId: trust.id, pupilLevelAccess: true }),
    // Maya's mother, linked to her by Northfield's staff.
    account('parent@northfield.test', 'Grace Okafor', ['parent'], { trustId: trust.id, schoolId: schools[0].id, childPupilIds: [demoPupil.id] }),
    // Northfield's data protection lead: its data access log and subject-access exports, nothing else.
    account('dpl@northfield.test', 'Helen Brooks', ['data_protection_lead'], { trustId: trust.id, schoolId: schools[0].id }),
  ];
  // A Year 11 pupil at Northfield who has not said what they plan to do next (on the careers leader's gap list).
  const year11Pupil = pupils.find(
    (p) =>
      p.schoolId === schools[0].id && p.yearGroup === 11 && !destinations.some((d) => d.pupilId === p.id && d.stage === 'INTENDED' && d.kind !== 'UNKNOWN'),
  )!;
  accounts.push(
    account('year11@northfield.test', `${year11Pupil.legalForename} ${year11Pupil.legalSurname}`, ['pupil'], {
      trustId: trust.id,
      schoolId: schools[0].id,
      pupilId: year11Pupil.id,
    }),
  );

  if (options.secondTrust) {
    const eastgate = schools[2];
    const eastgatePupil = pupils.find((p) => p.schoolId === eastgate.id && p.yearGroup === 10)!;
    accounts.push(
      account('leader@eastgate.test', 'Dana Whitfield', ['careers_leader'], { trustId: eastgate.trustId, schoolId: eastgate.id }),
      account('pupil@eastgate.test', `${eastgatePupil.legalForename} ${eastgatePupil.legalSurname}`, ['pupil'], {
        trustId: eastgate.trustId,
        schoolId: eastgate.id,
        pupilId: eastgatePupil.id,
      }),
      account('trust@riverside-trust.test', 'Chris Lowe', ['trust_analyst'], { trustId: eastgate.trustId, pupilLevelAccess: true }),
    );
  }

  return { trust, trusts, schools, pupils, employers, volunteers, encounters, participations, agreedActions, ownActivities, outlooks, destinations, accounts };
}
