import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { todayInEngland } from '@waymark/domain';
import { boundSql, isUuid, pgArray, scopeOf, type RequestContext } from '@waymark/subgraph-kit';
import { cohortCounters, LEAVING_YEAR_SQL, selectCohort } from '../cohort/cohort.service.js';
import type { PackedFollowedLeavers, PackedLeaverCohorts, PackedLeaverYear } from './leavers.types.js';

/*
 * Year 11 leavers for the destinations subgraph, packed (one string per column) so that thousands of
 * leavers cost one request and no per-pupil GraphQL work. Both answer with the caller's own rights:
 * the roll on a day is the `cohort`'s (cohort.service.ts), and a pupil's details go only to staff of
 * the school the pupil is at or last left, as `Pupil.year11LeavingYear` and `Pupil.consent` do.
 */

/** The day a leaver of `leavingYear` must have been on roll to count as the school's leaver. */
const summerDay = (leavingYear: number) => `${leavingYear}-06-01`;

/*
 * The cohort's selection binds the day's academic year as `$2` for the year group, which these
 * statements do not read; `$2::int is not null` (always true) gives it a type all the same.
 */

/**
 * For destination figures: for each leaving year, the pupils on roll on 1 June of that summer at the
 * schools asked for (an analyst's whole trust when none are) whose leaving year is that summer, with
 * their school, group mask that day and sharing opt-out. Staff count their own school, analysts
 * their trust's schools; anyone else counts nothing. One statement for every past summer, each
 * narrowed to that summer's leavers (and one of its own for a summer from today on).
 *
 * The past summers' answer is kept with the cohort counters of the schools it counts over
 * (cohort-version.entity.ts), read first: while no counter has moved, the same question is answered
 * from what was kept, and the statement is not run again. A summer from today on is always worked out.
 */
export async function loadPackedLeaverCohorts(
  ctx: Pick<RequestContext, 'em' | 'requestId' | 'principal'>,
  query: { schoolIds: readonly string[] | null; leavingYears: readonly number[] },
): Promise<PackedLeaverCohorts> {
  const { em, principal } = ctx;
  const scope = scopeOf(principal);
  if (scope.kind !== 'school' && scope.kind !== 'trust') return { schoolsAllowed: [], years: query.leavingYears.map(emptyYear) };
  if (query.leavingYears.length === 0) return { schoolsAllowed: [], years: [] };
  // Every summer before today has the same statement but for its day, so one statement answers them
  // all: each leaving year's day stands in for the cohort's `$1`. A summer from today on (its flags are
  // today's) is asked on its own.
  const today = todayInEngland();
  const past = query.leavingYears.filter((year) => summerDay(year) < today);
  const byYear = new Map<number, PackedLeaverYear>();
  let schoolsAllowed: string[] | null = null;
  if (past.length > 0) {
    const key = await pastSummersKey(ctx, scope, query.schoolIds, past);
    const kept = key === null ? undefined : keptFor(em).pastSummers.get(key);
    if (kept) {
      schoolsAllowed = kept.schoolsAllowed;
      for (const year of kept.years) byYear.set(year.leavingYear, year);
    } else {
      ({ schoolsAllowed } = await pastSummers(em, principal, query.schoolIds, past, byYear));
      if (key !== null) keptFor(em).pastSummers.keep(key, { schoolsAllowed, years: past.map((year) => byYear.get(year) ?? emptyYear(year)) });
    }
  }
  for (const leavingYear of query.leavingYears.filter((y) => !past.includes(y))) {
    const { year, allowed } = await oneYear(em, principal, query.schoolIds, leavingYear);
    schoolsAllowed ??= allowed;
    byYear.set(leavingYear, year);
  }
  return { schoolsAllowed: schoolsAllowed ?? [], years: query.leavingYears.map((year) => byYear.get(year) ?? emptyYear(year)) };
}

