import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST_KEYS, ENCOUNTER_KINDS, type BenchmarkMeasureKey, type EncounterKind } from '@waymark/domain';
import { openDatabase, type Orm } from '@waymark/subgraph-kit';
import { testDatabase } from '@waymark/subgraph-kit/testing';
import { encountersService } from '../../app.js';
import { BenchmarkEngine, LARGE_COHORT, packCohort, type CohortArrays, type PupilStates } from './benchmarks.service.js';
import { RULES, MEASURE_KEYS, type StateName } from './benchmarks.sql.js';
import { evidenceFor } from './benchmarks.describe.js';

/*
 * The benchmark rules (docs/benchmarks-contract.md) as a table of cases, each with its reason, on a real database.
 * As of 1 July 2027: academic year 2026/27. `year` is the pupil's year group in 2026/27; a fact's
 * date decides which year group the pupil was in when it happened.
 */
const AS_OF = '2027-07-01';
const SCHOOL = randomUUID();
const OLD_SCHOOL = randomUUID();

interface Fact {
  kind: EncounterKind;
  date: string;
  meaningful?: boolean; // checklist met AND a reflection (default true)
  checklist?: boolean; // default: as meaningful
  reflection?: boolean; // default: as meaningful
  /** The school recorded reflection time for the group (default false). */
  groupReflection?: boolean;
  inSchoolDay?: boolean; // default true
  hours?: number;
  subject?: string;
  adviserLevel?: number;
  benchmarks?: number[];
  attended?: boolean;
  /** Offered, and the pupil chose not to go (with attended false). */
  declined?: boolean;
  schoolId?: string;
  /** The exact instant, instead of 10:00 UTC on `date`. */
  at?: string;
}
interface Own {
  kind: 'PART_TIME_JOB' | 'WORK_EXPERIENCE' | 'UNIVERSITY_OPEN_DAY';
  startedOn: string;
  endedOn?: string;
  status: 'SUBMITTED' | 'VERIFIED' | 'DECLINED';
  hours?: number;
}
interface Case {
  reason: string;
  year: number;
  consideringHE?: boolean;
  facts?: Fact[];
  own?: Own[];
  expect: Partial<Record<BenchmarkMeasureKey, StateName>>;
  hours?: { lower: number; upper: number };
}

const provider = (date: string, extra: Partial<Fact> = {}): Fact => ({ kind: 'FE_COLLEGE_ENCOUNTER', date, ...extra });

