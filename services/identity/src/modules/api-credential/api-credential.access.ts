import { isTrustAnalyst, type Principal } from '@waymark/auth';
import { AccessError } from '@waymark/subgraph-kit';

/**
 * The trust whose API credentials the caller manages: a trust analyst signed in as a person. An API
 * credential holds the trust_analyst role too, but must not mint or list keys.
 */
export function managedTrust(principal: Principal): string {
  if (principal.kind !== 'user' || !isTrustAnalyst(principal) || !principal.trustId) throw AccessError.forbidden();
  return principal.trustId;
}
