import type { EntityManager } from '@mikro-orm/sql';
import { apiFieldRefusal, hasRole, type Principal } from '@waymark/auth';
import { ACADEMIC_TIME_ZONE, VULNERABLE_GROUPS, VULNERABLE_GROUP_CODES, academicYearOfDay, todayInEngland } from '@waymark/domain';
import { boundSql, isUuid, pgArray, scopeOf, type RequestContext } from '@waymark/subgraph-kit';
import type { Cohort, CohortVersionAnswer, PackedCohort } from './cohort.types.js';

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** `p.sen_support::int | p.ehcp::int << 1 | …` over pupil `alias`: bit i is VULNERABLE_GROUPS[i]. */
const maskOf = (alias: string) => `(${VULNERABLE_GROUPS.map((group, i) => `(${alias}.${snake(group.key)}::int << ${i})`).join(' | ')})`;
const GROUP_CODES = `{${VULNERABLE_GROUPS.map((group) => VULNERABLE_GROUP_CODES[group.key]).join(',')}}`;

/**
 * The flags a pupil had at the end of a past day, as bits to flip in today's mask: for each group
 * changed since (`$param` is the first instant after the day), the first change after the day
 * undid what the pupil had then, so the bit differs from today's exactly when that change set
 * today's value. `flag_change` keeps only real changes; an import's starting values have none and
 * hold from the pupil's first day. Joined to `p`, one row per pupil with such changes.
 */
const flagsChangedSince = (param: string) => `left join (
         select f.pupil_id, bit_or(1 << f.bit) as bits
           from (select distinct on (fc.pupil_id, fc."group") fc.pupil_id, fc.value,
                        array_position('${GROUP_CODES}'::text[], fc."group"::text) - 1 as bit
                   from flag_change fc
                  where fc.changed_at >= ${param}
                  order by fc.pupil_id, fc."group", fc.changed_at, fc.id) f
           join pupil q on q.id = f.pupil_id
          where f.value = ((${maskOf('q')} >> f.bit) & 1 = 1)
          group by f.pupil_id
       ) late on late.pupil_id = p.id`;

export interface CohortQuery {
  schoolIds?: readonly string[] | null;
  pupilIds?: readonly string[] | null;
  asOf: string;
}

/** Who the caller may aggregate over, and whether they may read flags. */
type CohortScope =
  | { kind: 'school'; schoolId: string; flags: true }
  | { kind: 'trust'; trustId: string; flags: true }
  | { kind: 'pupils'; pupilIds: string[]; flags: false }
  | { kind: 'none' };

function cohortScope(principal: Principal): CohortScope {
  const scope = scopeOf(principal);
  if (scope.kind === 'school') return { kind: 'school', schoolId: scope.schoolId, flags: true };
  // Analysts aggregate over their trust whether or not they may see pupils one by one: the
  // encounters subgraph only shows them counts unless they hold pupil-level access.
  if (scope.kind === 'trust') return { kind: 'trust', trustId: scope.trustId, flags: true };
  const own: string[] = [];
  if (scope.kind === 'pupil') own.push(scope.pupilId);
  if (principal.kind === 'user' && hasRole(principal, 'parent')) own.push(...(principal.childPupilIds ?? []));
  return own.length > 0 ? { kind: 'pupils', pupilIds: own, flags: false } : { kind: 'none' };
}

function emptyCohort(): Cohort {
  return {
    schoolsAllowed: [],
    pupilIds: [],
    schoolIds: [],
    yearGroups: [],
    groupMasks: [],
    tutorGroups: [],
    upns: [],
    leavingYears: [],
    sharingOptOuts: [],
    homeLocalAuthorityCodes: null,
  };
}

/**
 * Whether the caller may have the cohort's home local authorities: only those who may already read
 * the local authority return of these pupils (docs/security.md, "A pupil's home local authority").
 * Staff of a school read their school's return; a trust's analysts read the trust's, and so do its
 * API keys whose scopes open `localAuthorityReturn` in the scope catalogue (destinations:read; a key
 * with reports:read alone reads this cohort for figures and does not get them). A pupil, a parent and
 * everyone else never do.
 */
function mayReadHomeAuthorities(principal: Principal): boolean {
  const scope = scopeOf(principal);
  if (scope.kind === 'school') return true;
  return scope.kind === 'trust' && apiFieldRefusal(principal, 'query', ['localAuthorityReturn']) === null;
}

