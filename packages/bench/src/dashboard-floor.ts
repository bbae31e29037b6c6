import type pg from 'pg';
import {
  BENCHMARK_MEASURE_KEYS,
  CURRICULUM_SUBJECTS,
  HOURS_PER_DAY,
  PROVIDER_ACCESS_KINDS,
  PROVIDER_RANGE,
  QUALIFIED_ADVISER_LEVEL,
  VULNERABLE_GROUPS,
  VULNERABLE_GROUP_CODES,
  WORKPLACE_KINDS,
  type BenchmarkMeasureKey,
} from '@waymark/domain';

/*
 * The floor of the dashboard benchmarks: the same figures as `schoolDashboard` / `trustDashboard`,
 * computed by ONE hand-written SQL statement on ONE database (the encounters database, with the
 * pupils' school, year group, leaving date and group mask copied beside the registers in
 * `bench_pupil`, and their earlier periods at school in `bench_enrolment`, see dashboard-data.ts). Written from the rules in docs/benchmarks-contract.md and
 * docs/domain-rules.md, independently of the engine's SQL, so that comparing the two checks the engine.
 *
 * Where the contract says it, the contract wins: for B5, a verified part-time job OR volunteering
 * overlapping this academic year counts (the contract's table). Provider-access windows end on 28
 * February (the statutory wording; 29 February falls outside).
 * Where it is silent, the facts in packages/domain: a verified own activity counts as the encounter
 * kind it stands for (work experience → WORK_EXPERIENCE, open day → UNIVERSITY_VISIT), meaningful.
 * Days are days in England (the academic calendar's time zone).
 *
 * Parameters: $1 uuid (the school, or the trust), $2 date (as of, inclusive),
 *             $3 int (a vulnerable group's bit, -1 for all pupils), $4 int (a year group, 0 for all).
 */

const quote = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const MET = 3;
const IN_PROGRESS = 2;
const NOT_MET = 1;
const NOT_APPLICABLE = 0;

/** The as-of day and its academic year, as constants the planner folds (no per-row work, filters pushed down). */
const AS_OF = '$2::date';
const AY = `(extract(year from $2::date - interval '8 months'))::int`;
const AY_START = `make_date(${AY}, 9, 1)`;
/** The first instant of the academic year, and the first instant after the as-of day, in England. */
const AY_FROM = `(${AY_START}::timestamp at time zone 'Europe/London')`;
const UNTIL = `(($2::date + 1)::timestamp at time zone 'Europe/London')`;
/** A tally of the pupil's registers (`t`) or own activities (`o`), none when they have none. */
const yes = (tally: string) => `coalesce(${tally}, false)`;
const n = (tally: string) => `coalesce(${tally}, 0)`;

/** A state column per measure, in the order of BENCHMARK_MEASURE_KEYS. */
const STATE_SQL: Record<BenchmarkMeasureKey, string> = {
  B2_LMI: `case when ${yes('t.lmi_this_stage')} then ${MET} else ${NOT_MET} end`,
  B4_CURRICULUM: graded(`bit_count(${n('t.subjects')}::bit(${CURRICULUM_SUBJECTS.length}))`, CURRICULUM_SUBJECTS.length),
  B5_EMPLOYERS: `case when ${yes('t.employer_this_year')} or ${yes('o.job_this_year')} then ${MET} else ${NOT_MET} end`,
  B6_BY_16: graded(`${n('t.workplace_16')} + ${n('o.work_16')}`, 2),
  B6_BY_18: `case when c.yg < 12 then ${NOT_APPLICABLE} when ${n('t.workplace_18')} + ${n('o.work_18')} >= 1 then ${MET} else ${NOT_MET} end`,
  // The university part is also met by a verified open day in Years 7–11 (it counts as a university visit).
  B7_BY_16: graded(
    `bit_count((${n('t.range')} | case when ${yes('o.open_day_16')} then ${1 << Object.keys(PROVIDER_RANGE).indexOf('university')} else 0 end)::bit(${Object.keys(PROVIDER_RANGE).length}))`,
    Object.keys(PROVIDER_RANGE).length,
  ),
  B7_BY_18: `case when c.yg < 12 or not ${yes('po.considering_higher_education')} then ${NOT_APPLICABLE}
                  else ${graded(`${n('t.university_visits')} + ${n('o.open_days')}`, 2)} end`,
  B8_BY_16: `case when ${yes('t.guidance_16')} then ${MET} else ${NOT_MET} end`,
  B8_BY_18: `case when c.yg < 12 then ${NOT_APPLICABLE} when ${yes('t.guidance_18')} then ${MET} else ${NOT_MET} end`,
  PROVIDER_ACCESS_Y8_9: providerAccess(8, 't.pa_8_9'),
  PROVIDER_ACCESS_Y10_11: providerAccess(10, 't.pa_10_11'),
  PROVIDER_ACCESS_Y12_13: providerAccess(12, 't.pa_12_13'),
};