/** The past summers' leavers, in one statement (or one a summer when the selection cannot be shared), into `byYear`. */
async function pastSummers(
  em: EntityManager,
  principal: Principal,
  schoolIds: readonly string[] | null,
  past: readonly number[],
  byYear: Map<number, PackedLeaverYear>,
): Promise<{ schoolsAllowed: string[] }> {
  const selection = await selectCohort(em, principal, { asOf: summerDay(past[0]), schoolIds });
  const from = selection.from ? narrowed(selection.from.replaceAll('$1::date', 'make_date(d.leaving_year, 6, 1)'), 'd.leaving_year') : null;
  if (from !== null && selection.schools && !/\$1(?!\d)/.test(from)) {
    const params = [...selection.params, pgArray(selection.schools), pgArray(past)];
    const { rows } = await boundSql<PackedRow & { leaving_year: number }>(
      em,
      `select d.leaving_year, ${PACKED_COLUMNS}
         from unnest($${params.length}::int[]) as d(leaving_year)
         left join lateral (
           select p.id, array_position($${params.length - 1}::uuid[], r.school_id) - 1 as school_ix, ${selection.mask} as mask,
                  p.local_authority_sharing_opt_out as opt_out
             from ${from}
            where ${LEAVING_YEAR_SQL} = d.leaving_year and $1::date is not null and $2::int is not null
         ) c on true
        group by d.leaving_year`,
      params,
    );
    for (const row of rows) byYear.set(Number(row.leaving_year), packedYear(Number(row.leaving_year), row));
  } else if (from !== null) {
    for (const year of past) byYear.set(year, (await oneYear(em, principal, schoolIds, year)).year);
  }
  return { schoolsAllowed: selection.schoolsAllowed };
}

/** A past summers' answer as it was worked out: the schools in the order the indexes refer to, and each summer's leavers. */
interface KeptPastSummers {
  schoolsAllowed: string[];
  years: PackedLeaverYear[];
}

/**
 * Answers kept in this process under a key that names everything they were worked out from,
 * cohort counters included (cohort-version.entity.ts). At most 64 are kept; the one used longest ago
 * goes first. Counts how many were worked out and how many served as kept, for tests.
 */
class KeptAnswers<T> {
  private readonly answers = new Map<string, T>();
  constructor(readonly counts: { computed: number; kept: number }) {}

  get(key: string): T | undefined {
    const answer = this.answers.get(key);
    if (answer === undefined) {
      this.counts.computed += 1;
      return undefined;
    }
    this.counts.kept += 1;
    this.answers.delete(key);
    this.answers.set(key, answer);
    return answer;
  }

  keep(key: string, answer: T): void {
    this.answers.delete(key);
    this.answers.set(key, answer);
    while (this.answers.size > 64) this.answers.delete(this.answers.keys().next().value!);
  }
}

const pastSummersCounts = { computed: 0, kept: 0 };
const leftSinceCounts = { computed: 0, kept: 0 };

/**
 * The kept answers of one database: keyed by the ORM's configuration (which every fork of its entity
 * manager shares), so that two apps in one process on two databases (as tests run them), whose schools
 * may have the same ids and counters, never share an answer.
 */
const keptByDatabase = new WeakMap<object, { pastSummers: KeptAnswers<KeptPastSummers>; leftSince: KeptAnswers<string[]> }>();
function keptFor(em: EntityManager) {
  let kept = keptByDatabase.get(em.config);
  if (!kept) keptByDatabase.set(em.config, (kept = { pastSummers: new KeptAnswers(pastSummersCounts), leftSince: new KeptAnswers(leftSinceCounts) }));
  return kept;
}

/** For tests: how many past-summers answers were worked out and how many were served as kept, since the process started. */
export function pastSummersLookups(): { computed: number; kept: number } {
  return { ...pastSummersCounts };
}

/** For tests: the same for the leavers who left a school since their summers (`packedFollowedLeavers`). */
export function leftSinceLookups(): { computed: number; kept: number } {
  return { ...leftSinceCounts };
}

/**
 * What a past summers' answer depends on, as one key: who counts (a school's staff, or a trust's
 * analysts), the schools asked for, the summers, and the cohort counter of every school the caller may
 * count over (`cohortCounters`). Read before the answer is worked out, so an answer is never kept under
 * a counter newer than what it read. Null: nothing can be kept (no school).
 */