/** The pupils a cohort query selects, or why it selects none. */
export interface CohortSelection {
  schoolsAllowed: string[];
  /**
   * SQL: `pupil p` joined with the school each was on roll at on the day (`r.school_id`); null when
   * the caller may read no pupils at all.
   */
  from: string | null;
  params: unknown[];
  /** The group-mask expression: the flags on the day for callers who may read them, 0 otherwise. */
  mask: string;
  /** Every school the pupils can be at, when the scope names them (staff, analysts); null for pupils and parents. */
  schools: string[] | null;
}

/** A period at a school: the pupil row's latest one, or an `enrolment` row's earlier one. */
interface PeriodColumns {
  pupil: string;
  school: string;
  trust: string;
}

/**
 * Which pupils a caller's cohort query covers: staff their own school, analysts their trust's
 * schools, a pupil themself, a parent their linked children; only pupils on roll on `asOf`, at the
 * school they were at that day. A pupil is at their current school up to the day they leave it,
 * unless their history (`enrolment`) has them at another school that day: a pupil who moved counts
 * at their former school for days before the move, and a first import, which knows no history,
 * counts everyone at their current school. `$1` is the day and `$2` its academic year. One
 * statement for an analyst's schools.
 */
export async function selectCohort(em: EntityManager, principal: Principal, query: CohortQuery): Promise<CohortSelection> {
  const scope = cohortScope(principal);
  const params: unknown[] = [query.asOf, academicYearOfDay(query.asOf)];
  const none = (schoolsAllowed: string[]): CohortSelection => ({ schoolsAllowed, from: null, params, mask: '0', schools: null });
  if (scope.kind === 'none') return none([]);
  const askedSchools = query.schoolIds?.filter((id) => isUuid(id)) ?? null;
  const askedPupils = query.pupilIds?.filter((id) => isUuid(id)) ?? null;

  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  /** Conditions on a period, bound once and written for either kind of period. */
  const conditions: ((c: PeriodColumns) => string)[] = [];
  const condition = (value: unknown, sql: (c: PeriodColumns, param: string) => string) => {
    const param = bind(value);
    conditions.push((c) => sql(c, param));
  };
  let schoolsAllowed: string[];
  if (scope.kind === 'school') {
    schoolsAllowed = askedSchools === null || askedSchools.includes(scope.schoolId) ? [scope.schoolId] : [];
    condition(scope.schoolId, (c, param) => `${c.school} = ${param}::uuid`);
  } else if (scope.kind === 'trust') {
    const schools = await boundSql<{ id: string }>(
      em,
      `select id from school where trust_id = $1::uuid${askedSchools ? ' and id = any($2::uuid[])' : ''} order by name`,
      askedSchools ? [scope.trustId, pgArray(askedSchools)] : [scope.trustId],
    );
    schoolsAllowed = schools.rows.map((row) => row.id);
    condition(scope.trustId, (c, param) => `${c.trust} = ${param}::uuid`);
    condition(pgArray(schoolsAllowed), (c, param) => `${c.school} = any(${param}::uuid[])`);
  } else {
    schoolsAllowed = [];
    condition(pgArray(scope.pupilIds), (c, param) => `${c.pupil} = any(${param}::uuid[])`);
  }
  if (askedSchools && scope.kind !== 'trust') condition(pgArray(askedSchools), (c, param) => `${c.school} = any(${param}::uuid[])`);
  if (askedPupils) condition(pgArray(askedPupils), (c, param) => `${c.pupil} = any(${param}::uuid[])`);
  if (schoolsAllowed.length === 0 && scope.kind !== 'pupils') return none(schoolsAllowed);

  const scoped = (c: PeriodColumns) => conditions.map((sql) => ` and ${sql(c)}`).join('');
  const from = `(
         select p.id as pupil_id, p.school_id
           from pupil p
          where (p.left_on is null or p.left_on > $1::date)${scoped({ pupil: 'p.id', school: 'p.school_id', trust: 'p.trust_id' })}
            and not exists (select 1 from enrolment e
                             where e.pupil_id = p.id and e.school_id <> p.school_id and e.started_on <= $1::date and (e.left_on is null or e.left_on > $1::date))
         union
         select e.pupil_id, e.school_id
           from enrolment e
          where e.started_on <= $1::date and (e.left_on is null or e.left_on > $1::date)${scoped({ pupil: 'e.pupil_id', school: 'e.school_id', trust: 'e.trust_id' })}
       ) r
       join pupil p on p.id = r.pupil_id`;
  if (!scope.flags) return { schoolsAllowed, from, params, mask: '0', schools: null };
  // Today's flags are the pupil row's; a past day's undo the changes made since.
  if (query.asOf >= todayInEngland()) return { schoolsAllowed, from, params, mask: maskOf('p'), schools: schoolsAllowed };
  const after = bind(ACADEMIC_TIME_ZONE);
  return {
    schoolsAllowed,
    from: `${from}
       ${flagsChangedSince(`(($1::date + 1)::timestamp at time zone ${after})`)}`,
    params,
    mask: `(${maskOf('p')} # coalesce(late.bits, 0))`,
    schools: schoolsAllowed,
  };
}

