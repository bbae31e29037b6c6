import {
  ACADEMIC_TIME_ZONE,
  CURRICULUM_SUBJECTS,
  HOURS_PER_DAY,
  OWN_ACTIVITY_KINDS,
  PROVIDER_ACCESS_KINDS,
  PROVIDER_RANGE,
  QUALIFIED_ADVISER_LEVEL,
  VULNERABLE_GROUPS,
  WORKPLACE_KINDS,
  type BenchmarkMeasureKey,
} from '@waymark/domain';
import { NamedStatement } from './named-params.js';

/*
 * The benchmark rules (docs/benchmarks-contract.md, "The benchmark engine") as SQL, in one place. Every consumer (a pupil's progress, a
 * school's or trust's dashboard, gap lists) runs the same `states` below, and a pupil's evidence runs
 * `flagged`, built from the same rules, so a count on a dashboard and a pupil's own status can never
 * disagree.
 *
 * Every statement has the cohort's parameters, by name (see named-params.ts); its columns arrive as
 * array literals, made from the pupils subgraph's `packedCohort` without touching a pupil one by one:
 *   :pupilIds      uuid[] the cohort's pupil ids
 *   :yearGroups    int[]  their year groups in the academic year of :asOf
 *   :groupMasks    int[]  their vulnerable-group masks (bit i: VULNERABLE_GROUPS[i])
 *   :schoolIndexes int[]  each pupil's school, as its place in the cohort's list of schools
 *   :asOf          date   as of (inclusive)
 *   :academicYear  int    the academic year of :asOf (named by the year it starts in)
 *   :onlyGroups    int    only pupils in any of these groups (a mask; 0: everyone)
 *   :onlyYearGroup int    only pupils in this year group (0: every year group)
 * A statement's own parameters are listed with it, under "Statements" below.
 *
 * A fact is one thing a pupil did: an attended register row, or one of their own activities staff
 * verified. A register row the pupil did not attend is a fact only for a measure of what the school
 * offered (`offered` below): the provider encounters of Years 12–13, which a pupil may decline. The year group a pupil was in when it happened is their year group now less the academic
 * years since (a pupil's history follows them across schools: facts are not filtered by school).
 */

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
export const ks = (yearGroup: string) => `(case when ${yearGroup} <= 9 then 3 when ${yearGroup} <= 11 then 4 else 5 end)`;
/** In the provider-access window's second year: 1 September to 28 February (29 February, in a leap year, is outside it). */
const autumnOrSpring = (day: string) => `((extract(month from ${day}) * 100 + extract(day from ${day})) not between 229 and 831)`;
/** A point in time (timestamptz) as the clock read in England: days and academic years are England's. */
const inEngland = (instant: string) => `(${instant} at time zone '${ACADEMIC_TIME_ZONE}')`;
/** The first instant after the as-of day in England. */
const START_OF_DAY_AFTER = `((:asOf::date + 1)::timestamp at time zone '${ACADEMIC_TIME_ZONE}')`;
const academicYear = (day: string) => `(extract(year from ${day})::int - case when extract(month from ${day}) < 9 then 1 else 0 end)`;

/** Own activities counted as the encounter kind they stand for once verified (see OWN_ACTIVITY_KINDS). */
const ownKindSql = (kind: string) =>
  `case ${kind} ${Object.entries(OWN_ACTIVITY_KINDS)
    .map(([kind, spec]) => `when '${kind}' then '${spec.countsAs ?? kind}'`)
    .join(' ')} end`;
const ownBenchmarksSql = (kind: string) =>
  `case ${kind} ${Object.entries(OWN_ACTIVITY_KINDS)
    .map(([kind, spec]) => `when '${kind}' then '{${spec.benchmarks.join(',')}}'::int[]`)
    .join(' ')} end`;

const SUBJECTS = `array[${list(CURRICULUM_SUBJECTS)}]`;

/** An encounter kind in a list, as SQL over column `k`. */
const kindIn = (k: string, kinds: readonly string[]) => `${k} in (${list(kinds)})`;

/**
 * What a fact can count for, from its encounter (or own activity) alone: worked out once per
 * encounter rather than once per register row where the plan allows it.
 * `subject_no` is the subject's place in CURRICULUM_SUBJECTS (0: none, or not Benchmark 4);
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

// ---------------------------------------------------------------------------------------------
// The rules: what bears on each measure, what it must meet on top, and in which year groups.
// ---------------------------------------------------------------------------------------------

/** What a fact must meet, beyond bearing on a measure, to count: meaningful, a qualified adviser, the school day. */
export type Need = 'meaningful' | 'qualified' | 'schoolDay' | null;