/** Met at `needed`, in progress with some, not met with none. */
function graded(count: string, needed: number): string {
  return `(case when ${count} >= ${needed} then ${MET} when ${count} > 0 then ${IN_PROGRESS} else ${NOT_MET} end)`;
}

/** Two encounters in the window (1 Sep of Year `first` – 28 Feb of the next year); in progress with one. */
function providerAccess(first: number, tally: string): string {
  return `case when c.yg < ${first} then ${NOT_APPLICABLE} else ${graded(n(tally), 2)} end`;
}

const column = (measure: BenchmarkMeasureKey) => measure.toLowerCase();
const COUNTS = BENCHMARK_MEASURE_KEYS.map((m) => {
  const c = column(m);
  return `count(*) filter (where ${c} = ${MET}) as ${c}_met, count(*) filter (where ${c} = ${IN_PROGRESS}) as ${c}_progress, count(*) filter (where ${c} = ${NOT_MET}) as ${c}_not`;
}).join(',\n       ');

const ks = (y: string) => `(case when ${y} <= 9 then 3 when ${y} <= 11 then 4 else 5 end)`;

/** Where each yes/no lands in a pupil's bit set (bits 0–9: the subjects covered this year). */
const RANGE_PARTS = Object.keys(PROVIDER_RANGE).length;
const BIT = { lmi: 10, employer: 11, range: 12, guidance16: 12 + RANGE_PARTS, guidance18: 13 + RANGE_PARTS } as const;
/** The counts packed into one bigint per register row, TALLY_WIDTH bits each (no pupil comes near 1,024). */
const TALLY_WIDTH = 10;
const TALLIES = ['workplace_16', 'workplace_18', 'university_visits', 'pa_8_9', 'pa_10_11', 'pa_12_13'] as const;
const TALLY_WHEN: Record<(typeof TALLIES)[number], string> = {
  workplace_16: 'ee.workplace and v.meaningful and v.yg_then <= 11',
  workplace_18: 'ee.workplace and v.meaningful and v.yg_then >= 12',
  university_visits: 'ee.university_visit and v.meaningful',
  pa_8_9: 'p.attended and ee.provider_access and (v.yg_then = 8 or (v.yg_then = 9 and ee.autumn_or_spring))',
  pa_10_11: 'p.attended and ee.provider_access and (v.yg_then = 10 or (v.yg_then = 11 and ee.autumn_or_spring))',
  // Years 12–13: what the school offered, so a place the pupil missed or declined counts too.
  pa_12_13: 'ee.provider_access and (v.yg_then = 12 or (v.yg_then = 13 and ee.autumn_or_spring))',
};
const TALLY_SQL = TALLIES.map((name, i) => `case when ${TALLY_WHEN[name]} then ${2 ** (i * TALLY_WIDTH)}::int8 else 0 end`).join('\n                   + ');

