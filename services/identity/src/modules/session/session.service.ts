import { randomBytes, randomUUID } from 'node:crypto';
import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { hashPassword, hashToken, newToken, verifyPassword, type Principal } from '@waymark/auth';
import { Account } from '../account/account.entity.js';
import { normaliseEmail, principalOf } from '../account/account.principal.js';
import { Session } from './session.entity.js';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
export const MAX_FAILED_SIGN_INS = 10;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Sessions seen within this long are not written again: the gateway asks on every page's queries. */
const TOUCH_AFTER_MS = 60 * 1000;
const MAX_PASSWORD_LENGTH = 1024;

export const WRONG_CREDENTIALS = 'Email or password is not right.';

export type SignInOutcome =
  | { ok: true; token: string; expiresAt: Date; principal: Principal }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: Date };

// A hash of a password nobody knows: unknown emails are checked against it so that they take as
// long as known ones and the timing does not tell which emails have accounts.
let dummyHash: Promise<string> | undefined;
export function warmDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

export function lockedMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Too many wrong attempts, so sign-in to this account is locked. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

function slidingExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_MAX_MS));
}

export class SessionService {
  constructor(private readonly em: EntityManager) {}

  async signIn(email: string, password: string, now = new Date()): Promise<SignInOutcome> {
    const account = email && password.length <= MAX_PASSWORD_LENGTH ? await this.em.findOne(Account, { email: normaliseEmail(email) }) : null;
    if (!account || account.disabledAt) {
      await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), await warmDummyHash());
      return { ok: false, reason: 'invalid' };
    }
    if (account.lockedUntil && account.lockedUntil > now) return { ok: false, reason: 'locked', until: account.lockedUntil };

    // The attempt is counted before the password is checked, so parallel guesses cannot all slip
    // in before the counter reaches the limit.
    const attempt = await this.countAttempt(account.id, now);
    if (attempt === null || attempt > MAX_FAILED_SIGN_INS) {
      const locked = await this.em.findOne(Account, { id: account.id }, { refresh: true });
      return { ok: false, reason: 'locked', until: locked?.lockedUntil ?? new Date(now.getTime() + LOCKOUT_MS) };
    }
    if (!(await verifyPassword(password, account.passwordHash))) {
      if (attempt < MAX_FAILED_SIGN_INS) return { ok: false, reason: 'invalid' };
      const until = new Date(now.getTime() + LOCKOUT_MS);
      await this.em.nativeUpdate(Account, { id: account.id }, { failedSignIns: 0, lockedUntil: until });
      return { ok: false, reason: 'locked', until };
    }

    const token = newToken();
    const expiresAt = slidingExpiry(now, now);
    await this.em.nativeUpdate(Account, { id: account.id }, { failedSignIns: 0, lockedUntil: null });
    await this.em.nativeDelete(Session, { accountId: account.id, expiresAt: { $lte: now } });
    this.em.create(Session, { id: randomUUID(), tokenHash: hashToken(token), accountId: account.id, createdAt: now, expiresAt, lastSeenAt: now });
    await this.em.flush();
    return { ok: true, token, expiresAt, principal: principalOf(account) };
  }

  /** The person a session token belongs to; null when it is unknown, expired, or the account is disabled. */
  async resolve(token: string, now = new Date()): Promise<Principal | null> {
    const session = await this.em.findOne(Session, { tokenHash: hashToken(token), expiresAt: { $gt: now } });
    if (!session) return null;
    const account = await this.em.findOne(Account, { id: session.accountId, disabledAt: null });
    if (!account) return null;
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
      session.lastSeenAt = now;
      session.expiresAt = slidingExpiry(session.createdAt, now);
      await this.em.flush();
    }
    return principalOf(account);
  }

  async signOut(token: string): Promise<void> {
    await this.em.nativeDelete(Session, { tokenHash: hashToken(token) });
  }

  /** Adds one to the account's attempt counter unless it is locked; the new count, or null when locked. */
  private async countAttempt(accountId: string, now: Date): Promise<number | null> {
    const rows = await this.em
      .createQueryBuilder(Account)
      .update({ failedSignIns: raw('failed_sign_ins + 1') })
      .where({ id: accountId, $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }] })
      .returning(['failedSignIns'])
      .execute<{ failedSignIns: number }[]>('all');
    return rows.length > 0 ? Number(rows[0].failedSignIns) : null;
  }
}
