import type { IncomingMessage, ServerResponse } from 'node:http';
import { CREDENTIAL_HEADER, SYSTEM_PRINCIPAL, type CredentialSigner } from '@waymark/auth';
import { AddressWindow } from './address-window.js';

/*
 * Leavers' self-reports (docs/security.md, "Self-report links"): the public page a leaver opens from
 * their school's private link posts here, and the gateway passes the JSON on to the destinations
 * subgraph's gateway-only routes with its own (system) credential. Nobody is signed in: the token in
 * the body is the only key, so these routes keep to the /auth rules (JSON only, from Waymark's own
 * pages) and a limit per address.
 */

/** Each route, and the destinations subgraph's route it passes to. */
const ROUTES: Record<string, string> = {
  'POST /public/self-report/open': '/internal/self-report/open',
  'POST /public/self-report': '/internal/self-report/submit',
};

/** What the page may send: the token and the answers (the subgraph checks each). */
const FIELDS = ['token', 'activity', 'providerKind', 'apprenticeshipLevel', 'provider', 'course', 'startsOn'] as const;

const UNAVAILABLE = { error: 'This is not available right now. Try again shortly.' };

/** Talks to the destinations subgraph's self-report routes with the gateway's system credential. */
export class SelfReportRelay {
  private readonly base: string;

  constructor(
    destinationsGraphqlUrl: string,
    private readonly signer: CredentialSigner,
    private readonly timeoutMs: number,
  ) {
    this.base = new URL('/', destinationsGraphqlUrl).toString();
  }

  /** Its answer as it is (200, 400 or 404 with a JSON object); anything else reads as not available. */
  async send(path: string, body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(new URL(path, this.base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: await this.signer.credentialFor(SYSTEM_PRINCIPAL) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch(() => null);
    if (!response) return { status: 503, body: UNAVAILABLE };
    const answer = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (answer && typeof answer === 'object' && !Array.isArray(answer) && [200, 400, 404].includes(response.status))
      return { status: response.status, body: answer };
    return { status: 503, body: UNAVAILABLE };
  }
}

export interface SelfReportTools {
  relay: SelfReportRelay;
  readJson: (req: IncomingMessage) => Promise<unknown>;
  json: (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => void;
  /** Whether the request is JSON from Waymark's own pages (the /auth rules). */
  isJson: (req: IncomingMessage) => boolean;
  fromOwnPages: (req: IncomingMessage) => boolean;
  address: (req: IncomingMessage) => string;
  /** Requests per address per minute; 30 by default (a sixth-form college's leavers may share one). */
  perMinute?: number;
}

/** The handler of /public/self-report*: false for any other path. */
export function selfReportRoutes(tools: SelfReportTools): (req: IncomingMessage, res: ServerResponse, route: string) => Promise<boolean> {
  const window = new AddressWindow(tools.perMinute ?? 30, 60_000);
  return async (req, res, route) => {
    const path = route.split(' ')[1];
    if (path !== '/public/self-report' && path !== '/public/self-report/open') return false;
    const target = ROUTES[route];
    if (!target) {
      tools.json(res, 405, { error: 'Use POST.' }, { allow: 'POST' });
      return true;
    }
    if (!tools.isJson(req)) {
      tools.json(res, 415, { error: 'Send this as JSON (content-type: application/json).' });
      return true;
    }
    if (!tools.fromOwnPages(req)) {
      tools.json(res, 403, { error: "Use the form on Waymark's own page." });
      return true;
    }
    if (!window.allow(tools.address(req))) {
      tools.json(res, 429, { error: 'Too many attempts. Wait a minute and try again.' }, { 'retry-after': '60' });
      return true;
    }
    const body = await tools.readJson(req);
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      tools.json(res, 400, { error: 'Send a JSON object.' });
      return true;
    }
    const request: Record<string, unknown> = {};
    for (const field of FIELDS) {
      const value = (body as Record<string, unknown>)[field];
      if (typeof value === 'string') request[field] = value.slice(0, 500);
      else if (typeof value === 'number' && Number.isInteger(value)) request[field] = value;
    }
    const answer = await tools.relay.send(target, request);
    tools.json(res, answer.status, answer.body);
    return true;
  };
}
