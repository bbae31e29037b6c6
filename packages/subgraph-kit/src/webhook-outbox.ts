import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EntityManager } from '@mikro-orm/sql';
import { CREDENTIAL_HEADER, type CredentialVerifier } from '@waymark/auth';
import type { HousekeepingJob } from './housekeeping.js';
import { sendJson, type SubgraphServerOptions } from './server.js';
import { boundSql, pgArray } from './sql.js';
import { tenantPolicy, withSystemAccess } from './tenancy.js';
import type { Orm } from './database.js';

/**
 * A subgraph's outbox of events for trusts' webhooks (docs/trust-api.md, "Webhooks"; docs/architecture.md,
 * "Webhooks"): written in the same transaction as the change each reports, so an event exists exactly
 * when its change landed. The gateway's relay takes the waiting ones to identity (which keeps each once
 * by its id, the id the receiver sees) and then marks them forwarded here. Ids, kinds, dates and counts
 * only: never a name. A subgraph with an outbox lists this entity, `webhookOutboxRoutes` and
 * `webhookOutboxCleanupJob`, and generates the migration.
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

/** The events subgraphs write; identity's catalogue (webhook.events.ts) says which fields of each are kept. */
export type OutboxEventType = 'roster.import.committed' | 'encounter.recorded' | 'destination.recorded' | 'pupil.transferred' | 'pupil.pseudonymised';

export interface OutboxEventInput {
  type: OutboxEventType;
  trustId: string;
  schoolId: string;
  /** Ids, kinds, dates and counts; the school id is added. */
  data: Record<string, string | number | boolean>;
  occurredAt: Date;
}

/** Writes an event inside the caller's transaction (the one making the change it reports); answers its id. */
export async function queueWebhookEvent(tx: EntityManager, event: OutboxEventInput): Promise<string> {
  const id = randomUUID();
  await tx.execute(
    'insert into webhook_outbox (id, trust_id, school_id, type, data, occurred_at) values (?, ?, ?, ?, ?, ?)',
    [id, event.trustId, event.schoolId, event.type, JSON.stringify({ ...event.data, schoolId: event.schoolId }), event.occurredAt],
    'run',
  );
  return id;
}

/**
 * Writes many events inside the caller's transaction in one statement (a roster import's transfers, a
 * file of destinations); answers their ids, in order.
 */
export async function queueWebhookEvents(tx: EntityManager, events: readonly OutboxEventInput[]): Promise<string[]> {
  if (events.length === 0) return [];
  const ids = events.map(() => randomUUID());
  const column = (of: (event: OutboxEventInput, i: number) => string) => pgArray(events.map(of));
  await boundSql(
    tx,
    `insert into webhook_outbox (id, trust_id, school_id, type, data, occurred_at)
     select id, trust_id, school_id, type, data::jsonb, occurred_at
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[]) as e(id, trust_id, school_id, type, data, occurred_at)`,
    [
      column((_, i) => ids[i]),
      column((event) => event.trustId),
      column((event) => event.schoolId),
      column((event) => event.type),
      column((event) => JSON.stringify({ ...event.data, schoolId: event.schoolId })),
      column((event) => event.occurredAt.toISOString()),
    ],
  );
  return ids;
}

/** What the gateway's relay takes: the oldest events not forwarded yet. */
export function waitingWebhookEvents(em: EntityManager, limit: number): Promise<WebhookOutboxEvent[]> {
  return em.find(WebhookOutboxEvent, { forwardedAt: null }, { orderBy: { occurredAt: 'asc', id: 'asc' }, limit });
}

/** Marks events identity has taken; an id already marked keeps its first time. */
export async function markWebhookEventsForwarded(em: EntityManager, ids: readonly string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  return em.nativeUpdate(WebhookOutboxEvent, { id: { $in: [...ids] }, forwardedAt: null }, { forwardedAt: now });
}

/** Forwarded events are kept this long (to look into a complaint), then deleted by the daily housekeeping. */
export const FORWARDED_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

