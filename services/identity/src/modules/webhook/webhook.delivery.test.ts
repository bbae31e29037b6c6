import 'reflect-metadata';
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { withSystemAccess } from '@waymark/subgraph-kit';
import { demoData } from '@waymark/demo-data';
import { verifyWebhook, webhookHandler, type WebhookEvent as ReceivedEvent } from '../../../../../packages/trust-sync-example/webhook-receiver.mjs';
import { IdentityHarness } from '../../../test/harness.js';
import { deliverDueWebhooks, nextAttemptAfter, type WebhookPhase } from './webhook.delivery.js';
import { WebhookDelivery, WebhookEvent } from './webhook.entity.js';
import { signedHeaders } from './webhook.signing.js';

const data = demoData();
const analystAccount = data.accounts.find((a) => a.roles.includes('trust_analyst'))!;
const analyst = makePrincipal({ roles: ['trust_analyst'], accountId: analystAccount.id, trustId: data.trust.id });
const OTHER_TRUST = '0b5d3c1e-7a1f-4c0e-9d7e-2f1a6b3c4d5e';
const SCHOOL = data.schools[0].id;

const REGISTER = `mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { endpoint { id } secret error { message } } }`;
const DELIVERIES = `query ($id: ID!) { webhookDeliveries(endpointId: $id) { eventId eventType status attempts lastResponseCode lastError nextAttemptAt deliveredAt } }`;
const DISABLE = `mutation ($id: ID!) { disableWebhookEndpoint(id: $id) { error { code } } }`;
const CREATE_KEY = `mutation ($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { credential { id } } }`;
const REVOKE_KEY = `mutation ($id: ID!) { revokeApiCredential(id: $id) { error { code } } }`;

type Delivery = {
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastResponseCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
};

interface Receiver {
  url: string;
  /** The signing secret, once the endpoint is registered (the sample handler is made with it). */
  useSecret: (secret: string) => void;
  /** Every request's Waymark-Event-Id, in the order they arrived, failed ones included. */
  arrivals: string[];
  /** Events the sample verifier passed on: once each. */
  events: ReceivedEvent[];
  close: () => Promise<void>;
}

