import { hasRole, SCHOOL_STAFF_ROLES, type Principal, type Role } from '@waymark/auth';
import { AccessError } from '@waymark/subgraph-kit';
import type { Account } from '../account/account.entity.js';

export const DATA_PROTECTION_LEAD: Role = 'data_protection_lead';

/**
 * The school whose data protection leads the caller names: a careers leader signed in as a person.
 * Staff, data protection leads, pupils, parents, analysts and API keys may not (docs/security.md,
 * "The data protection lead").
 */
export function namingSchool(principal: Principal): string {
  if (principal.kind !== 'user' || !hasRole(principal, 'careers_leader') || !principal.schoolId) throw AccessError.forbidden();
  return principal.schoolId;
}

/**
 * A staff account of the school, which may be given the role: one whose roles are all school staff
 * roles or the data protection lead's (or none left, a lead whose role was taken away), and which is
 * not disabled. A pupil's, a parent's or anyone else's account never takes it.
 */
export function isStaffAccountOf(account: Account, schoolId: string): boolean {
  return (
    account.schoolId === schoolId &&
    account.disabledAt === null &&
    account.roles.every((role) => role === DATA_PROTECTION_LEAD || SCHOOL_STAFF_ROLES.includes(role))
  );
}
