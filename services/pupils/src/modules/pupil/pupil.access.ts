import type { FilterQuery } from '@mikro-orm/core';
import { hasRole, isSchoolStaff, type Principal } from '@waymark/auth';
import { pupilRowScope, scopeOf } from '@waymark/subgraph-kit';
import type { Pupil } from './pupil.entity.js';

/** Filters that need a subquery, supplied by the service that owns the entity manager. */
export interface PupilSubqueries {
  /** Pupils with an enrolment (past or present) at a school, or in a trust. */
  enrolledAt(where: { schoolId: string } | { trustId: string }): FilterQuery<Pupil>;
  /** Pupils whose current school lets linked parents in. */
  atParentAccessSchools(): FilterQuery<Pupil>;
}

export function isLinkedParent(principal: Principal, pupilId: string): boolean {
  return principal.kind === 'user' && hasRole(principal, 'parent') && principal.childPupilIds.includes(pupilId);
}

/**
 * The rows of `pupil` a caller may read at all, as a filter every query starts from; null when
 * the caller may read none. Staff and analysts with pupil-level access: their school's (trust's)
 * pupils, and former pupils through their enrolments there (field resolvers then show those only
 * their basic record); a pupil: their own; a parent: linked children whose school allows it.
 * Employers, alumni and the gateway itself never read pupils.
 */
export function visiblePupils(principal: Principal, subqueries: PupilSubqueries): FilterQuery<Pupil> | null {
  const alternatives: FilterQuery<Pupil>[] = [];
  const rows = pupilRowScope(principal);
  if (rows && 'pupilId' in rows) alternatives.push({ id: rows.pupilId });
  else if (rows) alternatives.push(rows, subqueries.enrolledAt(rows));
  if (principal.kind === 'user' && hasRole(principal, 'parent') && principal.childPupilIds.length > 0) {
    alternatives.push({ $and: [{ id: { $in: [...principal.childPupilIds] } }, subqueries.atParentAccessSchools()] });
  }
  if (alternatives.length === 0) return null;
  return alternatives.length === 1 ? alternatives[0] : { $or: alternatives };
}

/**
 * How the caller stands to a pupil they can see: staff of the pupil's current school, an analyst of
 * its trust with pupil-level access, the pupil, a linked parent, or staff (analyst) of a school
 * (trust) the pupil has left. Only meaningful for pupils loaded through `visiblePupils`.
 */
export type PupilRelation = 'staff' | 'analyst' | 'self' | 'parent' | 'former';

export function relationTo(principal: Principal, pupil: Pupil): PupilRelation | null {
  if (principal.kind === 'system') return null;
  if (isSchoolStaff(principal, pupil.schoolId)) return 'staff';
  const scope = scopeOf(principal);
  const pupilLevelAnalyst = scope.kind === 'trust' && scope.pupilLevel;
  if (pupilLevelAnalyst && scope.trustId === pupil.trustId) return 'analyst';
  if (isSelf(principal, pupil)) return 'self';
  if (isLinkedParent(principal, pupil.id)) return 'parent';
  if (scope.kind === 'school' || pupilLevelAnalyst) return 'former';
  return null;
}

/** Everyone who sees the pupil's present: all but a former school. */
export function isCurrentRelation(relation: PupilRelation | null): relation is 'staff' | 'analyst' | 'self' | 'parent' {
  return relation !== null && relation !== 'former';
}

/**
 * Staff of the pupil's school, or a trust analyst granted pupil-level access to its trust, signed in as
 * themselves: never an API key, whatever roles it carries (identity makes keys as analysts without
 * pupil-level access, so this only keeps that true should a key ever be made otherwise).
 */
export function canSeeSensitive(principal: Principal, pupil: Pupil): boolean {
  if (principal.kind !== 'user') return false;
  const relation = relationTo(principal, pupil);
  return relation === 'staff' || relation === 'analyst';
}

export function isSelf(principal: Principal, pupil: Pupil): boolean {
  return principal.pupilId !== null && principal.pupilId === pupil.id && principal.roles.includes('pupil');
}

/** The enrolments a former school's staff (or a former trust's analyst) may see: their own. */
export function ownEnrolments<T extends { schoolId: string; trustId: string | null }>(principal: Principal, enrolments: T[]): T[] {
  const scope = scopeOf(principal);
  if (scope.kind === 'school') return enrolments.filter((e) => e.schoolId === scope.schoolId);
  if (scope.kind === 'trust' && scope.pupilLevel) return enrolments.filter((e) => e.trustId === scope.trustId);
  return [];
}