/** A real HTTP receiver on a free port: the sample handler, behind a stand-in that answers 503 to the first `failures` requests. */
async function startReceiver(failures = 0): Promise<Receiver> {
  const arrivals: string[] = [];
  const events: ReceivedEvent[] = [];
  const seen = new Set<string>();
  let handler: RequestListener | null = null;
  let failed = 0;
  const server = createServer((req: IncomingMessage, res) => {
    arrivals.push(String(req.headers['waymark-event-id']));
    if (failed < failures || !handler) {
      failed += 1;
      req.resume();
      res.writeHead(503).end('down for maintenance');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    useSecret: (secret) => {
      handler = webhookHandler({ secret, seen, onEvent: (event) => void events.push(event) });
    },
    arrivals,
    events,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let h: IdentityHarness;
let phase: WebhookPhase;
const receivers: Receiver[] = [];

beforeAll(async () => {
  h = await IdentityHarness.start();
  phase = (work) => withSystemAccess(h.orm, 'webhook delivery test', work);
});

afterAll(async () => {
  for (const receiver of receivers) await receiver.close();
  await h?.close();
});

async function receiverWithEndpoint(failures = 0, input: Record<string, unknown> = { events: ['roster.import.committed'], scopes: ['roster:write'] }) {
  const receiver = await startReceiver(failures);
  receivers.push(receiver);
  const res = await h.query<{ registerWebhookEndpoint: { endpoint: { id: string }; secret: string; error: { message: string } | null } }>(analyst, REGISTER, {
    input: { url: receiver.url, ...input },
  });
  expect(res.data!.registerWebhookEndpoint.error).toBeNull();
  receiver.useSecret(res.data!.registerWebhookEndpoint.secret);
  return { receiver, endpointId: res.data!.registerWebhookEndpoint.endpoint.id, secret: res.data!.registerWebhookEndpoint.secret };
}

let eventNumber = 0;
/** A new event id each call (uuid shaped). */
const newEventId = () => `00000000-0000-4000-8000-${String(++eventNumber).padStart(12, '0')}`;

const rosterEvent = (id: string, trustId = data.trust.id, extra: Record<string, unknown> = {}) => ({
  id,
  trustId,
  type: 'roster.import.committed',
  occurredAt: '2026-12-07T09:00:00.000Z',
  data: { schoolId: SCHOOL, importId: '6f1c1a52-8f7e-4a39-9d0d-3a0a4f1c2b11', added: 3, changed: 1, markedLeft: 0, transfersIn: 0, rejected: 2, ...extra },
});

async function report(events: unknown[]): Promise<number> {
  const res = await h.internal<{ accepted: number }>('/internal/webhook-events', { events });
  expect(res.status).toBe(200);
  return res.body.accepted;
}

async function deliveriesOf(endpointId: string): Promise<Delivery[]> {
  const res = await h.query<{ webhookDeliveries: Delivery[] }>(analyst, DELIVERIES, { id: endpointId });
  expect(res.errors).toBeUndefined();
  return res.data!.webhookDeliveries;
}

const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe('delivering an event', () => {
  it('retries a receiver that fails twice, with backoff, and the receiver handles the event exactly once by its id', async () => {
    const { receiver, endpointId } = await receiverWithEndpoint(2);
    const eventId = newEventId();
    expect(await report([rosterEvent(eventId)])).toBe(1);
    const t0 = new Date();

    await deliverDueWebhooks(phase, t0, { production: false });
    let [delivery] = await deliveriesOf(endpointId);
    expect(delivery).toMatchObject({ eventId, status: 'PENDING', attempts: 1, lastResponseCode: 503, lastError: 'answered 503' });
    expect(new Date(delivery.nextAttemptAt!).getTime()).toBe(later(t0, 30_000).getTime());

    // Not yet due: nothing is sent.
    await deliverDueWebhooks(phase, later(t0, 29_000), { production: false });
    expect(receiver.arrivals).toHaveLength(1);

    await deliverDueWebhooks(phase, later(t0, 30_000), { production: false });
    [delivery] = await deliveriesOf(endpointId);
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 2, lastResponseCode: 503 });
    expect(new Date(delivery.nextAttemptAt!).getTime()).toBe(later(t0, 90_000).getTime());

    await deliverDueWebhooks(phase, later(t0, 90_000), { production: false });
    [delivery] = await deliveriesOf(endpointId);
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 3, lastResponseCode: 200, lastError: null, nextAttemptAt: null });
    expect(receiver.arrivals).toEqual([eventId, eventId, eventId]);
    expect(receiver.events).toHaveLength(1);
    expect(receiver.events[0]).toEqual({ ...rosterEvent(eventId), occurredAt: '2026-12-07T09:00:00.000Z' });

    // The relay reporting the same event again (its answer lost) makes no second delivery.
    expect(await report([rosterEvent(eventId)])).toBe(0);
    await deliverDueWebhooks(phase, later(t0, 200_000), { production: false });
    expect(receiver.arrivals).toHaveLength(3);
    expect(await deliveriesOf(endpointId)).toHaveLength(1);
  });

  it('keeps only the catalogued fields: no names or personal details reach the receiver', async () => {
    const { receiver, endpointId } = await receiverWithEndpoint();
    const eventId = newEventId();
    await report([rosterEvent(eventId, data.trust.id, { pupilName: 'Ada Lovelace', upn: 'A123456789012', schoolName: 'Northfield' })]);
    const stored = await h.orm.em.fork().findOneOrFail(WebhookEvent, { id: eventId });
    expect(Object.keys(stored.data).sort()).toEqual(['added', 'changed', 'importId', 'markedLeft', 'rejected', 'schoolId', 'transfersIn']);
    await deliverDueWebhooks(phase, new Date(), { production: false });
    expect(receiver.events.map((event) => event.id)).toEqual([eventId]);
    expect(JSON.stringify(receiver.events[0])).not.toMatch(/Ada|A123456789012|Northfield/);
    await h.query(analyst, DISABLE, { id: endpointId });
  });

  it("sends nothing about another trust's schools", async () => {
    const { receiver, endpointId } = await receiverWithEndpoint();
    const eventId = newEventId();
    expect(await report([rosterEvent(eventId, OTHER_TRUST)])).toBe(1);
    expect(await h.orm.em.fork().count(WebhookDelivery, { eventId })).toBe(0);
    await deliverDueWebhooks(phase, new Date(), { production: false });
    expect(receiver.arrivals).toEqual([]);
    expect(await deliveriesOf(endpointId)).toEqual([]);
    await h.query(analyst, DISABLE, { id: endpointId });
  });

  it('sends an event only to endpoints that asked for it and have its scope', async () => {
    const rosterOnly = await receiverWithEndpoint();
    const encountersOnly = await receiverWithEndpoint(0, { events: ['encounter.recorded'], scopes: ['reports:read'] });
    const eventId = newEventId();
    await report([
      rosterEvent(eventId),
      { id: newEventId(), trustId: data.trust.id, type: 'pupil.everything', occurredAt: '2026-12-07T09:00:00Z', data: { schoolId: SCHOOL } },
    ]);
    await deliverDueWebhooks(phase, new Date(), { production: false });
    expect(rosterOnly.receiver.events.map((event) => event.id)).toEqual([eventId]);
    expect(encountersOnly.receiver.arrivals).toEqual([]);
    for (const { endpointId } of [rosterOnly, encountersOnly]) await h.query(analyst, DISABLE, { id: endpointId });
  });

  it('cancels what waits for a disabled endpoint, or for one whose API key was revoked', async () => {
    const disabled = await receiverWithEndpoint();
    const key = await h.query<{ createApiCredential: { credential: { id: string } } }>(analyst, CREATE_KEY, {
      input: { name: 'Roster hooks', scopes: ['roster:write'] },
    });
    const keyId = key.data!.createApiCredential.credential.id;
    const actingAsKey = await receiverWithEndpoint(0, { events: ['roster.import.committed'], apiCredentialId: keyId });
    const eventId = newEventId();
    await report([rosterEvent(eventId)]);
    await h.query(analyst, DISABLE, { id: disabled.endpointId });
    await h.query(analyst, REVOKE_KEY, { id: keyId });
    await deliverDueWebhooks(phase, new Date(), { production: false });
    expect(disabled.receiver.arrivals).toEqual([]);
    expect(actingAsKey.receiver.arrivals).toEqual([]);
    expect((await deliveriesOf(disabled.endpointId))[0].status).toBe('CANCELLED');
    expect((await deliveriesOf(actingAsKey.endpointId))[0].status).toBe('CANCELLED');
  });

  it('gives up after the last attempt, and stops knocking', async () => {
    const { receiver, endpointId } = await receiverWithEndpoint(100);
    await report([rosterEvent(newEventId())]);
    const t0 = new Date();
    const options = { production: false, maxAttempts: 2 };
    await deliverDueWebhooks(phase, t0, options);
    await deliverDueWebhooks(phase, later(t0, 30_000), options);
    await deliverDueWebhooks(phase, later(t0, 10 * 60 * 60 * 1000), options);
    expect(receiver.arrivals).toHaveLength(2);
    expect((await deliveriesOf(endpointId))[0]).toMatchObject({ status: 'FAILED', attempts: 2, nextAttemptAt: null });
    await h.query(analyst, DISABLE, { id: endpointId });
  });

  it('in production, checks the address again before sending: a name that now points inside is not reached', async () => {
    const { receiver, endpointId } = await receiverWithEndpoint();
    await report([rosterEvent(newEventId())]);
    await h.orm.em.fork().getConnection().execute('update webhook_endpoint set url = ? where id = ?', ['https://rebound.trust.example/hooks', endpointId]);
    await deliverDueWebhooks(phase, new Date(), { production: true, resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    const [delivery] = await deliveriesOf(endpointId);
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, lastResponseCode: null });
    expect(delivery.lastError).toMatch(/refused before sending: .*127\.0\.0\.1/);
    expect(receiver.arrivals).toEqual([]);
    await h.query(analyst, DISABLE, { id: endpointId });
  });
});