/** A fact's columns as SQL (over one classified fact): its classification, whether it meets each need, and whether the pupil attended. */
interface FactSql {
  column: (name: string) => string;
  meets: Record<Exclude<Need, null>, string>;
  attended: string;
}

/** When a year group bears on a measure: SQL over the year group then (`yg`), now (`cur`, `curKs`) and whether the fact fell in the window. */
interface Years {
  yg: string;
  cur: string;
  curKs: string;
  inWindow: string;
}

interface Rule {
  /** Counted facts (`count`), or the distinct parts covered (`bits`: a bit per part, from `part`). */
  tally: 'count' | 'bits';
  /** SQL over a fact: whether it bears on the measure (count), or the bit of the part it covers (bits; 0: none). */
  bears: (f: FactSql) => string;
  needs: Need;
  years: (y: Years) => string;
  needed: number;
  /** SQL over a pupil's tallies row `t` (cur, he): when the measure applies at all. */
  applies?: string;
  /**
   * A measure of what the school offered: a register row counts whether the pupil went, was absent
   * or chose not to go. Every other measure counts only what the pupil attended.
   */
  offered?: true;
}

const providerWindow = (first: number) => (y: Years) => `(${y.yg} = ${first} or (${y.yg} = ${first + 1} and ${y.inWindow}))`;

export const RULES: Record<BenchmarkMeasureKey, Rule> = {
  B2_LMI: { tally: 'count', bears: (f) => f.column('b2'), needs: null, years: (y) => `${ks(y.yg)} = ${y.curKs}`, needed: 1 },
  B4_CURRICULUM: {
    tally: 'bits',
    bears: (f) => `(case when ${f.column('subject_no')} > 0 then 1 << ${f.column('subject_no')} else 0 end)`,
    needs: null,
    years: (y) => `${y.yg} = ${y.cur}`,
    needed: CURRICULUM_SUBJECTS.length,
  },
  B5_EMPLOYERS: { tally: 'count', bears: (f) => f.column('b5'), needs: 'meaningful', years: (y) => `${y.yg} = ${y.cur}`, needed: 1 },
  B6_BY_16: { tally: 'count', bears: (f) => f.column('b6'), needs: 'meaningful', years: (y) => `${y.yg} <= 11`, needed: 2 },
  B6_BY_18: { tally: 'count', bears: (f) => f.column('b6'), needs: 'meaningful', years: (y) => `${y.yg} >= 12`, needed: 1, applies: 't.cur >= 12' },
  B7_BY_16: {
    tally: 'bits',
    bears: (f) => f.column('b7_range'),
    needs: 'meaningful',
    years: (y) => `${y.yg} <= 11`,
    needed: Object.keys(PROVIDER_RANGE).length,
  },
  B7_BY_18: { tally: 'count', bears: (f) => f.column('b7_visit'), needs: 'meaningful', years: () => 'true', needed: 2, applies: 't.cur >= 12 and t.he' },
  B8_BY_16: { tally: 'count', bears: (f) => f.column('guidance'), needs: 'qualified', years: (y) => `${y.yg} <= 11`, needed: 1 },
  B8_BY_18: { tally: 'count', bears: (f) => f.column('guidance'), needs: 'qualified', years: (y) => `${y.yg} >= 12`, needed: 1, applies: 't.cur >= 12' },
  PROVIDER_ACCESS_Y8_9: { tally: 'count', bears: (f) => f.column('pa'), needs: 'schoolDay', years: providerWindow(8), needed: 2, applies: 't.cur >= 8' },
  PROVIDER_ACCESS_Y10_11: { tally: 'count', bears: (f) => f.column('pa'), needs: 'schoolDay', years: providerWindow(10), needed: 2, applies: 't.cur >= 10' },
  PROVIDER_ACCESS_Y12_13: {
    tally: 'count',
    bears: (f) => f.column('pa'),
    needs: 'schoolDay',
    years: providerWindow(12),
    needed: 2,
    applies: 't.cur >= 12',
    offered: true,
  },
};
export const MEASURE_KEYS = Object.keys(RULES) as BenchmarkMeasureKey[];

/** Work-experience hours (in workplace kinds, no other condition), by the year groups they fell in. */
const HOURS: Record<'we_lower' | 'we_upper', (yg: string) => string> = {
  we_lower: (yg) => `${yg} between 7 and 9`,
  we_upper: (yg) => `${yg} between 10 and 11`,
};