async function pastSummersKey(
  ctx: Pick<RequestContext, 'em' | 'requestId' | 'principal'>,
  scope: { kind: 'school'; schoolId: string } | { kind: 'trust'; trustId: string },
  schoolIds: readonly string[] | null,
  past: readonly number[],
): Promise<string | null> {
  const counted = await cohortCounters(ctx, schoolIds);
  if (counted.length === 0) return null;
  const asked = schoolIds?.filter((id) => isUuid(id)).map((id) => id.toLowerCase()) ?? null;
  const id = scope.kind === 'trust' ? `trust:${scope.trustId}` : `school:${scope.schoolId}`;
  return JSON.stringify([id, asked === null ? null : [...asked].sort(), past, counted.map((school) => `${school.id}@${school.version}`)]);
}

/** Where the cohort's first branch (each pupil's latest period at a school) picks its rows from `pupil p`. */
const LATEST_PERIOD = 'where (p.left_on is null or p.left_on > ';

/**
 * The cohort's selection with its first branch also narrowed to pupils whose leaving year is `year`
 * (SQL), so that the roll of each 1 June is not sorted whole only to keep one year group. The
 * statements filter on the leaving year again over the whole selection, so this changes nothing but
 * the work: when the branch is not where it is expected, the selection is used as it is.
 */
function narrowed(from: string, year: string): string {
  const at = from.indexOf(LATEST_PERIOD);
  if (at < 0 || from.indexOf(LATEST_PERIOD, at + 1) >= 0) return from;
  return `${from.slice(0, at)}where ${LEAVING_YEAR_SQL} = ${year} and ${from.slice(at + 'where '.length)}`;
}

/** A leaving year's packed columns as the statements below give them. */
interface PackedRow {
  size: number;
  pupil_ids: string | null;
  school_indexes: string | null;
  group_masks: string | null;
  opt_outs: string | null;
}

/** Aggregates over `c` (id, school_ix, mask, opt_out), in one pass so that every column sees the rows in the same order. */
const PACKED_COLUMNS = `count(c.id)::int as size,
              string_agg(c.id::text, ',') as pupil_ids,
              string_agg(c.school_ix::text, ',') as school_indexes,
              string_agg(c.mask::text, ',') as group_masks,
              string_agg(c.opt_out::int::text, ',') as opt_outs`;

const emptyYear = (leavingYear: number): PackedLeaverYear => ({ leavingYear, size: 0, pupilIds: '', schoolIndexes: '', groupMasks: '', sharingOptOuts: '' });

const packedYear = (leavingYear: number, row: PackedRow): PackedLeaverYear => ({
  leavingYear,
  size: Number(row.size),
  pupilIds: row.pupil_ids ?? '',
  schoolIndexes: row.school_indexes ?? '',
  groupMasks: row.group_masks ?? '',
  sharingOptOuts: row.opt_outs ?? '',
});

/** One leaving year's leavers, in a statement of its own. */
async function oneYear(
  em: EntityManager,
  principal: Principal,
  schoolIds: readonly string[] | null,
  leavingYear: number,
): Promise<{ year: PackedLeaverYear; allowed: string[] }> {
  const selection = await selectCohort(em, principal, { asOf: summerDay(leavingYear), schoolIds });
  const allowed = selection.schoolsAllowed;
  if (selection.from === null || !selection.schools) return { year: emptyYear(leavingYear), allowed };
  const params = [...selection.params, pgArray(selection.schools), leavingYear];
  const { rows } = await boundSql<PackedRow>(
    em,
    `select ${PACKED_COLUMNS}
       from (
         select p.id, array_position($${params.length - 1}::uuid[], r.school_id) - 1 as school_ix, ${selection.mask} as mask, p.local_authority_sharing_opt_out as opt_out
           from ${narrowed(selection.from, `$${params.length}::int`)}
          where ${LEAVING_YEAR_SQL} = $${params.length}::int and $2::int is not null
       ) c`,
    params,
  );
  return { year: packedYear(leavingYear, rows[0]), allowed };
}

