import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { tenantPolicy } from '@waymark/subgraph-kit';

/**
 * Events for trusts' webhooks (docs/trust-api.md, "Webhooks"), written in the same transaction as
 * the change they report, so an event exists exactly when its change landed. The gateway's relay
 * takes the waiting ones to identity (which keeps each once by its id, the event id the receiver
 * sees) and then marks them forwarded here. Ids, kinds and counts only: never a name.
 */
@Entity({ tableName: 'webhook_outbox', ...tenantPolicy({ kind: 'staff', trust: true }) })
@Index({ properties: ['forwardedAt', 'occurredAt'] })
export class WebhookOutboxEvent {
  /** The event id, kept by identity and sent to the receiver as Waymark-Event-Id. */
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  trustId: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'string', length: 64 })
  type: string;

  @Property({ type: 'json' })
  data: Record<string, string | number | boolean>;

  @Property({ type: 'datetime' })
  occurredAt: Date;

  @Property({ type: 'datetime', nullable: true })
  forwardedAt: Date | null = null;
}
