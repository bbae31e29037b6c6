import type { EntityManager } from '@mikro-orm/sql';
import { BENCHMARK_MEASURES, HOURS_PER_DAY, VULNERABLE_GROUPS, academicYearOf, type BenchmarkMeasureKey } from '@waymark/domain';
import { boundSql, pgArray } from '@waymark/subgraph-kit';
import { CELL_AGGREGATES, COUNTS_CTE, FACTS_CTE, MEASURE_KEYS, MEASURE_SQL, STATES_CTE, STATE_CODES, stateColumn, type StateName } from './engine.sql.js';

/** The pupils a computation runs over, as the pupils subgraph's `cohort` answers (parallel arrays). */
export interface CohortArrays {
  pupilIds: string[];
  schoolIds: string[];
  yearGroups: number[];
  groupMasks: number[];
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
  flags: Record<string, boolean>;
}

/** From this many pupils a statement reads most register rows (see BenchmarkEngine.run). */
export const LARGE_COHORT = 5000;

/** Bit i of a group mask is VULNERABLE_GROUPS[i]. */
export const groupBit = (groupKey: string) => VULNERABLE_GROUPS.findIndex((group) => group.key === groupKey);

/** Only pupils with a known year group (7–13) are measured. */
export function usableCohort(cohort: CohortArrays, filter: { yearGroup?: number | null; groupBit?: number | null } = {}): CohortArrays {
  const out: CohortArrays = { pupilIds: [], schoolIds: [], yearGroups: [], groupMasks: [] };
  for (let i = 0; i < cohort.pupilIds.length; i += 1) {
    const yearGroup = cohort.yearGroups[i];
    if (yearGroup < 7 || yearGroup > 13) continue;
    if (filter.yearGroup != null && yearGroup !== filter.yearGroup) continue;
    if (filter.groupBit != null && (cohort.groupMasks[i] & (1 << filter.groupBit)) === 0) continue;
    out.pupilIds.push(cohort.pupilIds[i]);
    out.schoolIds.push(cohort.schoolIds[i]);
    out.yearGroups.push(yearGroup);
    out.groupMasks.push(cohort.groupMasks[i]);
  }
  return out;
}

/** The distinct schools of a cohort, and each pupil's school as its place among them (small ints travel cheaper than ids). */
function schoolIndexes(cohort: CohortArrays): { schools: string[]; indexes: number[] } {
  const schools: string[] = [];
  const place = new Map<string, number>();
  const indexes = cohort.schoolIds.map((id) => {
    let at = place.get(id);
    if (at === undefined) {
      at = schools.push(id) - 1;
      place.set(id, at);
    }
    return at;
  });
  return { schools, indexes };
}

function baseParams(cohort: CohortArrays, asOf: string): unknown[] {
  return [
    pgArray(cohort.pupilIds),
    pgArray(cohort.yearGroups),
    pgArray(cohort.groupMasks),
    asOf,
    academicYearOf(new Date(`${asOf}T00:00:00Z`)),
    pgArray(schoolIndexes(cohort).indexes),
  ];
}

const WITH = `with ${FACTS_CTE},
${COUNTS_CTE},
${STATES_CTE}`;

type AggregateRow = Record<string, number | string | null>;

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
 * travels as arrays, and the rules are the shared CTEs of engine.sql.ts.
 */
export class BenchmarkEngine {
  constructor(private readonly em: EntityManager) {}

  /**
   * Runs an engine statement. A school's cohort reads a few thousand register rows, best found through
   * the index on pupil (the connection prices random reads for SSDs); a trust's reads most of the
   * table, where scanning it and hashing is several times faster, so for large cohorts the statement
   * runs with random reads priced at PostgreSQL's default instead.
   */
  private async run(cohort: CohortArrays, sql: string, params: unknown[]): Promise<{ rows: AggregateRow[] }> {
    if (cohort.pupilIds.length < LARGE_COHORT) return boundSql<AggregateRow>(this.em, sql, params);
    return this.em.transactional(async (tx) => {
      await tx.execute('set local random_page_cost = 4');
      return boundSql<AggregateRow>(tx, sql, params);
    });
  }

  /** Each pupil's state on every measure. */
  async pupilStates(cohort: CohortArrays, asOf: string, page?: { measure: BenchmarkMeasureKey; limit: number; offset: number }): Promise<{ rows: PupilStates[]; total: number }> {
    const params = baseParams(cohort, asOf);
    let tail = 'select *, count(*) over () as total from states order by cur, pupil_id';
    if (page) {
      params.push(page.limit, page.offset);
      tail = `select *, count(*) over () as total from states where ${stateColumn(page.measure)} in (1, 2) order by cur, pupil_id limit $7 offset $8`;
    }
    const { rows } = await this.run(cohort, `${WITH}\n${tail}`, params);
    return {
      total: rows.length > 0 ? Number(rows[0].total) : 0,
      rows: rows.map((row) => ({
        pupilId: String(row.pupil_id),
        yearGroup: Number(row.cur),
        hoursYears7to9: Number(row.we_lower),
        hoursYears10to11: Number(row.we_upper),
        states: Object.fromEntries(
          MEASURE_KEYS.map((measure) => [
            measure,
            { state: STATE_CODES[Number(row[stateColumn(measure)])], count: Number(row[MEASURE_SQL[measure].count]), needed: MEASURE_SQL[measure].needed },
          ]),
        ) as PupilStates['states'],
      })),
    };
  }