export const webhookOutboxCleanupJob: HousekeepingJob = {
  name: 'webhook outbox clean-up',
  everyMs: 24 * 60 * 60 * 1000,
  run: async (orm, now) => {
    const removed = await withSystemAccess(orm, 'webhook outbox clean-up: events identity took over 30 days ago, at every school', (em) =>
      em.nativeDelete(WebhookOutboxEvent, { forwardedAt: { $lt: new Date(now.getTime() - FORWARDED_KEPT_MS) } }),
    );
    return removed > 0 ? `${removed} forwarded webhook events deleted` : undefined;
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BATCH = 500;

/** One outbox the gateway relays: where it is read and marked, and how (each inside a system-access transaction). */
export interface RelayedOutbox {
  /** POST <path> { limit? } → 200 { <listName>: [...] }; POST <path>/forwarded { ids } → 200 { marked }. */
  path: string;
  listName: string;
  /** Why the system access is taken, for the access log: reading, then marking. */
  reasons: { read: string; mark: string };
  waiting: (em: EntityManager, limit: number) => Promise<Record<string, unknown>[]>;
  markForwarded: (em: EntityManager, ids: readonly string[], now: Date) => Promise<number>;
}

/**
 * Routes through which the gateway relays an outbox, outside the supergraph (system credential only):
 *   POST <path> { limit? }             → 200 { <listName>: [...] } (the oldest rows not forwarded yet)
 *   POST <path>/forwarded { ids }      → 200 { marked }
 * `next`, when given, answers every other path (a subgraph's own internal routes).
 */
export function relayedOutboxRoutes(
  orm: Orm,
  outbox: RelayedOutbox,
  next?: NonNullable<SubgraphServerOptions['routes']>,
): NonNullable<SubgraphServerOptions['routes']> {
  const forwardedPath = `${outbox.path}/forwarded`;
  return async (req: IncomingMessage, res: ServerResponse, raw: string, verifier: CredentialVerifier): Promise<boolean> => {
    const { pathname } = new URL(req.url ?? '/', 'http://subgraph');
    if (pathname !== outbox.path && pathname !== forwardedPath) return next ? next(req, res, raw, verifier) : false;
    const verified = await verifier.verify(req.headers[CREDENTIAL_HEADER] as string | undefined);
    if (!verified.ok || verified.principal.kind !== 'system') {
      sendJson(res, 401, { error: 'This route only answers the Waymark gateway.' });
      return true;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendJson(res, 405, { error: 'Use POST.' });
      return true;
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw || '{}') as Record<string, unknown>;
    } catch {
      sendJson(res, 400, { error: 'Body is not JSON.' });
      return true;
    }
    if (pathname === outbox.path) {
      const limit = typeof body.limit === 'number' && Number.isInteger(body.limit) ? Math.min(Math.max(body.limit, 1), MAX_BATCH) : 100;
      sendJson(res, 200, { [outbox.listName]: await withSystemAccess(orm, outbox.reasons.read, (em) => outbox.waiting(em, limit), { recurring: true }) });
      return true;
    }
    const ids = body.ids;
    if (!Array.isArray(ids) || ids.length > MAX_BATCH || !ids.every((id) => typeof id === 'string' && UUID.test(id))) {
      sendJson(res, 400, { error: `ids must be a list of at most ${MAX_BATCH} ids.` });
      return true;
    }
    const marked = await withSystemAccess(orm, outbox.reasons.mark, (em) => outbox.markForwarded(em, ids as string[], new Date()));
    sendJson(res, 200, { marked });
    return true;
  };
}

/**
 * The gateway's relay of webhook events (relayedOutboxRoutes):
 *   POST /internal/webhook-outbox { limit? }          → 200 { events: [{ id, trustId, type, occurredAt, data }] }
 *   POST /internal/webhook-outbox/forwarded { ids }   → 200 { marked }
 */
export function webhookOutboxRoutes(orm: Orm, next?: NonNullable<SubgraphServerOptions['routes']>): NonNullable<SubgraphServerOptions['routes']> {
  return relayedOutboxRoutes(
    orm,
    {
      path: '/internal/webhook-outbox',
      listName: 'events',
      reasons: {
        read: 'webhook outbox: the waiting events of every school, for the gateway to relay to identity',
        mark: 'webhook outbox: marking the events identity has taken',
      },
      waiting: async (em, limit) =>
        (await waitingWebhookEvents(em, limit)).map(({ id, trustId, type, occurredAt, data }) => ({
          id,
          trustId,
          type,
          occurredAt: occurredAt.toISOString(),
          data,
        })),
      markForwarded: markWebhookEventsForwarded,
    },
    next,
  );
}
