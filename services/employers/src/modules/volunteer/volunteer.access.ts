import type { FilterQuery } from '@mikro-orm/core';
import { hasRole, type Principal } from '@waymark/auth';
import { scopeOf } from '@waymark/subgraph-kit';
import type { Volunteer } from './volunteer.entity.js';

/**
 * The volunteers a caller may read at all, as a filter every query starts from; null when the
 * caller may read none. Staff and pupils see the volunteers linked to their school (pupils as role
 * models), a volunteer sees themself; trust analysts and the gateway itself see none.
 */
export function visibleVolunteers(principal: Principal): FilterQuery<Volunteer> | null {
  const scope = scopeOf(principal);
  switch (scope.kind) {
    case 'school':
      return { schoolIds: { $contains: [scope.schoolId] } };
    case 'pupil':
      return scope.schoolId ? { schoolIds: { $contains: [scope.schoolId] } } : null;
    case 'volunteer':
      return { id: scope.volunteerId };
    default:
      return null;
  }
}

export function isSelf(principal: Principal, volunteer: Volunteer): boolean {
  return principal.volunteerId !== null && principal.volunteerId === volunteer.id && hasRole(principal, 'employer_volunteer', 'alumni');
}

/** Contact details: the volunteer themself, or staff of a school they volunteer with. */
export function canSeeContact(principal: Principal, volunteer: Volunteer): boolean {
  if (isSelf(principal, volunteer)) return true;
  const scope = scopeOf(principal);
  return scope.kind === 'school' && volunteer.schoolIds.includes(scope.schoolId);
}