const SUBJECT_BITS = `case e.subject ${CURRICULUM_SUBJECTS.map((subject, i) => `when '${subject}' then ${1 << i}`).join(' ')} else 0 end`;
/** The four parts of Benchmark 7's full range, one bit each. */
const RANGE_BITS = `case ${Object.values(PROVIDER_RANGE)
  .map((kinds, i) => `when e.kind in (${quote(kinds)}) then ${1 << i}`)
  .join(' ')} else 0 end`;

/**
 * The pupils on roll on the day, each at the school they were at (docs/benchmarks-contract.md, "The
 * cohort"): at their current school until the day they left it, unless an earlier period at another
 * school (`bench_enrolment`) covers the day. Rows: pupil_id, school_id, trust_id.
 */
const ON_ROLL = `(
      select b.id as pupil_id, b.school_id, b.trust_id
        from bench_pupil b
       where (b.left_on is null or b.left_on > ${AS_OF})
         and not exists (select 1 from bench_enrolment e
                          where e.pupil_id = b.id and e.school_id <> b.school_id and e.started_on <= ${AS_OF} and (e.left_on is null or e.left_on > ${AS_OF}))
      union
      select e.pupil_id, e.school_id, e.trust_id
        from bench_enrolment e
       where e.started_on <= ${AS_OF} and (e.left_on is null or e.left_on > ${AS_OF})
    ) r`;

/**
 * Per pupil of the cohort (on roll on the day, Years 7–13), their state on every measure. What
 * each encounter can count towards is worked out once per encounter (`ee`), so the 500,000
 * register rows only add up bits and counts; encounters that can count for nothing are left out.
 */
