import pg from 'pg';
import { demoData, FORENAMES, SURNAMES } from '@waymark/demo-data';
import {
  CURRICULUM_SUBJECTS,
  ENCOUNTER_KINDS,
  VULNERABLE_GROUPS,
  academicYearOf,
  checklistItemsFor,
  makeUpn,
  type EncounterKind,
  type VulnerableGroup,
} from '@waymark/domain';
import { copyRows, copyText, type CopyValue } from './copy.js';

/*
 * Generated data for the dashboard benchmarks (docs/performance-targets.md): a trust of 20 schools,
 * 25,000 pupils on roll and 500,000 participations, written straight into a stack's PostgreSQL
 * databases (`<prefix>pupils`, `<prefix>encounters`) with COPY. Deterministic: the same seed and
 * as-of day give the same rows. The bench's schools are generated INTO the demo trust, and the two
 * demo schools are two of the twenty (topped up to their sizes), so the demo accounts see it all:
 * `leader@northfield.test` (Northfield, 1,200 on roll), `leader@southbank.test` (Southbank, 600),
 * `trust@waymark-trust.test` (the whole trust). One more school has 1,800 on roll.
 */

export interface DashboardDataOptions {
  databaseUrl: string;
  /** Database prefix of the stack (`<prefix>pupils`, `<prefix>encounters`). */
  prefix: string;
  /** The day the dashboards are read on (YYYY-MM-DD): year groups are set for its academic year. */
  asOf: string;
  seed?: number;
  /** Pupils on roll across the trust, the demo pupils included (default 25,000). */
  pupils?: number;
  /** Participations (register rows) in total, guidance meetings included (default 500,000). */
  participations?: number;
  log?: (line: string) => void;
  /**
   * Another trust than the demo's (the tenant-isolation scenario): its id, and a number from 1 to 8
   * that keeps its UPNs and URNs apart from the demo trust's. All twenty of its schools are generated.
   */
  otherTrust?: { id: string; number: number };
}

export interface BenchSchool {
  id: string;
  name: string;
  onRoll: number;
}

export interface DashboardData {
  asOf: string;
  academicYear: number;
  trustId: string;
  schools: BenchSchool[];
  /** Northfield: the demo leader's school (1,200 on roll). */
  leaderSchool: BenchSchool;
  /** Southbank (600) and the 1,800 school: the two sizes statements are counted at. */
  smallSchool: BenchSchool;
  largeSchool: BenchSchool;
  counts: Record<string, number>;
  /** How long generating and loading took. */
  ms: number;
}

/** mulberry32: small, fast, seeded. */
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

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Random-looking (v4-shaped) UUIDs from the seeded generator: realistic index locality, repeatable. */
function uuidFactory(random: () => number): () => string {
  const word = () => (random() * 4294967296) >>> 0;
  const hex32 = (w: number) => HEX[w >>> 24] + HEX[(w >>> 16) & 255] + HEX[(w >>> 8) & 255] + HEX[w & 255];
  return () => {
    const a = word();
    const b = word();
    const c = word();
    const d = word();
    const bHex = hex32(((b & 0xffff0fff) | 0x4000) >>> 0);
    const cHex = hex32(((c & 0x3fffffff) | 0x80000000) >>> 0);
    return `${hex32(a)}-${bHex.slice(0, 4)}-${bHex.slice(4)}-${cHex.slice(0, 4)}-${cHex.slice(4)}${hex32(d)}`;
  };
}

/** Shares of pupils in each group (roughly national rates for secondary schools). */
const GROUP_RATES: Record<VulnerableGroup, number> = {
  senSupport: 0.14,
  ehcp: 0.02,
  disadvantaged: 0.25,
  lookedAfter: 0.01,
  eal: 0.17,
  youngCarer: 0.03,
  youngParent: 0.01, // Years 12–13 only
  youthJustice: 0.006,
  refugee: 0.01,
  serviceChild: 0.015,
  persistentAbsence: 0.16,
  neetRisk: 0.07,
};
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const FLAG_COLUMNS = VULNERABLE_GROUPS.map((g) => snake(g.key));

const TOWNS = [
  'Ashworth',
  'Brampton',
  'Calder',
  'Denholme',
  'Elland',
  'Farsley',
  'Garforth',
  'Harden',
  'Ilkley',
  'Kirkstall',
  'Lofthouse',
  'Meanwood',
  'Netherton',
  'Otley',
  'Pudsey',
  'Rothwell',
  'Shipley',
  'Thornton',
];
const HASHTAGS = ['engineering', 'nhs', 'digital', 'construction', 'law', 'finance', 'creative', 'science', 'teaching', 'apprenticeships'];
const REFLECTIONS = [
  'I learned what the job is really like.',
  'It made me think about apprenticeships.',
  'I want to find out more about this route.',
  'Useful: I asked about entry requirements.',
  'Not for me, but I know why now.',
];

