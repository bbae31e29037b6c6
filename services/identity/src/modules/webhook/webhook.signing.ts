import { createHmac } from 'node:crypto';

const EVENT_ID_HEADER = 'Waymark-Event-Id';
const TIMESTAMP_HEADER = 'Waymark-Timestamp';
const SIGNATURE_HEADER = 'Waymark-Signature';

/** `v1=` and the hex HMAC-SHA256, under the endpoint's secret, of `${timestamp}.${body}` (timestamp in whole seconds). */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The headers of one attempt: the event id is the same on every attempt, the timestamp and signature are fresh. */
export function signedHeaders(secret: string, eventId: string, body: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Waymark-Webhooks/1',
    [EVENT_ID_HEADER]: eventId,
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body),
  };
}