/** A measure's count column in `states` (b2_lmi, …), its state column (s_b2_lmi, …) and its evidence flag (f_b2_lmi, …). */
export const countColumn = (measure: BenchmarkMeasureKey) => measure.toLowerCase();
export const stateColumn = (measure: BenchmarkMeasureKey) => `s_${measure.toLowerCase()}`;
export const flagColumn = (measure: BenchmarkMeasureKey) => `f_${measure.toLowerCase()}`;

/** The facts' SQL for a classified fact `alias` whose needs are met, and attendance is, as the given SQL. */
const factSql = (alias: string, meets: FactSql['meets'], attended: string): FactSql => ({ column: (name) => `${alias}.${name}`, meets, attended });
/** SQL: what a fact must meet for a rule, beyond bearing on it (true when nothing). */
const conditions = (rule: Rule, f: FactSql) => [...(rule.needs ? [f.meets[rule.needs]] : []), ...(rule.offered ? [] : [f.attended])].join(' and ') || 'true';
const counted = (rule: Rule, f: FactSql) =>
  rule.tally === 'count' ? `(${rule.bears(f)} and ${conditions(rule, f)})` : `(case when ${conditions(rule, f)} then ${rule.bears(f)} else 0 end)`;
/** SQL over a classified encounter `alias`: whether a register row the pupil did not attend can count for anything (a measure of what was offered). */
const countsUnattended = (alias: string) => {
  const f = factSql(alias, { meaningful: 'false', qualified: 'false', schoolDay: 'true' }, 'false');
  return `(${
    MEASURE_KEYS.filter((m) => RULES[m].offered)
      .map((m) => RULES[m].bears(f))
      .join(' or ') || 'false'
  })`;
};

// ---------------------------------------------------------------------------------------------
// Tallies: each fact folds into a few packed numbers, summed per pupil and academic year.
// ---------------------------------------------------------------------------------------------

/** Whether a rule's year groups depend on the provider-access window (then its facts are also tallied in the window). */
const windowed = (rule: Rule) => rule.years({ yg: 'yg', cur: 'cur', curKs: 'ks', inWindow: '<window>' }).includes('<window>');

/**
 * A lane: some bits of a packed integer holding one measure's tally (a count, or a set of parts).
 * Each counted measure has a lane, and a second for its facts in the provider-access window when its
 * years depend on the window; each bits measure has one. Counts go two to an int, 15 bits each (no
 * pupil does 32,767 things of one sort), so that summing them stays in plain integers; bit sets
 * share one int, 16 bits each.
 */
interface Lane {
  measure: BenchmarkMeasureKey;
  part: 'all' | 'window' | 'bits';
  /** SQL over a classified fact: how much it adds (count) or the bits it sets (bits). */
  value: (f: FactSql) => string;
  /** SQL over a year group then and now (`Years`): whether the lane's facts count in that year group. */
  selected: (y: Years) => string;
}
const LANE_WIDTH = 15;
const LANE_MASK = (1 << LANE_WIDTH) - 1;
const LANES_PER_PACK = 2;
const BIT_LANE_WIDTH = 16;
const BIT_LANE_MASK = (1 << BIT_LANE_WIDTH) - 1;

/*
 * A windowed measure counts its facts in years where `years` holds whatever the window, and only its
 * in-window facts in years where it holds only in the window (the window can only widen the years a
 * rule accepts, never narrow them).
 */
const COUNT_LANES: Lane[] = MEASURE_KEYS.filter((m) => RULES[m].tally === 'count').flatMap((measure): Lane[] => {
  const rule = RULES[measure];
  const inAnyCase = (y: Years) => rule.years({ ...y, inWindow: 'false' });
  const all: Lane = { measure, part: 'all', value: (f) => `${counted(rule, f)}::int`, selected: inAnyCase };
  if (!windowed(rule)) return [all];
  return [
    all,
    {
      measure,
      part: 'window',
      value: (f) => `(${counted(rule, f)} and ${f.column('in_window')})::int`,
      selected: (y) => `(not ${inAnyCase(y)} and ${rule.years({ ...y, inWindow: 'true' })})`,
    },
  ];
});
const BIT_LANES: Lane[] = MEASURE_KEYS.filter((m) => RULES[m].tally === 'bits').map((measure) => {
  const rule = RULES[measure];
  return { measure, part: 'bits', value: (f) => counted(rule, f), selected: (y) => rule.years({ ...y, inWindow: 'false' }) };
});
const PACKS = Math.ceil(COUNT_LANES.length / LANES_PER_PACK);
const laneAt = (i: number) => ({ pack: `t${Math.floor(i / LANES_PER_PACK)}`, shift: (i % LANES_PER_PACK) * LANE_WIDTH });

