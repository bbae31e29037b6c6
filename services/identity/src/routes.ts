import type { IncomingMessage, ServerResponse } from 'node:http';
import { CREDENTIAL_HEADER, type CredentialVerifier } from '@waymark/auth';
import { sendJson, type Orm, type SubgraphServerOptions } from '@waymark/subgraph-kit';
import { ApiCredentialService } from './modules/api-credential/api-credential.service.js';
import { otpauthUri } from './modules/second-factor/totp.js';
import { SessionService, WRONG_CREDENTIALS, warmDummyHash, type OpenedSession, type SignInOrigin } from './modules/session/session.service.js';
import { waitMessage } from './modules/sign-in-throttle/sign-in-throttle.service.js';

type Body = Record<string, unknown>;
type Route = (body: Body, services: { sessions: SessionService; apiCredentials: ApiCredentialService }, res: ServerResponse) => Promise<void>;

const text = (body: Body, key: string): string => (typeof body[key] === 'string' ? body[key] : '');
/** The gateway's device cookies are 43 base64url characters; anything else is no device. */
const device = (body: Body): string | null => (/^[A-Za-z0-9_-]{32,128}$/.test(text(body, 'device')) ? text(body, 'device') : null);
const originOf = (body: Body): SignInOrigin => ({
  address: text(body, 'address') || 'unknown',
  device: device(body),
  userAgent: text(body, 'userAgent') || null,
});

const WRONG_CODE = 'That code is not right. Enter the six digits your authenticator app shows now, or one of your recovery codes.';
const SIGN_IN_AGAIN = 'That took too long or too many tries. Sign in again.';

function sendSession(res: ServerResponse, session: OpenedSession): void {
  const { token, expiresAt, principal, recoveryCodes } = session;
  sendJson(res, 200, { token, expiresAt: expiresAt.toISOString(), principal, ...(recoveryCodes ? { recoveryCodes } : {}) });
}

function sendWait(res: ServerResponse, retryAfterMs: number): void {
  sendJson(res, 429, { error: waitMessage(retryAfterMs), retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
}

/**
 * The gateway's view of identity, outside the supergraph:
 *   POST /internal/sign-in  { email, password, address, device?, userAgent? }
 *                           → 200 { token, expiresAt, principal } | 401 { error } | 429 { error, retryAfterSeconds } (slowed down)
 *                           | 200 { secondFactor: { step: 'code' | 'enrol', pendingToken, expiresAt, secret?, otpauthUri? } }
 *   POST /internal/second-factor { pendingToken, code, address, device?, userAgent? }
 *                           → 200 { token, expiresAt, principal, recoveryCodes? } | 401 { error, attemptsLeft } (wrong code)
 *                           | 401 { error, signInAgain: true } | 429 { error, retryAfterSeconds }
 *   POST /internal/session  { token }           → 200 { principal } | 401 { error }
 *   POST /internal/sign-out { token }           → 204
 *   POST /internal/api-key  { key }             → 200 { principal } | 401 { error }
 *   POST /internal/api-key-usage { usage: [{ id, requests, errors, lastUsedAt }] }
 *                           → 204 (the counts added to each key's totals) | 400 { error }
 * Every call must carry the gateway's own (system) credential; anything else gets 401.
 */
const ROUTES: Record<string, Route> = {
  '/internal/sign-in': async (body, { sessions }, res) => {
    const outcome = await sessions.signIn(text(body, 'email'), text(body, 'password'), originOf(body));
    if (outcome.ok) return sendSession(res, outcome);
    if (outcome.reason === 'throttled') return sendWait(res, outcome.retryAfterMs);
    if (outcome.reason === 'second-factor') {
      const { step, pendingToken, expiresAt, secret, email } = outcome;
      return sendJson(res, 200, {
        secondFactor: { step, pendingToken, expiresAt: expiresAt.toISOString(), ...(secret ? { secret, otpauthUri: otpauthUri(secret, email) } : {}) },
      });
    }
    sendJson(res, 401, { error: WRONG_CREDENTIALS });
  },
  '/internal/second-factor': async (body, { sessions }, res) => {
    const pending = text(body, 'pendingToken');
    const outcome = pending ? await sessions.completeSecondFactor(pending, text(body, 'code'), originOf(body)) : ({ ok: false, reason: 'expired' } as const);
    if (outcome.ok) return sendSession(res, outcome);
    if (outcome.reason === 'throttled') return sendWait(res, outcome.retryAfterMs);
    if (outcome.reason === 'wrong') return sendJson(res, 401, { error: WRONG_CODE, attemptsLeft: outcome.attemptsLeft });
    sendJson(res, 401, { error: SIGN_IN_AGAIN, signInAgain: true });
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
  '/internal/api-key-usage': async (body, { apiCredentials }, res) => {
    const entries = usageEntries(body.usage);
    if (!entries) return sendJson(res, 400, { error: 'usage must be a list of { id, requests, errors, lastUsedAt }.' });
    await apiCredentials.addUsage(entries);
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const count = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1_000_000_000;

/** The gateway's usage counts, all well-formed (ids, whole counts, errors within requests, a date) or none. */
function usageEntries(value: unknown): { id: string; requests: number; errors: number; lastUsedAt: Date }[] | null {
  if (!Array.isArray(value) || value.length > 100_000) return null;
  const entries: { id: string; requests: number; errors: number; lastUsedAt: Date }[] = [];
  for (const item of value as unknown[]) {
    if (!item || typeof item !== 'object') return null;
    const { id, requests, errors, lastUsedAt } = item as Record<string, unknown>;
    const when = typeof lastUsedAt === 'string' ? new Date(lastUsedAt) : null;
    if (typeof id !== 'string' || !UUID.test(id) || !count(requests) || !count(errors) || errors > requests || !when || Number.isNaN(when.getTime()))
      return null;
    entries.push({ id, requests, errors, lastUsedAt: when });
  }
  return entries;
}

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