function statesSql(scope: 'school' | 'trust'): string {
  return `
with c as (
  select b.id, r.school_id, b.mask, b.year_group + (${AY} - coalesce(b.year_group_academic_year, ${AY})) as yg
    from ${ON_ROLL}
    join bench_pupil b on b.id = r.pupil_id
   where r.${scope === 'school' ? 'school_id' : 'trust_id'} = $1::uuid
     and b.year_group + (${AY} - coalesce(b.year_group_academic_year, ${AY})) between 7 and 13
),
ee as (
  select id, checklist_met, years_ago, lmi, subject_bit, employer, workplace, range_bit, university_visit, guidance, provider_access, autumn_or_spring, workplace_hours
    from (
      select e.id, e.checklist_met,
             ${AY} - (extract(year from (e.date at time zone 'Europe/London') - interval '8 months'))::int as years_ago,
             2 = any(e.benchmarks) as lmi,
             case when 4 = any(e.benchmarks) and e.date >= ${AY_FROM} then ${SUBJECT_BITS} else 0 end as subject_bit,
             5 = any(e.benchmarks) and e.date >= ${AY_FROM} as employer,
             e.kind in (${quote(WORKPLACE_KINDS)}) as workplace,
             ${RANGE_BITS} as range_bit,
             e.kind = 'UNIVERSITY_VISIT' as university_visit,
             e.kind = 'GUIDANCE_MEETING' and coalesce(e.adviser_level >= ${QUALIFIED_ADVISER_LEVEL}, false) as guidance,
             e.kind in (${quote(PROVIDER_ACCESS_KINDS)}) and e.in_school_day as provider_access,
             -- 1 September to 28 February, as the statutory wording has it (29 February falls outside).
             (extract(month from e.date at time zone 'Europe/London') in (9, 10, 11, 12, 1)
               or (extract(month from e.date at time zone 'Europe/London') = 2 and extract(day from e.date at time zone 'Europe/London') <= 28)) as autumn_or_spring,
             case when e.kind in (${quote(WORKPLACE_KINDS)}) then e.hours else 0 end as workplace_hours
        from encounter e
       where e.date < ${UNTIL}
      offset 0 -- worked out once per encounter, and the planner still knows ee.id is unique
    ) x
   where lmi or subject_bit <> 0 or employer or workplace or range_bit <> 0 or guidance or provider_access
),
-- Each register row folds into three numbers: a bit set (subjects this year, LMI this key stage,
-- meaningful employer encounter this year, the four parts of B7's range by 16, qualified guidance by
-- 16 and by 18), six counts packed ${TALLY_WIDTH} bits apart, and work-experience hours. Narrow rows
-- aggregate in a hash table instead of being sorted (500,000 of them for a trust).
t as (
  select pupil_id,
         (bits & ${(1 << CURRICULUM_SUBJECTS.length) - 1}) as subjects,
         (bits & ${1 << BIT.lmi}) <> 0 as lmi_this_stage,
         (bits & ${1 << BIT.employer}) <> 0 as employer_this_year,
         (bits >> ${BIT.range}) & ${(1 << RANGE_PARTS) - 1} as range,
         (bits & ${1 << BIT.guidance16}) <> 0 as guidance_16,
         (bits & ${1 << BIT.guidance18}) <> 0 as guidance_18,
         ${TALLIES.map((name, i) => `(tally >> ${i * TALLY_WIDTH}) & ${(1 << TALLY_WIDTH) - 1} as ${name}`).join(',\n         ')},
         hours_7_9, hours_10_11
    from (
      select pupil_id, bit_or(bits) as bits, sum(tally)::int8 as tally, sum(hours_7_9) as hours_7_9, sum(hours_10_11) as hours_10_11
        from (
          select p.pupil_id,
                 case when not p.attended then 0 else
                   ee.subject_bit
                   | case when ee.lmi and ${ks('v.yg_then')} = ${ks('c.yg')} then ${1 << BIT.lmi} else 0 end
                   | case when ee.employer and v.meaningful then ${1 << BIT.employer} else 0 end
                   | case when v.meaningful and v.yg_then <= 11 then ee.range_bit << ${BIT.range} else 0 end
                   | case when not ee.guidance then 0 when v.yg_then <= 11 then ${1 << BIT.guidance16} else ${1 << BIT.guidance18} end end as bits,
                 ${TALLY_SQL} as tally,
                 case when p.attended and v.yg_then between 7 and 9 then ee.workplace_hours else 0 end as hours_7_9,
                 case when p.attended and v.yg_then between 10 and 11 then ee.workplace_hours else 0 end as hours_10_11
            from participation p
            join ee on ee.id = p.encounter_id
            ${
              scope === 'school'
                ? // A school's 1,000-odd pupils: their registers through the pupil index.
                  'join c on c.id = p.pupil_id'
                : // A trust's pupils on roll, any year group: the planner misjudges how many the
                  // year-group test keeps, and then hashes the wrong side of the big join.
                  `join (select b.id, b.year_group + (${AY} - coalesce(b.year_group_academic_year, ${AY})) as yg
                           from ${ON_ROLL} join bench_pupil b on b.id = r.pupil_id
                          where r.trust_id = $1::uuid) c on c.id = p.pupil_id`
            }
            cross join lateral (select c.yg - ee.years_ago as yg_then, p.attended and ee.checklist_met and (p.reflection is not null or p.group_reflection_on is not null) as meaningful) v
           where p.attended or ee.provider_access
          offset 0 -- the three numbers are made before aggregating, so only they are carried
        ) r
       group by pupil_id
    ) packed
),
o as (
  select v.pupil_id,
         bool_or(v.kind = 'PART_TIME_JOB' and coalesce(v.ended_on, ${AS_OF}) >= ${AY_START}) as job_this_year,
         count(*) filter (where v.kind = 'WORK_EXPERIENCE' and v.yg_then <= 11) as work_16,
         count(*) filter (where v.kind = 'WORK_EXPERIENCE' and v.yg_then >= 12) as work_18,
         count(*) filter (where v.kind = 'UNIVERSITY_OPEN_DAY') as open_days,
         bool_or(v.kind = 'UNIVERSITY_OPEN_DAY' and v.yg_then <= 11) as open_day_16,
         sum(v.hours) filter (where v.kind = 'WORK_EXPERIENCE' and v.yg_then between 7 and 9) as hours_7_9,
         sum(v.hours) filter (where v.kind = 'WORK_EXPERIENCE' and v.yg_then between 10 and 11) as hours_10_11
    from (select x.pupil_id, x.kind, x.ended_on, x.hours, c.yg - ${AY} + (extract(year from x.started_on - interval '8 months'))::int as yg_then
            from c join own_activity x on x.pupil_id = c.id and x.status = 'VERIFIED'
           where x.started_on <= ${AS_OF}) v
   group by v.pupil_id
),
s as (
  select c.id, c.school_id, c.yg, c.mask,
         ${n('t.hours_7_9')} + ${n('o.hours_7_9')} as hours_7_9,
         ${n('t.hours_10_11')} + ${n('o.hours_10_11')} as hours_10_11,
         ${BENCHMARK_MEASURE_KEYS.map((m) => `${STATE_SQL[m]} as ${column(m)}`).join(',\n         ')}
    from c
    left join t on t.pupil_id = c.id
    left join o on o.pupil_id = c.id
    left join pupil_outlook po on po.pupil_id = c.id
)`;
}

