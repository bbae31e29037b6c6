import type { EntityManager } from '@mikro-orm/sql';
import { VULNERABLE_GROUPS, academicYearOfDay, type BenchmarkMeasureKey } from '@waymark/domain';
import { boundSql, withRequestBypass, type RequestContext } from '@waymark/subgraph-kit';
import { MEASURE_KEYS, RULES, STATE_CODES, STATEMENTS, countColumn, stateColumn, type StateName } from './benchmarks.sql.js';
import type { PackedCohortQuery } from '../external/pupils.generated.js';
import type { NamedStatement } from './named-params.js';

/**
 * The pupils a computation runs over, as the pupils subgraph's `packedCohort` answers (typed from its
 * schema): each column one comma-separated string, in the same order, handed to the database as it
 * is; each pupil's school is its place in `schoolIds`.
 */
export type PackedCohort = Omit<PackedCohortQuery['packedCohort'], 'schoolsAllowed'>;

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
  /** How the reflection item was met: the pupil's own reflection, reflection time for the group, or not at all. */
  reflected: 'OWN' | 'GROUP' | null;
  inSchoolDay: boolean;
  qualified: boolean;
  /** Whether the pupil went (own activities always did); a register row they did not attend is a fact only for a measure of what was offered. */
  attended: boolean;
  /** Offered and the pupil chose not to go (never when attended). */
  declined: boolean;
  /** The measures the fact bears on (the right sort, in the right year groups), whether or not it meets their need. */
  bearsOn: BenchmarkMeasureKey[];
}

/** From this many pupils a statement reads most register rows (see BenchmarkEngine.run). */
export const LARGE_COHORT = 5000;
/** Memory a large cohort's statement may hash in (its pupil-year tallies are a few tens of MB for a trust). */
const LARGE_COHORT_WORK_MEM = '64MB';

/** Bit i of a group mask is VULNERABLE_GROUPS[i]. */
export const groupBit = (groupKey: string) => VULNERABLE_GROUPS.findIndex((group) => group.key === groupKey);

/** A vulnerable group's bit as a mask; 0 (everyone) for none. */
const groupMask = (bit: number | null | undefined) => (bit == null ? 0 : 1 << bit);

/** The parameters every statement shares (see benchmarks.sql.ts), by name. */
function cohortParams(cohort: PackedCohort, asOf: string, filter: CohortFilter = {}): Record<string, unknown> {
  // A packed column is an array literal's contents: the database parses each once, when it binds it.
  const literal = (packed: string) => `{${packed}}`;
  return {
    pupilIds: literal(cohort.pupilIds),
    yearGroups: literal(cohort.yearGroups),
    groupMasks: literal(cohort.groupMasks),
    schoolIndexes: literal(cohort.schoolIndexes),
    asOf,
    academicYear: academicYearOfDay(asOf),
    onlyGroups: groupMask(filter.groupBit),
    onlyYearGroup: filter.yearGroup ?? 0,
  };
}

/** The plan a cohort's statements take (see BenchmarkEngine.run). */
const isLarge = (cohort: PackedCohort) => cohort.size >= LARGE_COHORT;

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
/**
 * Runs the engine for a request. Every engine statement is limited to the cohort the pupils
 * subgraph answered for this caller (which includes a pupil's rows from a former school, and
 * pupils' own outlook rows that the tenant's school alone would not reach), so the statements run
 * under a named, logged bypass of the row-level security backstop (docs/security.md).
 */
export function withEngine<T>(ctx: Pick<RequestContext, 'em' | 'requestId'>, work: (engine: BenchmarkEngine) => Promise<T>): Promise<T> {
  return withRequestBypass(ctx, 'benchmark engine: statements limited to the cohort the pupils subgraph answered for this caller', (em) =>
    work(new BenchmarkEngine(em)),
  );
}

export class BenchmarkEngine {
  constructor(private readonly em: EntityManager) {}

  /**
   * Runs an engine statement. A school's cohort reads a few thousand register rows, best found through
   * the index on pupil (the connection prices random reads for SSDs). A trust's per-pupil, per-year
   * tallies (tens of thousands of groups, which the planner cannot foresee from packed input) are best
   * hashed in memory, so large cohorts run with random reads at PostgreSQL's default price and room to
   * hash. A large cohort's rows are read from its pupils, through indexes (`register` in
   * benchmarks.sql.ts), never by scanning a table: in a database of many trusts a scan reads every
   * trust's rows, and the planner, which cannot see that only one trust's pupils are asked for, prices
   * the two alike at a handful of trusts. No JIT compilation either: the statement's estimated cost
   * grows with the tables, not with the cohort, and compiling it (hundreds of milliseconds, more once
   * the estimate passes the optimising threshold) would make a database of more trusts slower for the
   * same trust.
   */
  private async run(cohort: PackedCohort, statement: NamedStatement, params: Record<string, unknown>): Promise<{ rows: AggregateRow[] }> {
    const { text } = statement;
    const values = statement.values(params);
    if (!isLarge(cohort)) return boundSql<AggregateRow>(this.em, text, values);
    return this.em.transactional(async (tx) => {
      // One setting per statement: PGlite (like any extended-protocol client) takes one command at a time.
      await tx.execute('set local random_page_cost = 4');
      await tx.execute(`set local work_mem = '${LARGE_COHORT_WORK_MEM}'`);
      await tx.execute('set local enable_seqscan = off');
      await tx.execute('set local jit = off');
      return boundSql<AggregateRow>(tx, text, values);
    });
  }

