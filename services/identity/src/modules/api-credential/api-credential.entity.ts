import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';

/** A multi-academy trust's integration key. Only the SHA-256 of the secret is stored. */
@Entity({ tableName: 'api_credential' })
@ObjectType({ description: 'An API key for a trust integration. Its secret is shown once, when it is created.' })
export class ApiCredential {
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
  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null = null;
}
