import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The outbox between a signed-up volunteer's confirmed email and their record in the employers
 * subgraph. Written in the same transaction that confirms the email; delivered straight after, and
 * again at each sign-in until the employers subgraph has answered with the volunteer's id (then the
 * account holds it). The account id is the idempotency key the employers subgraph makes the record by.
 */
@Entity({ tableName: 'volunteer_provisioning' })
export class VolunteerProvisioning {
  @PrimaryKey({ type: 'uuid' })
  accountId: string;

  @Property({ type: 'datetime' })
  createdAt: Date;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  /** Why the last attempt did not land (cut short); null once delivered. */
  @Property({ type: 'string', length: 1000, nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Date | null = null;
}
