import type { IncomingMessage, ServerResponse } from 'node:http';
import { CREDENTIAL_HEADER, type CredentialVerifier } from '@waymark/auth';
import { sendJson, withSystemAccess, type Orm, type SubgraphServerOptions } from '@waymark/subgraph-kit';
import { markWebhookEventsForwarded, waitingWebhookEvents } from './webhook-outbox.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BATCH = 500;

/**
 * The gateway's relay of webhook events, outside the supergraph (system credential only):
 *   POST /internal/webhook-outbox { limit? }          → 200 { events: [{ id, trustId, type, occurredAt, data }] }
 *   POST /internal/webhook-outbox/forwarded { ids }   → 200 { marked }
 */
export function webhookOutboxRoutes(orm: Orm): NonNullable<SubgraphServerOptions['routes']> {
  return async (req: IncomingMessage, res: ServerResponse, raw: string, verifier: CredentialVerifier): Promise<boolean> => {
    const { pathname } = new URL(req.url ?? '/', 'http://pupils');
    if (pathname !== '/internal/webhook-outbox' && pathname !== '/internal/webhook-outbox/forwarded') return false;
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
    if (pathname === '/internal/webhook-outbox') {
      const limit = typeof body.limit === 'number' && Number.isInteger(body.limit) ? Math.min(Math.max(body.limit, 1), MAX_BATCH) : 100;
      const events = await withSystemAccess(orm, 'webhook outbox: the waiting events of every school, for the gateway to relay to identity', (em) =>
        waitingWebhookEvents(em, limit),
      );
      sendJson(res, 200, {
        events: events.map(({ id, trustId, type, occurredAt, data }) => ({ id, trustId, type, occurredAt: occurredAt.toISOString(), data })),
      });
      return true;
    }
    const ids = body.ids;
    if (!Array.isArray(ids) || ids.length > MAX_BATCH || !ids.every((id) => typeof id === 'string' && UUID.test(id))) {
      sendJson(res, 400, { error: `ids must be a list of at most ${MAX_BATCH} event ids.` });
      return true;
    }
    const marked = await withSystemAccess(orm, 'webhook outbox: marking the events identity has taken', (em) =>
      markWebhookEventsForwarded(em, ids as string[], new Date()),
    );
    sendJson(res, 200, { marked });
    return true;
  };
}
