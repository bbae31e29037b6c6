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
 *   $6 int[]   each pupil's school (where they are on roll on $4), as its place in a list the caller keeps
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
const ownKindSql = (kind: string) => `case ${kind} ${Object.entries(OWN_ACTIVITY_KINDS)
  .map(([kind, spec]) => `when '${kind}' then '${spec.countsAs ?? kind}'`)
  .join(' ')} end`;
const ownBenchmarksSql = (kind: string) => `case ${kind} ${Object.entries(OWN_ACTIVITY_KINDS)
  .map(([kind, spec]) => `when '${kind}' then '{${spec.benchmarks.join(',')}}'::int[]`)
  .join(' ')} end`;

const SUBJECTS = `array[${list(CURRICULUM_SUBJECTS)}]`;

/** An encounter kind in a list, as SQL over column `k`. */
const kindIn = (k: string, kinds: readonly string[]) => `${k} in (${list(kinds)})`;

/**
 * What an encounter can count for, worked out once per encounter rather than once per register row
 * (a trust's dashboard reads hundreds of thousands of rows but only thousands of encounters).
 * `subject_no` is the subject's place in CURRICULUM_SUBJECTS (0: none or not Benchmark 4);
 * `b7_range` is the part of Benchmark 7's full range it covers, as a bit (0: none).
 */
const classify = (e: string, kind: string) => `
    2 = any(${e}.benchmarks) as b2,
    case when 4 = any(${e}.benchmarks) then coalesce(array_position(${SUBJECTS}::text[], ${e}.subject::text), 0) else 0 end as subject_no,
    5 = any(${e}.benchmarks) as b5,
    6 = any(${e}.benchmarks) as b6,
    case when not 7 = any(${e}.benchmarks) then 0
         when ${kindIn(kind, PROVIDER_RANGE.sixthForm)} then 1 when ${kindIn(kind, PROVIDER_RANGE.feCollege)} then 2
         when ${kindIn(kind, PROVIDER_RANGE.university)} then 4 when ${kindIn(kind, PROVIDER_RANGE.trainingProvider)} then 8 else 0 end as b7_range,
    (7 = any(${e}.benchmarks) and ${kind} = 'UNIVERSITY_VISIT') as b7_visit,
    ${kind} = 'GUIDANCE_MEETING' as guidance,
    ${kindIn(kind, PROVIDER_ACCESS_KINDS)} as pa,
    ${kindIn(kind, WORKPLACE_KINDS)} as workplace`;

/**
 * Each fact with, per measure, whether it is of the right sort and time (`f_*`) and whether it meets
 * what that measure asks on top (meaningful, a qualified adviser, the school day): counting is both.
 */
