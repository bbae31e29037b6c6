import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { addDays, parseDay, toCsv } from '@waymark/domain';
import {
  boundSql,
  decodeCursor,
  encodeCursor,
  isUuid,
  pageSize,
  pgArray,
  startOfSchoolDay,
  toConnection,
  type AuditAction,
  type Connection,
  type RequestContext,
} from '@waymark/subgraph-kit';
import type { AuditCredentialKind } from './audit-event.entity.js';
import { AuditError } from './audit.errors.js';
import { AuditEventNode, type AuditEventFilter } from './audit.types.js';

/**
 * How long events are kept (docs/audit-trail.md). The database trigger that guards the trail allows a
 * delete only of events older than this, so the two must say the same.
 */
export const AUDIT_RETENTION = '6 years';

/** Most rows one CSV export of the log carries; a narrower filter gets the rest. */
export const MAX_EXPORT_ROWS = 50_000;

/** What one request did to one pupil (or, with no pupil, to a school's records as a whole). */
export interface AuditRecord {
  pupilId: string | null;
  /** Needed only without a pupil: with one, the pupil's own school (and trust) are recorded. */
  schoolId?: string | null;
  trustId?: string | null;
  action: AuditAction;
  fields: readonly string[];
  detail?: string | null;
}

/**
 * The event's id: the same request, caller, subject and action always give the same id, so a second
 * write from the same request (another subgraph's part of it) adds its fields to the same event.
 */