/** Year-group shares within a school: sixth forms are smaller. */
const YEAR_WEIGHTS: Record<number, number> = { 7: 1, 8: 1, 9: 1, 10: 1, 11: 1, 12: 0.6, 13: 0.6 };

interface Template {
  kind: EncounterKind;
  weight: number;
  /** Year-group sets to choose from. */
  years: number[][];
  /** Share of the year groups invited. */
  rate: number;
  hours: number;
  /** Chance it runs in the school day. */
  schoolDay: number;
}

/** The group activities a school runs (guidance meetings are one pupil each and generated apart). */
const TEMPLATES: Template[] = [
  { kind: 'CAREERS_LESSON', weight: 8, years: [[7], [8], [9], [10], [11], [12], [13]], rate: 0.95, hours: 1, schoolDay: 1 },
  { kind: 'LMI_SESSION', weight: 4, years: [[9], [10, 11], [11], [12, 13], [12]], rate: 0.9, hours: 1, schoolDay: 1 },
  { kind: 'CURRICULUM_LESSON', weight: 16, years: [[7], [8], [9], [10], [11], [12]], rate: 0.55, hours: 1, schoolDay: 1 },
  { kind: 'EMPLOYER_TALK', weight: 7, years: [[8], [9, 10], [10], [11], [12, 13], [7, 8]], rate: 0.85, hours: 1, schoolDay: 0.95 },
  {
    kind: 'CAREERS_FAIR',
    weight: 2,
    years: [
      [9, 10, 11, 12, 13],
      [7, 8, 9],
    ],
    rate: 0.85,
    hours: 2,
    schoolDay: 0.8,
  },
  { kind: 'MENTORING', weight: 2, years: [[10], [11], [12], [13]], rate: 0.08, hours: 6, schoolDay: 0.7 },
  { kind: 'ENTERPRISE_CHALLENGE', weight: 2, years: [[8], [9], [10]], rate: 0.9, hours: 5, schoolDay: 1 },
  { kind: 'MOCK_INTERVIEW', weight: 2, years: [[11], [13]], rate: 0.9, hours: 1, schoolDay: 1 },
  { kind: 'WORKPLACE_VISIT', weight: 4, years: [[8], [9], [10], [12]], rate: 0.3, hours: 5, schoolDay: 1 },
  { kind: 'WORK_SHADOWING', weight: 1, years: [[12], [11]], rate: 0.15, hours: 6, schoolDay: 1 },
  { kind: 'WORK_EXPERIENCE', weight: 2, years: [[10], [10], [12]], rate: 0.9, hours: 30, schoolDay: 1 },
  { kind: 'SIXTH_FORM_ENCOUNTER', weight: 2, years: [[10], [11], [10, 11]], rate: 0.9, hours: 2, schoolDay: 0.9 },
  { kind: 'FE_COLLEGE_ENCOUNTER', weight: 3, years: [[8], [9], [10], [11], [8, 9], [10, 11]], rate: 0.8, hours: 2, schoolDay: 0.8 },
  { kind: 'UNIVERSITY_ENCOUNTER', weight: 2, years: [[9], [10], [12], [12, 13]], rate: 0.8, hours: 1, schoolDay: 0.9 },
  { kind: 'TRAINING_PROVIDER_ENCOUNTER', weight: 3, years: [[8], [9], [10], [11], [12, 13]], rate: 0.8, hours: 1, schoolDay: 0.8 },
  { kind: 'APPRENTICESHIP_PROVIDER_ENCOUNTER', weight: 3, years: [[8, 9], [10, 11], [12, 13], [9], [11]], rate: 0.8, hours: 1, schoolDay: 0.8 },
  { kind: 'UNIVERSITY_VISIT', weight: 2, years: [[12], [12], [10]], rate: 0.35, hours: 5, schoolDay: 1 },
  { kind: 'PARENTS_EVENT', weight: 3, years: [[7], [9], [11], [13]], rate: 0.6, hours: 2, schoolDay: 0 },
];
const TEMPLATE_WEIGHT = TEMPLATES.reduce((sum, t) => sum + t.weight, 0);

/** Group encounters per school: the two full academic years before the as-of one, and this one so far. */
const ENCOUNTERS_PER_YEAR = [60, 60, 30];
/** Planned, not yet run (after the as-of day): registers invited, nobody attended. */
const FUTURE_ENCOUNTERS = 5;

interface RosterPupil {
  id: string;
  school: number;
  /** School before a transfer into `school` at the start of the as-of academic year (-1: none). */
  previousSchool: number;
  /** Year group in the academic year `ay`. */
  yearGroup: number;
  ay: number;
  /** Left (a date) or null. */
  leftOn: string | null;
  persistentAbsence: boolean;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** Generates the trust and writes it into the stack's databases. */
export async function generateDashboardData(options: DashboardDataOptions): Promise<DashboardData> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const random = rng(options.seed ?? 4_2026);
  const uuid = uuidFactory(random);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const totalPupils = options.pupils ?? 25_000;
  const targetParticipations = options.participations ?? 500_000;
  const asOfDate = new Date(`${options.asOf}T00:00:00Z`);
  const AY = academicYearOf(asOfDate);
  const demo = demoData(asOfDate);
  const trustId = options.otherTrust?.id ?? demo.trust.id;
  // The first digit of generated UPNs and URNs: 9 for the demo trust, lower for the others.
  const lead = String(9 - (options.otherTrust?.number ?? 0));

