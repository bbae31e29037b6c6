import { hasRole, type Principal } from '@waymark/auth';
import { AccessError } from '@waymark/subgraph-kit';
import type { Account } from '../account/account.entity.js';

/** Roles that may link parents to their school's pupils (careers advisers, often external, may not). */
export const PARENT_LINKING_ROLES = ['careers_leader', 'staff'] as const;

/** The school (and its trust) whose pupils the caller links parents to: a careers leader or member of staff signed in as a person. */
export function linkingSchool(principal: Principal): { schoolId: string; trustId: string | null } {
  if (principal.kind !== 'user' || !hasRole(principal, ...PARENT_LINKING_ROLES) || !principal.schoolId) throw AccessError.forbidden();
  return { schoolId: principal.schoolId, trustId: principal.trustId };
}

/**
 * Only an account that is a parent's and nothing else takes links to children: staff must not be
 * able to change a colleague's, a pupil's or anyone else's account by typing their email.
 */
export function isParentAccount(account: Account): boolean {
  return account.roles.length > 0 && account.roles.every((role) => role === 'parent');
}
