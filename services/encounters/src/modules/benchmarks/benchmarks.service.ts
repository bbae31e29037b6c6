import type { EntityManager } from '@mikro-orm/sql';
import { BENCHMARK_MEASURES, HOURS_PER_DAY, VULNERABLE_GROUPS, academicYearOf, type BenchmarkMeasureKey } from '@waymark/domain';
import { boundSql, pgArray } from '@waymark/subgraph-kit';
import { CELL_AGGREGATES, COHORT_CTE, FLAGGED_CTE, MEASURE_KEYS, RULES, STATE_CODES, countColumn, flagColumn, stateColumn, statesCtes, type StateName } from './benchmarks.sql.js';

/**
 * The pupils a computation runs over, as the pupils subgraph's `packedCohort` answers: each column one
 * comma-separated string, in the same order, handed to the database as it is.
 */
export interface PackedCohort {
  size: number;
  /** Each pupil's school is its place in this list. */
  schoolIds: string[];
  pupilIds: string;
  schoolIndexes: string;
  yearGroups: string;
  groupMasks: string;
}

/** The same, as arrays (a cohort built in code, e.g. in tests). */
export interface CohortArrays {
  pupilIds: string[];
  schoolIds: string[];
  yearGroups: number[];
  groupMasks: number[];
}

/** Packs a cohort held as arrays. */
export function packCohort(cohort: CohortArrays): PackedCohort {
  const schoolIds: string[] = [];
  const place = new Map<string, number>();
  const indexes = cohort.schoolIds.map((id) => {
    let at = place.get(id);
    if (at === undefined) {
      at = schoolIds.push(id) - 1;
      place.set(id, at);
    }
    return at;
  });
  return {
    size: cohort.pupilIds.length,
    schoolIds,
    pupilIds: cohort.pupilIds.join(','),
    schoolIndexes: indexes.join(','),
    yearGroups: cohort.yearGroups.join(','),
    groupMasks: cohort.groupMasks.join(','),
  };
}

/** Which of the cohort's pupils a computation keeps (besides Years 7–13, always): those in a group, in a year group. */
export interface CohortFilter {
  groupBit?: number | null;
  yearGroup?: number | null;
}

export interface Cell {
  measure: BenchmarkMeasureKey;
  yearGroup: number | null;
  group: string | null;
  schoolId?: string | null;
  eligible: number;
  met: number;
  inProgress: number;
  notMet: number;
}

export interface PupilStates {
  pupilId: string;
  yearGroup: number;
  states: Record<BenchmarkMeasureKey, { state: StateName; count: number; needed: number }>;
  hoursYears7to9: number;
  hoursYears10to11: number;
}

export interface FactRow {
  pupilId: string;
  source: 'E' | 'A';
  refId: string;
  kind: string;
  title: string;
  day: string;
  yearGroupThen: number;
  meaningful: boolean;
  checklistMet: boolean;
  reflected: boolean;
  inSchoolDay: boolean;
  qualified: boolean;
  /** The measures the fact bears on (the right sort, in the right year groups), whether or not it meets their need. */
  bearsOn: BenchmarkMeasureKey[];
}

/** From this many pupils a statement reads most register rows (see BenchmarkEngine.run). */
export const LARGE_COHORT = 5000;
/** Memory a large cohort's statement may hash in (its pupil-year tallies are a few tens of MB for a trust). */
const LARGE_COHORT_WORK_MEM = '64MB';

/** Bit i of a group mask is VULNERABLE_GROUPS[i]. */
export const groupBit = (groupKey: string) => VULNERABLE_GROUPS.findIndex((group) => group.key === groupKey);

function baseParams(cohort: PackedCohort, asOf: string, filter: CohortFilter = {}): unknown[] {
  // A packed column is an array literal's contents: the database parses each once, when it binds it.
  const literal = (packed: string) => `{${packed}}`;
  return [
    literal(cohort.pupilIds),
    literal(cohort.yearGroups),
    literal(cohort.groupMasks),
    asOf,
    academicYearOf(new Date(`${asOf}T00:00:00Z`)),
    literal(cohort.schoolIndexes),
    filter.groupBit == null ? 0 : 1 << filter.groupBit,
    filter.yearGroup ?? 0,
  ];
}

/** Every statement of the engine starts with the cohort; states are read with the plan that suits its size. */
const statesWith = (cohort: PackedCohort) => `with ${COHORT_CTE},\n${statesCtes(cohort.size >= LARGE_COHORT)}`;

