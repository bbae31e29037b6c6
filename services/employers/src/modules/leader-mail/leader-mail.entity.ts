import { tenantPolicy } from '@waymark/subgraph-kit';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Mail for a school's careers leaders, written in the same transaction as the change it tells them
 * of (docs/domain-rules.md, "A volunteer deletes their account"): today, an accepted offer withdrawn
 * because its volunteer deleted their account. The gateway's relay takes the waiting rows to identity,
 * which knows the leaders' addresses, keeps each row once by its id and sends the mail with retries;
 * then the row is marked forwarded here. What the mail needs about the request only: never anything
 * about the volunteer.
 */
@Entity({ tableName: 'leader_mail_outbox', ...tenantPolicy({ kind: 'staff', trust: false }) })
@Index({ properties: ['forwardedAt', 'occurredAt'] })
export class LeaderMailOutbox {
  /** Identity keeps each notice once by this id. */
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  /** Which mail: `offer.withdrawn`. */
  @Property({ type: 'string', length: 64 })
  kind: string;

  /** For `offer.withdrawn`: requestId, activity, dateFrom, dateTo, yearGroups. */
  @Property({ type: 'json' })
  data: Record<string, unknown>;

  @Property({ type: 'datetime' })
  occurredAt: Date;

  @Property({ type: 'datetime', nullable: true })
  forwardedAt: Date | null = null;
}