/** SQL: the packed tallies (t0, t1, …), bits and work-experience hours one classified fact adds. */
function packedValues(f: FactSql): string[] {
  const packs = Array.from({ length: PACKS }, (_, p) =>
    COUNT_LANES.slice(p * LANES_PER_PACK, (p + 1) * LANES_PER_PACK)
      .map((lane, i) => `(${lane.value(f)} << ${i * LANE_WIDTH})`)
      .join(' + '),
  );
  const bits = BIT_LANES.map((lane, i) => `(${lane.value(f)} << ${i * BIT_LANE_WIDTH})`).join(' | ');
  return [...packs, bits, `(case when ${f.column('workplace')} and ${f.attended} then ${f.column('hours')} else 0 end)::float8`];
}
/**
 * A register row's reflection item is met by the pupil's own reflection or by reflection time the school
 * recorded for the group (docs/domain-rules.md, "Meaningful activities").
 */
const REFLECTED = '(p.reflection is not null or p.group_reflection_on is not null)';
const PACKED_COLUMNS = [...Array.from({ length: PACKS }, (_, p) => `t${p}`), 'bits', 'hours'];

/** Every encounter up to the end of the as-of day in England, classified (its day, academic year and window read in England). */
const CLASSIFIED_ENCOUNTERS = `(
          select e.id, e.kind::text as kind, ${inEngland('e.date')}::date as day, ${academicYear(inEngland('e.date'))} as ay, e.in_school_day, e.hours,
                 e.checklist_met, (not e.booked and coalesce(e.adviser_level >= ${QUALIFIED_ADVISER_LEVEL}, false)) as qualified,
                 ${autumnOrSpring(inEngland('e.date'))} as in_window,
                 ${classify('e', 'e.kind')}
            from encounter e
           where e.date < ${START_OF_DAY_AFTER}
        )`;

/** What a register row of encounter `x` adds: attended and reflected (`r`), attended and not reflected (`n`), not attended (`o`: offered). */
const tallies = (variant: 'r' | 'n' | 'o') =>
  packedValues(
    factSql(
      'x',
      { meaningful: variant === 'r' ? 'x.checklist_met' : 'false', qualified: 'x.qualified', schoolDay: 'x.in_school_day' },
      variant === 'o' ? 'false' : 'true',
    ),
  ).map((sql, i) => `${sql} as ${PACKED_COLUMNS[i]}_${variant}`);
const VARIANTS = ['r', 'n', 'o'] as const;

/**
 * The encounters that add anything to any measure, with what a register row adds (`*_r` when the
 * pupil attended and reflected, `*_n` when they attended and did not, `*_o` when they did not attend)
 * and whether a row they did not attend adds anything (`offered`), as `e`, worked out once per
 * encounter (`offset 0` keeps the planner from computing them for every register row; it still knows
 * `x.id` is unique). A large cohort's: those of its register rows (`register`), each found by its key.
 * A small cohort's: those its pupils attended (or were offered, for a measure of what was offered),
 * found through the pupil index.
 */
const encounterTallies = (large: boolean) => `(
      select y.*, (${PACKED_COLUMNS.map((c) => `y.${c}_o <> 0`).join(' or ')}) as offered from (
        select x.id, x.ay, ${VARIANTS.flatMap(tallies).join(', ')}
          from ${CLASSIFIED_ENCOUNTERS} x
         where ${
           large
             ? `x.id in (select r.encounter_id from register r)`
             : `x.id in (select p.encounter_id from participation p where p.attended and p.pupil_id = any(:pupilIds::uuid[]))
            or (${countsUnattended('x')} and x.id in (select p.encounter_id from participation p where not p.attended and p.pupil_id = any(:pupilIds::uuid[])))`
         }
        offset 0
      ) y
      where ${PACKED_COLUMNS.flatMap((c) => VARIANTS.map((v) => `y.${c}_${v} <> 0`)).join(' or ')}
    )`;

