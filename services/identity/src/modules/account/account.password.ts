import type { EntityManager } from '@mikro-orm/sql';
import { verifyPassword } from '@waymark/auth';
import { SignInThrottle, throttleKeys } from '../sign-in-throttle/sign-in-throttle.service.js';
import type { Account } from './account.entity.js';

export type PasswordCheck = { ok: true } | { ok: false; retryAfterMs: number | null };

/**
 * A signed-in person confirming their password before a change to their account's security (turning
 * off the second factor, choosing a new password). It counts on the account's sign-in count, so a
 * borrowed session cannot be used to guess the password faster than sign-in allows.
 */
export async function confirmPassword(em: EntityManager, account: Account, password: string, now: Date): Promise<PasswordCheck> {
  const throttle = new SignInThrottle(em);
  const key = throttleKeys.account(account.email);
  const reserved = await throttle.reserve([key], now);
  if (!reserved.ok) return { ok: false, retryAfterMs: reserved.retryAfterMs };
  if (!(await verifyPassword(password.slice(0, 1024), account.passwordHash))) return { ok: false, retryAfterMs: null };
  await throttle.forgive({ reset: [key], undo: [] }, now);
  return { ok: true };
}
