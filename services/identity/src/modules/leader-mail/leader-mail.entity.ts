import { tenantPolicy } from '@waymark/subgraph-kit';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

export enum LeaderMailStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Every attempt failed: no more will be made. */
  FAILED = 'FAILED',
  /** The account stopped being a careers leader of the school (or was disabled) before it was sent. */
  CANCELLED = 'CANCELLED',
}

/**
 * One email to one careers leader about one notice a subgraph reported (today: an accepted offer
 * withdrawn because its volunteer deleted their account). Made when identity takes the notice,
 * once per notice and leader, and sent by the leader mail worker with retries. The words are written
 * when the notice is taken; the address is read from the account when it is sent.
 */
@Entity({ tableName: 'leader_mail', ...tenantPolicy({ kind: 'staff', trust: false }) })
@Unique({ properties: ['noticeId', 'accountId'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class LeaderMail {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  /** The notice's id in the subgraph's outbox: a notice relayed twice makes no second email. */
  @Property({ type: 'uuid' })
  noticeId: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid' })
  accountId: string;

  @Property({ type: 'string', length: 200 })
  subject: string;

  @Property({ type: 'text' })
  text: string;

  @Enum({ items: () => LeaderMailStatus })
  status: LeaderMailStatus = LeaderMailStatus.PENDING;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'string', length: 300, nullable: true })
  lastError: string | null = null;

  /** When it will be tried next (or, while one worker holds it, when its lease ends); null once sent or given up. */
  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date;

  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;
}