type AggregateRow = Record<string, number | string | null>;

/** A `states` row as a pupil's states. */
function statesOf(row: AggregateRow): PupilStates {
  return {
    pupilId: String(row.pupil_id),
    yearGroup: Number(row.cur),
    hoursYears7to9: Number(row.we_lower),
    hoursYears10to11: Number(row.we_upper),
    states: Object.fromEntries(
      MEASURE_KEYS.map((measure) => [
        measure,
        { state: STATE_CODES[Number(row[stateColumn(measure)])], count: Number(row[countColumn(measure)]), needed: RULES[measure].needed },
      ]),
    ) as PupilStates['states'],
  };
}

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
  bears: `json_build_array(${MEASURE_KEYS.map((m) => `fl.${flagColumn(m)}`).join(', ')})`,
} as const;
type RawFact = Omit<FactRow, 'pupilId' | 'bearsOn'> & { bears: (boolean | null)[] };

function factOf(pupilId: string, raw: RawFact): FactRow {
  const { bears, ...fact } = raw;
  return { pupilId, ...fact, refId: String(fact.refId), bearsOn: MEASURE_KEYS.filter((_, i) => bears[i] === true) };
}

function cellsOf(row: AggregateRow, key: { yearGroup: number | null; group: string | null; schoolId?: string | null }): Cell[] {
  return MEASURE_KEYS.map((measure) => {
    const column = stateColumn(measure);
    const met = Number(row[`${column}_met`]);
    const inProgress = Number(row[`${column}_progress`]);
    const notMet = Number(row[`${column}_not`]);
    return { measure, ...key, eligible: met + inProgress + notMet, met, inProgress, notMet };
  });
}

export interface SchoolAggregate {
  pupilCount: number;
  cells: Cell[];
  groupCells: Cell[];
  workExperience: { yearGroup: number; pupils: number; averageHours: number; reachedTarget: number }[];
}

/**
 * Reads the engine's answers. Every method is ONE statement whatever the cohort's size: the cohort
 * travels packed, and the rules are those of benchmarks.sql.ts.
 */
export class BenchmarkEngine {
  constructor(private readonly em: EntityManager) {}

  /**
   * Runs an engine statement. A school's cohort reads a few thousand register rows, best found through
   * the index on pupil (the connection prices random reads for SSDs). A trust's reads most of the
   * table: scanning it and hashing is several times faster, and its per-pupil, per-year tallies (tens
   * of thousands of groups, which the planner cannot foresee from packed input) are best hashed in
   * memory, so large cohorts run with random reads at PostgreSQL's default price and room to hash.
   */
  private async run(cohort: PackedCohort, sql: string, params: unknown[]): Promise<{ rows: AggregateRow[] }> {
    if (cohort.size < LARGE_COHORT) return boundSql<AggregateRow>(this.em, sql, params);
    return this.em.transactional(async (tx) => {
      // One setting per statement: PGlite (like any extended-protocol client) takes one command at a time.
      await tx.execute('set local random_page_cost = 4');
      await tx.execute(`set local work_mem = '${LARGE_COHORT_WORK_MEM}'`);
      return boundSql<AggregateRow>(tx, sql, params);
    });
  }

  /** Each pupil's state on every measure (those kept by `filter`); a page of those not meeting `page.measure` when asked. */
  async pupilStates(
    cohort: PackedCohort,
    asOf: string,
    filter: CohortFilter = {},
    page?: { measure: BenchmarkMeasureKey; limit: number; offset: number },
  ): Promise<{ rows: PupilStates[]; total: number }> {
    const params = baseParams(cohort, asOf, filter);
    let tail = 'select *, count(*) over () as total from states order by cur, pupil_id';
    if (page) {
      params.push(page.limit, page.offset);
      tail = `select *, count(*) over () as total from states where ${stateColumn(page.measure)} in (1, 2) order by cur, pupil_id limit $9 offset $10`;
    }
    const { rows } = await this.run(cohort, `${statesWith(cohort)}\n${tail}`, params);
    return { total: rows.length > 0 ? Number(rows[0].total) : 0, rows: rows.map(statesOf) };
  }

