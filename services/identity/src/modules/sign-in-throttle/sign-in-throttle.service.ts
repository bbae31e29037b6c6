import type { EntityManager } from '@mikro-orm/sql';
import { hashToken } from '@waymark/auth';
import { boundSql, pgArray } from '@waymark/subgraph-kit';

/**
 * How hard one kind of count slows sign-in: `free` wrong passwords cost nothing; each one past that
 * makes the next attempt wait twice as long as the one before (1 s, 2 s, 4 s …) up to `maxDelayMs`.
 * The count drains by one every `drainMs`, so someone who mistypes now and then is never slowed.
 */
export interface ThrottleRule {
  free: number;
  drainMs: number;
  maxDelayMs: number;
}

/**
 * Per email address typed, whether or not an account has it (so the answers never tell which emails
 * have accounts). The wait stops at a minute: guessing at an account from many places is slowed to
 * about one guess a minute, and nobody can lock the owner out for longer than that.
 */
export const ACCOUNT_RULE: ThrottleRule = { free: 5, drainMs: 5 * 60_000, maxDelayMs: 60_000 };
/**
 * Per client address, over every email tried from it: slows one machine trying a password on many
 * accounts. Generous, because a whole school can sit behind one address: every attempt is counted
 * before its password is checked, so a class signing in together is that many attempts at once
 * (with 20 free, a class of 30 had a third told to wait). 60 lets two classes in at the same moment;
 * past it the waits double as before, and the count drains at the same pace.
 */
export const ADDRESS_RULE: ThrottleRule = { free: 60, drainMs: 30_000, maxDelayMs: 60_000 };
/**
 * Per account on a device its owner has signed in on, which the two counts above do not slow: only
 * someone holding that browser can add to this one, so it may wait longer.
 */
export const DEVICE_RULE: ThrottleRule = { free: 10, drainMs: 3 * 60_000, maxDelayMs: 15 * 60_000 };

/**
 * Per account, for second-factor codes after a right password: a code has a million values, and
 * the password's own count starts again each time it is right, so codes need a count of their own.
 */
export const SECOND_FACTOR_RULE: ThrottleRule = { free: 5, drainMs: 5 * 60_000, maxDelayMs: 15 * 60_000 };

/** A device counts as its owner's for this long after it last signed in to the account. */
export const TRUSTED_FOR_MS = 90 * 24 * 60 * 60 * 1000;
/** Counts left alone this long are deleted (by then they have drained away, or nearly). */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export interface ThrottleKey {
  key: string;
  rule: ThrottleRule;
}

/** The counts an attempt adds to. Only SHA-256s are stored, never the email or address itself. */
export const throttleKeys = {
  account: (normalisedEmail: string): ThrottleKey => ({ key: hashToken(`account:${normalisedEmail}`), rule: ACCOUNT_RULE }),
  address: (address: string): ThrottleKey => ({ key: hashToken(`address:${address}`), rule: ADDRESS_RULE }),
  device: (accountId: string, deviceHash: string): ThrottleKey => ({ key: hashToken(`device:${accountId}:${deviceHash}`), rule: DEVICE_RULE }),
  secondFactor: (accountId: string): ThrottleKey => ({ key: hashToken(`second-factor:${accountId}`), rule: SECOND_FACTOR_RULE }),
};

/** The count left of `level` after draining since `since`. */
export function drained(level: number, since: Date, now: Date, rule: ThrottleRule): number {
  return Math.max(0, level - Math.max(0, now.getTime() - since.getTime()) / rule.drainMs);
}

/** How long the next attempt must wait once the count has reached `level`. */
export function delayAt(level: number, rule: ThrottleRule): number {
  if (level <= rule.free) return 0;
  return Math.min(rule.maxDelayMs, 1000 * 2 ** (Math.ceil(level) - rule.free - 1));
}

/** What a slowed-down attempt is told: the same words whoever, or whatever email, it was. */
export function waitMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  if (seconds < 120) return `Too many sign-in attempts. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`;
  return `Too many sign-in attempts. Wait ${Math.ceil(seconds / 60)} minutes and try again.`;
}

export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

interface EntryRow {
  key: string;
  level: number;
  updated_at: Date | string;
  blocked_until: Date | string | null;
}

