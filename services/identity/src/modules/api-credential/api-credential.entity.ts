import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { tenantPolicy } from '@waymark/subgraph-kit';

/** A multi-academy trust's integration key. Only the SHA-256 of the secret is stored. */
@Entity({ tableName: 'api_credential', ...tenantPolicy({ kind: 'trust' }) })
@ObjectType({ description: 'An API key for a trust integration. Its secret is shown once, when it is created.' })
export class ApiCredential {
  [OptionalProps]?: 'requestCount' | 'errorCount';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Index()
  @Property({ type: 'uuid' })
  trustId: string;

  @Property({ type: 'string', length: 100 })
  @Field()
  name: string;

  @Property({ type: 'string', length: 64, unique: true })
  secretHash: string;

  @Property({ type: 'array' })
  @Field(() => [String])
  scopes: string[];

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date;

  /** The analyst who created it, so that person's own data export lists it; null for keys made before this was kept. */
  @Property({ type: 'uuid', nullable: true })
  createdById: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the key was last used (to within a minute or so).' })
  lastUsedAt: Date | null = null;

  /** Added to by the gateways (POST /internal/api-key-usage): counts only, never the requests themselves. */
  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Requests made with this key through the gateway, refused ones included.' })
  requestCount = 0;

  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Of those requests, the ones answered with an error (over the rate limit, refused, or failed).' })
  errorCount = 0;

  /**
   * The key's token bucket, shared by every gateway replica (docs/security.md, "Limits per key"):
   * the requests left at `rateAt`. Null until the key's first request (a full bucket).
   */
  @Property({ type: 'double', nullable: true })
  rateTokens: number | null = null;

  @Property({ type: 'datetime', nullable: true })
  rateAt: Date | null = null;
}
