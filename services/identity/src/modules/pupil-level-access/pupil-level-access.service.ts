import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { AccessError, isUuid, type MutationError } from '@waymark/subgraph-kit';
import { Account } from '../account/account.entity.js';
import { analystsTrust, isAnalystAccountOf, mayChangePupilLevelAccess, ONLY_HOLDERS_MESSAGE, TRUST_ANALYST } from './pupil-level-access.access.js';
import { PupilLevelAccessChange } from './pupil-level-access.entity.js';
import { PupilLevelAccessErrors } from './pupil-level-access.errors.js';
import {
  GrantPupilLevelAccessResult,
  TrustAnalyst,
  WithdrawPupilLevelAccessResult,
  type GrantPupilLevelAccessInput,
  type WithdrawPupilLevelAccessInput,
} from './pupil-level-access.types.js';

function analystOf(account: Account, principal: Principal, lastChange: PupilLevelAccessChange | null): TrustAnalyst {
  return Object.assign(new TrustAnalyst(), {
    accountId: account.id,
    displayName: account.displayName,
    email: account.email,
    you: account.id === principal.accountId,
    pupilLevelAccess: account.pupilLevelAccess,
    lastChange,
  });
}

type Outcome = { analyst: TrustAnalyst; error: null } | { analyst: null; error: MutationError };

/**
 * A trust's analysts and their pupil-level access; an analyst who holds it gives it to another analyst
 * of the trust, or takes it away, and each change is kept with who made it and when
 * (docs/security.md, "Pupil-level access for trust analysts"). The database's tenant check shows an
 * analyst only their own trust's analysts' accounts and changes. The analyst's next request carries
 * the change: the principal is built from the account at every session check.
 */
export class PupilLevelAccessService {
  constructor(private readonly em: EntityManager) {}

  async list(principal: Principal): Promise<TrustAnalyst[]> {
    const trustId = analystsTrust(principal);
    const accounts = await this.em.find(
      Account,
      { trustId, roles: { $contains: [TRUST_ANALYST] }, disabledAt: null },
      { orderBy: { displayName: 'asc', id: 'asc' } },
    );
    const analysts = accounts.filter((account) => isAnalystAccountOf(account, trustId));
    const latest = await this.latestChanges(
      trustId,
      analysts.map((account) => account.id),
    );
    return analysts.map((account) => analystOf(account, principal, latest.get(account.id) ?? null));
  }

  async grant(principal: Principal, input: GrantPupilLevelAccessInput, now = new Date()): Promise<GrantPupilLevelAccessResult> {
    return Object.assign(new GrantPupilLevelAccessResult(), await this.change(principal, input.accountId, true, now));
  }

  async withdraw(principal: Principal, input: WithdrawPupilLevelAccessInput, now = new Date()): Promise<WithdrawPupilLevelAccessResult> {
    return Object.assign(new WithdrawPupilLevelAccessResult(), await this.change(principal, input.accountId, false, now));
  }

  /**
   * The caller's and the analyst's accounts are locked (in id order) before either is checked, so two
   * holders withdrawing each other at once cannot both succeed and leave the trust with nobody who
   * can grant it: the second finds it no longer holds it.
   */
  private async change(principal: Principal, accountId: string, granted: boolean, now: Date): Promise<Outcome> {
    const trustId = analystsTrust(principal);
    const targetId = isUuid(accountId) ? accountId.toLowerCase() : null;
    const ids = [principal.accountId, targetId].filter((id): id is string => id !== null && isUuid(id));
    const locked = await this.em.find(Account, { id: { $in: ids }, trustId }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
    const caller = locked.find((account) => account.id === principal.accountId) ?? null;
    if (!mayChangePupilLevelAccess(caller, trustId)) throw AccessError.forbidden(ONLY_HOLDERS_MESSAGE);
    const target = locked.find((account) => account.id === targetId);
    if (!target || !isAnalystAccountOf(target, trustId)) return { analyst: null, error: PupilLevelAccessErrors.analystNotFound() };
    if (target.id === caller.id) return { analyst: null, error: PupilLevelAccessErrors.notYourself() };
    if (target.pupilLevelAccess === granted)
      return {
        analyst: null,
        error: granted ? PupilLevelAccessErrors.alreadyGranted(target.displayName) : PupilLevelAccessErrors.notGranted(target.displayName),
      };
    target.pupilLevelAccess = granted;
    const change = this.em.create(PupilLevelAccessChange, {
      id: randomUUID(),
      trustId,
      accountId: target.id,
      granted,
      changedById: caller.id,
      changedByName: caller.displayName,
      changedAt: now,
    });
    await this.em.flush();
    return { analyst: analystOf(target, principal, change), error: null };
  }

  /** Each analyst's latest change, newest first; an analyst with none is left out. */
  private async latestChanges(trustId: string, accountIds: string[]): Promise<Map<string, PupilLevelAccessChange>> {
    const latest = new Map<string, PupilLevelAccessChange>();
    if (accountIds.length === 0) return latest;
    const changes = await this.em.find(PupilLevelAccessChange, { trustId, accountId: { $in: accountIds } }, { orderBy: { changedAt: 'desc', id: 'desc' } });
    for (const change of changes) if (!latest.has(change.accountId)) latest.set(change.accountId, change);
    return latest;
  }
}
