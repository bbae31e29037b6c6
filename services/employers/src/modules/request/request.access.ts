import { hasRole, isSchoolStaff, type Principal } from '@waymark/auth';
import type { VolunteerOffer } from './request.entity.js';

/**
 * Requests belong to a school. Its careers leaders and staff post them and answer offers; its
 * careers advisers may read them. Volunteers read open requests that fit their profile and their
 * own offers; nobody else reads any. None of it is about a pupil.
 */
export function requestReaderSchool(principal: Principal): string | null {
  return principal.kind === 'user' && isSchoolStaff(principal) ? principal.schoolId : null;
}

/** The school whose requests the caller may post and answer, or null. */
export function requestManagerSchool(principal: Principal): string | null {
  return principal.kind === 'user' && isSchoolStaff(principal) && hasRole(principal, 'careers_leader', 'staff') ? principal.schoolId : null;
}

/** The volunteer acting, or null. */
export function actingVolunteer(principal: Principal): string | null {
  return principal.kind === 'user' && principal.volunteerId && hasRole(principal, 'employer_volunteer', 'alumni') ? principal.volunteerId : null;
}

/** An offer is read by the volunteer who made it and by staff of the school it was made to. */
export function canSeeOffer(principal: Principal, offer: VolunteerOffer): boolean {
  return actingVolunteer(principal) === offer.volunteerId || requestReaderSchool(principal) === offer.schoolId;
}
