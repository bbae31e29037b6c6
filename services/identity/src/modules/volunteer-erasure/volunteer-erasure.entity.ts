import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A volunteer's request to delete their account (docs/domain-rules.md, "A volunteer deletes their
 * account"), written in the same transaction that checks their password, disables the account and
 * ends its sessions. The gateway then asks each subgraph holding their data to erase its part and
 * records here each one that answered (`volunteer_erasure_step`); identity erases its own part last,
 * once every other has answered, and sets `completedAt`. A request left midway (a subgraph down) is
 * picked up by the gateway's next run. Only the gateway's internal routes write these.
 */
@Entity({ tableName: 'volunteer_erasure' })
export class VolunteerErasure {
  @PrimaryKey({ type: 'uuid' })
  accountId: string;

  @Property({ type: 'uuid' })
  volunteerId: string;

  @Property({ type: 'datetime' })
  requestedAt: Date;

  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;
}

/** One subgraph's part of a volunteer's erasure, recorded once that subgraph has answered that it is done. */
@Entity({ tableName: 'volunteer_erasure_step' })
export class VolunteerErasureStep {
  @PrimaryKey({ type: 'uuid' })
  accountId: string;

  /** employers, encounters, destinations or identity. */
  @PrimaryKey({ type: 'string', length: 40 })
  subgraph: string;

  @Property({ type: 'datetime' })
  doneAt: Date;
}