/** The year group in the academic year of `$2`, 0 when unknown or outside 7–13. */
const YEAR_GROUP_SQL = `coalesce(case when p.year_group + ($2::int - coalesce(p.year_group_academic_year, $2::int)) between 7 and 13
                                     then p.year_group + ($2::int - coalesce(p.year_group_academic_year, $2::int)) end, 0)`;

/** The summer the pupil finishes Year 11 by their date of birth: the academic year they were born in plus 17 (`year11LeavingYear` in @waymark/domain). */
export const LEAVING_YEAR_SQL = `(extract(year from p.date_of_birth)::int - (extract(month from p.date_of_birth) < 9)::int + 17)`;

/**
 * The cohort as parallel arrays, with tutor groups and UPNs (for registers and one pupil's lookups).
 * `withHomes`: whether the home local authorities were asked for (read only then, and only for a caller who may have them).
 */
export async function loadCohort(em: EntityManager, principal: Principal, query: CohortQuery, { withHomes = true } = {}): Promise<Cohort> {
  const selection = await selectCohort(em, principal, query);
  const homes = withHomes && mayReadHomeAuthorities(principal);
  if (selection.from === null) return { ...emptyCohort(), schoolsAllowed: selection.schoolsAllowed, homeLocalAuthorityCodes: homes ? [] : null };
  const { rows } = await boundSql<{
    id: string;
    school_id: string;
    yg: number;
    mask: number;
    tutor_group: string | null;
    upn: string;
    leaving_year: number;
    opt_out: boolean;
    home_la_code: string | null;
  }>(
    em,
    `select p.id, r.school_id, ${YEAR_GROUP_SQL} as yg, ${selection.mask} as mask, p.tutor_group, p.upn,
            ${LEAVING_YEAR_SQL} as leaving_year, p.local_authority_sharing_opt_out as opt_out${homes ? ', p.home_la_code' : ''}
       from ${selection.from}
      order by r.school_id, p.id`,
    selection.params,
  );
  const cohort = emptyCohort();
  cohort.schoolsAllowed = selection.schoolsAllowed;
  const homeCodes: (string | null)[] = [];
  if (homes) cohort.homeLocalAuthorityCodes = homeCodes;
  for (const row of rows) {
    cohort.pupilIds.push(row.id);
    cohort.schoolIds.push(row.school_id);
    cohort.yearGroups.push(Number(row.yg));
    cohort.groupMasks.push(Number(row.mask));
    cohort.tutorGroups.push(row.tutor_group);
    cohort.upns.push(row.upn);
    cohort.leavingYears.push(Number(row.leaving_year));
    cohort.sharingOptOuts.push(row.opt_out === true);
    if (homes) homeCodes.push(row.home_la_code ?? null);
  }
  return cohort;
}

/**
 * The same cohort packed for bulk use (a trust's 25,000 pupils): each column one comma-separated
 * string built by the database, so neither this subgraph nor GraphQL touches a pupil one by one, and
 * the encounters subgraph hands the strings to its own database as they are. Each pupil's school is
 * its place in `schoolIds`.
 */
