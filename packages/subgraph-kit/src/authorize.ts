import type { AuthChecker } from 'type-graphql';
import { hasRole, type Principal, type Role } from '@waymark/auth';
import type { RequestContext } from './context.js';

/** type-graphql's `@Authorized(...roles)`: the caller must hold one of the roles. */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  if (context.principal.kind === 'system') return false;
  return roles.length === 0 || hasRole(context.principal, ...roles);
};

/**
 * Which rows of school-owned data a caller may read. Every query over such rows applies this
 * before anything else; reference resolvers included.
 */
export type Scope =
  | { kind: 'school'; schoolId: string }
  | { kind: 'trust'; trustId: string; pupilLevel: boolean }
  | { kind: 'pupil'; pupilId: string; schoolId: string | null }
  | { kind: 'volunteer'; volunteerId: string }
  | { kind: 'none' };

export function scopeOf(principal: Principal): Scope {
  if (principal.kind === 'system') return { kind: 'none' };
  if (hasRole(principal, 'careers_leader', 'staff', 'careers_adviser') && principal.schoolId) {
    return { kind: 'school', schoolId: principal.schoolId };
  }
  if (hasRole(principal, 'trust_analyst') && principal.trustId) {
    return { kind: 'trust', trustId: principal.trustId, pupilLevel: principal.pupilLevelAccess };
  }
  if (hasRole(principal, 'pupil') && principal.pupilId) {
    return { kind: 'pupil', pupilId: principal.pupilId, schoolId: principal.schoolId };
  }
  if (hasRole(principal, 'employer_volunteer', 'alumni') && principal.volunteerId) {
    return { kind: 'volunteer', volunteerId: principal.volunteerId };
  }
  return { kind: 'none' };
}

/** Staff of that school, or an analyst of its trust. */
export function canSeeSchool(principal: Principal, schoolId: string, trustId: string | null): boolean {
  const scope = scopeOf(principal);
  if (scope.kind === 'school') return scope.schoolId === schoolId;
  if (scope.kind === 'trust') return trustId !== null && scope.trustId === trustId;
  if (scope.kind === 'pupil') return scope.schoolId === schoolId;
  return false;
}

/**
 * The pupil-level rows (rows carrying `schoolId`, `trustId` and `pupilId`) a caller may read, as a
 * filter every query over them starts from; null when the caller may read none. Staff: their
 * school's; trust analysts granted pupil-level access: their trust's; a pupil: their own.
 * Employers, alumni, analysts without pupil-level access and the gateway itself: none.
 */
export function pupilRowScope(principal: Principal): { schoolId: string } | { trustId: string } | { pupilId: string } | null {
  const scope = scopeOf(principal);
  switch (scope.kind) {
    case 'school':
      return { schoolId: scope.schoolId };
    case 'trust':
      return scope.pupilLevel ? { trustId: scope.trustId } : null;
    case 'pupil':
      return { pupilId: scope.pupilId };
    default:
      return null;
  }
}