/**
 * A large cohort's register rows (a trust's): its pupils' rows, found through the pupil index, so that
 * a database holding many trusts costs a trust what its own rows cost, not what the whole table does.
 * Every row of a pupil is found, at any school of any trust (a pupil's history follows them, a pupil
 * who moved in from another trust included), exactly the rows the filter on the cohort's pupils keeps
 * from the whole table. Materialized: its encounters are looked up from it, then its rows joined to them.
 */
const REGISTER = `register as materialized (
  select p.pupil_id, p.encounter_id, p.attended, ${REFLECTED} as reflected
    from participation p
   where p.pupil_id = any(:pupilIds::uuid[])
)`;

/** Verified own activities of the cohort's pupils (of the `cohort` CTE), classified as `a` (they are always meaningful, never in the school day). */
const OWN_ACTIVITIES = `(
      select a.*, true as meaningful, true as qualified, false as in_school_day, ${academicYear('a.day')} as ay, ${autumnOrSpring('a.day')} as in_window,
             ${classify('a', 'a.kind')}
        from (
          -- A job still going (or ended this academic year) counts in this academic year; anything else when it started.
          select o.pupil_id, c.cur, c.cur_ks, o.id, o.title, ${ownKindSql('o.kind')} as kind, ${ownBenchmarksSql('o.kind')} as benchmarks, null::text as subject, o.hours,
                 case when o.kind = 'PART_TIME_JOB' and coalesce(o.ended_on, :asOf::date) >= make_date(:academicYear, 9, 1) then greatest(o.started_on, make_date(:academicYear, 9, 1)) else o.started_on end as day
            from cohort c join own_activity o on o.pupil_id = c.pupil_id
           where o.status = 'VERIFIED' and o.started_on <= :asOf::date
        ) a
    )`;

/** The cohort: pupils in Years 7–13 within the filter, whether they are considering higher education. */
const COHORT_CTE = `
cohort as (
  select c.pupil_id, c.cur, ${ks('c.cur')} as cur_ks, c.mask, c.school_ix, coalesce(o.considering_higher_education, false) as he
    from unnest(:pupilIds::uuid[], :yearGroups::int[], :groupMasks::int[], :schoolIndexes::int[]) as c(pupil_id, cur, mask, school_ix)
    left join pupil_outlook o on o.pupil_id = c.pupil_id
   where c.cur between 7 and 13 and (:onlyGroups::int = 0 or c.mask & :onlyGroups::int <> 0) and (:onlyYearGroup::int = 0 or c.cur = :onlyYearGroup::int)
)`;

const ownPacked = packedValues(factSql('a', { meaningful: 'a.meaningful', qualified: 'a.qualified', schoolDay: 'a.in_school_day' }, 'true'));

/** The most academic years back a fact is looked for (a Year 13 pupil's Year 7 was six years ago). */
const YEARS_BACK = 30;
const SELECTOR_COLUMNS = [...Array.from({ length: PACKS }, (_, p) => `m${p}`), 'mbits', ...Object.keys(HOURS)];
/**
 * A selector column's entry for a pupil-year row: the arrays have one entry per year group now (7–13)
 * and number of years back (0–YEARS_BACK). An array lookup rather than a join, so that the plan cannot
 * go wrong on it; each array is read once (an init plan), not copied into every row.
 */
const SELECTED = `(case when :academicYear - y.ay between 0 and ${YEARS_BACK} then (c.cur - 7) * ${YEARS_BACK + 1} + (:academicYear - y.ay) + 1 end)`;
const selected = (column: string) => `(select ${column} from selector)[${SELECTED}]`;

/**
 * Per pupil of the cohort (facts or none): a count per measure and a state per measure.
 *  - `per_year` reads the registers once: each row adds its encounter's precomputed tallies (one set
 *    for reflected rows, one for the rest, the only thing a row adds to its encounter), summed by
 *    pupil and academic year.
 *  - `selector`: for each year group now and number of years back, which lanes count (a mask per
 *    packed int), from the rules' years; one row of arrays.
 *  - `counts` masks each pupil-year's tallies by its selector and sums them per pupil;
 *  - `tallies` unpacks each measure's count from its lanes, and `states` grades it (0 not applicable,
 *    1 not met, 2 in progress, 3 met).
 */