const CASES: Case[] = [
  // Provider access, Years 8–9: 1 September of Year 8 to 28 February of Year 9.
  {
    reason: 'two provider encounters, the second on 28 February of Year 9: met',
    year: 9,
    facts: [provider('2025-10-01'), provider('2027-02-28')],
    expect: { PROVIDER_ACCESS_Y8_9: 'MET' },
  },
  {
    reason: 'the second on 1 March of Year 9 is after the window: one of two',
    year: 9,
    facts: [provider('2025-10-01'), provider('2027-03-01')],
    expect: { PROVIDER_ACCESS_Y8_9: 'IN_PROGRESS' },
  },
  {
    reason: 'one in Year 7 is before the window: one of two',
    year: 9,
    facts: [provider('2024-10-01'), provider('2026-10-01')],
    expect: { PROVIDER_ACCESS_Y8_9: 'IN_PROGRESS' },
  },
  {
    reason: 'an evening encounter is not in the school day and does not count',
    year: 9,
    facts: [provider('2025-10-01'), provider('2025-11-01', { inSchoolDay: false })],
    expect: { PROVIDER_ACCESS_Y8_9: 'IN_PROGRESS' },
  },
  {
    reason: "a parents' event is not a provider encounter",
    year: 9,
    facts: [
      { kind: 'PARENTS_EVENT', date: '2025-10-01' },
      { kind: 'PARENTS_EVENT', date: '2025-11-01' },
    ],
    expect: { PROVIDER_ACCESS_Y8_9: 'NOT_MET' },
  },
  {
    reason: 'apprenticeship and training providers count for the duty; meaningfulness is not required',
    year: 9,
    facts: [
      provider('2025-10-01', { kind: 'APPRENTICESHIP_PROVIDER_ENCOUNTER', meaningful: false }),
      provider('2025-12-01', { kind: 'TRAINING_PROVIDER_ENCOUNTER' }),
    ],
    expect: { PROVIDER_ACCESS_Y8_9: 'MET' },
  },
  {
    reason: 'a university is not a technical-education provider',
    year: 9,
    facts: [provider('2025-10-01', { kind: 'UNIVERSITY_ENCOUNTER' }), provider('2025-12-01', { kind: 'UNIVERSITY_VISIT' })],
    expect: { PROVIDER_ACCESS_Y8_9: 'NOT_MET' },
  },
  {
    // A Year 12 pupil now was in Year 9 in 2023/24, whose February had 29 days.
    reason: 'in a leap year, 29 February of Year 9 is already outside the window (it ends on the 28th): one of two',
    year: 12,
    facts: [provider('2022-10-03'), provider('2024-02-29')],
    expect: { PROVIDER_ACCESS_Y8_9: 'IN_PROGRESS' },
  },
  {
    reason: 'in the same leap year, 28 February of Year 9 is inside: met',
    year: 12,
    facts: [provider('2022-10-03'), provider('2024-02-28')],
    expect: { PROVIDER_ACCESS_Y8_9: 'MET' },
  },
  {
    reason: 'a school sixth form is not a technical-education provider: its encounters never count for provider access',
    year: 9,
    facts: [
      { kind: 'SIXTH_FORM_ENCOUNTER', date: '2025-10-01' },
      { kind: 'SIXTH_FORM_ENCOUNTER', date: '2026-10-01' },
    ],
    expect: { PROVIDER_ACCESS_Y8_9: 'NOT_MET' },
  },
  { reason: 'Year 7: the duty does not apply yet', year: 7, expect: { PROVIDER_ACCESS_Y8_9: 'NOT_APPLICABLE', PROVIDER_ACCESS_Y10_11: 'NOT_APPLICABLE' } },
  {
    reason: 'Years 10–11 window, second encounter on 28 February of Year 11',
    year: 11,
    facts: [provider('2025-09-15'), provider('2027-02-28')],
    expect: { PROVIDER_ACCESS_Y10_11: 'MET' },
  },
  { reason: 'Years 12–13 are offered, not mandatory: none is NOT_MET but still applies', year: 12, expect: { PROVIDER_ACCESS_Y12_13: 'NOT_MET' } },
  {
    reason: 'Years 12–13 optional encounters count when attended',
    year: 13,
    facts: [provider('2025-10-01'), provider('2027-01-10')],
    expect: { PROVIDER_ACCESS_Y12_13: 'MET' },
  },
  { reason: 'Year 11: the sixth-form window does not apply', year: 11, expect: { PROVIDER_ACCESS_Y12_13: 'NOT_APPLICABLE' } },
  {
    reason: 'Years 12–13 measure what was offered: one attended and one declined make two offered',
    year: 13,
    facts: [provider('2025-11-05'), provider('2026-10-12', { attended: false, declined: true })],
    expect: { PROVIDER_ACCESS_Y12_13: 'MET' },
  },
  {
    reason: 'Years 12–13: on the register and absent is still offered',
    year: 12,
    facts: [provider('2026-11-05', { attended: false })],
    expect: { PROVIDER_ACCESS_Y12_13: 'IN_PROGRESS' },
  },
  {
    reason: 'Years 12–13: a declined encounter outside the school day does not count',
    year: 12,
    facts: [provider('2026-11-05', { attended: false, declined: true, inSchoolDay: false })],
    expect: { PROVIDER_ACCESS_Y12_13: 'NOT_MET' },
  },
  {
    reason: 'Years 10–11 are compulsory: an encounter the pupil missed does not count',
    year: 11,
    facts: [provider('2025-10-01', { attended: false }), provider('2025-11-01')],
    expect: { PROVIDER_ACCESS_Y10_11: 'IN_PROGRESS' },
  },
  {
    reason: 'Years 12–13: a university visit the pupil missed counts for nothing (only provider encounters measure what was offered)',
    year: 12,
    consideringHE: true,
    facts: [
      { kind: 'UNIVERSITY_VISIT', date: '2026-11-05', attended: false },
      { kind: 'UNIVERSITY_VISIT', date: '2026-12-05', attended: false },
    ],
    expect: { B7_BY_18: 'NOT_MET', PROVIDER_ACCESS_Y12_13: 'NOT_MET' },
  },
  {
    reason: 'a workplace visit the pupil missed adds no work-experience hours',
    year: 9,
    facts: [{ kind: 'WORKPLACE_VISIT', date: '2026-11-05', attended: false, hours: 6 }],
    expect: { B6_BY_16: 'NOT_MET' },
    hours: { lower: 0, upper: 0 },
  },

  // Meaningful encounters (Benchmark 5 this year).
  { reason: 'a meaningful employer talk this year', year: 10, facts: [{ kind: 'EMPLOYER_TALK', date: '2026-11-01' }], expect: { B5_EMPLOYERS: 'MET' } },
  {
    reason: 'checklist met but no reflection: not meaningful',
    year: 10,
    facts: [{ kind: 'EMPLOYER_TALK', date: '2026-11-01', checklist: true, reflection: false }],
    expect: { B5_EMPLOYERS: 'NOT_MET' },
  },
  {
    reason: 'a reflection but the checklist is incomplete: not meaningful',
    year: 10,
    facts: [{ kind: 'EMPLOYER_TALK', date: '2026-11-01', checklist: false, reflection: true }],
    expect: { B5_EMPLOYERS: 'NOT_MET' },
  },
  {
    reason: 'checklist met and the school recorded reflection time for the group, no words of the pupil: meaningful',
    year: 10,
    facts: [{ kind: 'EMPLOYER_TALK', date: '2026-11-01', checklist: true, reflection: false, groupReflection: true }],
    expect: { B5_EMPLOYERS: 'MET' },
  },
  {
    reason: "the pupil's own reflection and the group's reflection time: meaningful (once)",
    year: 10,
    facts: [{ kind: 'EMPLOYER_TALK', date: '2026-11-01', checklist: true, reflection: true, groupReflection: true }],
    expect: { B5_EMPLOYERS: 'MET' },
  },
  {
    reason: 'group reflection time but the checklist is incomplete: not meaningful',
    year: 10,
    facts: [{ kind: 'EMPLOYER_TALK', date: '2026-11-01', checklist: false, reflection: false, groupReflection: true }],
    expect: { B5_EMPLOYERS: 'NOT_MET' },
  },
  {
    reason: 'absent from the encounter, though the group had reflection time: does not count',
    year: 10,
    facts: [{ kind: 'EMPLOYER_TALK', date: '2026-11-01', attended: false, groupReflection: true }],
    expect: { B5_EMPLOYERS: 'NOT_MET' },
  },
  {
    reason: 'absent from the register: does not count',
    year: 10,
    facts: [{ kind: 'EMPLOYER_TALK', date: '2026-11-01', attended: false }],
    expect: { B5_EMPLOYERS: 'NOT_MET' },
  },
  {
    reason: "last academic year's employer talk does not count for this year",
    year: 10,
    facts: [{ kind: 'EMPLOYER_TALK', date: '2026-07-01' }],
    expect: { B5_EMPLOYERS: 'NOT_MET' },
  },
  {
    reason: 'an encounter after the as-of date does not count yet',
    year: 10,
    facts: [{ kind: 'EMPLOYER_TALK', date: '2027-07-02' }],
    expect: { B5_EMPLOYERS: 'NOT_MET' },
  },
  {
    reason: 'the leader can take Benchmark 5 off an encounter',
    year: 10,
    facts: [{ kind: 'EMPLOYER_TALK', date: '2026-11-01', benchmarks: [2] }],
    expect: { B5_EMPLOYERS: 'NOT_MET', B2_LMI: 'MET' },
  },
  {
    reason: 'a verified part-time job still going counts for Benchmark 5 this year',
    year: 11,
    own: [{ kind: 'PART_TIME_JOB', startedOn: '2025-06-01', status: 'VERIFIED' }],
    expect: { B5_EMPLOYERS: 'MET' },
  },
  {
    reason: 'an unverified part-time job does not count',
    year: 11,
    own: [{ kind: 'PART_TIME_JOB', startedOn: '2025-06-01', status: 'SUBMITTED' }],
    expect: { B5_EMPLOYERS: 'NOT_MET' },
  },
  {
    reason: 'a declined part-time job does not count',
    year: 11,
    own: [{ kind: 'PART_TIME_JOB', startedOn: '2025-06-01', status: 'DECLINED' }],
    expect: { B5_EMPLOYERS: 'NOT_MET' },
  },
  {
    reason: 'a job that ended last year does not count this year',
    year: 11,
    own: [{ kind: 'PART_TIME_JOB', startedOn: '2025-06-01', endedOn: '2026-06-30', status: 'VERIFIED' }],
    expect: { B5_EMPLOYERS: 'NOT_MET' },
  },

  // Benchmark 6 and work-experience hours; a pupil's history follows them from another school.
  {
    reason: 'joined mid-year from another school: two meaningful workplace experiences there count by 16',
    year: 10,
    facts: [
      { kind: 'WORK_SHADOWING', date: '2025-06-10', schoolId: OLD_SCHOOL, hours: 6 },
      { kind: 'WORK_EXPERIENCE', date: '2026-10-10', schoolId: OLD_SCHOOL, hours: 30 },
    ],
    expect: { B6_BY_16: 'MET', B6_BY_18: 'NOT_APPLICABLE' },
    hours: { lower: 6, upper: 30 },
  },
  {
    reason: 'one not meaningful workplace visit: none of two, but its hours still count',
    year: 9,
    facts: [{ kind: 'WORKPLACE_VISIT', date: '2026-10-10', meaningful: false, hours: 5 }],
    expect: { B6_BY_16: 'NOT_MET' },
    hours: { lower: 5, upper: 0 },
  },
  {
    reason: 'verified work experience the pupil found counts as a workplace experience',
    year: 11,
    facts: [{ kind: 'WORKPLACE_VISIT', date: '2026-10-10', hours: 5 }],
    own: [{ kind: 'WORK_EXPERIENCE', startedOn: '2026-07-20', status: 'VERIFIED', hours: 35 }],
    expect: { B6_BY_16: 'MET' },
    hours: { lower: 0, upper: 40 },
  },
  {
    reason: 'Year 12 with a workplace experience in Year 12: met by 18',
    year: 12,
    facts: [{ kind: 'WORK_EXPERIENCE', date: '2026-12-01' }],
    expect: { B6_BY_18: 'MET', B6_BY_16: 'NOT_MET' },
  },

  // Benchmark 7.
  {
    reason: 'every kind of provider by 16: met',
    year: 11,
    facts: [
      { kind: 'SIXTH_FORM_ENCOUNTER', date: '2026-10-01' },
      { kind: 'FE_COLLEGE_ENCOUNTER', date: '2026-10-02' },
      { kind: 'UNIVERSITY_VISIT', date: '2026-10-03' },
      { kind: 'APPRENTICESHIP_PROVIDER_ENCOUNTER', date: '2026-10-04' },
    ],
    expect: { B7_BY_16: 'MET' },
  },
  {
    reason: 'three kinds of provider, the fourth not meaningful: in progress',
    year: 11,
    facts: [
      { kind: 'SIXTH_FORM_ENCOUNTER', date: '2026-10-01' },
      { kind: 'FE_COLLEGE_ENCOUNTER', date: '2026-10-02' },
      { kind: 'UNIVERSITY_ENCOUNTER', date: '2026-10-03' },
      { kind: 'TRAINING_PROVIDER_ENCOUNTER', date: '2026-10-04', meaningful: false },
    ],
    expect: { B7_BY_16: 'IN_PROGRESS' },
  },
  {
    reason: 'considering higher education with two university visits by 18: met',
    year: 13,
    consideringHE: true,
    facts: [
      { kind: 'UNIVERSITY_VISIT', date: '2025-11-01' },
      { kind: 'UNIVERSITY_VISIT', date: '2026-11-01' },
    ],
    expect: { B7_BY_18: 'MET' },
  },
  {
    reason: 'considering higher education with one visit and a verified open day: met',
    year: 12,
    consideringHE: true,
    facts: [{ kind: 'UNIVERSITY_VISIT', date: '2026-11-01' }],
    own: [{ kind: 'UNIVERSITY_OPEN_DAY', startedOn: '2027-06-01', status: 'VERIFIED' }],
    expect: { B7_BY_18: 'MET' },
  },
  {
    reason: 'considering higher education with one visit: in progress',
    year: 12,
    consideringHE: true,
    facts: [{ kind: 'UNIVERSITY_VISIT', date: '2026-11-01' }],
    expect: { B7_BY_18: 'IN_PROGRESS' },
  },
  { reason: 'not considering higher education: the two visits do not apply', year: 13, consideringHE: false, expect: { B7_BY_18: 'NOT_APPLICABLE' } },
  { reason: 'Year 11 considering higher education: by 18 does not apply yet', year: 11, consideringHE: true, expect: { B7_BY_18: 'NOT_APPLICABLE' } },

  // Benchmark 8.
  {
    reason: 'a guidance meeting with a level 6 adviser by 16',
    year: 11,
    facts: [{ kind: 'GUIDANCE_MEETING', date: '2026-12-01', adviserLevel: 6, meaningful: false }],
    expect: { B8_BY_16: 'MET' },
  },
  {
    reason: 'an adviser below level 6 does not count',
    year: 11,
    facts: [{ kind: 'GUIDANCE_MEETING', date: '2026-12-01', adviserLevel: 4 }],
    expect: { B8_BY_16: 'NOT_MET' },
  },
  {
    reason: 'Year 13: one by 16 and a further one in Year 12',
    year: 13,
    facts: [
      { kind: 'GUIDANCE_MEETING', date: '2024-12-01', adviserLevel: 7 },
      { kind: 'GUIDANCE_MEETING', date: '2025-12-01', adviserLevel: 6 },
    ],
    expect: { B8_BY_16: 'MET', B8_BY_18: 'MET' },
  },
  {
    reason: 'Year 12 whose only meeting was in Year 11: the further one is still to come',
    year: 12,
    facts: [{ kind: 'GUIDANCE_MEETING', date: '2026-03-01', adviserLevel: 7 }],
    expect: { B8_BY_16: 'MET', B8_BY_18: 'NOT_MET' },
  },

  // Benchmarks 2 and 4.
  {
    reason: 'half past midnight on 1 September in England (23:30 UTC the day before) is in the new academic year',
    year: 10,
    facts: [{ kind: 'LMI_SESSION', date: '2026-08-31', at: '2026-08-31T23:30:00Z' }],
    expect: { B2_LMI: 'MET' },
  },
  {
    reason: 'half past eleven on 31 August in England is still the old academic year',
    year: 10,
    facts: [{ kind: 'LMI_SESSION', date: '2026-08-31', at: '2026-08-31T22:30:00Z' }],
    expect: { B2_LMI: 'NOT_MET' },
  },
  {
    reason: 'an LMI session in Year 9 does not count in Key Stage 4',
    year: 10,
    facts: [{ kind: 'LMI_SESSION', date: '2026-03-01' }],
    expect: { B2_LMI: 'NOT_MET' },
  },
  {
    reason: 'an LMI session in Year 8 counts for Key Stage 3 in Year 9',
    year: 9,
    facts: [{ kind: 'LMI_SESSION', date: '2026-03-01', meaningful: false }],
    expect: { B2_LMI: 'MET' },
  },
  {
    reason: 'curriculum-linked lessons in two of ten subjects: in progress',
    year: 8,
    facts: [
      { kind: 'CURRICULUM_LESSON', date: '2026-10-01', subject: 'Mathematics' },
      { kind: 'CURRICULUM_LESSON', date: '2026-11-01', subject: 'Science' },
      { kind: 'CURRICULUM_LESSON', date: '2026-12-01', subject: 'Science' },
    ],
    expect: { B4_CURRICULUM: 'IN_PROGRESS' },
  },
  {
    reason: 'no curriculum-linked lesson this year',
    year: 8,
    facts: [{ kind: 'CURRICULUM_LESSON', date: '2026-03-01', subject: 'Mathematics' }],
    expect: { B4_CURRICULUM: 'NOT_MET' },
  },
];

