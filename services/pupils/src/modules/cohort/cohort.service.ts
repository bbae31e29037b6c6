import type { EntityManager } from '@mikro-orm/sql';
import { hasRole, type Principal } from '@waymark/auth';
import { VULNERABLE_GROUPS, academicYearOf } from '@waymark/domain';
import { boundSql, pgArray, scopeOf } from '@waymark/subgraph-kit';
import type { Cohort } from './cohort.types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** `sen_support::int | ehcp::int << 1 | …`: bit i is VULNERABLE_GROUPS[i]. */
const MASK_SQL = VULNERABLE_GROUPS.map((group, i) => `(${snake(group.key)}::int << ${i})`).join(' | ');

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
  return { schoolsAllowed: [], pupilIds: [], schoolIds: [], yearGroups: [], groupMasks: [], tutorGroups: [], upns: [] };
}

/**
 * Pupils on roll on `asOf` (not left by then) at the schools asked for, within what the caller may
 * read: staff their own school, analysts their trust's schools, a pupil themself, a parent their
 * linked children. One statement for the pupils (and one for the schools of an analyst's trust).
 */
export async function loadCohort(em: EntityManager, principal: Principal, query: CohortQuery): Promise<Cohort> {
  const scope = cohortScope(principal);
  if (scope.kind === 'none') return emptyCohort();
  const asOfDate = new Date(`${query.asOf}T00:00:00Z`);
  const academicYear = academicYearOf(asOfDate);
  const askedSchools = query.schoolIds?.filter((id) => UUID.test(id)) ?? null;
  const askedPupils = query.pupilIds?.filter((id) => UUID.test(id)) ?? null;

  const where: string[] = ['(p.left_on is null or p.left_on > $1::date)'];
  const params: unknown[] = [query.asOf, academicYear];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  let schoolsAllowed: string[];
  if (scope.kind === 'school') {
    schoolsAllowed = askedSchools === null || askedSchools.includes(scope.schoolId) ? [scope.schoolId] : [];
    where.push(`p.school_id = ${bind(scope.schoolId)}::uuid`);
  } else if (scope.kind === 'trust') {
    const schools = await boundSql<{ id: string }>(
      em,
      `select id from school where trust_id = $1::uuid${askedSchools ? ' and id = any($2::uuid[])' : ''} order by name`,
      askedSchools ? [scope.trustId, pgArray(askedSchools)] : [scope.trustId],
    );
    schoolsAllowed = schools.rows.map((row) => row.id);
    where.push(`p.trust_id = ${bind(scope.trustId)}::uuid`, `p.school_id = any(${bind(pgArray(schoolsAllowed))}::uuid[])`);
  } else {
    schoolsAllowed = [];
    where.push(`p.id = any(${bind(pgArray(scope.pupilIds))}::uuid[])`);
  }
  if (askedSchools && scope.kind !== 'trust') where.push(`p.school_id = any(${bind(pgArray(askedSchools))}::uuid[])`);
  if (askedPupils) where.push(`p.id = any(${bind(pgArray(askedPupils))}::uuid[])`);
  if (schoolsAllowed.length === 0 && scope.kind !== 'pupils') return { ...emptyCohort(), schoolsAllowed };

  const mask = scope.flags ? MASK_SQL : '0';
  const { rows } = await boundSql<{ id: string; school_id: string; yg: number | null; mask: number; tutor_group: string | null; upn: string }>(
    em,
    `select p.id, p.school_id, p.year_group + ($2::int - coalesce(p.year_group_academic_year, $2::int)) as yg,
            ${mask} as mask, p.tutor_group, p.upn
       from pupil p
      where ${where.join(' and ')}
      order by p.school_id, p.id`,
    params,
  );
  const cohort = emptyCohort();
  cohort.schoolsAllowed = schoolsAllowed;
  for (const row of rows) {
    cohort.pupilIds.push(row.id);
    cohort.schoolIds.push(row.school_id);
    const yearGroup = row.yg === null ? 0 : Number(row.yg);
    cohort.yearGroups.push(yearGroup >= 7 && yearGroup <= 13 ? yearGroup : 0);
    cohort.groupMasks.push(Number(row.mask));
    cohort.tutorGroups.push(row.tutor_group);
    cohort.upns.push(row.upn);
  }
  return cohort;
}
