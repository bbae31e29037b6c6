import type { Principal } from '@waymark/auth';
import { AccessError, isUuid } from '@waymark/subgraph-kit';

/** The account whose sessions and password the caller manages: their own, signed in as a person. */
export function ownAccountId(principal: Principal): string {
  if (principal.kind !== 'user' || !isUuid(principal.accountId)) throw AccessError.forbidden();
  return principal.accountId;
}