export function auditEventId(requestId: string, actorAccountId: string, subject: string, action: AuditAction): string {
  const hex = createHash('sha256').update(`${requestId}\n${actorAccountId}\n${subject}\n${action}`).digest('hex');
  const variant = (8 | (Number.parseInt(hex[16], 16) & 3)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function credentialKindOf(principal: Principal): AuditCredentialKind {
  return principal.kind === 'api' ? 'API_KEY' : 'SESSION';
}

// One statement: the events (a pupil's school and trust read from the pupil row; a pupil unknown
// here leaves the school null, which the table refuses, so the whole write fails) and their fields.
const INSERT = `with input as (
  select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[]) as i(id, action, pupil_id, school_id, trust_id, detail)
), events as (
  insert into audit_event (id, occurred_at, action, pupil_id, school_id, trust_id, request_id, credential_kind,
    actor_account_id, actor_name, actor_roles, actor_school_id, source, detail)
  select i.id, date_trunc('milliseconds', now()), i.action, i.pupil_id, case when i.pupil_id is null then i.school_id else p.school_id end,
    case when i.pupil_id is null then i.trust_id else p.trust_id end, $7, $8, $9, $10, $11, $12::uuid, $13, i.detail
  from input i left join pupil p on p.id = i.pupil_id
  on conflict (id) do nothing
)
insert into audit_event_field (event_id, field)
select * from unnest($14::uuid[], $15::text[]) on conflict do nothing`;

interface EventRow {
  id: string;
  occurred_at: Date;
  action: AuditAction;
  pupil_id: string | null;
  pupil_name: string | null;
  school_id: string;
  trust_id: string | null;
  request_id: string;
  credential_kind: AuditCredentialKind;
  actor_account_id: string;
  actor_name: string;
  actor_roles: string;
  source: string;
  detail: string | null;
  fields: string[];
}

function nodeOf(row: EventRow): AuditEventNode {
  return Object.assign(new AuditEventNode(), {
    id: row.id,
    occurredAt: new Date(row.occurred_at),
    action: row.action,
    fields: row.fields,
    pupilId: row.pupil_id,
    pupilName: row.pupil_name,
    schoolId: row.school_id,
    trustId: row.trust_id,
    actorAccountId: row.actor_account_id,
    actorName: row.actor_name,
    actorRoles: row.actor_roles ? row.actor_roles.split(',') : [],
    credentialKind: row.credential_kind,
    apiKeyId: row.credential_kind === 'API_KEY' ? row.actor_account_id : null,
    requestId: row.request_id,
    source: row.source,
    detail: row.detail,
  });
}

/** A filter made safe to run: a school, and bounds already turned into instants. */
export interface LogQuery {
  schoolId: string;
  pupilId: string | null;
  actorAccountId: string | null;
  action: AuditAction | null;
  from: Date | null;
  /** Exclusive. */
  to: Date | null;
}

const WHERE = `e.school_id = $1 and ($2::uuid is null or e.pupil_id = $2::uuid) and ($3::text is null or e.actor_account_id = $3::text)
  and ($4::text is null or e.action = $4::text) and ($5::timestamptz is null or e.occurred_at >= $5::timestamptz)
  and ($6::timestamptz is null or e.occurred_at < $6::timestamptz)`;

const SELECT = `select e.id, e.occurred_at, e.action, e.pupil_id, e.school_id, e.trust_id, e.request_id, e.credential_kind,
  e.actor_account_id, e.actor_name, e.actor_roles, e.source, e.detail,
  case when p.id is null then null else coalesce(p.preferred_name, p.legal_forename) || ' ' || p.legal_surname end as pupil_name,
  array(select f.field from audit_event_field f where f.event_id = e.id order by f.field) as fields
from audit_event e left join pupil p on p.id = e.pupil_id`;

function whereParameters(query: LogQuery): unknown[] {
  return [query.schoolId, query.pupilId, query.actorAccountId, query.action, query.from?.toISOString() ?? null, query.to?.toISOString() ?? null];
}

const CSV_HEADER = [
  'When (UTC)',
  'Action',
  'Fields',
  'Pupil',
  'Pupil id',
  'Who',
  'Account or API key id',
  'Roles',
  'Signed in with',
  'Request id',
  'Recorded by',
  'Detail',
];

/** The log as CSV text, through the shared writer, which keeps every cell from running as a formula. */
export function auditCsv(events: readonly AuditEventNode[]): string {
  return toCsv([
    CSV_HEADER,
    ...events.map((event) => [
      event.occurredAt.toISOString(),
      event.action,
      event.fields.join(' '),
      event.pupilName,
      event.pupilId,
      event.actorName,
      event.actorAccountId,
      event.actorRoles.join(' '),
      event.credentialKind === 'API_KEY' ? 'API key' : 'Session',
      event.requestId,
      event.source,
      event.detail,
    ]),
  ]);
}

export class AuditService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Records what one request did, as ONE statement on the entity manager's connection (inside its
   * transaction when it has one). Throws when anything cannot be recorded.
   */
  async write(ctx: Pick<RequestContext, 'principal' | 'requestId'>, source: string, records: readonly AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const { principal, requestId } = ctx;
    const ids = records.map((record) => auditEventId(requestId, principal.accountId, record.pupilId ?? `school:${record.schoolId}`, record.action));
    const fieldIds: string[] = [];
    const fieldNames: string[] = [];
    records.forEach((record, i) => {
      for (const field of record.fields) {
        fieldIds.push(ids[i]);
        fieldNames.push(field);
      }
    });
    await boundSql(this.em, INSERT, [
      pgArray(ids),
      pgArray(records.map((record) => record.action)),
      pgArray(records.map((record) => record.pupilId)),
      pgArray(records.map((record) => record.schoolId ?? null)),
      pgArray(records.map((record) => record.trustId ?? null)),
      pgArray(records.map((record) => record.detail ?? null)),
      requestId,
      credentialKindOf(principal),
      principal.accountId,
      principal.displayName,
      principal.roles.join(','),
      principal.schoolId && isUuid(principal.schoolId) ? principal.schoolId : null,
      source,
      pgArray(fieldIds),
      pgArray(fieldNames),
    ]);
  }

  /** A page of a school's log, newest first. */
  async list(query: LogQuery, args: { first?: number | null; after?: string | null }): Promise<Connection<AuditEventNode>> {
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after, ['timestamp', 'uuid']);
    const parameters = [...whereParameters(query), after?.[0] ?? null, after?.[1] ?? null, limit + 1];
    const [{ rows }, { rows: counted }] = await Promise.all([
      boundSql<EventRow>(
        this.em,
        `${SELECT} where ${WHERE} and ($7::timestamptz is null or (e.occurred_at, e.id) < ($7::timestamptz, $8::uuid))
        order by e.occurred_at desc, e.id desc limit $9`,
        parameters,
      ),
      boundSql<{ n: number }>(this.em, `select count(*)::int as n from audit_event e where ${WHERE}`, whereParameters(query)),
    ]);
    return toConnection(rows.map(nodeOf), limit, counted[0]?.n ?? 0, (node) => encodeCursor([node.occurredAt.toISOString(), node.id]));
  }

  /** Every event the filter matches (at most MAX_EXPORT_ROWS, newest first), for a download. */
  async all(query: LogQuery): Promise<AuditEventNode[]> {
    const { rows } = await boundSql<EventRow>(
      this.em,
      `${SELECT} where ${WHERE} order by e.occurred_at desc, e.id desc limit ${MAX_EXPORT_ROWS}`,
      whereParameters(query),
    );
    return rows.map(nodeOf);
  }

  /**
   * The retention purge: removes every event older than AUDIT_RETENTION, with its fields, in one
   * transaction. The only delete the database allows on the trail. Returns how many events went.
   */
  async purgeExpired(): Promise<number> {
    return this.em.transactional(async (em) => {
      const expired = `select id from audit_event where occurred_at < now() - interval '${AUDIT_RETENTION}'`;
      await boundSql(em, `delete from audit_event_field where event_id in (${expired})`, []);
      const { affected } = await boundSql(em, `delete from audit_event where id in (${expired})`, []);
      return affected;
    });
  }
}

/**
 * The filter as asked, made into a query over the caller's own school: `from` and `to` are whole days
 * in England, both included. Throws AuditError for a malformed id, action or day.
 */
export function toLogQuery(schoolId: string, filter: AuditEventFilter | null | undefined): LogQuery {
  const from = filter?.from ? parseDay(filter.from) : null;
  const to = filter?.to ? parseDay(filter.to) : null;
  if ((filter?.from && !from) || (filter?.to && !to)) throw AuditError.badFilter('Give dates as real dates, YYYY-MM-DD.');
  if (from && to && from > to) throw AuditError.badFilter('The "from" date must be on or before the "to" date.');
  if (filter?.pupilId && !isUuid(filter.pupilId)) throw AuditError.badFilter('That is not a pupil id.');
  return {
    schoolId,
    pupilId: filter?.pupilId ?? null,
    actorAccountId: filter?.actorAccountId?.trim() || null,
    action: filter?.action ?? null,
    from: from ? startOfSchoolDay(from) : null,
    to: to ? startOfSchoolDay(addDays(to, 1)) : null,
  };
}
