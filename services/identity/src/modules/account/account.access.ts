import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { hasRole, type Principal } from '@waymark/auth';
import { isUuid, withRequestBypass, type RequestContext } from '@waymark/subgraph-kit';
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

/**
 * Work on the caller's own account and the rows keyed by it (sessions, recovery codes), under a named
 * request bypass of the database's tenant check. The account policy (row-security.ts) shows a row to
 * the school's staff, the pupil, linked children's callers and a trust's analysts (analysts' accounts
 * only); it knows no account ids, so a data protection lead, a volunteer or a platform admin would not
 * find their own. `work`
 * must touch only the rows of `ctx.principal.accountId` (docs/security.md, "Row-level security").
 */
export function ownAccount<T>(ctx: Pick<RequestContext, 'em' | 'requestId'>, what: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return withRequestBypass(ctx, `${what}: the caller's own account`, work);
}