const statesCtes = (large: boolean) => `
${large ? `${REGISTER},\n` : ''}per_year as (
  select x.pupil_id, x.ay, ${PACKED_COLUMNS.slice(0, PACKS)
    .map((c) => `sum(x.${c}) as ${c}`)
    .join(', ')}, bit_or(x.bits) as bits, sum(x.hours) as hours
    from (
      select p.pupil_id, e.ay, ${PACKED_COLUMNS.map((c) => `case when not p.attended then e.${c}_o when ${large ? 'p.reflected' : REFLECTED} then e.${c}_r else e.${c}_n end as ${c}`).join(', ')}
        from ${large ? 'register' : 'participation'} p
        join ${encounterTallies(large)} e on e.id = p.encounter_id
       where (p.attended or e.offered)${large ? '' : ' and p.pupil_id = any(:pupilIds::uuid[])'}
      union all
      select a.pupil_id, a.ay, ${ownPacked.map((sql, i) => `${sql} as ${PACKED_COLUMNS[i]}`).join(', ')}
        from ${OWN_ACTIVITIES} a
    ) x
   group by x.pupil_id, x.ay
),
selector as (
  select ${SELECTOR_COLUMNS.map((name) => `array_agg(${name} order by cur, back) as ${name}`).join(', ')}
    from (
      select n.cur, b.back,
        ${Array.from({ length: PACKS }, (_, p) => `(${laneMasks(COUNT_LANES, p * LANES_PER_PACK, (p + 1) * LANES_PER_PACK, LANE_WIDTH)}) as m${p}`).join(',\n        ')},
        (${laneMasks(BIT_LANES, 0, BIT_LANES.length, BIT_LANE_WIDTH)}) as mbits,
        ${Object.entries(HOURS)
          .map(([name, years]) => `${years('(n.cur - b.back)')} as ${name}`)
          .join(', ')}
        from generate_series(7, 13) as n(cur) cross join generate_series(0, ${YEARS_BACK}) as b(back)
    ) one_per_year
),
counts as (
  select c.pupil_id, c.cur, c.mask, c.he, c.school_ix,
    ${Array.from({ length: PACKS }, (_, p) => `coalesce(sum((y.t${p} & ${selected(`m${p}`)}::int8)::int), 0) as t${p}`).join(', ')},
    coalesce(bit_or(y.bits & ${selected('mbits')}), 0) as bits,
    ${Object.keys(HOURS)
      .map((name) => `coalesce(sum(case when ${selected(name)} then y.hours end), 0)::float8 as ${name}`)
      .join(', ')}
    from cohort c
    left join per_year y on y.pupil_id = c.pupil_id
   group by c.pupil_id, c.cur, c.mask, c.he, c.school_ix
),
tallies as (
  select t.*,
    ${MEASURE_KEYS.map((m) => `${countSql(m)} as ${countColumn(m)}`).join(',\n    ')}
  from counts t
),
states as (
  select t.*,
    ${MEASURE_KEYS.map((m) => `${stateSql(m)} as ${stateColumn(m)}`).join(',\n    ')}
  from tallies t
)`;

/** SQL: the mask of lanes [from, to) that count for a year group now (`n.cur`) a number of years back (`b.back`). */
function laneMasks(lanes: Lane[], from: number, to: number, width: number): string {
  const years: Years = { yg: '(n.cur - b.back)', cur: 'n.cur', curKs: ks('n.cur'), inWindow: '' };
  return lanes
    .slice(from, to)
    .map((lane, i) => `case when ${lane.selected(years)} then ${(1 << width) - 1} << ${i * width} else 0 end`)
    .join(' | ');
}

/** The number of bits set in a small int (PostgreSQL 15 has no bit_count for integers). */
const bitCount = (x: string) => `length(replace((${x})::bit(${BIT_LANE_WIDTH})::text, '0', ''))`;

/** SQL (over a pupil's `counts` row `t`): the measure's count, its lanes added up. */
function countSql(measure: BenchmarkMeasureKey): string {
  if (RULES[measure].tally === 'bits') {
    const i = BIT_LANES.findIndex((lane) => lane.measure === measure);
    return bitCount(`((t.bits >> ${i * BIT_LANE_WIDTH}) & ${BIT_LANE_MASK})`);
  }
  return COUNT_LANES.map((lane, i) => ({ lane, ...laneAt(i) }))
    .filter(({ lane }) => lane.measure === measure)
    .map(({ pack, shift }) => `((t.${pack} >> ${shift}) & ${LANE_MASK})::int`)
    .join(' + ');
}

/** State codes: 0 not applicable, 1 not met, 2 in progress, 3 met. */
export const STATE_CODES = ['NOT_APPLICABLE', 'NOT_MET', 'IN_PROGRESS', 'MET'] as const;
export type StateName = (typeof STATE_CODES)[number];

