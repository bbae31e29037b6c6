import {
  CURRICULUM_SUBJECTS,
  OWN_ACTIVITY_KINDS,
  PROVIDER_ACCESS_KINDS,
  PROVIDER_RANGE,
  QUALIFIED_ADVISER_LEVEL,
  WORKPLACE_KINDS,
  type BenchmarkMeasureKey,
} from '@waymark/domain';

/*
 * The benchmark rules (DESIGN.md §3) as SQL, in one place. Every consumer (a pupil's progress, a
 * school's or trust's dashboard, gap lists) runs the same `facts` and `states` below, so a count on
 * a dashboard and a pupil's own status can never disagree.
 *
 * Parameters shared by every statement:
 *   $1 uuid[]  the cohort's pupil ids          $2 int[]  their year groups in the academic year of $4
 *   $3 int[]   their vulnerable-group masks    $4 date   as of (inclusive)
 *   $5 int     the academic year of $4 (named by the year it starts in)
 *   $6 uuid[]  each pupil's school (where they are on roll on $4)
 *
 * A fact is one thing a pupil did: an attended register row, or one of their own activities staff
 * verified. `yg` is the pupil's year group when it happened, from their year group now and the
 * academic years between (a pupil's history follows them across schools: facts are not filtered by
 * school).
 */

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const ks = (yearGroup: string) => `(case when ${yearGroup} <= 9 then 3 when ${yearGroup} <= 11 then 4 else 5 end)`;
/** In the provider-access window's second year: 1 September to 28 February. */
const autumnOrSpring = (day: string) => `((extract(month from ${day}) * 100 + extract(day from ${day})) not between 301 and 831)`;
const academicYear = (day: string) => `(extract(year from ${day})::int - case when extract(month from ${day}) < 9 then 1 else 0 end)`;

/** Own activities counted as the encounter kind they stand for once verified (see OWN_ACTIVITY_KINDS). */
const ownKindSql = `case a.kind ${Object.entries(OWN_ACTIVITY_KINDS)
  .map(([kind, spec]) => `when '${kind}' then '${spec.countsAs ?? kind}'`)
  .join(' ')} end`;
const ownBenchmarksSql = `case a.kind ${Object.entries(OWN_ACTIVITY_KINDS)
  .map(([kind, spec]) => `when '${kind}' then '{${spec.benchmarks.join(',')}}'::int[]`)
  .join(' ')} end`;

const SUBJECTS = `array[${list(CURRICULUM_SUBJECTS)}]`;

/**
 * Each fact with, per measure, whether it is of the right sort and time (`f_*`) and whether it meets
 * what that measure asks on top (meaningful, a qualified adviser, the school day): counting is both.
 */