let db: ReturnType<typeof testDatabase>;
let orm: Orm;
let states: Map<string, PupilStates>;
let cohortOfCases: CohortArrays;
const pupilOf = new Map<Case, string>();

async function insertCase(orm: Orm, testCase: Case, pupilId: string): Promise<void> {
  const em = orm.em.fork();
  const conn = em.getConnection();
  if (testCase.consideringHE !== undefined) {
    await conn.execute('insert into pupil_outlook (pupil_id, interests, considering_higher_education, updated_at) values (?, ?, ?, now())', [
      pupilId,
      '{}',
      testCase.consideringHE,
    ]);
  }
  for (const fact of testCase.facts ?? []) {
    const meaningful = fact.meaningful ?? true;
    const encounterId = randomUUID();
    await conn.execute(
      `insert into encounter (id, school_id, kind, title, date, in_school_day, hours, benchmarks, year_groups, employer_ids, volunteer_ids, created_at, subject, checklist_ticked, checklist_met, adviser_level)
       values (?, ?, ?, ?, ?, ?, ?, ?::int[], '{7,8,9,10,11,12,13}', '{}', '{}', now(), ?, ?::text[], ?, ?)`,
      [
        encounterId,
        fact.schoolId ?? SCHOOL,
        fact.kind,
        `${fact.kind} ${fact.date}`,
        fact.at ?? `${fact.date}T10:00:00Z`,
        fact.inSchoolDay ?? true,
        fact.hours ?? 2,
        `{${(fact.benchmarks ?? ENCOUNTER_KINDS[fact.kind].benchmarks).join(',')}}`,
        fact.subject ?? null,
        `{${CHECKLIST_KEYS.join(',')}}`,
        fact.checklist ?? meaningful,
        fact.adviserLevel ?? null,
      ],
    );
    await conn.execute(
      'insert into participation (id, encounter_id, pupil_id, school_id, attended, declined, reflection, group_reflection_on) values (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        randomUUID(),
        encounterId,
        pupilId,
        fact.schoolId ?? SCHOOL,
        fact.attended ?? true,
        fact.declined ?? false,
        (fact.reflection ?? meaningful) ? 'I learned what the job involves.' : null,
        fact.groupReflection ? fact.date : null,
      ],
    );
  }
  for (const own of testCase.own ?? []) {
    await conn.execute(
      'insert into own_activity (id, pupil_id, school_id, kind, title, started_on, ended_on, hours, status, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())',
      [randomUUID(), pupilId, SCHOOL, own.kind, own.kind, own.startedOn, own.endedOn ?? null, own.hours ?? 10, own.status],
    );
  }
}

