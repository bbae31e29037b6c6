import { hasRole, isSchoolStaff, type Principal } from '@waymark/auth';
import type { Placement, PlacementApplication } from './placement.entity.js';

/**
 * Placements are offered by an employer volunteer to some of the schools they work with. The
 * volunteer reads their own placements and, once a school approved them, the first name and year
 * group of the pupils coming; pupils read the open placements offered to their school and their own
 * applications; staff of a school read its pupils' applications, and its careers leaders and staff
 * answer them. Nobody else reads any.
 */

/** The volunteer acting, or null. */
export function placementVolunteer(principal: Principal): string | null {
  return principal.kind === 'user' && principal.volunteerId && hasRole(principal, 'employer_volunteer', 'alumni') ? principal.volunteerId : null;
}

/** The signed-in pupil and their school, or null. */
export function placementPupil(principal: Principal): { pupilId: string; schoolId: string } | null {
  return principal.kind === 'user' && hasRole(principal, 'pupil') && principal.pupilId && principal.schoolId
    ? { pupilId: principal.pupilId, schoolId: principal.schoolId }
    : null;
}

/** The school whose pupils' applications the caller may read, or null. */
export function placementReaderSchool(principal: Principal): string | null {
  return principal.kind === 'user' && isSchoolStaff(principal) ? principal.schoolId : null;
}

/** The school whose pupils' applications the caller may answer, or null. */
export function placementManagerSchool(principal: Principal): string | null {
  return principal.kind === 'user' && isSchoolStaff(principal) && hasRole(principal, 'careers_leader', 'staff') ? principal.schoolId : null;
}

/** Whether the caller may read the placement itself (what is offered, never who applied). */
export function canSeePlacement(principal: Principal, placement: Placement): boolean {
  if (placementVolunteer(principal) === placement.volunteerId) return true;
  const school = placementReaderSchool(principal) ?? placementPupil(principal)?.schoolId ?? null;
  return school !== null && placement.schoolIds.includes(school);
}

/** Who reads an application: the pupil, staff of their school, and (approved or done) the volunteer who offered the placement. */
export function canSeeApplication(principal: Principal, application: PlacementApplication, placement: Placement): boolean {
  if (placementPupil(principal)?.pupilId === application.pupilId) return true;
  if (placementReaderSchool(principal) === application.schoolId) return true;
  return placementVolunteer(principal) === placement.volunteerId && employerSees(application);
}

/** The employer hears of a pupil only once the school approved them. */
export function employerSees(application: PlacementApplication): boolean {
  return application.status === 'APPROVED' || application.status === 'COMPLETED';
}

/** Only the pupil and staff of their school read the pupil's statement. */
export function canReadStatement(principal: Principal, application: PlacementApplication): boolean {
  return placementPupil(principal)?.pupilId === application.pupilId || placementReaderSchool(principal) === application.schoolId;
}