  const connect = async (service: string) => {
    const url = new URL(options.databaseUrl);
    url.pathname = `/${options.prefix}${service}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    return client;
  };
  const [pupilsDb, encountersDb] = await Promise.all([connect('pupils'), connect('encounters')]);
  try {
    // ---- Schools: the two demo schools and eighteen more, sized to 25,000 on roll. ----
    const existing = await pupilsDb.query<{
      id: string;
      school_id: string;
      year_group: number | null;
      year_group_academic_year: number | null;
      left_on: string | null;
      persistent_absence: boolean;
    }>(`select id, school_id, year_group, year_group_academic_year, left_on::text as left_on, persistent_absence from pupil where trust_id = $1`, [trustId]);
    const [northfield, southbank] = demo.schools;
    const sizes = [Math.round(totalPupils * 0.048), Math.round(totalPupils * 0.024), Math.round(totalPupils * 0.072)];
    const rest = Array.from({ length: 17 }, () => 900 + random() * 600);
    const restTotal = totalPupils - sizes.reduce((a, b) => a + b, 0);
    const restSum = rest.reduce((a, b) => a + b, 0);
    let allotted = 0;
    rest.forEach((weight, i) => {
      const size = i === rest.length - 1 ? restTotal - allotted : Math.round((weight / restSum) * restTotal);
      allotted += size;
      sizes.push(size);
    });
    const schools: BenchSchool[] = sizes.map((onRoll, i) => {
      if (i === 0 && !options.otherTrust) return { id: northfield.id, name: northfield.name, onRoll };
      if (i === 1 && !options.otherTrust) return { id: southbank.id, name: southbank.name, onRoll };
      return { id: uuid(), name: `${TOWNS[(i + TOWNS.length - 2) % TOWNS.length]} ${i % 3 === 0 ? 'High School' : 'Academy'}`, onRoll };
    });
    const schoolIndex = new Map(schools.map((s, i) => [s.id, i]));

    // ---- Pupils: the demo's on roll, then new ones per school and year group, then leavers. ----
    const roster: RosterPupil[] = [];
    const existingPerYear = schools.map(() => new Map<number, number>());
    for (const row of existing.rows) {
      const school = schoolIndex.get(row.school_id);
      if (school === undefined || row.year_group === null) continue;
      const yearGroup = row.year_group + (AY - (row.year_group_academic_year ?? AY));
      const onRoll = row.left_on === null || row.left_on > options.asOf;
      if (onRoll && yearGroup >= 7 && yearGroup <= 13) {
        roster.push({ id: row.id, school, previousSchool: -1, yearGroup, ay: AY, leftOn: row.left_on, persistentAbsence: row.persistent_absence });
        existingPerYear[school].set(yearGroup, (existingPerYear[school].get(yearGroup) ?? 0) + 1);
      }
    }
    const pupilRows: CopyValue[][] = [];
    const enrolmentRows: CopyValue[][] = [];
    let serial = 0;
    const newPupil = (school: number, yearGroup: number, ay: number, leftOn: string | null, previousSchool = -1): RosterPupil => {
      serial += 1;
      const flags = Object.fromEntries(VULNERABLE_GROUPS.map((g) => [g.key, chance(GROUP_RATES[g.key])])) as Record<VulnerableGroup, boolean>;
      if (flags.ehcp) flags.senSupport = false;
      if (yearGroup < 12) flags.youngParent = false;
      flags.persistentAbsence = chance(flags.disadvantaged ? 0.25 : 0.13);
      const birthAcademicYear = ay - yearGroup - 5;
      const dob = addDays(new Date(Date.UTC(birthAcademicYear, 8, 1)), Math.floor(random() * 365));
      const id = uuid();
      const forename = pick(FORENAMES);
      pupilRows.push([
        id,
        schools[school].id,
        trustId,
        makeUpn(`${lead}${String(school).padStart(2, '0')}${String(serial).padStart(9, '0')}`),
        forename,
        pick(SURNAMES),
        chance(0.04) ? forename.slice(0, 3) : null,
        day(dob),
        yearGroup,
        `${yearGroup}${'ABCDEF'[Math.floor(random() * 6)]}${1 + Math.floor(random() * 3)}`,
        leftOn,
        ...VULNERABLE_GROUPS.map((g) => flags[g.key]),
        flags.neetRisk ? 60 + Math.floor(random() * 40) : Math.floor(random() * 50),
        ay,
        // The pupil row holds the latest period at school; `enrolment` rows the earlier ones.
        previousSchool >= 0 ? `${AY}-09-01` : `${ay - (yearGroup - 7)}-09-01`,
      ]);
      const startedYear7 = ay - (yearGroup - 7);
      if (previousSchool >= 0) enrolmentRows.push([uuid(), id, schools[previousSchool].id, trustId, `${startedYear7}-09-01`, `${AY}-07-20`]);
      const pupil: RosterPupil = { id, school, previousSchool, yearGroup, ay, leftOn, persistentAbsence: flags.persistentAbsence };
      roster.push(pupil);
      return pupil;
    };
    const weightSum = Object.values(YEAR_WEIGHTS).reduce((a, b) => a + b, 0);
    schools.forEach((school, s) => {
      const perYear = Object.entries(YEAR_WEIGHTS).map(([yg, w]) => [Number(yg), Math.round((school.onRoll * w) / weightSum)] as const);
      const drift = school.onRoll - perYear.reduce((sum, [, n]) => sum + n, 0);
      perYear.forEach(([yearGroup, n], i) => {
        const wanted = n + (i === 0 ? drift : 0) - (existingPerYear[s].get(yearGroup) ?? 0);
        // About 1 in 100 joined from another school of the trust this September; their history stays there.
        for (let k = 0; k < wanted; k += 1) newPupil(s, yearGroup, AY, null, yearGroup > 7 && chance(0.01) ? (s + 1 + Math.floor(random() * 19)) % 20 : -1);
      });
      // Leavers: the last two summers' Year 13s and the Year 11s who did not stay on, and a few this year.
      for (const back of [1, 2]) {
        const leftOn = `${AY - back + 1}-07-2${Math.floor(random() * 3)}`;
        for (let k = 0; k < Math.round((school.onRoll * 0.6) / weightSum); k += 1) newPupil(s, 13, AY - back, leftOn);
        for (let k = 0; k < Math.round((school.onRoll * 0.4) / weightSum); k += 1) newPupil(s, 11, AY - back, leftOn);
      }
      const elapsed = Math.floor((asOfDate.getTime() - Date.UTC(AY, 8, 1)) / 86_400_000);
      if (elapsed > 1) {
        for (let k = 0; k < Math.round(school.onRoll * 0.005); k += 1) {
          newPupil(s, 7 + Math.floor(random() * 7), AY, day(addDays(new Date(Date.UTC(AY, 8, 1)), 1 + Math.floor(random() * (elapsed - 1)))));
        }
      }
    });

    // Who was at which school in which year group, per academic year (AY-2 … AY).
    const years = [AY - 2, AY - 1, AY];
    const index: number[][][][] = schools.map(() => years.map(() => Array.from({ length: 14 }, () => [] as number[])));
    roster.forEach((pupil, i) => {
      years.forEach((ay, y) => {
        if (ay > pupil.ay) return;
        const yearGroup = pupil.yearGroup - (pupil.ay - ay);
        if (yearGroup < 7 || yearGroup > 13) return;
        const school = pupil.previousSchool >= 0 && ay < AY ? pupil.previousSchool : pupil.school;
        index[school][y][yearGroup].push(i);
      });
    });

    // ---- Encounters and registers. ----
    const asOfMs = asOfDate.getTime();
    const encounterRows: CopyValue[][] = [];
    const actionRows: CopyValue[][] = [];
    /** A school day (Monday–Friday) between two dates, at a time that is the same day in UTC and in England. */
    const dateBetween = (from: Date, to: Date): Date | null => {
      const span = Math.floor((to.getTime() - from.getTime()) / 86_400_000);
      if (span < 0) return null;
      let d = addDays(from, Math.floor(random() * (span + 1)));
      if (d.getUTCDay() === 6) d = addDays(d, d.getTime() - 86_400_000 >= from.getTime() ? -1 : 2);
      if (d.getUTCDay() === 0) d = addDays(d, d.getTime() + 86_400_000 <= to.getTime() ? 1 : -2);
      return new Date(d.getTime() + (9 + Math.floor(random() * 6)) * 3_600_000);
    };
    const checklistFor = (kind: EncounterKind): { ticked: string[]; met: boolean } => {
      const items = checklistItemsFor(kind).map((item) => item.key as string);
      if (chance(0.75)) return { ticked: items, met: true };
      const missing = new Set([pick(items), ...(chance(0.4) ? [pick(items)] : [])]);
      return { ticked: items.filter((key) => !missing.has(key)), met: false };
    };
    const addEncounter = (
      s: number,
      kind: EncounterKind,
      date: Date,
      fields: {
        title: string;
        yearGroups: number[];
        hours: number;
        inSchoolDay: boolean;
        subject?: string | null;
        adviser?: [string, number] | null;
        notes?: string | null;
      },
    ) => {
      const id = uuid();
      const checklist = checklistFor(kind);
      encounterRows.push([
        id,
        schools[s].id,
        trustId,
        kind,
        fields.title,
        date.toISOString(),
        fields.inSchoolDay,
        fields.hours,
        [...ENCOUNTER_KINDS[kind].benchmarks],
        fields.yearGroups,
        [],
        [],
        addDays(date, -14).toISOString(),
        fields.subject ?? null,
        chance(0.5) ? [pick(HASHTAGS)] : [],
        checklist.ticked,
        checklist.met,
        fields.adviser?.[0] ?? null,
        fields.adviser?.[1] ?? null,
        fields.notes ?? null,
      ]);
      return id;
    };
    // Registers as (encounter, pupil) index pairs first: compact, and trimmed to the target before any text is made.
    const encounterMeta: { id: string; s: number; date: Date; attend: number; reflect: number }[] = [];
    let regEncounter = new Int32Array(1 << 20);
    let regPupil = new Int32Array(1 << 20);
    let registered = 0;
    const register = (encounter: number, pupil: number) => {
      if (registered === regEncounter.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        regEncounter = grow(regEncounter);
        regPupil = grow(regPupil);
      }
      regEncounter[registered] = encounter;
      regPupil[registered] = pupil;
      registered += 1;
    };

    // Personal guidance: one pupil each, most of Year 11 and half of Year 13 every year.
    const guidanceShare: Record<number, number> = { 10: 0.08, 11: 0.7, 12: 0.1, 13: 0.5 };
    schools.forEach((_, s) => {
      years.forEach((ay, y) => {
        for (const [yg, share] of Object.entries(guidanceShare)) {
          for (const i of index[s][y][Number(yg)]) {
            if (!chance(share)) continue;
            const date = dateBetween(new Date(Date.UTC(ay, 8, 2)), new Date(Date.UTC(ay + 1, 6, 20)))!;
            if (date.getTime() >= asOfMs) continue;
            const level = pick([4, 5, 6, 6, 6, 7, 7, 6, 5, 7]);
            const id = addEncounter(s, 'GUIDANCE_MEETING', date, {
              title: 'Personal guidance meeting',
              yearGroups: [Number(yg)],
              hours: 0.75,
              inSchoolDay: true,
              adviser: [`Adviser ${1 + (s % 4)}`, level],
              notes: 'Talked through options after Year 11.',
            });
            encounterMeta.push({ id, s, date, attend: 0.97, reflect: 0.4 });
            register(encounterMeta.length - 1, i);
            const actions = 1 + Math.floor(random() * 2);
            for (let k = 0; k < actions; k += 1)
              actionRows.push([
                uuid(),
                id,
                roster[i].id,
                k === 0 ? 'Research two apprenticeships' : 'Book a college open evening',
                day(addDays(date, 30)),
                chance(0.5) ? addDays(date, 20).toISOString() : null,
                k,
              ]);
          }
        }
      });
    });
    const guidanceParticipations = registered;

    // Group encounters: plan them, then scale invitations so the registers add up to the target.
    interface Planned {
      s: number;
      template: Template;
      date: Date;
      yearGroups: number[];
      future: boolean;
      candidates: number[];
    }
    const planned: Planned[] = [];
    schools.forEach((_, s) => {
      years.forEach((ay, y) => {
        const from = new Date(Date.UTC(ay, 8, 2));
        const end = new Date(Date.UTC(ay + 1, 6, 20));
        const to = ay === AY ? addDays(asOfDate, -1) : end;
        const plan = (count: number, start: Date, stop: Date, future: boolean) => {
          for (let k = 0; k < count; k += 1) {
            let roll = random() * TEMPLATE_WEIGHT;
            const template = TEMPLATES.find((t) => (roll -= t.weight) < 0) ?? TEMPLATES[0];
            const date = dateBetween(start, stop);
            if (!date) return;
            const yearGroups = pick(template.years);
            planned.push({ s, template, date, yearGroups, future, candidates: yearGroups.flatMap((yg) => index[s][y][yg]) });
          }
        };
        plan(ENCOUNTERS_PER_YEAR[y], from, to, false);
        if (ay === AY) plan(FUTURE_ENCOUNTERS, addDays(asOfDate, 1), end, true);
      });
    });
    const wanted = targetParticipations - guidanceParticipations;
    const expected = (scale: number) => planned.reduce((sum, p) => sum + p.candidates.length * Math.min(1, p.template.rate * scale), 0);
    let low = 0;
    let high = 20;
    for (let k = 0; k < 40; k += 1) {
      const mid = (low + high) / 2;
      if (expected(mid) < wanted * 1.004) low = mid;
      else high = mid;
    }
    const scale = low;
    for (const p of planned) {
      const { kind } = p.template;
      const subject = kind === 'CURRICULUM_LESSON' ? pick(CURRICULUM_SUBJECTS) : null;
      const title = subject ? `${subject}: careers in ${pick(HASHTAGS)}` : `${ENCOUNTER_KINDS[kind].label} (Year ${p.yearGroups.join(', ')})`;
      const id = addEncounter(p.s, kind, p.date, {
        title,
        yearGroups: p.yearGroups,
        hours: p.template.hours,
        inSchoolDay: chance(p.template.schoolDay),
        subject,
      });
      const rate = Math.min(1, p.template.rate * scale);
      encounterMeta.push({ id, s: p.s, date: p.date, attend: 0.87, reflect: 0.6 });
      for (const i of p.candidates) if (chance(rate)) register(encounterMeta.length - 1, i);
    }
    // Exactly the target: drop a few random group-register rows (never a guidance meeting's), then
    // write each row as COPY text: who attended (persistent absentees less often), who reflected.
    const excess = registered - targetParticipations;
    const drop = new Set<number>();
    while (drop.size < excess) drop.add(guidanceParticipations + Math.floor(random() * (registered - guidanceParticipations)));
    const participationChunks: string[] = [];
    let chunk = '';
    let participations = 0;
    const encounterText = encounterMeta.map((e) => ({
      head: `\t${e.id}\t`,
      tail: `\t${schools[e.s].id}\t${trustId}\t`,
      run: e.date.getTime() < asOfMs,
      reflectedAt: [1, 2, 3, 4, 5, 6].map((n) => addDays(e.date, n).toISOString()),
    }));
    for (let r = 0; r < registered; r += 1) {
      if (drop.has(r)) continue;
      const e = encounterMeta[regEncounter[r]];
      const text = encounterText[regEncounter[r]];
      const pupil = roster[regPupil[r]];
      const attended = text.run && chance(pupil.persistentAbsence ? e.attend - 0.17 : e.attend);
      const reflected = attended && chance(e.reflect);
      chunk += `${uuid()}${text.head}${pupil.id}${text.tail}${attended ? 't' : 'f'}\t${reflected ? `${pick(REFLECTIONS)}\t${pick(text.reflectedAt)}` : '\\N\t\\N'}\n`;
      participations += 1;
      if (chunk.length > 1 << 20) {
        participationChunks.push(chunk);
        chunk = '';
      }
    }
    participationChunks.push(chunk);

    // ---- Pupils' own activities and outlook (interests, considering higher education). ----
    const ownRows: CopyValue[][] = [];
    const outlookRows: CopyValue[][] = [];
    const staffName = 'Bench Careers Leader';
    // The demo seed gives some of its pupils an outlook already: theirs stays.
    const hasOutlook = new Set((await encountersDb.query<{ pupil_id: string }>('select pupil_id from pupil_outlook')).rows.map((r) => r.pupil_id));
    for (const pupil of roster) {
      if (pupil.ay !== AY || (pupil.leftOn !== null && pupil.leftOn <= options.asOf)) continue;
      const yg = pupil.yearGroup;
      const start = new Date(Date.UTC(Math.max(AY - 2, AY - (yg - 7)), 8, 1));
      const own = (kind: string, title: string, hours: number, ongoing: boolean) => {
        const startedOn = dateBetween(start, addDays(asOfDate, -1));
        if (!startedOn) return;
        const ended = ongoing
          ? null
          : day(addDays(startedOn, kind === 'PART_TIME_JOB' || kind === 'VOLUNTEERING' ? 30 + Math.floor(random() * 300) : Math.floor(random() * 5)));
        const status = chance(0.7) ? 'VERIFIED' : chance(0.65) ? 'SUBMITTED' : 'DECLINED';
        const submitted = addDays(startedOn, 2);
        ownRows.push([
          uuid(),
          pupil.id,
          schools[pupil.school].id,
          trustId,
          kind,
          title,
          null,
          day(startedOn),
          ended,
          hours,
          status,
          status === 'DECLINED' ? 'Please add who supervised you.' : null,
          submitted.toISOString(),
          status === 'SUBMITTED' ? null : addDays(submitted, 3).toISOString(),
          status === 'SUBMITTED' ? null : staffName,
        ]);
      };
      if (yg >= 10 && chance(0.1)) own('PART_TIME_JOB', 'Saturday job', 8, chance(0.6));
      if (yg >= 10 && chance(0.04)) own('WORK_EXPERIENCE', 'Week at a family firm', 20 + Math.floor(random() * 16), false);
      if (yg >= 12 && chance(0.25)) own('UNIVERSITY_OPEN_DAY', 'University open day', 6, false);
      if (chance(0.06)) own('VOLUNTEERING', 'Volunteering at the food bank', 3, chance(0.5));
      if (chance(0.03)) own('OTHER', 'Coding club', 2, false);
      if (chance(0.5) && !hasOutlook.has(pupil.id)) {
        const he = chance(yg >= 12 ? 0.6 : 0.35);
        outlookRows.push([
          pupil.id,
          Array.from({ length: Math.floor(random() * 4) }, () => pick(HASHTAGS)),
          he,
          addDays(asOfDate, -Math.floor(random() * 60)).toISOString(),
        ]);
      }
    }
    // What is on roll now, per school (the demo's pupils included: a small run may have more than asked).
    schools.forEach((school) => (school.onRoll = 0));
    for (const pupil of roster) if (pupil.ay === AY && (pupil.leftOn === null || pupil.leftOn > options.asOf)) schools[pupil.school].onRoll += 1;
    const generatedMs = Date.now() - started;

    // ---- Write. ----
    const steps: string[] = [];
    const timed = async (label: string, run: () => Promise<unknown>) => {
      const t = Date.now();
      await run();
      steps.push(`${label} ${Date.now() - t} ms`);
    };
    for (const db of [pupilsDb, encountersDb]) await db.query(`set maintenance_work_mem = '256MB'; set synchronous_commit = off`);
    await pupilsDb.query(
      `insert into school (id, trust_id, name, urn, local_authority) select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) on conflict (id) do nothing`,
      [
        schools.map((s) => s.id),
        schools.map(() => trustId),
        schools.map((s) => s.name),
        schools.map((_, i) => `${lead}${String(10000 + i)}`),
        schools.map((_, i) => (i % 2 ? 'Leeds' : 'Bradford')),
      ],
    );
    const pupilColumns = [
      'id',
      'school_id',
      'trust_id',
      'upn',
      'legal_forename',
      'legal_surname',
      'preferred_name',
      'date_of_birth',
      'year_group',
      'tutor_group',
      'left_on',
      ...FLAG_COLUMNS,
      'neet_risk_score',
      'year_group_academic_year',
      'enrolled_on',
    ];
    const encounterColumns = [
      'id',
      'school_id',
      'trust_id',
      'kind',
      'title',
      'date',
      'in_school_day',
      'hours',
      'benchmarks',
      'year_groups',
      'employer_ids',
      'volunteer_ids',
      'created_at',
      'subject',
      'hashtags',
      'checklist_ticked',
      'checklist_met',
      'adviser_name',
      'adviser_level',
      'staff_notes',
    ];
    await settleAll([
      (async () => {
        await timed('pupil', () => copyRows(pupilsDb, 'pupil', pupilColumns, pupilRows));
        await timed('enrolment', () => copyRows(pupilsDb, 'enrolment', ['id', 'pupil_id', 'school_id', 'trust_id', 'started_on', 'left_on'], enrolmentRows));
        await timed('pupils vacuum', () => vacuum(pupilsDb, ['pupil', 'enrolment', 'school']));
      })(),
      (async () => {
        await timed('encounter', () => copyRows(encountersDb, 'encounter', encounterColumns, encounterRows));
        await timed('participation', () =>
          bulkLoad(encountersDb, 'participation', () =>
            copyText(
              encountersDb,
              'participation',
              ['id', 'encounter_id', 'pupil_id', 'school_id', 'trust_id', 'attended', 'reflection', 'reflected_at'],
              participationChunks,
            ),
          ),
        );
        await timed('others', async () => {
          await copyRows(encountersDb, 'agreed_action', ['id', 'meeting_id', 'pupil_id', 'text', 'due_on', 'done_at', 'position'], actionRows);
          await copyRows(
            encountersDb,
            'own_activity',
            [
              'id',
              'pupil_id',
              'school_id',
              'trust_id',
              'kind',
              'title',
              'description',
              'started_on',
              'ended_on',
              'hours',
              'status',
              'decline_reason',
              'submitted_at',
              'decided_at',
              'decided_by',
            ],
            ownRows,
          );
          await copyRows(encountersDb, 'pupil_outlook', ['pupil_id', 'interests', 'considering_higher_education', 'updated_at'], outlookRows);
        });
        await timed('encounters vacuum', () => vacuum(encountersDb, ['encounter', 'participation', 'agreed_action', 'own_activity', 'pupil_outlook']));
      })(),
    ]);
    // The floors' copy of the pupils: only the demo trust's scenarios read it.
    if (!options.otherTrust) await timed('bench_pupil', () => loadBenchPupils(pupilsDb, encountersDb));

    const leaderSchool = schools[0];
    const counts = {
      schools: schools.length,
      pupilsOnRoll: schools.reduce((sum, s) => sum + s.onRoll, 0),
      pupilRowsAdded: pupilRows.length,
      encounters: encounterRows.length,
      guidanceMeetings: encounterRows.filter((r) => r[3] === 'GUIDANCE_MEETING').length,
      participations,
      ownActivities: ownRows.length,
      outlooks: outlookRows.length,
      agreedActions: actionRows.length,
    };
    const ms = Date.now() - started;
    log(`generated in ${generatedMs} ms, loaded in ${ms - generatedMs} ms (${steps.join(', ')}): ${JSON.stringify(counts)}`);
    return { asOf: options.asOf, academicYear: AY, trustId, schools, leaderSchool, smallSchool: schools[1], largeSchool: schools[2], counts, ms };
  } finally {
    await Promise.all([pupilsDb.end(), encountersDb.end()]);
  }
}

/** Like Promise.all, but waits for every branch before failing (no branch is left using a closed connection). */
async function settleAll(work: Promise<unknown>[]): Promise<void> {
  const outcomes = await Promise.allSettled(work);
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
}

/** VACUUM ANALYZE after a bulk load: fresh statistics and a visibility map for index-only scans. */
async function vacuum(client: pg.Client, tables: string[]): Promise<void> {
  for (const table of tables) await client.query(`vacuum analyze "${table}"`);
}

/**
 * Loads a big table without its secondary indexes and foreign keys, then puts them back exactly as
 * they were (their definitions read from the catalogue): building an index once is much faster
 * than maintaining it row by row.
 */
async function bulkLoad(client: pg.Client, table: string, load: () => Promise<unknown>): Promise<void> {
  const indexes = await client.query<{ name: string; def: string; constraint_def: string | null }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as def,
            (select pg_get_constraintdef(c.oid) from pg_constraint c where c.conindid = i.oid and c.conrelid = t.oid) as constraint_def
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relname = $1 and t.relnamespace = 'public'::regnamespace and not x.indisprimary`,
    [table],
  );
  const foreign = await client.query<{ name: string; def: string }>(
    `select conname as name, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = $1::regclass and contype = 'f'`,
    [table],
  );
  for (const fk of foreign.rows) await client.query(`alter table "${table}" drop constraint "${fk.name}"`);
  for (const index of indexes.rows) {
    await client.query(index.constraint_def ? `alter table "${table}" drop constraint "${index.name}"` : `drop index "${index.name}"`);
  }
  await load();
  for (const index of indexes.rows) {
    await client.query(index.constraint_def ? `alter table "${table}" add constraint "${index.name}" ${index.constraint_def}` : index.def);
  }
  for (const fk of foreign.rows) await client.query(`alter table "${table}" add constraint "${fk.name}" ${fk.def}`);
}