const LOWER_TARGET = 5 * HOURS_PER_DAY;
const TOTAL_TARGET = 10 * HOURS_PER_DAY;

/** The school dashboard's figures: by year group (and all years) for the group, and by group for the year. */
export const SCHOOL_FLOOR_SQL = `${statesSql('school')}
select 'year' as axis, yg as key, grouping(yg) as rolled, count(*) as pupils,
       avg(hours_7_9 + hours_10_11) as average_hours,
       count(*) filter (where (yg <= 9 and hours_7_9 >= ${LOWER_TARGET}) or (yg >= 10 and hours_7_9 + hours_10_11 >= ${TOTAL_TARGET})) as reached,
       ${COUNTS}
  from s where $3::int < 0 or mask & (1 << $3::int) <> 0
 group by rollup(yg)
union all
select 'group', g.bit, 0, count(*), null, null,
       ${COUNTS}
  from s join generate_series(0, ${VULNERABLE_GROUPS.length - 1}) as g(bit) on s.mask & (1 << g.bit) <> 0
 where $4::int = 0 or s.yg = $4::int
 group by g.bit`;

/** The trust dashboard's figures: per school (and the trust), over the year group, for the group. */
export const TRUST_FLOOR_SQL = `${statesSql('trust')}
select school_id, grouping(school_id) as rolled, count(*) as pupils,
       ${COUNTS}
  from s where ($3::int < 0 or mask & (1 << $3::int) <> 0) and ($4::int = 0 or yg = $4::int)
 group by rollup(school_id)`;

/**
 * What each school's self-evaluation is pre-filled from, for every school of the trust at once (the floor of the
 * trust's side-by-side of self-evaluations): per school, every measure by year group (and all years) and by
 * vulnerable group over all year groups, for all pupils. Parameters: $1 the trust, $2 as of.
 */
export const TRUST_SCHOOLS_FLOOR_SQL = `${statesSql('trust')}
select 'year' as axis, school_id, yg as key, grouping(yg) as rolled, count(*) as pupils,
       ${COUNTS}
  from s
 group by school_id, rollup(yg)
union all
select 'group', school_id, g.bit, 0, count(*),
       ${COUNTS}
  from s join generate_series(0, ${VULNERABLE_GROUPS.length - 1}) as g(bit) on s.mask & (1 << g.bit) <> 0
 group by school_id, g.bit`;

