import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * How many wrong sign-ins one thing (an email address, a client address, an account on a device
 * its owner uses) has had lately. `key` is a SHA-256, so the table holds neither the emails people
 * typed (accounts or not) nor their addresses. The count drains with time; see SignInThrottle.
 */
@Entity({ tableName: 'sign_in_throttle' })
export class SignInThrottleEntry {
  @PrimaryKey({ type: 'string', length: 64 })
  key: string;

  /** Failures not yet drained away (fractional: it drains continuously). */
  @Property({ type: 'double' })
  level: number;

  @Index()
  @Property({ type: 'datetime' })
  updatedAt: Date;

  /** No attempt is checked before this. */
  @Property({ type: 'datetime', nullable: true })
  blockedUntil: Date | null = null;
}

/**
 * A browser its owner has signed in on: the gateway's long-lived device cookie (only its SHA-256
 * here) with the account it signed in to. Sign-ins from it are not slowed by other people's guesses
 * at the account, so nobody can keep an owner out by guessing.
 */
@Entity({ tableName: 'trusted_device' })
export class TrustedDevice {
  @PrimaryKey({ type: 'uuid' })
  accountId: string;

  @PrimaryKey({ type: 'string', length: 64 })
  deviceHash: string;

  @Property({ type: 'datetime' })
  lastSignInAt: Date;
}
