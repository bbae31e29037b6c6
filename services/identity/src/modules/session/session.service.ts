import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { hashPassword, hashToken, newToken, verifyPassword, type Principal } from '@waymark/auth';
import { Account } from '../account/account.entity.js';
import { normaliseEmail, principalOf } from '../account/account.principal.js';
import { SecondFactorService } from '../second-factor/second-factor.service.js';
import { SignInThrottle, throttleKeys } from '../sign-in-throttle/sign-in-throttle.service.js';
import { AccessError, isUuid } from '@waymark/subgraph-kit';
import { confirmPassword } from '../account/account.password.js';
import { PendingSignIn } from '../second-factor/second-factor.entity.js';
import { waitMessage } from '../sign-in-throttle/sign-in-throttle.service.js';
import { ownAccountId } from './session.access.js';
import { Session } from './session.entity.js';
import { MIN_PASSWORD_LENGTH, SessionErrors } from './session.errors.js';
import { ChangePasswordResult, EndSignedInDeviceResult, SignedInDevice, type ChangePasswordInput, type EndSignedInDeviceInput } from './session.inputs.js';

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
  /** The browser's User-Agent, kept with the session for the owner's list of signed-in devices. */
  userAgent?: string | null;
}

export interface OpenedSession {
  ok: true;
  token: string;
  expiresAt: Date;
  principal: Principal;
  /** Recovery codes, once, when the sign-in set up a second factor. */
  recoveryCodes?: string[];
}

export type SignInOutcome =
  | OpenedSession
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number }
  /** The password was right; a second factor comes next (`secret`: to add to an app first). */
  | { ok: false; reason: 'second-factor'; step: 'code' | 'enrol'; pendingToken: string; expiresAt: Date; secret: string | null; email: string };

export type SecondFactorOutcome =
  | OpenedSession
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'expired' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

// A hash of a password nobody knows: unknown emails are checked against it so that they take as
// long as known ones and the timing does not tell which emails have accounts.
let dummyHash: Promise<string> | undefined;
export function warmDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/** Why a new password will not do, in words for the person choosing it; null when it will. */
export function passwordWeakness(password: string, current: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters. Three random words work well.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (password === current) return 'Choose a password different from your current one.';
  return null;
}

function slidingExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_MAX_MS));
}

/**
 * Runs one step of a sign-in on a database connection: each in its own short transaction where the
 * caller gives one (the sign-in route: a named system access per step), else on the service's em.
 */
export type SignInPhase = <T>(work: (em: EntityManager) => Promise<T>) => Promise<T>;

/** A new session for a person who has proved who they are; their browser becomes one they are known to use. */
async function openSession(em: EntityManager, account: Account, origin: SignInOrigin, now: Date): Promise<OpenedSession> {
  if (origin.device) await new SignInThrottle(em).trust(account.id, hashToken(origin.device), now);
  const token = newToken();
  const expiresAt = slidingExpiry(now, now);
  const id = randomUUID();
  await em.nativeDelete(Session, { accountId: account.id, expiresAt: { $lte: now } });
  const userAgent = origin.userAgent ? origin.userAgent.slice(0, 200) : null;
  await em.insert(Session, { id, tokenHash: hashToken(token), accountId: account.id, createdAt: now, expiresAt, lastSeenAt: now, userAgent });
  return { ok: true, token, expiresAt, principal: principalOf(account, id) };
}

/**
 * Checks a password, slowed by SignInThrottle: an unknown email, a disabled account and a wrong
 * password all count and answer alike. From a device the owner has signed in on, only that device's
 * own count applies, so other people's guesses never keep the owner out.
 */
export async function signInInPhases(phase: SignInPhase, email: string, password: string, origin: SignInOrigin, now = new Date()): Promise<SignInOutcome> {
  const normalised = normaliseEmail(email);
  const checkable = normalised !== '' && password.length <= MAX_PASSWORD_LENGTH;
  // The attempt is counted, and the count committed, before the password is checked: the count's
  // rows are locked only while it is taken, so a class signing in at once from one school's address
  // does not wait for each other's password checks.
  const counted = await phase(async (em) => {
    const account = checkable ? await em.findOne(Account, { email: normalised }) : null;
    const throttle = new SignInThrottle(em);
    const deviceHash = origin.device ? hashToken(origin.device) : null;
    const trusted = account !== null && deviceHash !== null && (await throttle.isTrusted(account.id, deviceHash, now));
    const keys = trusted ? [throttleKeys.device(account.id, deviceHash)] : [throttleKeys.account(normalised), throttleKeys.address(origin.address)];
    return { account, trusted, keys, reserved: await throttle.reserve(keys, now) };
  });
  const { account, trusted, keys, reserved } = counted;
  if (!reserved.ok) return { ok: false, reason: 'throttled', retryAfterMs: reserved.retryAfterMs };
  if (!account || account.disabledAt || account.awaitingVerificationSince || !checkable) {
    await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), await warmDummyHash());
    return { ok: false, reason: 'invalid' };
  }
  if (!(await verifyPassword(password, account.passwordHash))) return { ok: false, reason: 'invalid' };

  return phase(async (em) => {
    const [own, shared] = trusted ? [keys, []] : [[keys[0]], [keys[1]]];
    await new SignInThrottle(em).forgive({ reset: own, undo: shared }, now);
    // Read again in this phase: the account may have changed while the password was checked.
    const current = await em.findOne(Account, { id: account.id, disabledAt: null, awaitingVerificationSince: null });
    if (!current) return { ok: false, reason: 'invalid' } as const;
    const next = await new SecondFactorService(em).afterPassword(current, now);
    if (next.step !== 'none') return { ok: false, reason: 'second-factor', ...next, email: current.email } as const;
    return openSession(em, current, origin, now);
  });
}