export const FACTS_CTE = `
cohort as (
  select c.pupil_id, c.cur, ${ks('c.cur')} as cur_ks, c.mask, c.school_ix, coalesce(o.considering_higher_education, false) as he
    from unnest($1::uuid[], $2::int[], $3::int[], $6::int[]) as c(pupil_id, cur, mask, school_ix)
    left join pupil_outlook o on o.pupil_id = c.pupil_id
),
regs as materialized (
  select c.pupil_id, c.cur, c.cur_ks, p.encounter_id, (p.reflection is not null) as reflected
    from cohort c join participation p on p.pupil_id = c.pupil_id and p.attended
),
enc as materialized (
  select e.id, e.kind::text as kind, e.date::date as day, ${academicYear('e.date')} as ay, e.in_school_day, e.hours, e.checklist_met,
         coalesce(e.adviser_level >= ${QUALIFIED_ADVISER_LEVEL}, false) as qualified, ${autumnOrSpring('e.date')} as in_window,
         ${classify('e', 'e.kind')}
    from encounter e
   where e.id in (select encounter_id from regs) and e.date < ($4::date + 1)
),
raw_facts as (
  select r.pupil_id, r.cur, r.cur_ks, 'E'::text as source, e.id as ref_id, e.kind, e.day, e.ay, e.in_school_day, e.hours,
         e.checklist_met, r.reflected, (e.checklist_met and r.reflected) as meaningful, e.qualified, e.in_window,
         e.b2, e.subject_no, e.b5, e.b6, e.b7_range, e.b7_visit, e.guidance, e.pa, e.workplace
    from regs r join enc e on e.id = r.encounter_id
  union all
  -- Verified own activities count as the kind they stand for. A job still going (or ended this
  -- academic year) counts in this academic year; anything else when it started.
  select a.pupil_id, a.cur, a.cur_ks, 'A', a.id, a.kind, a.day, ${academicYear('a.day')}, false, a.hours,
         true, true, true, true, ${autumnOrSpring('a.day')},
         ${classify('a', 'a.kind')}
    from (
      select c.pupil_id, c.cur, c.cur_ks, o.id, ${ownKindSql('o.kind')} as kind, ${ownBenchmarksSql('o.kind')} as benchmarks,
             null::text as subject, o.hours,
             case when o.kind = 'PART_TIME_JOB' and coalesce(o.ended_on, $4::date) >= make_date($5, 9, 1) then greatest(o.started_on, make_date($5, 9, 1)) else o.started_on end as day
        from cohort c join own_activity o on o.pupil_id = c.pupil_id and o.status = 'VERIFIED'
       where o.started_on <= $4::date
    ) a
),
facts as (
  select f.*, f.cur - ($5 - f.ay) as yg from raw_facts f
),
flagged as (
  select f.*,
    (f.b2 and ${ks('f.yg')} = f.cur_ks) as f_b2,
    (f.subject_no > 0 and f.yg = f.cur) as f_b4,
    (f.b5 and f.yg = f.cur) as f_b5,
    (f.b6 and f.yg <= 11) as f_b6_16,
    (f.b6 and f.yg >= 12) as f_b6_18,
    (f.b7_range = 1 and f.yg <= 11) as f_b7_sixth,
    (f.b7_range = 2 and f.yg <= 11) as f_b7_fe,
    (f.b7_range = 4 and f.yg <= 11) as f_b7_uni,
    (f.b7_range = 8 and f.yg <= 11) as f_b7_training,
    f.b7_visit as f_b7_18,
    (f.guidance and f.yg <= 11) as f_b8_16,
    (f.guidance and f.yg >= 12) as f_b8_18,
    (f.pa and (f.yg = 8 or (f.yg = 9 and f.in_window))) as f_pa1,
    (f.pa and (f.yg = 10 or (f.yg = 11 and f.in_window))) as f_pa2,
    (f.pa and (f.yg = 12 or (f.yg = 13 and f.in_window))) as f_pa3,
    (f.workplace and f.yg between 7 and 9) as f_we_lower,
    (f.workplace and f.yg between 10 and 11) as f_we_upper
  from facts f
)`;

/** The number of bits set in a small int (PostgreSQL 15 has no bit_count for integers). */
const bits = (x: string) => `length(replace((${x})::bit(16)::text, '0', ''))`;

/** Per pupil: the counts each measure's state comes from. */
export const COUNTS_CTE = `
counts as (
  select pupil_id,
    count(*) filter (where f_b2) as b2,
    ${bits('bit_or(case when f_b4 then 1 << subject_no else 0 end)')} as b4,
    count(*) filter (where f_b5 and meaningful) as b5,
    count(*) filter (where f_b6_16 and meaningful) as b6_16,
    count(*) filter (where f_b6_18 and meaningful) as b6_18,
    ${bits('bit_or(case when meaningful and f.yg <= 11 then b7_range else 0 end)')} as b7_16,
    count(*) filter (where f_b7_18 and meaningful) as b7_18,
    count(*) filter (where f_b8_16 and qualified) as b8_16,
    count(*) filter (where f_b8_18 and qualified) as b8_18,
    count(*) filter (where f_pa1 and in_school_day) as pa1,
    count(*) filter (where f_pa2 and in_school_day) as pa2,
    count(*) filter (where f_pa3 and in_school_day) as pa3,
    coalesce(sum(hours) filter (where f_we_lower), 0) as we_lower,
    coalesce(sum(hours) filter (where f_we_upper), 0) as we_upper
  from flagged f group by pupil_id
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
  select c.pupil_id, c.cur, c.mask, c.he, c.school_ix,
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
