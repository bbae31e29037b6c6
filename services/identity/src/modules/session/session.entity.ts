import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A browser sign-in. Only the SHA-256 of the token is stored, so a database leak yields no sessions. */
@Entity({ tableName: 'session' })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash: string;

  @Index()
  @Property({ type: 'uuid' })
  accountId: string;

  @Property({ type: 'datetime' })
  createdAt: Date;

  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Property({ type: 'datetime' })
  lastSeenAt: Date;

  /** The browser's own description of itself at sign-in, so its owner can tell their devices apart. */
  @Property({ type: 'string', length: 200, nullable: true })
  userAgent: string | null = null;
}