export const FACTS_CTE = `
cohort as (
  select c.pupil_id, c.cur, c.mask, c.school_id, coalesce(o.considering_higher_education, false) as he
    from unnest($1::uuid[], $2::int[], $3::int[], $6::uuid[]) as c(pupil_id, cur, mask, school_id)
    left join pupil_outlook o on o.pupil_id = c.pupil_id
),
raw_facts as (
  select c.pupil_id, c.cur, 'E'::text as source, e.id as ref_id, e.kind::text as kind, e.benchmarks, e.date::date as day,
         e.in_school_day, e.hours, e.subject, e.adviser_level,
         (e.checklist_met and p.reflection is not null) as meaningful, e.checklist_met, (p.reflection is not null) as reflected
    from cohort c
    join participation p on p.pupil_id = c.pupil_id and p.attended
    join encounter e on e.id = p.encounter_id
   where e.date < ($4::date + 1)
  union all
  -- A verified job still going (or ended this year) counts in this academic year; anything else when it started.
  select c.pupil_id, c.cur, 'A', a.id, ${ownKindSql}, ${ownBenchmarksSql},
         case when a.kind = 'PART_TIME_JOB' and coalesce(a.ended_on, $4::date) >= make_date($5, 9, 1) then greatest(a.started_on, make_date($5, 9, 1)) else a.started_on end,
         false, a.hours, null, null, true, true, true
    from cohort c
    join own_activity a on a.pupil_id = c.pupil_id and a.status = 'VERIFIED'
   where a.started_on <= $4::date
),
facts as (
  select f.*, f.cur - ($5 - ${academicYear('f.day')}) as yg from raw_facts f
),
flagged as (
  select f.*,
    (2 = any(f.benchmarks) and ${ks('f.yg')} = ${ks('f.cur')}) as f_b2,
    (4 = any(f.benchmarks) and f.yg = f.cur and f.subject = any(${SUBJECTS})) as f_b4,
    (5 = any(f.benchmarks) and f.yg = f.cur) as f_b5,
    (6 = any(f.benchmarks) and f.yg <= 11) as f_b6_16,
    (6 = any(f.benchmarks) and f.yg >= 12) as f_b6_18,
    (7 = any(f.benchmarks) and f.yg <= 11 and f.kind in (${list(PROVIDER_RANGE.sixthForm)})) as f_b7_sixth,
    (7 = any(f.benchmarks) and f.yg <= 11 and f.kind in (${list(PROVIDER_RANGE.feCollege)})) as f_b7_fe,
    (7 = any(f.benchmarks) and f.yg <= 11 and f.kind in (${list(PROVIDER_RANGE.university)})) as f_b7_uni,
    (7 = any(f.benchmarks) and f.yg <= 11 and f.kind in (${list(PROVIDER_RANGE.trainingProvider)})) as f_b7_training,
    (7 = any(f.benchmarks) and f.kind = 'UNIVERSITY_VISIT') as f_b7_18,
    (f.kind = 'GUIDANCE_MEETING' and f.yg <= 11) as f_b8_16,
    (f.kind = 'GUIDANCE_MEETING' and f.yg >= 12) as f_b8_18,
    (f.kind in (${list(PROVIDER_ACCESS_KINDS)}) and (f.yg = 8 or (f.yg = 9 and ${autumnOrSpring('f.day')}))) as f_pa1,
    (f.kind in (${list(PROVIDER_ACCESS_KINDS)}) and (f.yg = 10 or (f.yg = 11 and ${autumnOrSpring('f.day')}))) as f_pa2,
    (f.kind in (${list(PROVIDER_ACCESS_KINDS)}) and (f.yg = 12 or (f.yg = 13 and ${autumnOrSpring('f.day')}))) as f_pa3,
    (f.kind in (${list(WORKPLACE_KINDS)}) and f.yg between 7 and 9) as f_we_lower,
    (f.kind in (${list(WORKPLACE_KINDS)}) and f.yg between 10 and 11) as f_we_upper,
    coalesce(f.adviser_level >= ${QUALIFIED_ADVISER_LEVEL}, f.source = 'A') as qualified
  from facts f
)`;

/** Per pupil: the counts each measure's state comes from. */
export const COUNTS_CTE = `
counts as (
  select pupil_id,
    count(*) filter (where f_b2) as b2,
    count(distinct subject) filter (where f_b4) as b4,
    count(*) filter (where f_b5 and meaningful) as b5,
    count(*) filter (where f_b6_16 and meaningful) as b6_16,
    count(*) filter (where f_b6_18 and meaningful) as b6_18,
    (bool_or(f_b7_sixth and meaningful) is true)::int + (bool_or(f_b7_fe and meaningful) is true)::int
      + (bool_or(f_b7_uni and meaningful) is true)::int + (bool_or(f_b7_training and meaningful) is true)::int as b7_16,
    count(*) filter (where f_b7_18 and meaningful) as b7_18,
    count(*) filter (where f_b8_16 and qualified) as b8_16,
    count(*) filter (where f_b8_18 and qualified) as b8_18,
    count(*) filter (where f_pa1 and in_school_day) as pa1,
    count(*) filter (where f_pa2 and in_school_day) as pa2,
    count(*) filter (where f_pa3 and in_school_day) as pa3,
    coalesce(sum(hours) filter (where f_we_lower), 0) as we_lower,
    coalesce(sum(hours) filter (where f_we_upper), 0) as we_upper
  from flagged group by pupil_id
)`;

