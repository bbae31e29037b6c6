import { randomInt, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { hashToken, newToken, type Principal } from '@waymark/auth';
import { AccessError } from '@waymark/subgraph-kit';
import { Account } from '../account/account.entity.js';
import { confirmPassword } from '../account/account.password.js';
import { SignInThrottle, throttleKeys } from '../sign-in-throttle/sign-in-throttle.service.js';
import { ownSecondFactorAccount, requirementOrganisation, usesSecondFactor } from './second-factor.access.js';
import { PendingSignIn, RecoveryCode, SecondFactorPolicy } from './second-factor.entity.js';
import { SecondFactorErrors } from './second-factor.errors.js';
import {
  ConfirmSecondFactorResult,
  CreateRecoveryCodesResult,
  SecondFactorStatus,
  SetSecondFactorRequirementResult,
  StartSecondFactorEnrolmentResult,
  TurnOffSecondFactorResult,
  type ConfirmSecondFactorInput,
  type CreateRecoveryCodesInput,
  type SetSecondFactorRequirementInput,
  type TurnOffSecondFactorInput,
} from './second-factor.inputs.js';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.js';

export const RECOVERY_CODE_COUNT = 10;
/** How long a right password waits for its second factor before the person must start again. */
export const PENDING_SIGN_IN_MS = 5 * 60 * 1000;
/** Wrong codes one pending sign-in takes before the person must give the password again. */
export const MAX_CODES_PER_SIGN_IN = 5;

/** Letters and digits nobody misreads (no 0/o, 1/l/i). */
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code such as `k7pq-9xmz-3h`: ten random characters, about 49 bits. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** Recovery codes are compared without case, spaces or dashes, as people copy them. */
export function recoveryCodeHash(code: string): string {
  return hashToken(`recovery:${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`);
}

export type PendingCheck =
  | { ok: true; account: Account; recoveryCodes: string[] | null }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'expired' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

export type SignInStep = { step: 'none' } | { step: 'code' | 'enrol'; pendingToken: string; expiresAt: Date; secret: string | null };

function status(account: Account, codesLeft: number, required: boolean): SecondFactorStatus {
  return Object.assign(new SecondFactorStatus(), {
    enabled: account.mfaEnrolledAt !== null,
    enabledAt: account.mfaEnrolledAt,
    recoveryCodesLeft: codesLeft,
    required,
  });
}

/**
 * The second factor of staff and analysts: a TOTP code (or a one-time recovery code) after the
 * password, asked of everyone who has set it up, and set up at sign-in by everyone whose school or
 * trust requires it.
 */
export class SecondFactorService {
  constructor(private readonly em: EntityManager) {}

  /** Whether the account's school or trust requires a second factor of it. */
  async isRequired(account: Pick<Account, 'roles' | 'schoolId' | 'trustId'>): Promise<boolean> {
    const organisations = [account.schoolId, account.trustId].filter((id): id is string => id !== null);
    if (!usesSecondFactor(account.roles) || organisations.length === 0) return false;
    return (await this.em.count(SecondFactorPolicy, { organisationId: { $in: organisations }, required: true })) > 0;
  }

  /** What sign-in asks for after the right password: nothing more, a code, or setting an app up first. */
  async afterPassword(account: Account, now: Date): Promise<SignInStep> {
    const enrolled = account.mfaEnrolledAt !== null && account.mfaSecret !== null;
    if (!enrolled && !(await this.isRequired(account))) return { step: 'none' };
    const pendingToken = newToken();
    const expiresAt = new Date(now.getTime() + PENDING_SIGN_IN_MS);
    const secret = enrolled ? null : newTotpSecret();
    await this.em.nativeDelete(PendingSignIn, { accountId: account.id, expiresAt: { $lte: now } });
    await this.em.insert(PendingSignIn, { tokenHash: hashToken(pendingToken), accountId: account.id, secret, failedCodes: 0, expiresAt });
    return { step: enrolled ? 'code' : 'enrol', pendingToken, expiresAt, secret };
  }

  /**
   * The code given for a pending sign-in. Codes count on the account's own second-factor count
   * (SignInThrottle), besides the few each pending sign-in takes. Setting an app up at sign-in ends
   * with the account's recovery codes, shown once.
   */
  async completePending(pendingToken: string, code: string, now: Date): Promise<PendingCheck> {
    const pending = await this.em.findOne(PendingSignIn, { tokenHash: hashToken(pendingToken), expiresAt: { $gt: now } });
    const account = pending ? await this.em.findOne(Account, { id: pending.accountId, disabledAt: null }) : null;
    if (!pending || !account) return { ok: false, reason: 'expired' };
    const throttle = new SignInThrottle(this.em);
    const key = throttleKeys.secondFactor(account.id);
    const reserved = await throttle.reserve([key], now);
    if (!reserved.ok) return { ok: false, reason: 'throttled', retryAfterMs: reserved.retryAfterMs };

    let recoveryCodes: string[] | null = null;
    if (pending.secret) {
      const step = matchTotp(pending.secret, code, now, null);
      if (step !== null) {
        await this.em.nativeUpdate(Account, { id: account.id }, { mfaSecret: pending.secret, mfaEnrolledAt: now, mfaLastStep: step, mfaPendingSecret: null });
        recoveryCodes = await this.replaceRecoveryCodes(account.id, now);
      } else return this.wrongCode(pending);
    } else if (!(await this.acceptCode(account, code, now))) return this.wrongCode(pending);

    await this.em.nativeDelete(PendingSignIn, { tokenHash: pending.tokenHash });
    await throttle.forgive({ reset: [key], undo: [] }, now);
    return { ok: true, account: await this.em.findOneOrFail(Account, { id: account.id }, { refresh: true }), recoveryCodes };
  }

  async status(principal: Principal): Promise<SecondFactorStatus> {
    const account = await this.ownAccount(principal);
    return status(account, await this.codesLeft(account.id), await this.isRequired(account));
  }

  /** A new secret for the caller's authenticator app; the second factor is on once a code from it is confirmed. */
  async startEnrolment(principal: Principal): Promise<StartSecondFactorEnrolmentResult> {
    const account = await this.ownAccount(principal);
    if (account.mfaEnrolledAt)
      return Object.assign(new StartSecondFactorEnrolmentResult(), { secret: null, otpauthUri: null, error: SecondFactorErrors.alreadyOn() });
    const secret = newTotpSecret();
    await this.em.nativeUpdate(Account, { id: account.id }, { mfaPendingSecret: secret });
    return Object.assign(new StartSecondFactorEnrolmentResult(), { secret, otpauthUri: otpauthUri(secret, account.email), error: null });
  }

  async confirmEnrolment(principal: Principal, input: ConfirmSecondFactorInput, now = new Date()): Promise<ConfirmSecondFactorResult> {
    const account = await this.ownAccount(principal);
    const failed = (error: ConfirmSecondFactorResult['error']) => Object.assign(new ConfirmSecondFactorResult(), { status: null, recoveryCodes: null, error });
    if (account.mfaEnrolledAt) return failed(SecondFactorErrors.alreadyOn());
    if (!account.mfaPendingSecret) return failed(SecondFactorErrors.notStarted());
    const step = matchTotp(account.mfaPendingSecret, input.code, now, null);
    if (!(await this.withCodeCount(account.id, now, async () => step !== null)) || step === null) return failed(SecondFactorErrors.wrongCode());
    await this.em.nativeUpdate(
      Account,
      { id: account.id },
      { mfaSecret: account.mfaPendingSecret, mfaEnrolledAt: now, mfaLastStep: step, mfaPendingSecret: null },
    );
    const recoveryCodes = await this.replaceRecoveryCodes(account.id, now);
    const updated = await this.em.findOneOrFail(Account, { id: account.id }, { refresh: true });
    return Object.assign(new ConfirmSecondFactorResult(), {
      status: status(updated, recoveryCodes.length, await this.isRequired(updated)),
      recoveryCodes,
      error: null,
    });
  }

  /** New recovery codes for the caller, who proves they still hold the app; the old ones stop working. */
  async createRecoveryCodes(principal: Principal, input: CreateRecoveryCodesInput, now = new Date()): Promise<CreateRecoveryCodesResult> {
    const account = await this.ownAccount(principal);
    const failed = (error: CreateRecoveryCodesResult['error']) => Object.assign(new CreateRecoveryCodesResult(), { recoveryCodes: null, error });
    if (!account.mfaEnrolledAt || !account.mfaSecret) return failed(SecondFactorErrors.notOn());
    if (!(await this.withCodeCount(account.id, now, () => this.acceptTotp(account, input.code, now)))) return failed(SecondFactorErrors.wrongCode());
    return Object.assign(new CreateRecoveryCodesResult(), { recoveryCodes: await this.replaceRecoveryCodes(account.id, now), error: null });
  }

  /** Stops asking the caller for a code, after their password; not while their school or trust requires it. */
  async turnOff(principal: Principal, input: TurnOffSecondFactorInput, now = new Date()): Promise<TurnOffSecondFactorResult> {
    const account = await this.ownAccount(principal);
    const failed = (error: TurnOffSecondFactorResult['error']) => Object.assign(new TurnOffSecondFactorResult(), { status: null, error });
    if (!account.mfaEnrolledAt) return failed(SecondFactorErrors.notOn());
    if (await this.isRequired(account)) return failed(SecondFactorErrors.required());
    if (!(await confirmPassword(this.em, account, input.password, now)).ok) return failed(SecondFactorErrors.wrongPassword());
    await this.em.nativeUpdate(Account, { id: account.id }, { mfaSecret: null, mfaEnrolledAt: null, mfaLastStep: null, mfaPendingSecret: null });
    await this.em.nativeDelete(RecoveryCode, { accountId: account.id });
    const updated = await this.em.findOneOrFail(Account, { id: account.id }, { refresh: true });
    return Object.assign(new TurnOffSecondFactorResult(), { status: status(updated, 0, false), error: null });
  }

  /** Whether the caller's school (a careers leader) or trust (an analyst) requires a second factor. */
  async requirement(principal: Principal): Promise<boolean> {
    const organisationId = requirementOrganisation(principal);
    return (await this.em.findOne(SecondFactorPolicy, { organisationId }))?.required ?? false;
  }

  async setRequirement(principal: Principal, input: SetSecondFactorRequirementInput, now = new Date()): Promise<SetSecondFactorRequirementResult> {
    const organisationId = requirementOrganisation(principal);
    await this.em.upsert(SecondFactorPolicy, { organisationId, required: input.required, changedById: principal.accountId, changedAt: now });
    return Object.assign(new SetSecondFactorRequirementResult(), { required: input.required, error: null });
  }

  private async ownAccount(principal: Principal): Promise<Account> {
    const account = await this.em.findOne(Account, { id: ownSecondFactorAccount(principal), disabledAt: null });
    if (!account) throw AccessError.forbidden();
    return account;
  }

  private codesLeft(accountId: string): Promise<number> {
    return this.em.count(RecoveryCode, { accountId, usedAt: null });
  }

  /**
   * Checks a code a signed-in person gave, counted on the account's second-factor count like codes
   * at sign-in (so a borrowed session cannot guess faster); false while the count says wait.
   */
  private async withCodeCount(accountId: string, now: Date, check: () => Promise<boolean>): Promise<boolean> {
    const throttle = new SignInThrottle(this.em);
    const key = throttleKeys.secondFactor(accountId);
    if (!(await throttle.reserve([key], now)).ok || !(await check())) return false;
    await throttle.forgive({ reset: [key], undo: [] }, now);
    return true;
  }

  /** A code from the app or an unused recovery code; each is good once. */
  private async acceptCode(account: Account, code: string, now: Date): Promise<boolean> {
    if (await this.acceptTotp(account, code, now)) return true;
    const used = await this.em.nativeUpdate(RecoveryCode, { accountId: account.id, codeHash: recoveryCodeHash(code), usedAt: null }, { usedAt: now });
    return used > 0;
  }

  private async acceptTotp(account: Account, code: string, now: Date): Promise<boolean> {
    if (!account.mfaSecret) return false;
    const step = matchTotp(account.mfaSecret, code, now, account.mfaLastStep);
    if (step === null) return false;
    // Only if no other request took this step or a later one meanwhile.
    const taken = await this.em.nativeUpdate(Account, { id: account.id, $or: [{ mfaLastStep: null }, { mfaLastStep: { $lt: step } }] }, { mfaLastStep: step });
    return taken > 0;
  }

  private async wrongCode(pending: PendingSignIn): Promise<PendingCheck> {
    const failedCodes = pending.failedCodes + 1;
    if (failedCodes >= MAX_CODES_PER_SIGN_IN) {
      await this.em.nativeDelete(PendingSignIn, { tokenHash: pending.tokenHash });
      return { ok: false, reason: 'expired' };
    }
    await this.em.nativeUpdate(PendingSignIn, { tokenHash: pending.tokenHash }, { failedCodes });
    return { ok: false, reason: 'wrong', attemptsLeft: MAX_CODES_PER_SIGN_IN - failedCodes };
  }

  private async replaceRecoveryCodes(accountId: string, now: Date): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.em.nativeDelete(RecoveryCode, { accountId });
    await this.em.insertMany(
      RecoveryCode,
      codes.map((code) => ({ id: randomUUID(), accountId, codeHash: recoveryCodeHash(code), createdAt: now, usedAt: null })),
    );
    return codes;
  }
}
