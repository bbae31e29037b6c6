import type { IncomingMessage, ServerResponse } from 'node:http';
import { CREDENTIAL_HEADER, type CredentialVerifier } from '@waymark/auth';
import { sendJson, withSystemAccess, type Orm, type SubgraphServerOptions } from '@waymark/subgraph-kit';
import { waitMessage } from '../sign-in-throttle/sign-in-throttle.service.js';
import { ERASURE_SUBGRAPHS, recordErasureStep, requestVolunteerErasure, waitingErasures, type ErasureSubgraph } from './volunteer-erasure.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const WRONG_PASSWORD = 'Your password is not right. Enter the password you sign in with.';
export const NOT_A_VOLUNTEER = 'Only a volunteer can delete their own account here. Ask your school or trust about your account.';
export const SIGNED_OUT = 'Your session has ended. Sign in again.';

type Handler = (body: Record<string, unknown>) => Promise<{ status: number; body: unknown }>;

/**
 * The gateway's routes for a volunteer deleting their account (docs/domain-rules.md, "A volunteer
 * deletes their account"), outside the supergraph and for the system credential only:
 *   POST /internal/volunteer-erasure { token, password }
 *        → 200 { accountId, volunteerId } (the request is written, the account disabled, every session ended)
 *        | 401 { error } (no session, or a wrong password) | 403 { error } (not a volunteer) | 429 { error, retryAfterSeconds }
 *   POST /internal/volunteer-erasures {} → 200 { erasures: [{ accountId, volunteerId, done: [subgraph] }] } (not finished yet)
 *   POST /internal/volunteer-erasure/step { accountId, subgraph } → 200 { complete } | 400 { error } | 404 { error }
 * The session token is the one from the caller's own cookie, so the only account anyone can ask to
 * delete is the one they are signed in as. `next` answers every other path.
 */
export function volunteerErasureRoutes(orm: Orm, next: NonNullable<SubgraphServerOptions['routes']>): NonNullable<SubgraphServerOptions['routes']> {
  const routes: Record<string, Handler> = {
    '/internal/volunteer-erasure': (body) =>
      withSystemAccess(orm, 'volunteer erasure: the account of a session token, its password check, and its request', async (em) => {
        const token = typeof body.token === 'string' ? body.token : '';
        const password = typeof body.password === 'string' ? body.password : '';
        const outcome = await requestVolunteerErasure(em, token, password, new Date());
        if (outcome.ok) return { status: 200, body: { accountId: outcome.accountId, volunteerId: outcome.volunteerId } };
        if ('retryAfterMs' in outcome)
          return {
            status: 429,
            body: { error: waitMessage(outcome.retryAfterMs), retryAfterSeconds: Math.max(1, Math.ceil(outcome.retryAfterMs / 1000)) },
          };
        if (outcome.reason === 'not-a-volunteer') return { status: 403, body: { error: NOT_A_VOLUNTEER } };
        return { status: 401, body: { error: outcome.reason === 'wrong-password' ? WRONG_PASSWORD : SIGNED_OUT } };
      }),
    '/internal/volunteer-erasures': () =>
      withSystemAccess(
        orm,
        'volunteer erasure: the requests not finished yet, for the gateway to carry on',
        async (em) => ({ status: 200, body: { erasures: await waitingErasures(em) } }),
        { recurring: true },
      ),
    '/internal/volunteer-erasure/step': async (body) => {
      const { accountId, subgraph } = body;
      if (typeof accountId !== 'string' || !UUID.test(accountId) || !ERASURE_SUBGRAPHS.includes(subgraph as ErasureSubgraph))
        return { status: 400, body: { error: `accountId must be an account id and subgraph one of ${ERASURE_SUBGRAPHS.join(', ')}.` } };
      const complete = await withSystemAccess(orm, "volunteer erasure: one subgraph's step recorded, and the account erased once all are", (em) =>
        recordErasureStep(em, accountId, subgraph as ErasureSubgraph, new Date()),
      );
      return complete === null ? { status: 404, body: { error: 'No such request.' } } : { status: 200, body: { complete } };
    },
  };
  return async (req: IncomingMessage, res: ServerResponse, raw: string, verifier: CredentialVerifier): Promise<boolean> => {
    const { pathname } = new URL(req.url ?? '/', 'http://identity');
    const handler = routes[pathname];
    if (!handler) return next(req, res, raw, verifier);
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
    let body: unknown;
    try {
      body = JSON.parse(raw || '{}');
    } catch {
      body = null;
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      sendJson(res, 400, { error: 'Body is not a JSON object.' });
      return true;
    }
    const reply = await handler(body as Record<string, unknown>);
    sendJson(res, reply.status, reply.body);
    return true;
  };
}