/**
 * For a school's staff following up and recording their leavers: the pupils named in `pupilIds`, and
 * those on roll at the caller's school on 1 June of one of `leavingYears` who finished Year 11 that
 * summer and are not on roll there on `asOf` (`leftSince`), each with UPN, leaving year, agreement to
 * being followed and sharing opt-out. Only pupils whose school, or last school, is the caller's are
 * answered (anyone else named is left out), and only staff of a school are answered at all.
 */
export async function loadPackedFollowedLeavers(
  ctx: Pick<RequestContext, 'em' | 'requestId' | 'principal'>,
  query: { asOf: string; leavingYears: readonly number[]; pupilIds: readonly string[] | null },
): Promise<PackedFollowedLeavers> {
  const { em, principal } = ctx;
  const none: PackedFollowedLeavers = { size: 0, pupilIds: '', upns: '', leavingYears: '', trackings: '', sharingOptOuts: '', leftSince: '' };
  const scope = scopeOf(principal);
  if (scope.kind !== 'school') return none;
  const school = scope.schoolId;
  const onRoll = async (asOf: string, leavingYear: number | null): Promise<string[]> => {
    const selection = await selectCohort(em, principal, { asOf, schoolIds: [school] });
    if (selection.from === null) return [];
    const params = [...selection.params, school];
    const onlyYear = leavingYear === null ? '' : ` and ${LEAVING_YEAR_SQL} = ${leavingYear.toFixed(0)}`;
    const { rows } = await boundSql<{ ids: string[] | null }>(
      em,
      `select array_agg(p.id::text) as ids from ${leavingYear === null ? selection.from : narrowed(selection.from, leavingYear.toFixed(0))}
        where r.school_id = $${params.length}::uuid${onlyYear} and $2::int is not null`,
      params,
    );
    return rows[0]?.ids ?? [];
  };
  // Who left since their summers depends only on the school's cohort (its rolls on those days and on
  // `asOf`), so it is kept with the school's cohort counter, read first, as the past summers' leavers are.
  let left = new Set<string>();
  if (query.leavingYears.length > 0) {
    const [counted] = await cohortCounters(ctx, [school]);
    const key = JSON.stringify([school, query.asOf, query.leavingYears, counted?.version ?? '0']);
    const kept = keptFor(em).leftSince.get(key);
    if (kept) left = new Set(kept);
    else {
      const stayed = new Set(await onRoll(query.asOf, null));
      for (const year of query.leavingYears) for (const id of await onRoll(summerDay(year), year)) if (!stayed.has(id)) left.add(id);
      keptFor(em).leftSince.keep(key, [...left]);
    }
  }
  const named = (query.pupilIds ?? []).filter((id) => isUuid(id));
  if (left.size === 0 && named.length === 0) return none;
  const { rows } = await boundSql<{
    size: number;
    pupil_ids: string | null;
    upns: string | null;
    leaving_years: string | null;
    trackings: string | null;
    opt_outs: string | null;
    left_since: string | null;
  }>(
    em,
    `select count(*)::int as size,
            string_agg(p.id::text, ',') as pupil_ids,
            string_agg(p.upn, ',') as upns,
            string_agg(${LEAVING_YEAR_SQL}::text, ',') as leaving_years,
            string_agg(p.destination_tracking::int::text, ',') as trackings,
            string_agg(p.local_authority_sharing_opt_out::int::text, ',') as opt_outs,
            string_agg((p.id = any($3::uuid[]))::int::text, ',') as left_since
       from pupil p
      where p.school_id = $1::uuid and (p.id = any($2::uuid[]) or p.id = any($3::uuid[]))`,
    [school, pgArray(named), pgArray([...left])],
  );
  const row = rows[0];
  return {
    size: Number(row.size),
    pupilIds: row.pupil_ids ?? '',
    upns: row.upns ?? '',
    leavingYears: row.leaving_years ?? '',
    trackings: row.trackings ?? '',
    sharingOptOuts: row.opt_outs ?? '',
    leftSince: row.left_since ?? '',
  };
}
