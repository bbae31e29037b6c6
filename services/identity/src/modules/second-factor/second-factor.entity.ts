import { SealedSecretType } from './secret-box.js';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A one-time recovery code, for a person who has lost their authenticator. Only its SHA-256 is kept. */
@Entity({ tableName: 'recovery_code' })
export class RecoveryCode {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Index()
  @Property({ type: 'uuid' })
  accountId: string;

  @Property({ type: 'string', length: 64 })
  codeHash: string;

  @Property({ type: 'datetime' })
  createdAt: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}

/**
 * A sign-in whose password was right and which now waits for the second factor. The browser holds
 * the token (only its SHA-256 here) for a few minutes. `secret` is set when the person must first
 * add Waymark to an authenticator app: the code they then give proves they did.
 */
@Entity({ tableName: 'pending_sign_in' })
export class PendingSignIn {
  @PrimaryKey({ type: 'string', length: 64 })
  tokenHash: string;

  @Index()
  @Property({ type: 'uuid' })
  accountId: string;

  /** Stored sealed, like the account's. */
  @Property({ type: SealedSecretType, nullable: true })
  secret: string | null = null;

  @Property({ type: 'integer', default: 0 })
  failedCodes = 0;

  @Index()
  @Property({ type: 'datetime' })
  expiresAt: Date;
}

/** Whether a school or a trust (by id) requires its staff and analysts to use a second factor. */
@Entity({ tableName: 'second_factor_policy' })
export class SecondFactorPolicy {
  @PrimaryKey({ type: 'uuid' })
  organisationId: string;

  @Property({ type: 'boolean' })
  required: boolean;

  @Property({ type: 'uuid' })
  changedById: string;

  @Property({ type: 'datetime' })
  changedAt: Date;
}