beforeAll(async () => {
  db = testDatabase('encounters');
  orm = await openDatabase({ service: 'encounters', entities: encountersService.entities, migrations: encountersService.migrations, ...db.options });
  const cohort: CohortArrays = { pupilIds: [], schoolIds: [], yearGroups: [], groupMasks: [] };
  for (const testCase of CASES) {
    const pupilId = randomUUID();
    pupilOf.set(testCase, pupilId);
    await insertCase(orm, testCase, pupilId);
    cohort.pupilIds.push(pupilId);
    cohort.schoolIds.push(SCHOOL);
    cohort.yearGroups.push(testCase.year);
    cohort.groupMasks.push(0);
  }
  cohortOfCases = cohort;
  const { rows } = await new BenchmarkEngine(orm.em.fork()).pupilStates(packCohort(cohort), AS_OF);
  states = new Map(rows.map((row) => [row.pupilId, row]));
});

afterAll(async () => {
  await orm?.close(true);
  await db?.dispose();
});

describe('benchmark rules, as of 1 July 2027', () => {
  it.each(CASES.map((testCase) => [testCase.reason, testCase] as const))('%s', (_reason, testCase) => {
    const row = states.get(pupilOf.get(testCase)!)!;
    expect(row, 'every pupil of the cohort has a row, facts or not').toBeDefined();
    for (const [measure, state] of Object.entries(testCase.expect)) {
      expect(`${measure}: ${row.states[measure as BenchmarkMeasureKey].state}`).toBe(`${measure}: ${state}`);
    }
    if (testCase.hours) expect({ lower: row.hoursYears7to9, upper: row.hoursYears10to11 }).toEqual(testCase.hours);
  });

  it('a pupil with no facts at all is NOT_MET on every measure that applies to them', () => {
    const testCase = CASES.find((c) => c.reason.startsWith('Year 7: the duty'))!;
    const row = states.get(pupilOf.get(testCase)!)!;
    expect(row.states.B5_EMPLOYERS.state).toBe('NOT_MET');
    expect(row.states.B6_BY_18.state).toBe('NOT_APPLICABLE');
  });

  it('gives the same states when the cohort is large enough to be read with the table-scan plan', async () => {
    const padding = LARGE_COHORT - cohortOfCases.pupilIds.length;
    const large: CohortArrays = {
      pupilIds: [...cohortOfCases.pupilIds, ...Array.from({ length: padding }, () => randomUUID())],
      schoolIds: [...cohortOfCases.schoolIds, ...Array.from({ length: padding }, () => SCHOOL)],
      yearGroups: [...cohortOfCases.yearGroups, ...Array.from({ length: padding }, () => 10)],
      groupMasks: [...cohortOfCases.groupMasks, ...Array.from({ length: padding }, () => 0)],
    };
    const { rows } = await new BenchmarkEngine(orm.em.fork()).pupilStates(packCohort(large), AS_OF);
    expect(rows).toHaveLength(LARGE_COHORT);
    for (const pupilId of cohortOfCases.pupilIds) expect(rows.find((row) => row.pupilId === pupilId)).toEqual(states.get(pupilId));
  });

  it('agrees with the evidence: for every counted measure, the facts shown as counting are the count', async () => {
    const progress = await new BenchmarkEngine(orm.em.fork()).progressOf(packCohort(cohortOfCases), AS_OF);
    // The one statement's states are those pupilStates gives.
    expect(new Map(progress.map((entry) => [entry.states.pupilId, entry.states]))).toEqual(states);
    const facts = progress.flatMap((entry) => entry.facts);
    expect(facts.every((fact, i) => i === 0 || facts[i - 1].pupilId !== fact.pupilId || facts[i - 1].day >= fact.day)).toBe(true);
    const mismatches: string[] = [];
    for (const testCase of CASES) {
      const pupilId = pupilOf.get(testCase)!;
      const own = facts.filter((fact) => fact.pupilId === pupilId);
      for (const measure of MEASURE_KEYS.filter((m) => RULES[m].tally === 'count')) {
        const counting = evidenceFor(measure, own).filter((item) => item.counts).length;
        const count = states.get(pupilId)!.states[measure].count;
        if (counting !== count) mismatches.push(`${testCase.reason} / ${measure}: evidence ${counting}, count ${count}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(facts.some((fact) => fact.bearsOn.length > 0)).toBe(true);
  });
});