function stateSql(measure: BenchmarkMeasureKey): string {
  const rule = RULES[measure];
  const n = `t.${countColumn(measure)}`;
  const graded = `(case when ${n} >= ${rule.needed} then 3 when ${n} > 0 then 2 else 1 end)`;
  return rule.applies ? `(case when ${rule.applies} then ${graded} else 0 end)` : graded;
}

/**
 * Each fact of the cohort with, per measure, whether it bears on it (`f_*`: the right sort, in the
 * right year groups); whether it also meets the measure's need is in its own columns (`meaningful`,
 * `qualified`, `in_school_day`). The evidence behind a pupil's states; meant for small cohorts.
 */
const FLAGGED_CTE = `
facts as (
  select c.pupil_id, c.cur, c.cur_ks, 'E'::text as source, e.id as ref_id, e.kind, e.day, e.ay, e.in_school_day, e.checklist_met,
         (case when p.reflection is not null then 'OWN' when p.group_reflection_on is not null then 'GROUP' end) as reflected,
         (p.attended and e.checklist_met and ${REFLECTED}) as meaningful, e.qualified, e.in_window, p.attended, p.declined,
         e.b2, e.subject_no, e.b5, e.b6, e.b7_range, e.b7_visit, e.guidance, e.pa, e.workplace
    from cohort c
    join participation p on p.pupil_id = c.pupil_id
    join ${CLASSIFIED_ENCOUNTERS} e on e.id = p.encounter_id and (p.attended or ${countsUnattended('e')})
  union all
  select a.pupil_id, a.cur, a.cur_ks, 'A', a.id, a.kind, a.day, a.ay, a.in_school_day, true, 'OWN', true, true, a.in_window, true, false,
         a.b2, a.subject_no, a.b5, a.b6, a.b7_range, a.b7_visit, a.guidance, a.pa, a.workplace
    from ${OWN_ACTIVITIES} a
),
flagged as (
  select f.*, f.cur - (:academicYear - f.ay) as yg,
    ${MEASURE_KEYS.map((m) => {
      const rule = RULES[m];
      const fact = factSql('f', { meaningful: 'f.meaningful', qualified: 'f.qualified', schoolDay: 'f.in_school_day' }, 'f.attended');
      const bears = rule.tally === 'count' ? rule.bears(fact) : `${rule.bears(fact)} <> 0`;
      return `(${bears}${rule.offered ? '' : ' and f.attended'} and ${rule.years({ yg: '(f.cur - (:academicYear - f.ay))', cur: 'f.cur', curKs: 'f.cur_ks', inWindow: 'f.in_window' })}) as ${flagColumn(m)}`;
    }).join(',\n    ')}
  from facts f
)`;

/** The aggregates a dashboard cell needs for every measure: pupils met, in progress, not met. */
const CELL_AGGREGATES = MEASURE_KEYS.map((m) => {
  const column = stateColumn(m);
  return `count(*) filter (where ${column} = 3) as ${column}_met, count(*) filter (where ${column} = 2) as ${column}_progress, count(*) filter (where ${column} = 1) as ${column}_not`;
}).join(',\n  ');

// ---------------------------------------------------------------------------------------------
// Statements: everything the engine runs, each one statement whatever the cohort's size.
// ---------------------------------------------------------------------------------------------

/** Every statement starts with the cohort; states are read with the plan that suits its size (see BenchmarkEngine.run). */
const statesWith = (large: boolean) => `with ${COHORT_CTE},\n${statesCtes(large)}`;

/** What a fact of the `flagged` CTE (as `fl`, its encounter `e` or own activity `a`) carries into a pupil's evidence. */
const FACT_FIELDS = {
  source: 'fl.source',
  refId: 'fl.ref_id',
  kind: 'fl.kind',
  title: "coalesce(e.title, a.title, '')",
  day: "to_char(fl.day, 'YYYY-MM-DD')",
  yearGroupThen: 'fl.yg',
  meaningful: 'fl.meaningful',
  checklistMet: 'fl.checklist_met',
  reflected: 'fl.reflected',
  inSchoolDay: 'fl.in_school_day',
  qualified: 'fl.qualified',
  attended: 'fl.attended',
  declined: 'fl.declined',
  bears: `json_build_array(${MEASURE_KEYS.map((m) => `fl.${flagColumn(m)}`).join(', ')})`,
} as const;

/** Work-experience targets in hours: 5 days by the end of Year 9, 10 by the end of Year 11. */
const LOWER_TARGET = 5 * HOURS_PER_DAY;
const TOTAL_TARGET = 10 * HOURS_PER_DAY;

