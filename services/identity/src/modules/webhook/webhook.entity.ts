import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { tenantPolicy } from '@waymark/subgraph-kit';
import { SealedSecretType } from '../second-factor/secret-box.js';

/**
 * A trust's HTTPS endpoint for events. Its signing secret is kept sealed under WAYMARK_SECRETS_KEY
 * (secret-box.ts), not hashed: the delivery worker needs it to sign each delivery. It is shown to
 * the analyst once, when made or rotated.
 */
@Entity({ tableName: 'webhook_endpoint', ...tenantPolicy({ kind: 'trust' }) })
@ObjectType({ description: "A trust's webhook endpoint. Its signing secret is shown once, when it is made or rotated." })
export class WebhookEndpoint {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Index()
  @Property({ type: 'uuid' })
  trustId: string;

  @Property({ type: 'string', length: 2000 })
  @Field()
  url: string;

  @Property({ type: 'array' })
  @Field(() => [String], { description: 'The event types sent to it.' })
  events: string[];

  /** Its own scopes; ignored when it acts as an API key (then that key's scopes count, and none once it is revoked). */
  @Property({ type: 'array' })
  @Field(() => [String], { description: 'The scopes it was given (when it acts as an API key, that key’s scopes count instead).' })
  scopes: string[];

  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The API key whose scopes it has, if any.' })
  apiCredentialId: string | null = null;

  @Property({ type: SealedSecretType })
  secret: string;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date;

  @Property({ type: 'uuid', nullable: true })
  createdById: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was turned off: nothing more is sent to it.' })
  disabledAt: Date | null = null;
}

/** An event a subgraph reported (through the gateway's relay), kept once by its id whatever number of times it arrives. */
@Entity({ tableName: 'webhook_event', ...tenantPolicy({ kind: 'trust' }) })
export class WebhookEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Index()
  @Property({ type: 'uuid' })
  trustId: string;

  @Property({ type: 'string', length: 64 })
  type: string;

  /** The catalogued fields only (webhook.events.ts). */
  @Property({ type: 'json' })
  data: Record<string, string | number | boolean>;

  @Property({ type: 'datetime' })
  occurredAt: Date;

  @Property({ type: 'datetime' })
  receivedAt: Date;
}

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Every attempt failed: no more will be made. */
  FAILED = 'FAILED',
  /** The endpoint was turned off, or lost the scope, before it was sent. */
  CANCELLED = 'CANCELLED',
}
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

/** One event for one endpoint: the delivery worker's outbox row and its visible status. */
@Entity({ tableName: 'webhook_delivery', ...tenantPolicy({ kind: 'trust' }) })
@Unique({ properties: ['endpointId', 'eventId'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
@ObjectType({ description: 'One event sent (or to be sent) to one webhook endpoint.' })
export class WebhookDelivery {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Property({ type: 'uuid' })
  trustId: string;

  @Index()
  @Property({ type: 'uuid' })
  endpointId: string;

  @Property({ type: 'uuid' })
  @Field(() => ID, { description: 'The event id: the same on every attempt (Waymark-Event-Id).' })
  eventId: string;

  @Property({ type: 'string', length: 64 })
  @Field()
  eventType: string;

  @Enum({ items: () => WebhookDeliveryStatus })
  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  @Property({ type: 'integer', default: 0 })
  @Field(() => Int)
  attempts: number = 0;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The HTTP status the endpoint last answered; null when it could not be reached.' })
  lastResponseCode: number | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it will be tried next; null when no more attempts will be made.' })
  nextAttemptAt: Date | null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  lastAttemptAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'datetime' })
  @Field()
  createdAt: Date;
}
