import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { WebhookOutboxEvent } from './webhook-outbox.entity.js';

export interface OutboxEventInput {
  type: 'roster.import.committed';
  trustId: string;
  schoolId: string;
  data: Record<string, string | number | boolean>;
  occurredAt: Date;
}

/** Writes an event inside the caller's transaction (the one making the change it reports). */
export async function queueWebhookEvent(tx: EntityManager, event: OutboxEventInput): Promise<string> {
  const id = randomUUID();
  await tx.execute(
    'insert into webhook_outbox (id, trust_id, school_id, type, data, occurred_at) values (?, ?, ?, ?, ?, ?)',
    [id, event.trustId, event.schoolId, event.type, JSON.stringify({ schoolId: event.schoolId, ...event.data }), event.occurredAt],
    'run',
  );
  return id;
}

/** What the gateway's relay takes: the oldest events not forwarded yet. */
export async function waitingWebhookEvents(em: EntityManager, limit: number): Promise<WebhookOutboxEvent[]> {
  return em.find(WebhookOutboxEvent, { forwardedAt: null }, { orderBy: { occurredAt: 'asc', id: 'asc' }, limit });
}

/** Marks events identity has taken; an id already marked keeps its first time. */
export async function markWebhookEventsForwarded(em: EntityManager, ids: readonly string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  return em.nativeUpdate(WebhookOutboxEvent, { id: { $in: [...ids] }, forwardedAt: null }, { forwardedAt: now });
}

/** Forwarded events are kept this long (to look into a complaint), then deleted by the daily housekeeping. */
export const FORWARDED_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

export async function purgeForwardedWebhookEvents(em: EntityManager, now: Date): Promise<number> {
  return em.nativeDelete(WebhookOutboxEvent, { forwardedAt: { $lt: new Date(now.getTime() - FORWARDED_KEPT_MS) } });
}
