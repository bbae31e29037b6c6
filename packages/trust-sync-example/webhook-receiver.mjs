#!/usr/bin/env node
// A trust's receiver for Waymark webhooks: copy this file and run it with Node 18 or later. It needs
// nothing else (no npm packages). See README.md, "Receiving webhooks".
//
//   WAYMARK_WEBHOOK_SECRET=whsec_... node webhook-receiver.mjs --port 8443
//
// Each event is checked (signature, age) and handled once by its id, however many times it arrives.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

/** Deliveries older than this are refused: a copied request cannot be replayed later. */
export const TOLERANCE_SECONDS = 5 * 60;
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Checks one delivery. `headers` as Node gives them (lower-case names); `body` the raw text, exactly
 * as received (parse it only after this says yes). Answers { ok: true, event } or { ok: false, reason }.
 */
export function verifyWebhook({ secret, headers, body, now = new Date(), toleranceSeconds = TOLERANCE_SECONDS }) {
  const eventId = headers['waymark-event-id'];
  const timestamp = headers['waymark-timestamp'];
  const signature = headers['waymark-signature'];
  if (typeof eventId !== 'string' || typeof timestamp !== 'string' || typeof signature !== 'string') return { ok: false, reason: 'missing Waymark headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad timestamp' };
  const age = Math.floor(now.getTime() / 1000) - Number(timestamp);
  if (Math.abs(age) > toleranceSeconds) return { ok: false, reason: 'timestamp too old (or too far ahead)' };
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  // Compared in constant time, so the answer's timing says nothing about how much of it matched.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad signature' };
  let event;
  try {
    event = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  if (!event || event.id !== eventId) return { ok: false, reason: 'event id does not match its header' };
  return { ok: true, event };
}

/**
 * An HTTP handler: answers 401 to a delivery that fails the check, 200 to a good one, and calls
 * `onEvent` once per event id (a retry of one already handled just gets 200 again). Keep `seen` in a
 * database for real use, so a restart does not forget; here it is a Set. If `onEvent` throws, the
 * answer is 500 and Waymark tries again later.
 */
export function webhookHandler({ secret, onEvent, seen = new Set(), now = () => new Date() }) {
  return (req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const checked = verifyWebhook({ secret, headers: req.headers, body, now: now() });
      if (!checked.ok) {
        res.writeHead(401, { 'content-type': 'text/plain' }).end(checked.reason);
        return;
      }
      if (!seen.has(checked.event.id)) {
        try {
          await onEvent(checked.event);
        } catch {
          res.writeHead(500, { 'content-type': 'text/plain' }).end('not handled, send again');
          return;
        }
        seen.add(checked.event.id);
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  };
}

async function main() {
  const secret = process.env.WAYMARK_WEBHOOK_SECRET ?? '';
  const portAt = process.argv.indexOf('--port');
  const port = portAt >= 0 ? Number(process.argv[portAt + 1]) : 8443;
  if (!secret.startsWith('whsec_')) {
    process.stderr.write('Set WAYMARK_WEBHOOK_SECRET to the secret Waymark showed when the endpoint was made.\n');
    process.exit(2);
  }
  // Waymark sends to https:// addresses only: put this behind your TLS proxy or load balancer.
  const server = createServer(webhookHandler({ secret, onEvent: (event) => process.stdout.write(`${JSON.stringify(event)}\n`) }));
  server.listen(port, () => process.stderr.write(`listening on port ${port}\n`));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
