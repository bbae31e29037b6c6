import { createHash, randomBytes } from 'node:crypto';

/*
 * The rules of a leaver's self-report (docs/domain-rules.md, "Destinations"): how long a link lasts,
 * how its token is kept. What a report must say is @waymark/domain's checkSelfReport, which alumni's
 * reports share.
 */

/** A link works for 60 days from when it was made, and once. */
const LINK_LIFETIME_DAYS = 60;

/** A new link's token: 32 random bytes, base64url (43 characters). Only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The hex SHA-256 of a token, as stored. A token that cannot be one of ours hashes to null. */
export function tokenHash(token: unknown): string | null {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return createHash('sha256').update(token).digest('hex');
}

/** When a link made at `now` stops working. */
export function linkExpiry(now: Date): Date {
  return new Date(now.getTime() + LINK_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
}