/** Each statement built once per shape, then reused: building and numbering the SQL is not per request. */
function once<A extends (string | boolean)[]>(build: (...args: A) => string): (...args: A) => NamedStatement {
  const built = new Map<string, NamedStatement>();
  return (...args) => {
    const key = args.join('/');
    let statement = built.get(key);
    if (!statement) built.set(key, (statement = new NamedStatement(build(...args))));
    return statement;
  };
}

export const STATEMENTS = {
  /** Each pupil's state on every measure (those the cohort filters keep), by year group then pupil. */
  pupilStates: once(
    (large: boolean) => `${statesWith(large)}
select *, count(*) over () as total from states order by cur, pupil_id`,
  ),

  /** A page of the pupils not (yet) meeting `measure`. Own parameters: :limit, :offset. */
  gaps: once(
    (large: boolean, measure: BenchmarkMeasureKey) => `${statesWith(large)}
select *, count(*) over () as total from states where ${stateColumn(measure)} in (1, 2) order by cur, pupil_id limit :limit offset :offset`,
  ),

  /** Each pupil's states and, as one JSON array newest first, the facts behind them. For the small cohorts of a progress request. */
  progress: once(
    (large: boolean) => `${statesWith(large)},
${FLAGGED_CTE},
evidence as (
  select fl.pupil_id,
         json_agg(json_build_object(${Object.entries(FACT_FIELDS)
           .map(([name, sql]) => `'${name}', ${sql}`)
           .join(', ')}) order by fl.day desc, fl.ref_id) as facts
    from flagged fl
    left join encounter e on fl.source = 'E' and e.id = fl.ref_id
    left join own_activity a on fl.source = 'A' and a.id = fl.ref_id
   group by fl.pupil_id
)
select s.*, ev.facts from states s left join evidence ev on ev.pupil_id = s.pupil_id order by s.cur, s.pupil_id`,
  ),

  /**
   * A school's dashboard, its two axes filtered apart (the cohort filters stay open): rows by year group
   * (and all years) for the pupils in :yearRowsGroups (a mask; 0: everyone), and a row per vulnerable
   * group for the pupils in :groupRowsYearGroup (0: every year group); work-experience figures per year group.
   */
  schoolAggregate: once(
    (large: boolean) => `${statesWith(large)}
select 'year' as axis, cur as key, grouping(cur) as rolled, count(*) as pupils,
       avg(we_lower + we_upper) as we_avg,
       count(*) filter (where (cur <= 9 and we_lower >= ${LOWER_TARGET}) or (cur >= 10 and we_lower + we_upper >= ${TOTAL_TARGET})) as we_reached,
       ${CELL_AGGREGATES}
  from states where (:yearRowsGroups::int = 0 or mask & :yearRowsGroups::int <> 0)
 group by rollup(cur)
union all
select 'group', g.bit, 0, count(*), 0, 0, ${CELL_AGGREGATES}
  from states cross join generate_series(0, ${VULNERABLE_GROUPS.length - 1}) as g(bit)
 where mask & (1 << g.bit) <> 0 and (:groupRowsYearGroup::int = 0 or cur = :groupRowsYearGroup::int)
 group by g.bit`,
  ),

  /**
   * Every school's self-evaluation figures at once (a school as its place in the cohort's list): per school, every measure
   * by year group (and all years) and by vulnerable group (all years), for all pupils. The school dashboard's unfiltered
   * rows, school by school, without its work-experience figures.
   */
  schoolsAggregate: once(
    (large: boolean) => `${statesWith(large)}
select 'year' as axis, school_ix, cur as key, grouping(cur) as rolled, count(*) as pupils, ${CELL_AGGREGATES}
  from states
 group by school_ix, rollup(cur)
union all
select 'group', school_ix, g.bit, 0, count(*), ${CELL_AGGREGATES}
  from states cross join generate_series(0, ${VULNERABLE_GROUPS.length - 1}) as g(bit)
 where mask & (1 << g.bit) <> 0
 group by school_ix, g.bit`,
  ),

  /** A trust's dashboard: every measure per school (its place in the cohort's list) and for the whole trust. */
  trustAggregate: once(
    (large: boolean) => `${statesWith(large)}
select school_ix, grouping(school_ix) as rolled, count(*) as pupils, ${CELL_AGGREGATES}
  from states group by rollup(school_ix)`,
  ),
};
