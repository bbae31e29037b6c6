import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './webhook.url.js';

export interface PostOutcome {
  /** The HTTP status, or null when nothing answered. */
  status: number | null;
  error: string | null;
}

/** Sends one delivery; never throws. `address`, when given, is the only address connected to. */
export type PostWebhook = (url: URL, address: ResolvedAddress | null, headers: Record<string, string>, body: string) => Promise<PostOutcome>;

const TIMEOUT_MS = 10_000;

/**
 * POSTs with Node's own client. With an address, the connection's `lookup` answers that address
 * whatever the name now resolves to (the TLS check still uses the host name), so the address that was
 * checked is the one reached. Redirects are not followed: a 3xx counts as a failed attempt.
 */
export const postWebhook: PostWebhook = (url, address, headers, body) =>
  new Promise((resolve) => {
    const lookup: LookupFunction | undefined = address
      ? (_host, options, callback) => {
          if (options.all) (callback as unknown as (e: null, all: ResolvedAddress[]) => void)(null, [address]);
          else callback(null, address.address, address.family);
        }
      : undefined;
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup, timeout: TIMEOUT_MS },
      (response) => {
        // The answer's body is not kept: only its status counts.
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? null, error: null }));
        response.on('error', (error) => resolve({ status: response.statusCode ?? null, error: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} seconds`)));
    request.on('error', (error) => resolve({ status: null, error: error.message }));
    request.end(body);
  });