  /** Each pupil's state on every measure (those kept by `filter`); a page of those not meeting `page.measure` when asked. */
  async pupilStates(
    cohort: PackedCohort,
    asOf: string,
    filter: CohortFilter = {},
    page?: { measure: BenchmarkMeasureKey; limit: number; offset: number },
  ): Promise<{ rows: PupilStates[]; total: number }> {
    const params = cohortParams(cohort, asOf, filter);
    const { rows } = page
      ? await this.run(cohort, STATEMENTS.gaps(isLarge(cohort), page.measure), { ...params, limit: page.limit, offset: page.offset })
      : await this.run(cohort, STATEMENTS.pupilStates(isLarge(cohort)), params);
    return { total: rows.length > 0 ? Number(rows[0].total) : 0, rows: rows.map(statesOf) };
  }

  /**
   * Each pupil's states with the evidence behind them, in one statement: the states, and each
   * pupil's facts (with the measures each bears on) as one JSON array, newest first. Meant for the
   * small cohorts of a progress request.
   */
  async progressOf(cohort: PackedCohort, asOf: string): Promise<{ states: PupilStates; facts: FactRow[] }[]> {
    const { rows } = await this.run(cohort, STATEMENTS.progress(isLarge(cohort)), cohortParams(cohort, asOf));
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
    // The cohort filters stay open: the filter applies to each axis on its own.
    const { rows } = await this.run(cohort, STATEMENTS.schoolAggregate(isLarge(cohort)), {
      ...cohortParams(cohort, asOf),
      yearRowsGroups: groupMask(filter.groupBit),
      groupRowsYearGroup: filter.yearGroup ?? 0,
    });
    const result: SchoolAggregate = { pupilCount: 0, cells: [], groupCells: [], workExperience: [] };
    for (const row of rows) {
      if (row.axis === 'year') {
        const yearGroup = Number(row.rolled) === 1 ? null : Number(row.key);
        if (yearGroup === null) result.pupilCount = Number(row.pupils);
        else
          result.workExperience.push({
            yearGroup,
            pupils: Number(row.pupils),
            averageHours: Math.round(Number(row.we_avg) * 10) / 10,
            reachedTarget: Number(row.we_reached),
          });
        result.cells.push(...cellsOf(row, { yearGroup, group: filter.groupBit === null ? null : VULNERABLE_GROUPS[filter.groupBit].key }));
      } else {
        result.groupCells.push(...cellsOf(row, { yearGroup: filter.yearGroup, group: VULNERABLE_GROUPS[Number(row.key)].key }));
      }
    }
    result.workExperience.sort((a, b) => a.yearGroup - b.yearGroup);
    return result;
  }

  /**
   * Each school's unfiltered dashboard cells (by year group and all years; by vulnerable group over all years), for
   * every school of the cohort in one statement: what the self-evaluation of each school is pre-filled from.
   */
  async schoolsAggregate(cohort: PackedCohort, asOf: string): Promise<Map<string, { pupilCount: number; cells: Cell[]; groupCells: Cell[] }>> {
    const { rows } = await this.run(cohort, STATEMENTS.schoolsAggregate(isLarge(cohort)), cohortParams(cohort, asOf));
    const bySchool = new Map<string, { pupilCount: number; cells: Cell[]; groupCells: Cell[] }>();
    for (const row of rows) {
      const schoolId = cohort.schoolIds[Number(row.school_ix)];
      let school = bySchool.get(schoolId);
      if (!school) bySchool.set(schoolId, (school = { pupilCount: 0, cells: [], groupCells: [] }));
      if (row.axis === 'year') {
        const yearGroup = Number(row.rolled) === 1 ? null : Number(row.key);
        if (yearGroup === null) school.pupilCount = Number(row.pupils);
        school.cells.push(...cellsOf(row, { yearGroup, group: null, schoolId }));
      } else {
        school.groupCells.push(...cellsOf(row, { yearGroup: null, group: VULNERABLE_GROUPS[Number(row.key)].key, schoolId }));
      }
    }
    return bySchool;
  }

  /** A trust's dashboard: every measure per school (and for the whole trust), for the pupils kept by `filter`. */
  async trustAggregate(
    cohort: PackedCohort,
    asOf: string,
    filter: CohortFilter = {},
  ): Promise<{ pupilCount: number; bySchool: Map<string, { pupilCount: number; cells: Cell[] }>; totals: Cell[] }> {
    const { rows } = await this.run(cohort, STATEMENTS.trustAggregate(isLarge(cohort)), cohortParams(cohort, asOf, filter));
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
