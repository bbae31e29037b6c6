import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { apiFieldRefusal, CREDENTIAL_HEADER, hasRole, type CredentialSigner, type Principal, type RateDecision } from '@waymark/auth';
import type { SubgraphName } from './env.js';

/*
 * A trust's bulk sync (docs/trust-api.md, "Bulk sync"): GET /api/sync/<feed>[?after=<cursor>] answers
 * the feed as NDJSON, one GraphQL change entry a line, the cursor last. The gateway authenticates the
 * caller as /graphql does (an API key, the same lookup and rate limit, one request counting as one; or
 * a trust analyst's session), refuses a key without the feed's scope, signs the principal and pipes
 * the subgraph's stream (subgraph-kit sync-stream.ts), which checks the caller again. A stream the
 * subgraph cuts short is cut short here too: no final cursor line, so a client knows it is incomplete.
 */

/** The feeds, by the last part of the path: the subgraph that holds each and its GraphQL field (for the scope). */
const FEEDS: Record<string, { subgraph: SubgraphName; field: string }> = {
  pupils: { subgraph: 'pupils', field: 'pupilChanges' },
  encounters: { subgraph: 'encounters', field: 'encounterChanges' },
  participations: { subgraph: 'encounters', field: 'participationChanges' },
};

export const SYNC_STREAM_PREFIX = '/api/sync/';

export interface SyncStreamDeps {
  subgraphUrls: Record<SubgraphName, string>;
  signer: CredentialSigner;
  /** Timeout for the subgraph to start answering (the stream itself may take as long as it takes). */
  timeoutMs: number;
  principalFor: (req: IncomingMessage) => Promise<{ principal: Principal | null; rate?: RateDecision }>;
  withinRate: (principal: Principal, rate: RateDecision | undefined, res: ServerResponse) => boolean;
  recordUsage: (principal: Principal, failed: boolean) => void;
  json: (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => void;
  log: (line: string) => void;
}

/** Ends a response part-way: what was written still goes out, then the connection closes without the body's end. */
function cutShort(res: ServerResponse): void {
  const socket = res.socket;
  if (socket && !socket.destroyed) socket.end();
  else res.destroy();
}

const error = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

export function syncStreamRoute(deps: SyncStreamDeps): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  return async (req, res, url) => {
    const feed = Object.hasOwn(FEEDS, url.pathname.slice(SYNC_STREAM_PREFIX.length)) ? FEEDS[url.pathname.slice(SYNC_STREAM_PREFIX.length)] : null;
    if (!feed) return deps.json(res, 404, error('No such feed: use /api/sync/pupils, /api/sync/encounters or /api/sync/participations.', 'NOT_FOUND'));
    if (req.method !== 'GET') return deps.json(res, 405, error('Use GET.', 'METHOD_NOT_ALLOWED'), { allow: 'GET' });
    let principal: Principal | null;
    let rate: RateDecision | undefined;
    try {
      ({ principal, rate } = await deps.principalFor(req));
    } catch (failure) {
      deps.log(`sync stream: sign-in lookup failed: ${(failure as Error).message}`);
      return deps.json(res, 503, error('Waymark cannot check your sign-in right now. Try again shortly.', 'SERVICE_UNAVAILABLE'));
    }
    if (!principal) {
      return deps.json(res, 401, error('Send your API key (Authorization: Bearer wm_…), or sign in.', 'UNAUTHENTICATED'), { 'www-authenticate': 'Bearer' });
    }
    if (principal.kind === 'api' && !deps.withinRate(principal, rate, res)) return;
    let failed = true;
    try {
      const refusal = apiFieldRefusal(principal, 'query', [feed.field]);
      if (refusal) return deps.json(res, 403, error(refusal.message, 'FORBIDDEN'));
      if (!hasRole(principal, 'trust_analyst') || !principal.trustId) {
        return deps.json(res, 403, error('Only a trust’s analysts and API keys can sync its data.', 'FORBIDDEN'));
      }
      const target = new URL(`/internal/sync/${url.pathname.slice(SYNC_STREAM_PREFIX.length)}`, deps.subgraphUrls[feed.subgraph]);
      const after = url.searchParams.get('after');
      if (after) target.searchParams.set('after', after);
      const credential = await deps.signer.credentialFor(principal);
      failed = !(await pipe(target, credential, res, deps));
    } finally {
      if (principal.kind === 'api') deps.recordUsage(principal, failed || res.statusCode >= 400);
    }
  };
}

/** Pipes the subgraph's answer to the client; true when the whole stream went through. */
function pipe(target: URL, credential: string, res: ServerResponse, deps: SyncStreamDeps): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    let answered = false;
    const upstream = request(target, { method: 'GET', headers: { [CREDENTIAL_HEADER]: credential } }, (answer: IncomingMessage) => {
      answered = true;
      clearTimeout(timer);
      const status = answer.statusCode ?? 502;
      const contentType = answer.headers['content-type'] ?? '';
      if (status !== 200 || !contentType.startsWith('application/x-ndjson')) {
        // A refusal (its JSON error passed on) or a failure before the first line.
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', () => undefined);
        answer.on('end', () => {
          let message = 'The sync could not be read. Try again shortly.';
          try {
            message = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: string }).error ?? message;
          } catch {
            // Keep the general message.
          }
          const code = status === 400 ? 'BAD_USER_INPUT' : status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'INTERNAL_SERVER_ERROR';
          deps.json(res, status >= 500 || status === 200 ? 502 : status, error(message, code));
          resolve(false);
        });
        return;
      }
      res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      pipeline(answer, res).then(
        () => resolve(true),
        (failure: unknown) => {
          deps.log(`sync stream ${target.pathname}: cut short: ${(failure as Error).message}`);
          cutShort(res);
          resolve(false);
        },
      );
    });
    const timer = setTimeout(() => upstream.destroy(new Error(`no answer within ${deps.timeoutMs} ms`)), deps.timeoutMs);
    upstream.on('error', (failure) => {
      clearTimeout(timer);
      if (answered) return; // the pipeline has it
      deps.log(`sync stream ${target.pathname}: ${failure.message}`);
      deps.json(res, 502, error('The sync could not be read. Try again shortly.', 'INTERNAL_SERVER_ERROR'));
      resolve(false);
    });
    // The client going away stops the subgraph's reading too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.end();
  });
}