/**
 * Slows password guessing without locking anyone out. An attempt is counted as a failure BEFORE its
 * password is checked (and forgiven if it turns out right), under a row lock, so guesses sent in
 * parallel cannot all slip in before the count catches up. An attempt made while a count says wait
 * is refused unchecked, and is not counted: waiting it out is all anyone needs to do.
 */
export class SignInThrottle {
  constructor(private readonly em: EntityManager) {}

  /** Counts the attempt against every key, or refuses it unchanged when any key says wait. */
  reserve(keys: readonly ThrottleKey[], now: Date): Promise<Reservation> {
    const rules = new Map(keys.map((k) => [k.key, k.rule]));
    const ids = pgArray([...rules.keys()]);
    return this.em.transactional(async (tx) => {
      await boundSql(tx, 'insert into sign_in_throttle (key, level, updated_at) select unnest($1::text[]), 0, $2::timestamptz on conflict (key) do nothing', [
        ids,
        now.toISOString(),
      ]);
      // In key order, so two attempts sharing keys always lock them in the same order.
      const { rows } = await boundSql<EntryRow>(
        tx,
        'select key, level, updated_at, blocked_until from sign_in_throttle where key = any($1::text[]) order by key for update',
        [ids],
      );
      const wait = Math.max(0, ...rows.map((row) => (row.blocked_until ? new Date(row.blocked_until).getTime() - now.getTime() : 0)));
      if (wait > 0) return { ok: false, retryAfterMs: wait };
      const levels: number[] = [];
      const blocked: (string | null)[] = [];
      for (const row of rows) {
        const rule = rules.get(row.key)!;
        const level = drained(Number(row.level), new Date(row.updated_at), now, rule) + 1;
        const delay = delayAt(level, rule);
        levels.push(level);
        blocked.push(delay > 0 ? new Date(now.getTime() + delay).toISOString() : null);
      }
      await boundSql(
        tx,
        `update sign_in_throttle t set level = v.level, updated_at = $4::timestamptz, blocked_until = v.blocked_until
           from unnest($1::text[], $2::float8[], $3::timestamptz[]) as v(key, level, blocked_until) where t.key = v.key`,
        [pgArray(rows.map((row) => row.key)), pgArray(levels), pgArray(blocked), now.toISOString()],
      );
      return { ok: true };
    });
  }

  /**
   * After the right password: `reset` keys start again from nothing (the account's own counts);
   * `undo` keys only take this attempt back (an address's count, which other people's guesses from
   * the same address share). Old counts are tidied away at the same time.
   */
  async forgive({ reset, undo }: { reset: readonly ThrottleKey[]; undo: readonly ThrottleKey[] }, now: Date): Promise<void> {
    await boundSql(
      this.em,
      'delete from sign_in_throttle where key = any($1::text[]) or (updated_at < $2::timestamptz and (blocked_until is null or blocked_until < $3::timestamptz))',
      [pgArray(reset.map((k) => k.key)), new Date(now.getTime() - FORGET_AFTER_MS).toISOString(), now.toISOString()],
    );
    if (undo.length > 0)
      await boundSql(this.em, 'update sign_in_throttle set level = greatest(0, level - 1) where key = any($1::text[])', [pgArray(undo.map((k) => k.key))]);
  }

  /** Whether the owner has signed in to the account on this device lately. */
  async isTrusted(accountId: string, deviceHash: string, now: Date): Promise<boolean> {
    const { rows } = await boundSql(this.em, 'select 1 from trusted_device where account_id = $1 and device_hash = $2 and last_sign_in_at > $3::timestamptz', [
      accountId,
      deviceHash,
      new Date(now.getTime() - TRUSTED_FOR_MS).toISOString(),
    ]);
    return rows.length > 0;
  }

  /** Remembers the device as the owner's, and forgets the account's devices not used for a long time. */
  async trust(accountId: string, deviceHash: string, now: Date): Promise<void> {
    await boundSql(
      this.em,
      `insert into trusted_device (account_id, device_hash, last_sign_in_at) values ($1, $2, $3::timestamptz)
         on conflict (account_id, device_hash) do update set last_sign_in_at = excluded.last_sign_in_at`,
      [accountId, deviceHash, now.toISOString()],
    );
    await boundSql(this.em, 'delete from trusted_device where account_id = $1 and last_sign_in_at <= $2::timestamptz', [
      accountId,
      new Date(now.getTime() - TRUSTED_FOR_MS).toISOString(),
    ]);
  }
}
