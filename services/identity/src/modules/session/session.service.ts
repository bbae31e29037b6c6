import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { hashPassword, hashToken, newToken, verifyPassword, type Principal } from '@waymark/auth';
import { Account } from '../account/account.entity.js';
import { normaliseEmail, principalOf } from '../account/account.principal.js';
import { SignInThrottle, throttleKeys } from '../sign-in-throttle/sign-in-throttle.service.js';
import { Session } from './session.entity.js';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** Sessions seen within this long are not written again: the gateway asks on every page's queries. */
const TOUCH_AFTER_MS = 60 * 1000;
const MAX_PASSWORD_LENGTH = 1024;

export const WRONG_CREDENTIALS = 'Email or password is not right.';

/** Where an attempt comes from, as the gateway saw it. */
export interface SignInOrigin {
  /** The client's network address. */
  address: string;
  /** The browser's device cookie (see TrustedDevice); null for a client without one. */
  device: string | null;
}

export type SignInOutcome =
  | { ok: true; token: string; expiresAt: Date; principal: Principal }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

// A hash of a password nobody knows: unknown emails are checked against it so that they take as
// long as known ones and the timing does not tell which emails have accounts.
let dummyHash: Promise<string> | undefined;
export function warmDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

function slidingExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_MAX_MS));
}

export class SessionService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Checks a password, slowed by SignInThrottle: an unknown email, a disabled account and a wrong
   * password all count and answer alike. From a device the owner has signed in on, only that
   * device's own count applies, so other people's guesses never keep the owner out.
   */
  async signIn(email: string, password: string, origin: SignInOrigin, now = new Date()): Promise<SignInOutcome> {
    const normalised = normaliseEmail(email);
    const checkable = normalised !== '' && password.length <= MAX_PASSWORD_LENGTH;
    const account = checkable ? await this.em.findOne(Account, { email: normalised }) : null;
    const throttle = new SignInThrottle(this.em);
    const deviceHash = origin.device ? hashToken(origin.device) : null;
    const trusted = account !== null && deviceHash !== null && (await throttle.isTrusted(account.id, deviceHash, now));
    const keys = trusted ? [throttleKeys.device(account.id, deviceHash)] : [throttleKeys.account(normalised), throttleKeys.address(origin.address)];

    const reserved = await throttle.reserve(keys, now);
    if (!reserved.ok) return { ok: false, reason: 'throttled', retryAfterMs: reserved.retryAfterMs };
    if (!account || account.disabledAt || !checkable) {
      await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), await warmDummyHash());
      return { ok: false, reason: 'invalid' };
    }
    if (!(await verifyPassword(password, account.passwordHash))) return { ok: false, reason: 'invalid' };

    const [own, shared] = trusted ? [keys, []] : [[keys[0]], [keys[1]]];
    await throttle.forgive({ reset: own, undo: shared }, now);
    if (deviceHash) await throttle.trust(account.id, deviceHash, now);
    const token = newToken();
    const expiresAt = slidingExpiry(now, now);
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
}
