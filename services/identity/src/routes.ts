import type { IncomingMessage, ServerResponse } from 'node:http';
import { CREDENTIAL_HEADER, type CredentialVerifier } from '@waymark/auth';
import { sendJson, type Orm, type SubgraphServerOptions } from '@waymark/subgraph-kit';
import { ApiCredentialService } from './modules/api-credential/api-credential.service.js';
import { SessionService, WRONG_CREDENTIALS, warmDummyHash } from './modules/session/session.service.js';
import { waitMessage } from './modules/sign-in-throttle/sign-in-throttle.service.js';

type Body = Record<string, unknown>;
type Route = (body: Body, services: { sessions: SessionService; apiCredentials: ApiCredentialService }, res: ServerResponse) => Promise<void>;

const text = (body: Body, key: string): string => (typeof body[key] === 'string' ? (body[key] as string) : '');
/** The gateway's device cookies are 43 base64url characters; anything else is no device. */
const device = (body: Body): string | null => (/^[A-Za-z0-9_-]{32,128}$/.test(text(body, 'device')) ? text(body, 'device') : null);

/**
 * The gateway's view of identity, outside the supergraph:
 *   POST /internal/sign-in  { email, password, address, device? }
 *                           → 200 { token, expiresAt, principal } | 401 { error } | 429 { error, retryAfterSeconds } (slowed down)
 *   POST /internal/session  { token }           → 200 { principal } | 401 { error }
 *   POST /internal/sign-out { token }           → 204
 *   POST /internal/api-key  { key }             → 200 { principal } | 401 { error }
 * Every call must carry the gateway's own (system) credential; anything else gets 401.
 */
const ROUTES: Record<string, Route> = {
  '/internal/sign-in': async (body, { sessions }, res) => {
    const outcome = await sessions.signIn(text(body, 'email'), text(body, 'password'), { address: text(body, 'address') || 'unknown', device: device(body) });
    if (outcome.ok) return sendJson(res, 200, { token: outcome.token, expiresAt: outcome.expiresAt.toISOString(), principal: outcome.principal });
    if (outcome.reason === 'throttled') {
      return sendJson(res, 429, { error: waitMessage(outcome.retryAfterMs), retryAfterSeconds: Math.max(1, Math.ceil(outcome.retryAfterMs / 1000)) });
    }
    sendJson(res, 401, { error: WRONG_CREDENTIALS });
  },
  '/internal/session': async (body, { sessions }, res) => {
    const token = text(body, 'token');
    const principal = token ? await sessions.resolve(token) : null;
    if (principal) return sendJson(res, 200, { principal });
    sendJson(res, 401, { error: 'This session has ended. Sign in again.' });
  },
  '/internal/sign-out': async (body, { sessions }, res) => {
    const token = text(body, 'token');
    if (token) await sessions.signOut(token);
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
  },
  '/internal/api-key': async (body, { apiCredentials }, res) => {
    const key = text(body, 'key');
    const principal = key ? await apiCredentials.resolveKey(key) : null;
    if (principal) return sendJson(res, 200, { principal });
    sendJson(res, 401, { error: 'This API key is not valid.' });
  },
};

function parseBody(body: string): Body | null {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Body) : null;
  } catch {
    return null;
  }
}

/** The kit's `routes` option for identity. */
export function internalRoutes(orm: Orm): NonNullable<SubgraphServerOptions['routes']> {
  void warmDummyHash();
  return async (req: IncomingMessage, res: ServerResponse, raw: string, verifier: CredentialVerifier): Promise<boolean> => {
    const { pathname } = new URL(req.url ?? '/', 'http://identity');
    if (!pathname.startsWith('/internal/')) return false;
    const verified = await verifier.verify(req.headers[CREDENTIAL_HEADER] as string | undefined);
    if (!verified.ok || verified.principal.kind !== 'system') {
      sendJson(res, 401, { error: 'This route only answers the Waymark gateway.' });
      return true;
    }
    const route = ROUTES[pathname];
    if (!route) {
      sendJson(res, 404, { error: 'not found' });
      return true;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendJson(res, 405, { error: 'Use POST.' });
      return true;
    }
    const body = parseBody(raw);
    if (!body) {
      sendJson(res, 400, { error: 'Body is not a JSON object.' });
      return true;
    }
    const em = orm.em.fork();
    await route(body, { sessions: new SessionService(em), apiCredentials: new ApiCredentialService(em) }, res);
    return true;
  };
}