export interface Cell {
  measure: string;
  yearGroup: number | null;
  group: string | null;
  eligible: number;
  met: number;
  inProgress: number;
  notMet: number;
}
export interface SchoolNumbers {
  pupilCount: number;
  cells: Cell[];
  groupCells: Cell[];
  workExperience: { yearGroup: number; pupils: number; averageHours: number; reachedTarget: number }[];
}
export interface TrustNumbers {
  pupilCount: number;
  schools: { schoolId: string; pupilCount: number; cells: Cell[] }[];
  totals: Cell[];
}
export interface DashboardFilter {
  asOf: string;
  /** A VulnerableGroup enum name (e.g. 'DISADVANTAGED'), or null for all pupils. */
  group?: string | null;
  yearGroup?: number | null;
}

const GROUP_CODES = VULNERABLE_GROUPS.map((g) => VULNERABLE_GROUP_CODES[g.key]);
const groupBitOf = (code: string | null | undefined) => {
  if (!code) return -1;
  const bit = GROUP_CODES.indexOf(code as (typeof GROUP_CODES)[number]);
  if (bit < 0) throw new Error(`unknown group ${code}`);
  return bit;
};
const params = (scopeId: string, filter: DashboardFilter) => [scopeId, filter.asOf, groupBitOf(filter.group), filter.yearGroup ?? 0];

type Row = Record<string, string | number | null>;
function cellsOf(row: Row, key: { yearGroup: number | null; group: string | null }): Cell[] {
  return BENCHMARK_MEASURE_KEYS.map((measure) => {
    const c = column(measure);
    const met = Number(row[`${c}_met`]);
    const inProgress = Number(row[`${c}_progress`]);
    const notMet = Number(row[`${c}_not`]);
    return { measure, ...key, eligible: met + inProgress + notMet, met, inProgress, notMet };
  });
}

/** Runs the school floor (one statement) on the bench encounters database. */
export async function schoolFloor(db: pg.Client | pg.Pool, schoolId: string, filter: DashboardFilter): Promise<SchoolNumbers> {
  const { rows } = await db.query<Row>(SCHOOL_FLOOR_SQL, params(schoolId, filter));
  return schoolNumbersOf(rows, filter);
}

export function schoolNumbersOf(rows: Row[], filter: DashboardFilter): SchoolNumbers {
  const out: SchoolNumbers = { pupilCount: 0, cells: [], groupCells: [], workExperience: [] };
  for (const row of rows) {
    if (row.axis === 'year') {
      const yearGroup = Number(row.rolled) === 1 ? null : Number(row.key);
      if (yearGroup === null) out.pupilCount = Number(row.pupils);
      else out.workExperience.push({ yearGroup, pupils: Number(row.pupils), averageHours: Number(row.average_hours), reachedTarget: Number(row.reached) });
      out.cells.push(...cellsOf(row, { yearGroup, group: filter.group ?? null }));
    } else {
      out.groupCells.push(...cellsOf(row, { yearGroup: filter.yearGroup ?? null, group: GROUP_CODES[Number(row.key)] }));
    }
  }
  out.workExperience.sort((a, b) => a.yearGroup - b.yearGroup);
  return out;
}

/** Runs the trust floor (one statement) on the bench encounters database. */
export async function trustFloor(db: pg.Client | pg.Pool, trustId: string, filter: DashboardFilter): Promise<TrustNumbers> {
  const { rows } = await db.query<Row>(TRUST_FLOOR_SQL, params(trustId, filter));
  const out: TrustNumbers = { pupilCount: 0, schools: [], totals: [] };
  for (const row of rows) {
    const cells = cellsOf(row, { yearGroup: filter.yearGroup ?? null, group: filter.group ?? null });
    if (Number(row.rolled) === 1) {
      out.pupilCount = Number(row.pupils);
      out.totals = cells;
    } else {
      out.schools.push({ schoolId: String(row.school_id), pupilCount: Number(row.pupils), cells });
    }
  }
  return out;
}

