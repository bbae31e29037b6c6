import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { tenantPolicy, type AuditAction } from '@waymark/subgraph-kit';

/** How the caller proved who they were: a signed-in person's session, or a trust's API key. */
export type AuditCredentialKind = 'SESSION' | 'API_KEY';

/**
 * One access to one pupil's record (or, with no pupil, to a school's records as a whole: a roster
 * commit, an export of this log): who, what, when, and through which credential. Append-only: the
 * code has no update or delete path, and the database refuses both except for the retention purge
 * (docs/audit-trail.md). `id` is derived from (request, actor, pupil or school, action), so one
 * request writes one event per pupil and action however many subgraph calls it takes.
 */
/*
 * The guard itself (function "audit_trail_guard", and triggers that refuse TRUNCATE) is created by the
 * migration that made these tables. The row triggers are declared here too, as written, so the schema
 * comparator knows them and never proposes dropping them; TRUNCATE triggers are invisible to it.
 */
const guardedBy = (table: string) => [
  {
    name: `${table}_append_only`,
    timing: 'before' as const,
    events: ['update' as const, 'delete' as const],
    expression: `create trigger "${table}_append_only" before update or delete on "${table}" for each row execute function "audit_trail_guard"();`,
  },
];

@Entity({ tableName: 'audit_event', triggers: guardedBy('audit_event'), ...tenantPolicy({ kind: 'pupil', trust: true }, { appendableByAll: true }) })
@Index({ properties: ['schoolId', 'occurredAt', 'id'] })
@Index({ properties: ['pupilId', 'occurredAt'] })
export class AuditEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt: Date;

  @Property({ type: 'string', length: 10 })
  action: AuditAction;

  /** Not a foreign key: the events outlive a pupil row that is pseudonymised or removed. */
  @Property({ type: 'uuid', nullable: true })
  pupilId: string | null;

  /** The pupil's school when it happened (the school whose log shows it). */
  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'string', length: 64 })
  requestId: string;

  @Property({ type: 'string', length: 10 })
  credentialKind: AuditCredentialKind;

  /** The person's account id, or the API key's id. */
  @Property({ type: 'string' })
  actorAccountId: string;

  @Property({ type: 'string' })
  actorName: string;

  /** The roles the caller held then, comma-separated. */
  @Property({ type: 'string' })
  actorRoles: string;

  @Property({ type: 'uuid', nullable: true })
  actorSchoolId: string | null;

  /** The subgraph that saw the access: pupils, encounters, … */
  @Property({ type: 'string', length: 20 })
  source: string;

  @Property({ type: 'text', nullable: true })
  detail: string | null;
}

/** Which fields an event touched; a request adds fields to its event, never changes one. */
@Entity({ tableName: 'audit_event_field', triggers: guardedBy('audit_event_field') })
export class AuditEventField {
  @ManyToOne(() => AuditEvent, { primary: true, deleteRule: 'no action' })
  event: AuditEvent;

  @PrimaryKey({ type: 'string', length: 40 })
  field: string;
}
