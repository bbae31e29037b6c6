import type { FilterQuery } from '@mikro-orm/core';
import type { Principal } from '@waymark/auth';
import { pupilRowScope, scopeOf } from '@waymark/subgraph-kit';
import type { Pupil } from './pupil.entity.js';

/**
 * The rows of `pupil` a caller may read at all, as a filter every query starts from; null when
 * the caller may read none. Employers, alumni and the gateway itself never read pupils.
 */
export function visiblePupils(principal: Principal): FilterQuery<Pupil> | null {
  const rows = pupilRowScope(principal);
  // Here the pupil's own row is keyed by `id`.
  return rows && 'pupilId' in rows ? { id: rows.pupilId } : rows;
}

/** Staff of the pupil's school, or a trust analyst granted pupil-level access to its trust. */
export function canSeeSensitive(principal: Principal, pupil: Pupil): boolean {
  const scope = scopeOf(principal);
  if (scope.kind === 'school') return scope.schoolId === pupil.schoolId;
  if (scope.kind === 'trust') return scope.pupilLevel && scope.trustId === pupil.trustId;
  return false;
}

export function isSelf(principal: Principal, pupil: Pupil): boolean {
  return principal.pupilId !== null && principal.pupilId === pupil.id && principal.roles.includes('pupil');
}