/** Runs the floor of the trust's side-by-side of self-evaluations (one statement): each school's year-group and group cells. */
export async function trustSchoolsFloor(db: pg.Client | pg.Pool, trustId: string, asOf: string): Promise<Map<string, { cells: Cell[]; groupCells: Cell[] }>> {
  const { rows } = await db.query<Row>(TRUST_SCHOOLS_FLOOR_SQL, [trustId, asOf]);
  const bySchool = new Map<string, { cells: Cell[]; groupCells: Cell[] }>();
  for (const row of rows) {
    const schoolId = String(row.school_id);
    let school = bySchool.get(schoolId);
    if (!school) bySchool.set(schoolId, (school = { cells: [], groupCells: [] }));
    if (row.axis === 'year') school.cells.push(...cellsOf(row, { yearGroup: Number(row.rolled) === 1 ? null : Number(row.key), group: null }));
    else school.groupCells.push(...cellsOf(row, { yearGroup: null, group: GROUP_CODES[Number(row.key)] }));
  }
  return bySchool;
}

// ---- What the gateway answers, and comparing it with the floor. ----

const CELL_FIELDS = 'measure yearGroup group eligible met inProgress notMet';
export const SCHOOL_DASHBOARD_QUERY = `query SchoolDashboard($schoolId: ID, $asOf: String, $group: VulnerableGroup, $yearGroup: Int) {
  schoolDashboard(schoolId: $schoolId, asOf: $asOf, group: $group, yearGroup: $yearGroup) {
    school { id name } asOf academicYear pupilCount
    cells { ${CELL_FIELDS} }
    groupCells { ${CELL_FIELDS} }
    workExperience { yearGroup pupils averageHours reachedTarget }
  }
}`;
export const TRUST_DASHBOARD_QUERY = `query TrustDashboard($asOf: String, $group: VulnerableGroup, $yearGroup: Int) {
  trustDashboard(asOf: $asOf, group: $group, yearGroup: $yearGroup) {
    asOf academicYear pupilCount
    schools { school { id name } pupilCount cells { ${CELL_FIELDS} } }
    totals { ${CELL_FIELDS} }
    groupFiguresRounded
  }
}`;

export interface GatewaySchoolDashboard {
  pupilCount: number;
  cells: Cell[];
  groupCells: Cell[];
  workExperience: { yearGroup: number; pupils: number; averageHours: number; reachedTarget: number }[];
}
export interface GatewayTrustDashboard {
  pupilCount: number;
  /** The figures (about one vulnerable group) are rounded to the nearest 5 for an analyst without pupil-level access. */
  groupFiguresRounded?: boolean;
  schools: { school: { id: string } | null; pupilCount: number; cells: Cell[] }[];
  totals: Cell[];
}

const counts = (c: Cell | undefined) => (c ? `${c.eligible} eligible: ${c.met} met / ${c.inProgress} in progress / ${c.notMet} not met` : 'no cell');

/**
 * Cells compared by the key that varies within their list (`cells`: measure and year group;
 * `groupCells`: measure and group; a trust's: measure), so a label both sides agree is fixed (the
 * filter's group or year) cannot make a difference. A missing cell equals one with nobody in it.
 */
function compareCells(label: string, actual: Cell[], expected: Cell[], keyOf: (c: Cell) => string, differences: string[]): void {
  const a = new Map(actual.map((c) => [keyOf(c), c]));
  const e = new Map(expected.map((c) => [keyOf(c), c]));
  for (const key of new Set([...a.keys(), ...e.keys()])) {
    const x = a.get(key);
    const y = e.get(key);
    const same =
      (x?.eligible ?? 0) === (y?.eligible ?? 0) &&
      (x?.met ?? 0) === (y?.met ?? 0) &&
      (x?.inProgress ?? 0) === (y?.inProgress ?? 0) &&
      (x?.notMet ?? 0) === (y?.notMet ?? 0);
    if (!same) differences.push(`${label} ${key}: gateway ${counts(x)}; floor ${counts(y)}`);
  }
}
const byYear = (c: Cell) => `${c.measure} year ${c.yearGroup ?? 'all'}`;
const byGroup = (c: Cell) => `${c.measure} group ${c.group ?? 'all'}`;
const byMeasure = (c: Cell) => `${c.measure} `;