export async function loadPackedCohort(em: EntityManager, principal: Principal, query: CohortQuery): Promise<PackedCohort> {
  const selection = await selectCohort(em, principal, query);
  const packed: PackedCohort = {
    schoolsAllowed: selection.schoolsAllowed,
    size: 0,
    schoolIds: [],
    pupilIds: '',
    schoolIndexes: '',
    yearGroups: '',
    groupMasks: '',
  };
  if (selection.from === null) return packed;
  // Each pupil's school as its place in the scope's schools; for pupils and parents (a handful of
  // pupils), in the schools they are at. No ORDER BY anywhere (each would sort again): the
  // aggregates of one pass all see the rows in the same order, which is all parallel columns need.
  const params = [...selection.params];
  let schoolIndex: string;
  let schoolIds: string;
  if (selection.schools) {
    params.push(pgArray(selection.schools));
    schoolIndex = `array_position($${params.length}::uuid[], r.school_id) - 1`;
    schoolIds = `$${params.length}::uuid[]`;
  } else {
    schoolIndex = 'dense_rank() over (order by r.school_id) - 1';
    schoolIds = 'array_agg(distinct school_id order by school_id)';
  }
  const { rows } = await boundSql<{
    size: number;
    school_ids: string[] | null;
    pupil_ids: string | null;
    school_indexes: string | null;
    year_groups: string | null;
    group_masks: string | null;
  }>(
    em,
    `select count(*)::int as size, ${schoolIds} as school_ids,
            string_agg(id::text, ',') as pupil_ids,
            string_agg(school_ix::text, ',') as school_indexes,
            string_agg(yg::text, ',') as year_groups,
            string_agg(mask::text, ',') as group_masks
       from (
         select p.id, r.school_id, ${schoolIndex} as school_ix, ${YEAR_GROUP_SQL} as yg, ${selection.mask} as mask
           from ${selection.from}
       ) c`,
    params,
  );
  const row = rows[0];
  return {
    ...packed,
    size: Number(row.size),
    schoolIds: row.school_ids ?? [],
    pupilIds: row.pupil_ids ?? '',
    schoolIndexes: row.school_indexes ?? '',
    yearGroups: row.year_groups ?? '',
    groupMasks: row.group_masks ?? '',
  };
}

/** A school the caller may count over, with its name (public) and its cohort counter (cohort-version.entity.ts). */
export interface CountedSchool {
  id: string;
  name: string;
  version: string;
}

/**
 * The schools among `schoolIds` (every one when null) whose cohort the caller may read, as
 * `packedCohort` decides it (staff their own school, analysts the schools of their trust), each with
 * its name and cohort counter, by id; anyone else, none. One statement, under the row-level security:
 * staff read their own school's counter, and a trust's analysts the counters of the trust's schools
 * (cohort-version.entity.ts), with the school or trust in the statement as well. A counter says
 * nothing about a pupil.
 */
export async function cohortCounters(
  ctx: Pick<RequestContext, 'em' | 'requestId' | 'principal'>,
  schoolIds: readonly string[] | null,
): Promise<CountedSchool[]> {
  const scope = cohortScope(ctx.principal);
  if (scope.kind !== 'school' && scope.kind !== 'trust') return [];
  const asked = schoolIds?.filter((id) => isUuid(id)).map((id) => id.toLowerCase()) ?? null;
  if (asked?.length === 0) return [];
  const { rows } = await boundSql<CountedSchool>(
    ctx.em,
    `select s.id, s.name, coalesce(v.version, 0)::text as version from school s left join cohort_version v on v.school_id = s.id
      where ${scope.kind === 'trust' ? 's.trust_id' : 's.id'} = $1::uuid and ($2::uuid[] is null or s.id = any($2::uuid[]))
      order by s.id`,
    [scope.kind === 'trust' ? scope.trustId : scope.schoolId, asked === null ? null : pgArray(asked)],
    { prepared: true },
  );
  return rows;
}

/**
 * Whether the caller may read one school's cohort, and the school's cohort counter and name
 * (`cohortCounters`): what the encounters subgraph asks before it serves a school's stored dashboard
 * answer.
 */
export async function loadCohortVersion(ctx: Pick<RequestContext, 'em' | 'requestId' | 'principal'>, schoolId: string): Promise<CohortVersionAnswer> {
  const [school] = isUuid(schoolId) ? await cohortCounters(ctx, [schoolId]) : [];
  if (!school) return { schoolsAllowed: [], version: '0', schoolName: null };
  return { schoolsAllowed: [school.id], version: school.version, schoolName: school.name };
}
