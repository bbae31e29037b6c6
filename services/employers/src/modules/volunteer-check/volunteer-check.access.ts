import type { Principal } from '@waymark/auth';
import { requestManagerSchool, requestReaderSchool } from '../request/request.access.js';
import type { VolunteerCheck } from './volunteer-check.entity.js';

/**
 * Checks belong to the school that made them. Its careers leaders and staff record them; its careers
 * advisers may read them; a volunteer reads their own, at every school. Nobody else reads any, and
 * no school reads another's (docs/security.md, "Checks on volunteers").
 */
export function checkReaderSchool(principal: Principal): string | null {
  return requestReaderSchool(principal);
}

/** The school whose checks the caller may record, or null. */
export function checkRecorderSchool(principal: Principal): string | null {
  return requestManagerSchool(principal);
}

/** Who recorded a check is read by staff of the school that made it. */
export function canSeeRecorder(principal: Principal, check: VolunteerCheck): boolean {
  return checkReaderSchool(principal) === check.schoolId;
}