describe('backoff', () => {
  it('doubles from 30 seconds, caps at 6 hours, and stops after 12 attempts (about 14 hours in all)', () => {
    const t0 = new Date('2026-12-07T00:00:00Z');
    expect(nextAttemptAfter(1, t0)!.getTime() - t0.getTime()).toBe(30_000);
    expect(nextAttemptAfter(4, t0)!.getTime() - t0.getTime()).toBe(240_000);
    expect(nextAttemptAfter(10, t0)!.getTime() - t0.getTime()).toBe(15_360_000);
    expect(nextAttemptAfter(11, t0)!.getTime() - t0.getTime()).toBe(6 * 60 * 60 * 1000);
    expect(nextAttemptAfter(12, t0)).toBeNull();
  });
});

describe('the sample verifier (packages/trust-sync-example/webhook-receiver.mjs)', () => {
  const secret = 'whsec_test-secret-for-the-verifier-only-000000000';
  const body = JSON.stringify(rosterEvent('00000000-0000-4000-8000-999999999999'));
  const now = new Date('2026-12-07T10:00:00Z');
  const headersAt = (when: Date, text = body) =>
    Object.fromEntries(Object.entries(signedHeaders(secret, '00000000-0000-4000-8000-999999999999', text, when)).map(([k, v]) => [k.toLowerCase(), v]));

  it('accepts a fresh, correctly signed delivery', () => {
    expect(verifyWebhook({ secret, headers: headersAt(now), body, now })).toMatchObject({ ok: true, event: { id: '00000000-0000-4000-8000-999999999999' } });
  });

  it('rejects a tampered body, a tampered signature, the wrong secret and missing headers', () => {
    const headers = headersAt(now);
    expect(verifyWebhook({ secret, headers, body: body.replace('"added":3', '"added":4'), now })).toEqual({ ok: false, reason: 'bad signature' });
    const flipped = headers['waymark-signature'].replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect(verifyWebhook({ secret, headers: { ...headers, 'waymark-signature': flipped }, body, now })).toEqual({ ok: false, reason: 'bad signature' });
    expect(verifyWebhook({ secret: `${secret}x`, headers, body, now }).ok).toBe(false);
    expect(verifyWebhook({ secret, headers: { ...headers, 'waymark-signature': undefined }, body, now }).ok).toBe(false);
  });

  it('rejects a timestamp more than 5 minutes old, even when correctly signed', () => {
    expect(verifyWebhook({ secret, headers: headersAt(later(now, -5 * 60 * 1000)), body, now }).ok).toBe(true);
    expect(verifyWebhook({ secret, headers: headersAt(later(now, -5 * 60 * 1000 - 1000)), body, now })).toEqual({
      ok: false,
      reason: 'timestamp too old (or too far ahead)',
    });
  });

  it('answers 401 over HTTP to a tampered delivery and handles a replayed good one once', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    receiver.useSecret(secret);
    const send = (headers: Record<string, string>, text: string) => fetch(receiver.url, { method: 'POST', headers, body: text }).then((r) => r.status);
    const fresh = new Date();
    expect(await send(headersAt(fresh), body.replace('"added":3', '"added":30'))).toBe(401);
    expect(await send(headersAt(later(fresh, -6 * 60 * 1000)), body)).toBe(401);
    expect(await send(headersAt(fresh), body)).toBe(200);
    expect(await send(headersAt(fresh), body)).toBe(200);
    expect(receiver.events).toHaveLength(1);
  });
});
