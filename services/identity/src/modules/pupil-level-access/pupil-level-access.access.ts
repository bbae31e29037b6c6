import { isTrustAnalyst, type Principal, type Role } from '@waymark/auth';
import { AccessError } from '@waymark/subgraph-kit';
import type { Account } from '../account/account.entity.js';

export const TRUST_ANALYST: Role = 'trust_analyst';

/**
 * The trust whose analysts the caller lists: a trust analyst signed in as a person. An API key holds
 * the analyst's role too, but never reaches this (nor do staff, data protection leads, pupils,
 * parents, volunteers or the gateway).
 */
export function analystsTrust(principal: Principal): string {
  if (principal.kind !== 'user' || !isTrustAnalyst(principal) || !principal.trustId) throw AccessError.forbidden();
  return principal.trustId;
}

/** A trust analyst's account of the trust, not disabled: the only accounts that hold pupil-level access. */
export function isAnalystAccountOf(account: Account, trustId: string): boolean {
  return account.trustId === trustId && account.disabledAt === null && account.schoolId === null && account.roles.includes(TRUST_ANALYST);
}

/**
 * Who may grant or withdraw another analyst's pupil-level access: an analyst of the same trust who
 * holds it themself now, as their account says (not as a principal cached for a few seconds says).
 * Nobody changes their own (docs/security.md, "Pupil-level access for trust analysts").
 */
export function mayChangePupilLevelAccess(caller: Account | null, trustId: string): caller is Account {
  return caller !== null && isAnalystAccountOf(caller, trustId) && caller.pupilLevelAccess;
}

export const ONLY_HOLDERS_MESSAGE = 'Only an analyst of your trust who has pupil-level access can give it to someone or take it away.';
