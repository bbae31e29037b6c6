import type { EntityManager } from '@mikro-orm/sql';
import { withSystemAccess, type HousekeepingJob } from '@waymark/subgraph-kit';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint, WebhookEvent } from './webhook.entity.js';
import { postWebhook, type PostWebhook } from './webhook.post.js';
import { deliveryBody, effectiveScopes, mayReceive } from './webhook.service.js';
import { signedHeaders } from './webhook.signing.js';
import { checkWebhookUrl, type Resolve } from './webhook.url.js';

/** Runs one step in a transaction of its own with the tenant check lifted (every trust's deliveries). */
export type WebhookPhase = <T>(work: (em: EntityManager) => Promise<T>) => Promise<T>;

export interface DeliveryOptions {
  production: boolean;
  resolve?: Resolve;
  post?: PostWebhook;
  /** At most this many deliveries per run. */
  batch?: number;
  /** The wait after the first failed attempt; each later one doubles it, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** After this many failed attempts the delivery is FAILED and not tried again. */
  maxAttempts?: number;
  /** A claimed delivery is not claimed again for this long (a worker that dies mid-send leaves it for another). */
  leaseMs?: number;
}

export const WEBHOOK_RETRY = { baseDelayMs: 30_000, maxDelayMs: 6 * 60 * 60 * 1000, maxAttempts: 12, leaseMs: 2 * 60 * 1000 };

/** When to try again after `attempts` failed attempts: base × 2^(attempts − 1), capped; null once there are no attempts left. */
export function nextAttemptAfter(attempts: number, now: Date, { baseDelayMs, maxDelayMs, maxAttempts } = WEBHOOK_RETRY): Date | null {
  if (attempts >= maxAttempts) return null;
  const delay = Math.min(baseDelayMs * 2 ** (attempts - 1), maxDelayMs);
  return new Date(now.getTime() + delay);
}

interface Claimed {
  delivery: { id: string; attempts: number; eventId: string };
  endpoint: Pick<WebhookEndpoint, 'id' | 'url' | 'secret'>;
  body: string;
}

/**
 * Claims up to `batch` due rows of an outbox table (status `pending`, next attempt due) under a lease:
 * their next attempt moves to the lease's end, so two workers never take the same row and one that
 * dies mid-send leaves it for the next worker after the lease. Shared by the webhook deliveries and
 * the careers leaders' emails. Answers the claimed ids, oldest due first.
 */
export async function claimDue(
  em: EntityManager,
  table: 'webhook_delivery' | 'leader_mail',
  pending: string,
  now: Date,
  leaseMs: number,
  batch = 50,
): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `update ${table} set next_attempt_at = ? where id in (
       select id from ${table} where status = ? and next_attempt_at <= ? order by next_attempt_at, id limit ? for update skip locked)
     returning id`,
    [new Date(now.getTime() + leaseMs), pending, now, batch],
  );
  return rows.map((row) => row.id);
}

export interface DeliveryRun {
  delivered: number;
  failed: number;
  cancelled: number;
}

/**
 * One run of the delivery worker: claims the deliveries that are due (a lease, so two workers never
 * send the same one at once), and for each, outside any transaction, checks the endpoint's address
 * again (in production: DNS may have changed), POSTs the signed event to the address it checked, and
 * records the attempt. A 2xx answer delivers it; anything else waits for the next attempt with
 * exponential backoff, until the attempts run out. The event id (Waymark-Event-Id) is the same on
 * every attempt, so the receiver can keep each event once.
 */
export async function deliverDueWebhooks(phase: WebhookPhase, now: Date, options: DeliveryOptions): Promise<DeliveryRun> {
  const retry = { ...WEBHOOK_RETRY, ...options };
  const post = options.post ?? postWebhook;
  const run: DeliveryRun = { delivered: 0, failed: 0, cancelled: 0 };

  const claimed = await phase(async (em): Promise<Claimed[]> => {
    const out: Claimed[] = [];
    for (const id of await claimDue(em, 'webhook_delivery', WebhookDeliveryStatus.PENDING, now, retry.leaseMs, options.batch)) {
      const delivery = await em.findOneOrFail(WebhookDelivery, { id });
      const [endpoint, event] = await Promise.all([
        em.findOne(WebhookEndpoint, { id: delivery.endpointId }),
        em.findOne(WebhookEvent, { id: delivery.eventId }),
      ]);
      // Turned off, deleted, or no longer allowed to see this event (its API key revoked, say): never sent.
      if (!endpoint || !event || endpoint.disabledAt || !mayReceive(event.type, await effectiveScopes(em, endpoint))) {
        await em.nativeUpdate(WebhookDelivery, { id }, { status: WebhookDeliveryStatus.CANCELLED, nextAttemptAt: null });
        run.cancelled += 1;
        continue;
      }
      out.push({ delivery: { id, attempts: delivery.attempts, eventId: delivery.eventId }, endpoint, body: deliveryBody(event) });
    }
    return out;
  });

  for (const { delivery, endpoint, body } of claimed) {
    const checked = await checkWebhookUrl(endpoint.url, { production: options.production, resolve: options.resolve });
    const outcome = checked.ok
      ? await post(checked.url, checked.address, signedHeaders(endpoint.secret, delivery.eventId, body, now), body)
      : { status: null, error: `refused before sending: ${checked.reason}` };
    const attempts = delivery.attempts + 1;
    const ok = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    const next = ok ? null : nextAttemptAfter(attempts, now, retry);
    await phase((em) =>
      em.nativeUpdate(
        WebhookDelivery,
        { id: delivery.id, status: WebhookDeliveryStatus.PENDING },
        {
          attempts,
          lastAttemptAt: now,
          lastResponseCode: outcome.status,
          lastError: ok ? null : (outcome.error ?? `answered ${outcome.status}`).slice(0, 300),
          status: ok ? WebhookDeliveryStatus.DELIVERED : next ? WebhookDeliveryStatus.PENDING : WebhookDeliveryStatus.FAILED,
          deliveredAt: ok ? now : null,
          nextAttemptAt: next,
        },
      ),
    );
    if (ok) run.delivered += 1;
    else run.failed += 1;
  }
  return run;
}

/** The running identity service's delivery worker: every few seconds, what is due. */
export function webhookDeliveryJob(options: DeliveryOptions & { everyMs?: number }): HousekeepingJob {
  return {
    name: 'webhook deliveries',
    everyMs: options.everyMs ?? 5000,
    run: async (orm, now) => {
      const phase: WebhookPhase = (work) =>
        withSystemAccess(orm, 'webhook deliveries: the due deliveries of every trust, their endpoints and events', work, { recurring: true });
      const { delivered, failed, cancelled } = await deliverDueWebhooks(phase, now, options);
      return delivered + failed + cancelled > 0 ? `${delivered} delivered, ${failed} attempts failed, ${cancelled} cancelled` : undefined;
    },
  };
}