  /** The cohort's facts with what each counts towards: the evidence behind their states. */
  async factsOf(cohort: CohortArrays, asOf: string): Promise<FactRow[]> {
    const flagColumns = ['f_b2', 'f_b4', 'f_b5', 'f_b6_16', 'f_b6_18', 'f_b7_sixth', 'f_b7_fe', 'f_b7_uni', 'f_b7_training', 'f_b7_18', 'f_b8_16', 'f_b8_18', 'f_pa1', 'f_pa2', 'f_pa3'];
    const { rows } = await this.run(
      cohort,
      `${WITH}
       select fl.*, to_char(fl.day, 'YYYY-MM-DD') as day_text, coalesce(e.title, a.title) as title
         from flagged fl
         left join encounter e on fl.source = 'E' and e.id = fl.ref_id
         left join own_activity a on fl.source = 'A' and a.id = fl.ref_id
        order by fl.day desc, fl.ref_id`,
      baseParams(cohort, asOf),
    );
    return rows.map((row) => ({
      pupilId: String(row.pupil_id),
      source: row.source as 'E' | 'A',
      refId: String(row.ref_id),
      kind: String(row.kind),
      title: String(row.title ?? ''),
      day: String(row.day_text),
      yearGroupThen: Number(row.yg),
      meaningful: Boolean(row.meaningful),
      checklistMet: Boolean(row.checklist_met),
      reflected: Boolean(row.reflected),
      inSchoolDay: Boolean(row.in_school_day),
      qualified: Boolean(row.qualified),
      flags: Object.fromEntries(flagColumns.map((column) => [column, Boolean(row[column])])),
    }));
  }

  /**
   * A school's dashboard: every measure by year group (and all years) for the pupils in `groupBit`
   * (all when null), and by each vulnerable group for `yearGroup` (all when null); work experience
   * by year group.
   */
  async schoolAggregate(cohort: CohortArrays, asOf: string, filter: { groupBit: number | null; yearGroup: number | null }): Promise<SchoolAggregate> {
    const params = baseParams(cohort, asOf);
    params.push(filter.groupBit === null ? 0 : 1 << filter.groupBit, filter.yearGroup ?? 0);
    const lowerTarget = 5 * HOURS_PER_DAY;
    const totalTarget = 10 * HOURS_PER_DAY;
    const { rows } = await this.run(
      cohort,
      `${WITH}
       select 'year' as axis, cur as key, grouping(cur) as rolled, count(*) as pupils,
              avg(we_lower + we_upper) as we_avg,
              count(*) filter (where (cur <= 9 and we_lower >= ${lowerTarget}) or (cur >= 10 and we_lower + we_upper >= ${totalTarget})) as we_reached,
              ${CELL_AGGREGATES}
         from states where ($7::int = 0 or mask & $7::int <> 0)
        group by rollup(cur)
       union all
       select 'group', g.bit, 0, count(*), 0, 0, ${CELL_AGGREGATES}
         from states cross join generate_series(0, ${VULNERABLE_GROUPS.length - 1}) as g(bit)
        where mask & (1 << g.bit) <> 0 and ($8::int = 0 or cur = $8::int)
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

  /** A trust's dashboard: every measure per school (and for the whole trust). */
  async trustAggregate(cohort: CohortArrays, asOf: string): Promise<{ pupilCount: number; bySchool: Map<string, { pupilCount: number; cells: Cell[] }>; totals: Cell[] }> {
    const { schools } = schoolIndexes(cohort);
    const { rows } = await this.run(
      cohort,
      `${WITH}
       select school_ix, grouping(school_ix) as rolled, count(*) as pupils, ${CELL_AGGREGATES}
         from states group by rollup(school_ix)`,
      baseParams(cohort, asOf),
    );
    const bySchool = new Map<string, { pupilCount: number; cells: Cell[] }>();
    let totals: Cell[] = [];
    let pupilCount = 0;
    for (const row of rows) {
      if (Number(row.rolled) === 1) {
        pupilCount = Number(row.pupils);
        totals = cellsOf(row, { yearGroup: null, group: null });
      } else {
        const schoolId = schools[Number(row.school_ix)];
        bySchool.set(schoolId, { pupilCount: Number(row.pupils), cells: cellsOf(row, { yearGroup: null, group: null, schoolId }) });
      }
    }
    return { pupilCount, bySchool, totals };
  }
}

export const MEASURE_INFO = new Map(BENCHMARK_MEASURES.map((m) => [m.key as BenchmarkMeasureKey, m]));