  /**
   * Each pupil's states with the evidence behind them, in one statement: the states, and each
   * pupil's facts (with the measures each bears on) as one JSON array, newest first. Meant for the
   * small cohorts of a progress request.
   */
  async progressOf(cohort: PackedCohort, asOf: string): Promise<{ states: PupilStates; facts: FactRow[] }[]> {
    const { rows } = await this.run(
      cohort,
      `${statesWith(cohort)},
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
      baseParams(cohort, asOf),
    );
    return rows.map((row) => {
      const pupilId = String(row.pupil_id);
      const raw = typeof row.facts === 'string' ? (JSON.parse(row.facts) as RawFact[]) : ((row.facts as unknown as RawFact[] | null) ?? []);
      return { states: statesOf(row), facts: raw.map((fact) => factOf(pupilId, fact)) };
    });
  }

  /**
   * A school's dashboard: every measure by year group (and all years) for the pupils in `groupBit`
   * (all when null), and by each vulnerable group for `yearGroup` (all when null); work experience
   * by year group.
   */
  async schoolAggregate(cohort: PackedCohort, asOf: string, filter: { groupBit: number | null; yearGroup: number | null }): Promise<SchoolAggregate> {
    const params = baseParams(cohort, asOf);
    params.push(filter.groupBit === null ? 0 : 1 << filter.groupBit, filter.yearGroup ?? 0);
    const lowerTarget = 5 * HOURS_PER_DAY;
    const totalTarget = 10 * HOURS_PER_DAY;
    const { rows } = await this.run(
      cohort,
      `${statesWith(cohort)}
       select 'year' as axis, cur as key, grouping(cur) as rolled, count(*) as pupils,
              avg(we_lower + we_upper) as we_avg,
              count(*) filter (where (cur <= 9 and we_lower >= ${lowerTarget}) or (cur >= 10 and we_lower + we_upper >= ${totalTarget})) as we_reached,
              ${CELL_AGGREGATES}
         from states where ($9::int = 0 or mask & $9::int <> 0)
        group by rollup(cur)
       union all
       select 'group', g.bit, 0, count(*), 0, 0, ${CELL_AGGREGATES}
         from states cross join generate_series(0, ${VULNERABLE_GROUPS.length - 1}) as g(bit)
        where mask & (1 << g.bit) <> 0 and ($10::int = 0 or cur = $10::int)
        group by g.bit`,
      params,
    );
    const result: SchoolAggregate = { pupilCount: 0, cells: [], groupCells: [], workExperience: [] };
    for (const row of rows) {
      if (row.axis === 'year') {
        const yearGroup = Number(row.rolled) === 1 ? null : Number(row.key);
        if (yearGroup === null) result.pupilCount = Number(row.pupils);
        else result.workExperience.push({ yearGroup, pupils: Number(row.pupils), averageHours: Math.round(Number(row.we_avg) * 10) / 10, reachedTarget: Number(row.we_reached) });
        result.cells.push(...cellsOf(row, { yearGroup, group: filter.groupBit === null ? null : VULNERABLE_GROUPS[filter.groupBit].key }));
      } else {
        result.groupCells.push(...cellsOf(row, { yearGroup: filter.yearGroup, group: VULNERABLE_GROUPS[Number(row.key)].key }));
      }
    }
    result.workExperience.sort((a, b) => a.yearGroup - b.yearGroup);
    return result;
  }

  /** A trust's dashboard: every measure per school (and for the whole trust), for the pupils kept by `filter`. */
  async trustAggregate(
    cohort: PackedCohort,
    asOf: string,
    filter: CohortFilter = {},
  ): Promise<{ pupilCount: number; bySchool: Map<string, { pupilCount: number; cells: Cell[] }>; totals: Cell[] }> {
    const { rows } = await this.run(
      cohort,
      `${statesWith(cohort)}
       select school_ix, grouping(school_ix) as rolled, count(*) as pupils, ${CELL_AGGREGATES}
         from states group by rollup(school_ix)`,
      baseParams(cohort, asOf, filter),
    );
    const bySchool = new Map<string, { pupilCount: number; cells: Cell[] }>();
    let totals: Cell[] = [];
    let pupilCount = 0;
    for (const row of rows) {
      if (Number(row.rolled) === 1) {
        pupilCount = Number(row.pupils);
        totals = cellsOf(row, { yearGroup: null, group: null });
      } else {
        const schoolId = cohort.schoolIds[Number(row.school_ix)];
        bySchool.set(schoolId, { pupilCount: Number(row.pupils), cells: cellsOf(row, { yearGroup: null, group: null, schoolId }) });
      }
    }
    return { pupilCount, bySchool, totals };
  }
}

export const MEASURE_INFO = new Map(BENCHMARK_MEASURES.map((m) => [m.key as BenchmarkMeasureKey, m]));