/** Every difference between the gateway's school dashboard and the floor's figures (empty: equal). */
export function compareSchoolDashboard(gateway: GatewaySchoolDashboard, floor: SchoolNumbers): string[] {
  const differences: string[] = [];
  if (gateway.pupilCount !== floor.pupilCount) differences.push(`pupilCount: gateway ${gateway.pupilCount}; floor ${floor.pupilCount}`);
  compareCells('cells', gateway.cells, floor.cells, byYear, differences);
  compareCells('groupCells', gateway.groupCells, floor.groupCells, byGroup, differences);
  const we = new Map(floor.workExperience.map((w) => [w.yearGroup, w]));
  for (const w of gateway.workExperience) {
    const f = we.get(w.yearGroup);
    if (!f || f.pupils !== w.pupils || f.reachedTarget !== w.reachedTarget || Math.abs(f.averageHours - w.averageHours) > 0.051) {
      differences.push(`workExperience Year ${w.yearGroup}: gateway ${JSON.stringify(w)}; floor ${JSON.stringify(f ?? null)}`);
    }
    we.delete(w.yearGroup);
  }
  for (const f of we.values()) if (f.pupils > 0) differences.push(`workExperience Year ${f.yearGroup}: gateway none; floor ${JSON.stringify(f)}`);
  return differences;
}

/** Every difference between the gateway's trust dashboard and the floor's figures (empty: equal). */
/**
 * The floor's trust figures as an analyst without pupil-level access is shown them for one vulnerable
 * group: each rounded to the nearest 5 (docs/benchmarks-contract.md, "Vulnerable-group figures").
 */
export function roundedForGroup(floor: TrustNumbers): TrustNumbers {
  const round = (n: number) => Math.round(n / 5) * 5;
  const cells = (list: Cell[]) =>
    list.map((c) => ({ ...c, eligible: round(c.eligible), met: round(c.met), inProgress: round(c.inProgress), notMet: round(c.notMet) }));
  return {
    pupilCount: round(floor.pupilCount),
    totals: cells(floor.totals),
    schools: floor.schools.map((s) => ({ ...s, pupilCount: round(s.pupilCount), cells: cells(s.cells) })),
  };
}

export function compareTrustDashboard(gateway: GatewayTrustDashboard, floor: TrustNumbers): string[] {
  const differences: string[] = [];
  if (gateway.pupilCount !== floor.pupilCount) differences.push(`pupilCount: gateway ${gateway.pupilCount}; floor ${floor.pupilCount}`);
  compareCells('totals', gateway.totals, floor.totals, byMeasure, differences);
  const bySchool = new Map(floor.schools.map((s) => [s.schoolId, s]));
  for (const row of gateway.schools) {
    const id = row.school?.id ?? '?';
    const f = bySchool.get(id);
    bySchool.delete(id);
    if (!f) {
      if (row.pupilCount > 0) differences.push(`school ${id}: only the gateway has it (${row.pupilCount} pupils)`);
      continue;
    }
    if (f.pupilCount !== row.pupilCount) differences.push(`school ${id} pupilCount: gateway ${row.pupilCount}; floor ${f.pupilCount}`);
    compareCells(`school ${id}`, row.cells, f.cells, byMeasure, differences);
  }
  for (const f of bySchool.values()) differences.push(`school ${f.schoolId}: only the floor has it (${f.pupilCount} pupils)`);
  return differences;
}

/** Differences summarised by measure: "B5_EMPLOYERS: 9 cells", for a one-line report. */
export function summariseDifferences(differences: string[]): string {
  const tally = new Map<string, number>();
  for (const d of differences) {
    const measure = BENCHMARK_MEASURE_KEYS.find((m) => d.includes(` ${m} `)) ?? d.split(':')[0];
    tally.set(measure, (tally.get(measure) ?? 0) + 1);
  }
  return [...tally].map(([m, n]) => `${m} (${n})`).join(', ');
}
