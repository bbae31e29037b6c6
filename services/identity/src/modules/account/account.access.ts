import type { FilterQuery } from '@mikro-orm/core';
import { hasRole, type Principal } from '@waymark/auth';
import { isUuid } from '@waymark/subgraph-kit';
import type { Account } from './account.entity.js';

/**
 * The accounts a caller may read, as a filter every query starts from; null when none. A person
 * sees only their own account (platform admins see all); API credentials and the gateway see none.
 */
export function visibleAccounts(principal: Principal): FilterQuery<Account> | null {
  if (principal.kind !== 'user') return null;
  if (hasRole(principal, 'platform_admin')) return {};
  return isUuid(principal.accountId) ? { id: principal.accountId } : null;
}
