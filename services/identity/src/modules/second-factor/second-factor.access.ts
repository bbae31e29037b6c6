import { hasRole, isTrustAnalyst, type Principal, type Role } from '@waymark/auth';
import { AccessError, isUuid } from '@waymark/subgraph-kit';

/** Who may use a second factor: staff of schools (data protection leads too), trust analysts and platform admins. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['careers_leader', 'data_protection_lead', 'staff', 'careers_adviser', 'trust_analyst', 'platform_admin'];

export function usesSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((role) => SECOND_FACTOR_ROLES.includes(role));
}

/** The account whose second factor the caller manages: their own, signed in as a person with one of SECOND_FACTOR_ROLES. */
export function ownSecondFactorAccount(principal: Principal): string {
  if (principal.kind !== 'user' || !hasRole(principal, ...SECOND_FACTOR_ROLES) || !isUuid(principal.accountId)) throw AccessError.forbidden();
  return principal.accountId;
}

/**
 * The school or trust whose requirement the caller sets: a careers leader their school's, a trust
 * analyst (signed in as a person) their trust's.
 */
export function requirementOrganisation(principal: Principal): string {
  if (principal.kind !== 'user') throw AccessError.forbidden();
  if (hasRole(principal, 'careers_leader') && principal.schoolId) return principal.schoolId;
  if (isTrustAnalyst(principal)) return principal.trustId!;
  throw AccessError.forbidden('Only a careers leader (for their school) or a trust analyst (for their trust) can change this.');
}