export class SessionService {
  constructor(private readonly em: EntityManager) {}

  /** `signInInPhases` with every step on this service's entity manager. */
  signIn(email: string, password: string, origin: SignInOrigin, now = new Date()): Promise<SignInOutcome> {
    return signInInPhases((work) => work(this.em), email, password, origin, now);
  }

  /** The second step of a sign-in that needs one: the code for the pending sign-in's token. */
  async completeSecondFactor(pendingToken: string, code: string, origin: SignInOrigin, now = new Date()): Promise<SecondFactorOutcome> {
    const checked = await new SecondFactorService(this.em).completePending(pendingToken, code, now);
    if (!checked.ok) return checked;
    const opened = await this.open(checked.account, origin, now);
    return checked.recoveryCodes ? { ...opened, recoveryCodes: checked.recoveryCodes } : opened;
  }

  private open(account: Account, origin: SignInOrigin, now: Date): Promise<OpenedSession> {
    return openSession(this.em, account, origin, now);
  }

  /** The person a session token belongs to; null when it is unknown, expired, or the account is disabled. */
  async resolve(token: string, now = new Date()): Promise<Principal | null> {
    const session = await this.em.findOne(Session, { tokenHash: hashToken(token), expiresAt: { $gt: now } });
    if (!session) return null;
    const account = await this.em.findOne(Account, { id: session.accountId, disabledAt: null, awaitingVerificationSince: null });
    if (!account) return null;
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
      session.lastSeenAt = now;
      session.expiresAt = slidingExpiry(session.createdAt, now);
      await this.em.flush();
    }
    return principalOf(account, session.id);
  }

  async signOut(token: string): Promise<void> {
    await this.em.nativeDelete(Session, { tokenHash: hashToken(token) });
  }

  /** The caller's own signed-in devices, the most recently used first. */
  async devices(principal: Principal, now = new Date()): Promise<SignedInDevice[]> {
    const sessions = await this.em.find(
      Session,
      { accountId: ownAccountId(principal), expiresAt: { $gt: now } },
      { orderBy: { lastSeenAt: 'desc', id: 'asc' } },
    );
    return sessions.map((session) =>
      Object.assign(new SignedInDevice(), {
        id: session.id,
        signedInAt: session.createdAt,
        lastSeenAt: session.lastSeenAt,
        expiresAt: session.expiresAt,
        userAgent: session.userAgent,
        current: session.id === principal.sessionId,
      }),
    );
  }

  /** Signs one of the caller's devices out; another person's session reads as not found. */
  async endDevice(principal: Principal, input: EndSignedInDeviceInput): Promise<EndSignedInDeviceResult> {
    const accountId = ownAccountId(principal);
    const ended = isUuid(input.id) ? await this.em.nativeDelete(Session, { id: input.id, accountId }) : 0;
    return Object.assign(new EndSignedInDeviceResult(), ended > 0 ? { id: input.id, error: null } : { id: null, error: SessionErrors.notFound() });
  }

  /**
   * A new password, after the current one (counted like a sign-in attempt). Every other device is
   * signed out, and sign-ins waiting for a second factor are dropped: whoever had the old password
   * or a session keeps nothing. The device asking stays signed in.
   */
  async changePassword(principal: Principal, input: ChangePasswordInput, now = new Date()): Promise<ChangePasswordResult> {
    const failed = (error: ChangePasswordResult['error']) => Object.assign(new ChangePasswordResult(), { signedOutDevices: null, error });
    const account = await this.em.findOne(Account, { id: ownAccountId(principal), disabledAt: null });
    if (!account) throw AccessError.forbidden();
    const weakness = passwordWeakness(input.newPassword, input.currentPassword);
    if (weakness) return failed(SessionErrors.weakPassword(weakness));
    const confirmed = await confirmPassword(this.em, account, input.currentPassword, now);
    if (!confirmed.ok)
      return failed(confirmed.retryAfterMs === null ? SessionErrors.wrongPassword() : SessionErrors.slowDown(waitMessage(confirmed.retryAfterMs)));
    await this.em.nativeUpdate(Account, { id: account.id }, { passwordHash: await hashPassword(input.newPassword) });
    const signedOutDevices = await this.em.nativeDelete(Session, {
      accountId: account.id,
      ...(principal.sessionId ? { id: { $ne: principal.sessionId } } : {}),
    });
    await this.em.nativeDelete(PendingSignIn, { accountId: account.id });
    return Object.assign(new ChangePasswordResult(), { signedOutDevices, error: null });
  }
}