/** State codes: 0 not applicable, 1 not met, 2 in progress, 3 met. */
export const STATE_CODES = ['NOT_APPLICABLE', 'NOT_MET', 'IN_PROGRESS', 'MET'] as const;
export type StateName = (typeof STATE_CODES)[number];

const subjectCount = CURRICULUM_SUBJECTS.length;
/** 3 when n ≥ needed, 2 when some, 1 when none. */
const graded = (n: string, needed: number) => `(case when ${n} >= ${needed} then 3 when ${n} > 0 then 2 else 1 end)`;
const applicable = (condition: string, state: string) => `(case when ${condition} then ${state} else 0 end)`;

/** Each measure: its column in `states`, its count column, how many it needs, and its state. */
export const MEASURE_SQL: Record<BenchmarkMeasureKey, { count: string; needed: number; state: string }> = {
  B2_LMI: { count: 'b2', needed: 1, state: graded('t.b2', 1) },
  B4_CURRICULUM: { count: 'b4', needed: subjectCount, state: graded('t.b4', subjectCount) },
  B5_EMPLOYERS: { count: 'b5', needed: 1, state: graded('t.b5', 1) },
  B6_BY_16: { count: 'b6_16', needed: 2, state: graded('t.b6_16', 2) },
  B6_BY_18: { count: 'b6_18', needed: 1, state: applicable('t.cur >= 12', graded('t.b6_18', 1)) },
  B7_BY_16: { count: 'b7_16', needed: 4, state: graded('t.b7_16', 4) },
  B7_BY_18: { count: 'b7_18', needed: 2, state: applicable('t.cur >= 12 and t.he', graded('t.b7_18', 2)) },
  B8_BY_16: { count: 'b8_16', needed: 1, state: graded('t.b8_16', 1) },
  B8_BY_18: { count: 'b8_18', needed: 1, state: applicable('t.cur >= 12', graded('t.b8_18', 1)) },
  PROVIDER_ACCESS_Y8_9: { count: 'pa1', needed: 2, state: applicable('t.cur >= 8', graded('t.pa1', 2)) },
  PROVIDER_ACCESS_Y10_11: { count: 'pa2', needed: 2, state: applicable('t.cur >= 10', graded('t.pa2', 2)) },
  PROVIDER_ACCESS_Y12_13: { count: 'pa3', needed: 2, state: applicable('t.cur >= 12', graded('t.pa3', 2)) },
};
export const MEASURE_KEYS = Object.keys(MEASURE_SQL) as BenchmarkMeasureKey[];
/** The column holding a measure's state in `states`: s_b2_lmi, … */
export const stateColumn = (measure: BenchmarkMeasureKey) => `s_${measure.toLowerCase()}`;

/** Per pupil of the cohort (with or without any facts): counts and a state per measure. */
export const STATES_CTE = `
tallies as (
  select c.pupil_id, c.cur, c.mask, c.he, c.school_id,
    ${MEASURE_KEYS.map((m) => `coalesce(n.${MEASURE_SQL[m].count}, 0)::int as ${MEASURE_SQL[m].count}`).join(',\n    ')},
    coalesce(n.we_lower, 0)::float8 as we_lower, coalesce(n.we_upper, 0)::float8 as we_upper
  from cohort c left join counts n on n.pupil_id = c.pupil_id
),
states as (
  select t.*,
    ${MEASURE_KEYS.map((m) => `${MEASURE_SQL[m].state} as ${stateColumn(m)}`).join(',\n    ')}
  from tallies t
)`;

/** The aggregates a dashboard cell needs for every measure: pupils met, in progress, not met. */
export const CELL_AGGREGATES = MEASURE_KEYS.map((m) => {
  const column = stateColumn(m);
  return `count(*) filter (where ${column} = 3) as ${column}_met, count(*) filter (where ${column} = 2) as ${column}_progress, count(*) filter (where ${column} = 1) as ${column}_not`;
}).join(',\n  ');
