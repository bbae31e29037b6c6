import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { apiFieldRefusal, CREDENTIAL_HEADER, CredentialVerifier, operationRootFields } from '@waymark/auth';
import { AuditCollector } from './audit.js';
import type { RequestContext } from './context.js';
import { formatError, isExpected } from './errors.js';
import type { Orm } from './database.js';
import { beginRequestTransaction, registerRequestTransaction, type RequestTransaction } from './tenancy.js';

/** Requests whose execution met an error that was not an expected outcome: their transaction rolls back. */
const failedRequests = new WeakSet<RequestContext>();

export interface SubgraphServerOptions {
  name: string;
  schema: GraphQLSchema;
  orm: Orm;
  publicKeyPem: string;
  development?: boolean;
  /**
   * Extra HTTP routes (e.g. identity's internal endpoints); return false to fall through. They get
   * the server's own verifier, so they check credentials with the same key as /graphql.
   */
  routes?: (req: IncomingMessage, res: ServerResponse, body: string, verifier: CredentialVerifier) => Promise<boolean>;
  log?: (line: string) => void;
  /** Handed to every request as `ctx.deps` (see RequestContext); an empty bag when left out. */
  deps?: object;
  /** The database has row-level security and the application role (tenancy.ts): requests act as that role. */
  rowSecurity?: boolean;
}

export interface SubgraphServer {
  http: Server;
  apollo: ApolloServer<RequestContext>;
  verifier: CredentialVerifier;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

// Large enough for a 25,000-row roster file (base64) in one request.
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const DRAIN_LIMIT_BYTES = 4 * MAX_BODY_BYTES;

/** Thrown for a body over the limit, once the rest of it has been read and thrown away. */
export class BodyTooLargeError extends Error {
  constructor() {
    super('The request is too large: at most 16 MB in one request.');
  }
}

/**
 * The request body. One over the limit is still read to its end (and discarded) before the server
 * answers 413: a client still sending when the connection closes sees a reset, not the answer.
 * Past DRAIN_LIMIT_BYTES the client is not worth waiting for and the connection is cut.
 */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    if (Number(req.headers['content-length'] ?? 0) > DRAIN_LIMIT_BYTES) {
      req.destroy();
      return reject(new BodyTooLargeError());
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new BodyTooLargeError());
    });
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * The HTTP side of every subgraph: /health, /ready, and /graphql, which refuses any call without a
 * credential the gateway signed — `_service` and `_entities` included.
 */
export async function createSubgraphServer(options: SubgraphServerOptions): Promise<SubgraphServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[${options.name}] ${line}\n`));
  const verifier = new CredentialVerifier(options.publicKeyPem);
  const deps = options.deps ?? {};
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    introspection: options.development ?? false,
    hideSchemaDetailsFromClientErrors: !options.development,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // Every answer is `no-store`; the cache-control plugin would still wrap every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      {
        async requestDidStart() {
          return {
            // The scope catalogue again, so a subgraph never relies on the gateway alone to keep an
            // API key to its scopes. `_entities` continues a root field already checked.
            async didResolveOperation({ operation, document, contextValue }) {
              // Without an operation nothing runs: execution refuses the request.
              if (!operation) return;
              const refusal = apiFieldRefusal(contextValue.principal, operation.operation, operationRootFields(document, operation), { federationJoins: true });
              if (refusal) throw new GraphQLError(refusal.message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
            },
            async didEncounterErrors({ errors, contextValue }) {
              for (const error of errors) {
                if (!isExpected(error)) failedRequests.add(contextValue);
                if (!isExpected(error)) log(`request ${contextValue.requestId}: ${error.originalError?.stack ?? error.message}`);
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://subgraph');
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok', service: options.name });
    if (url.pathname === '/ready') {
      const ready = await options.orm.isConnected();
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'database unavailable', service: options.name });
    }
    const body = req.method === 'POST' ? await readBody(req) : '';
    if (options.routes && (await options.routes(req, res, body, verifier))) return;
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'not found' });

    const credential = req.headers[CREDENTIAL_HEADER] as string | undefined;
    const verified = await verifier.verify(credential);
    if (!verified.ok) {
      return sendJson(res, 401, {
        errors: [{ message: 'This service only answers the Waymark gateway.', extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let parsed: unknown = undefined;
    if (body) {
      try {
        parsed = JSON.parse(body);
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'Body is not JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) ?? randomUUID();
    let context: RequestContext | undefined;
    // The request's statements run in one transaction that names its tenant (tenancy.ts): it
    // commits once the answer (and its audit entries) are complete, and rolls back on a failure.
    let transaction: RequestTransaction | undefined;
    let response: Awaited<ReturnType<typeof apollo.executeHTTPGraphQLRequest>>;
    try {
      response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsed },
        context: async () => {
          transaction = await beginRequestTransaction(options.orm.em.fork(), verified.principal, { appRole: options.rowSecurity ?? false });
          registerRequestTransaction(transaction);
          return (context = {
            principal: verified.principal,
            em: transaction.em,
            requestId,
            credential: credential ?? '',
            loaders: new Map(),
            audit: new AuditCollector(),
            deps,
          });
        },
      });
      // Fail closed: an answer whose reading could not be recorded is never sent.
      if (context && context.audit.size > 0) {
        try {
          await context.audit.flush(context);
        } catch (error) {
          log(`request ${requestId}: audit write failed: ${(error as Error).stack ?? String(error)}`);
          await transaction?.end(false);
          return sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        }
      }
      try {
        await transaction?.end(!(context && failedRequests.has(context)));
      } catch (error) {
        // Nothing was kept (the transaction is rolled back): the answer must not say otherwise.
        log(`request ${requestId}: commit failed: ${(error as Error).stack ?? String(error)}`);
        return sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      }
    } finally {
      await transaction?.end(false);
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        if (res.headersSent || req.socket.destroyed) return res.destroy();
        res.setHeader('connection', 'close');
        return sendJson(res, 413, { errors: [{ message: error.message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      }
      log(`unhandled: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  http.keepAliveTimeout = 65_000;

  return {
    http,
    apollo,
    verifier,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => resolve((http.address() as AddressInfo).port));
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}