/** The pupil attributes the rules need, beside the participations (ONE database for the floor). */
export const BENCH_PUPIL_TABLE = 'bench_pupil';
/** Pupils' earlier periods at school (the pupils database's `enrolment`), for the floor's as-of cohorts. */
export const BENCH_ENROLMENT_TABLE = 'bench_enrolment';

/**
 * Copies every pupil's school, year group, leaving date and group mask (bit i = VULNERABLE_GROUPS[i])
 * from the pupils database into `bench_pupil` in the encounters database, and their earlier periods
 * at school into `bench_enrolment`, for the hand-written floor.
 */
export async function loadBenchPupils(pupilsDb: pg.Client, encountersDb: pg.Client): Promise<number> {
  const mask = FLAG_COLUMNS.map((column, i) => `(${column}::int << ${i})`).join(' | ');
  const { rows } = await pupilsDb.query<{
    id: string;
    school_id: string;
    trust_id: string | null;
    year_group: number | null;
    year_group_academic_year: number | null;
    left_on: string | null;
    mask: number;
  }>(`select id, school_id, trust_id, year_group, year_group_academic_year, left_on::text as left_on, ${mask} as mask from pupil`);
  await encountersDb.query(`drop table if exists ${BENCH_PUPIL_TABLE}`);
  await encountersDb.query(
    `create table ${BENCH_PUPIL_TABLE} (id uuid primary key, school_id uuid not null, trust_id uuid, year_group smallint, year_group_academic_year smallint, left_on date, mask int not null)`,
  );
  await copyRows(
    encountersDb,
    BENCH_PUPIL_TABLE,
    ['id', 'school_id', 'trust_id', 'year_group', 'year_group_academic_year', 'left_on', 'mask'],
    rows.map((r) => [r.id, r.school_id, r.trust_id, r.year_group, r.year_group_academic_year, r.left_on, r.mask]),
  );
  await encountersDb.query(`create index on ${BENCH_PUPIL_TABLE} (school_id)`);
  await encountersDb.query(`create index on ${BENCH_PUPIL_TABLE} (trust_id)`);
  await encountersDb.query(`vacuum analyze ${BENCH_PUPIL_TABLE}`);
  const periods = await pupilsDb.query<{ pupil_id: string; school_id: string; trust_id: string | null; started_on: string; left_on: string | null }>(
    'select pupil_id, school_id, trust_id, started_on::text as started_on, left_on::text as left_on from enrolment',
  );
  await encountersDb.query(`drop table if exists ${BENCH_ENROLMENT_TABLE}`);
  await encountersDb.query(
    `create table ${BENCH_ENROLMENT_TABLE} (pupil_id uuid not null, school_id uuid not null, trust_id uuid, started_on date not null, left_on date)`,
  );
  await copyRows(
    encountersDb,
    BENCH_ENROLMENT_TABLE,
    ['pupil_id', 'school_id', 'trust_id', 'started_on', 'left_on'],
    periods.rows.map((r) => [r.pupil_id, r.school_id, r.trust_id, r.started_on, r.left_on]),
  );
  await encountersDb.query(`create index on ${BENCH_ENROLMENT_TABLE} (pupil_id)`);
  await encountersDb.query(`vacuum analyze ${BENCH_ENROLMENT_TABLE}`);
  return rows.length;
}
