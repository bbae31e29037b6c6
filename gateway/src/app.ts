import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  apiFieldRefusal,
  CLIENT_SAFE_ERROR_CODES,
  CREDENTIAL_HEADER,
  CredentialSigner,
  MASKED_MESSAGE,
  operationRootFields,
  type Principal,
  type RateDecision,
} from '@waymark/auth';
import type { GatewayEnv, SubgraphName } from './env.js';
import {
  DEVICE_COOKIE,
  DEVICE_MAX_AGE_SECONDS,
  IdentityClient,
  PENDING_COOKIE,
  PENDING_MAX_AGE_SECONDS,
  SESSION_COOKIE,
  pendingCookie,
  readCookie,
  sessionCookie,
  type SignInOrigin,
  type SignInOutcome,
} from './sessions.js';
import { SECURITY_HEADERS, StaticFiles } from './static.js';
import { SelfReportRelay, selfReportRoutes } from './self-report.js';
import { readSupergraph, scopedSdl } from './developers/api-schema.js';
import { developersPage } from './developers/page.js';
import { EXPLORER_SCRIPT, explorerPage } from './developers/explorer.js';
import { AddressWindow } from './address-window.js';
import { UsageCounter } from './developers/usage.js';
import { LEADER_MAIL_CHANNEL, WebhookRelay } from './webhook-relay.js';
import { VolunteerErasureRelay } from './volunteer-erasure.js';
import { MAX_DOCUMENT_CHARS, oversizedInput } from './input-limits.js';
import { subgraphFetcher } from './subgraph-fetch.js';
import { SYNC_STREAM_PREFIX, syncStreamRoute } from './sync-stream.js';
import { CAREERS_PAGE_PATH, CareersPages, careersNotFoundHtml, careersPageHtml, careersUnavailableHtml } from './careers-page.js';
import { MIN_SCHOOL_QUERY, SchoolFinder, type SchoolChoice } from './school-finder.js';

export interface GatewayContext {
  principal: Principal;
  requestId: string;
  credential?: Promise<string>;
  /** Set when the answer carries an error (an API key's usage counts it). */
  failed?: boolean;
}

const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
// Large enough for a 25,000-row roster file (base64) in one request.
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const DRAIN_LIMIT_BYTES = 4 * MAX_BODY_BYTES;

/** Attaches the caller's credential (one per principal for a while, see CredentialSigner.credentialFor) to every subgraph call. */
class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly signer: CredentialSigner,
    timeoutMs: number,
  ) {
    super({ url, fetcher: subgraphFetcher(timeoutMs) });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const ctx = context as Partial<GatewayContext>;
    if (!ctx.principal || !request.http) return;
    ctx.credential ??= this.signer.credentialFor(ctx.principal);
    request.http.headers.set(CREDENTIAL_HEADER, await ctx.credential);
    if (ctx.requestId) request.http.headers.set('x-request-id', ctx.requestId);
  }
}

/** What a client may see of an error: our own codes and messages, nothing about the insides. */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const base = { locations: formatted.locations, path: formatted.path };
  if (typeof code === 'string' && CLIENT_SAFE_ERROR_CODES.has(code)) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  return { ...base, message: MASKED_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Thrown for a body over MAX_BODY_BYTES, once the rest of it has been read and thrown away. */
class BodyTooLarge extends Error {
  readonly status = 413;
}

/**
 * The request body. One over MAX_BODY_BYTES is still read to its end (and discarded) before the
 * caller answers 413: a client still sending when the connection closes sees a reset instead of the
 * answer. Past DRAIN_LIMIT_BYTES the client is not worth waiting for and the connection is cut.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > DRAIN_LIMIT_BYTES) {
      req.destroy();
      return reject(new BodyTooLarge('body too large'));
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new BodyTooLarge('body too large')) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new BodyTooLarge('body too large'));
    });
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw Object.assign(new Error('Body is not JSON.'), { status: 400 });
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function text(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(message);
}

/** True when the body is declared as JSON (`application/json`, with or without parameters). */
function isJson(req: IncomingMessage): boolean {
  return req.headers['content-type']?.split(';')[0].trim().toLowerCase() === 'application/json';
}

/**
 * Whether a request to /auth/* comes from Waymark's own pages (docs/security.md, "Sign-in and
 * sign-out"). A browser says where a request comes from: `Sec-Fetch-Site` must be `same-origin`, and
 * `Origin` must be one of ours (the configured public origins, or else the origin of the Host the
 * request was sent to). A request with neither header is not from a browser page (a script, curl, a
 * test): it is let through, because the JSON-only rule already keeps browsers' cross-site forms out,
 * and another site's script cannot send JSON here without a CORS preflight the gateway never grants.
 */
function fromOwnPages(req: IncomingMessage, publicOrigins: readonly string[]): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (publicOrigins.length > 0) return publicOrigins.includes(origin);
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    // `Origin: null` (a sandboxed frame, a redirect) and anything unreadable.
    return false;
  }
}

/**
 * The client's address: the socket's peer, or, behind `trustedProxies` proxies of our own, the
 * address the outermost of them saw (the entry that many places from the end of X-Forwarded-For;
 * anything further left was written by the client and proves nothing).
 */
export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies === 0) return peer;
  const forwarded = (req.headers['x-forwarded-for'] ?? '')
    .toString()
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustedProxies] ?? forwarded[0] ?? peer;
}

const DEVICE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * What a volunteer's sign-up form sends (identity checks each). A former pupil's school arrives as
 * the id they chose from Waymark's list; its name is added here from that list, never from the form.
 */
const SIGN_UP_FIELDS = [
  'kind',
  'name',
  'email',
  'password',
  'jobTitle',
  'organisationName',
  'sector',
  'sizeBand',
  'postcode',
  'website',
  'schoolId',
  'yearLeft',
] as const;

const UNKNOWN_SCHOOL = 'We could not find that school. Search for your school again and choose it from the list.';

export interface Gateway {
  http: Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export async function createGateway({
  env,
  supergraphSdl,
  log = (line: string) => process.stderr.write(`[gateway] ${line}\n`),
}: {
  env: GatewayEnv;
  supergraphSdl: string;
  log?: (line: string) => void;
}): Promise<Gateway> {
  const development = env.devMode;
  const signer = new CredentialSigner(env.privateKeyPem);
  const identity = new IdentityClient(env.subgraphUrls.identity, signer, env.subgraphTimeoutMs, env.sessionCacheMs, env.apiRateLimit);
  const statics = new StaticFiles(env.frontendsDir, env.remotesManifest);
  const limiter = new AddressWindow(300, 60_000);
  // Sign-up, confirmation and password resets each may send an email: fewer per address than sign-ins.
  const accountLimiter = new AddressWindow(20, 60_000);
  // The sign-up form's school search: anonymous, so limited per address like sign-in, in a window of its own.
  const schoolLimiter = new AddressWindow(300, 60_000);
  const schools = new SchoolFinder(env.subgraphUrls.pupils, signer, env.subgraphTimeoutMs);
  const usage = new UsageCounter((counts) => identity.recordApiKeyUsage(counts));
  usage.start(env.apiUsageFlushMs, (error) => log(`API key usage not recorded yet: ${error.message}`));
  // Trusts' webhook events: from the subgraphs' outboxes to identity, which delivers them (webhook-relay.ts).
  const webhookRelay = new WebhookRelay(
    [
      { name: 'pupils', graphqlUrl: env.subgraphUrls.pupils },
      { name: 'encounters', graphqlUrl: env.subgraphUrls.encounters },
      { name: 'destinations', graphqlUrl: env.subgraphUrls.destinations },
    ],
    env.subgraphUrls.identity,
    signer,
    env.subgraphTimeoutMs,
  );
  webhookRelay.start(env.webhookRelayMs, (error) => log(error.message));
  // Mail for careers leaders: from the employers subgraph's outbox to identity, which sends it (the same relay).
  const leaderMailRelay = new WebhookRelay(
    [{ name: 'employers', graphqlUrl: env.subgraphUrls.employers }],
    env.subgraphUrls.identity,
    signer,
    env.subgraphTimeoutMs,
    LEADER_MAIL_CHANNEL,
  );
  leaderMailRelay.start(env.webhookRelayMs, (error) => log(error.message));
  // Volunteers' requests to delete their accounts: each subgraph's part, then identity's (volunteer-erasure.ts).
  const volunteerErasures = new VolunteerErasureRelay(
    {
      identity: env.subgraphUrls.identity,
      employers: env.subgraphUrls.employers,
      encounters: env.subgraphUrls.encounters,
      destinations: env.subgraphUrls.destinations,
    },
    signer,
    env.subgraphTimeoutMs,
  );
  volunteerErasures.start(env.webhookRelayMs, (error) => log(error.message));
  // The developer documentation and each scope set's schema, built from the supergraph being served.
  const supergraph = readSupergraph(supergraphSdl);
  const developersHtml = developersPage({ supergraph, origin: env.publicOrigins[0], rateLimit: env.apiRateLimit });
  const scopedSchemas = new Map<string, string>();
  const explorerHtml = explorerPage();
  const careersPages = new CareersPages(env.subgraphUrls.encounters, signer, env.subgraphTimeoutMs);

  // Leavers' self-report page: its posts pass to the destinations subgraph (self-report.ts).
  const selfReport = selfReportRoutes({
    relay: new SelfReportRelay(env.subgraphUrls.destinations, signer, env.subgraphTimeoutMs),
    readJson,
    json,
    isJson,
    fromOwnPages: (req) => fromOwnPages(req, env.publicOrigins),
    address: (req) => clientAddress(req, env.trustedProxies),
  });

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => new SignedDataSource(env.subgraphUrls[name as SubgraphName], signer, env.subgraphTimeoutMs),
  });
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 15 },
    maxTokens: { n: 3000 },
    maxDirectives: { n: 30 },
    costLimit: { maxCost: 60_000 },
    blockFieldSuggestion: { enabled: !development },
  }).protect();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: development,
    hideSchemaDetailsFromClientErrors: !development,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    plugins: [
      // Every answer is `no-store` (see graphql() below): no cache policy to compute.
      ApolloServerPluginCacheControlDisabled(),
      ...(armor.plugins as never[]),
      {
        async requestDidStart() {
          return {
            // An API key reaches only the root fields its scopes allow (the catalogue in
            // @waymark/auth); checked on the parsed operation before anything is planned or executed.
            async didResolveOperation({ operation, document, contextValue, schema, request }) {
              // Without an operation nothing runs: execution refuses the request.
              if (!operation) return;
              const refusal = apiFieldRefusal(contextValue.principal, operation.operation, operationRootFields(document, operation));
              if (refusal) throw new GraphQLError(refusal.message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
              const oversized = oversizedInput(schema, operation, request.variables);
              if (oversized) throw new GraphQLError(oversized, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
            },
            async didEncounterErrors({ errors, contextValue }) {
              contextValue.failed = true;
              for (const error of errors) {
                const code = error.extensions?.code;
                if (typeof code !== 'string' || !CLIENT_SAFE_ERROR_CODES.has(code)) log(`request ${contextValue.requestId}: ${error.message}`);
              }
            },
          };
        },
      },
    ],
    formatError: (formatted) => maskError(formatted),
  });
  await apollo.start();

  /** Who is asking; for an API key, also whether this request fits the key's allowance. */
  async function principalFor(req: IncomingMessage): Promise<{ principal: Principal | null; rate?: RateDecision }> {
    const authorization = req.headers.authorization;
    if (authorization?.startsWith('Bearer ')) return (await identity.resolveApiKey(authorization.slice(7).trim())) ?? { principal: null };
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    return { principal: token ? await identity.resolveSession(token) : null };
  }

  // A trust's bulk sync as NDJSON (sync-stream.ts): authenticated as /graphql is, piped from the subgraph.
  const syncStream = syncStreamRoute({
    subgraphUrls: env.subgraphUrls,
    signer,
    timeoutMs: env.subgraphTimeoutMs,
    principalFor,
    withinRate,
    recordUsage: (principal, failed) => usage.record(principal.accountId, failed),
    json,
    log,
  });

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const requestId = randomUUID();
    let principal: Principal | null;
    let rate: RateDecision | undefined;
    try {
      ({ principal, rate } = await principalFor(req));
    } catch (error) {
      log(`request ${requestId}: session lookup failed: ${(error as Error).message}`);
      return json(res, 503, {
        errors: [{ message: 'Waymark cannot check your sign-in right now. Try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
    }
    if (!principal) {
      return json(res, 401, { errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    if (principal.kind === 'api' && !withinRate(principal, rate, res)) return;
    const context: GatewayContext = { principal, requestId };
    try {
      await execute(req, res, url, context);
    } catch (error) {
      // Answered by the server's error handler (413, 400, 500): an error all the same.
      context.failed = true;
      throw error;
    } finally {
      if (principal.kind === 'api') usage.record(principal.accountId, context.failed === true || res.statusCode >= 400);
    }
  }

  /**
   * Whether the request fits the API key's allowance (identity took one from the key's bucket when it
   * looked the key up); over it, answers 429 (counted as an error) and false.
   */
  function withinRate(principal: Principal, decision: RateDecision | undefined, res: ServerResponse): boolean {
    if (!decision || decision.allowed) return true;
    usage.record(principal.accountId, true);
    json(
      res,
      429,
      {
        errors: [
          {
            message: `This API key has sent too many requests. Wait ${decision.retryAfterSeconds} second${decision.retryAfterSeconds === 1 ? '' : 's'} and try again.`,
            extensions: { code: 'RATE_LIMITED' },
          },
        ],
      },
      { 'retry-after': String(decision.retryAfterSeconds) },
    );
    return false;
  }

  async function execute(req: IncomingMessage, res: ServerResponse, url: URL, context: GatewayContext): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    const document = (body as { query?: unknown } | undefined)?.query ?? url.searchParams.get('query');
    if (typeof document === 'string' && document.length > MAX_DOCUMENT_CHARS) {
      return json(res, 400, {
        errors: [
          {
            message: `This query is too long: send at most ${MAX_DOCUMENT_CHARS / 1024} KB of query text, and long values as variables.`,
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => context,
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.setHeader('cache-control', 'no-store');
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') res.end(response.body.string);
    else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  /** Where a sign-in step comes from; a browser without a (well-formed) device cookie gets a new one. */
  function originOf(req: IncomingMessage): SignInOrigin {
    const held = readCookie(req.headers.cookie, DEVICE_COOKIE);
    return {
      address: clientAddress(req, env.trustedProxies),
      device: held && DEVICE_PATTERN.test(held) ? held : randomBytes(32).toString('base64url'),
      userAgent: (req.headers['user-agent'] ?? '').slice(0, 200),
    };
  }

  /** Answers a finished sign-in: the session and device cookies (the pending one cleared), and who signed in. */
  function signedIn(res: ServerResponse, outcome: Extract<SignInOutcome, { ok: true }>, origin: SignInOrigin, afterSecondFactor = false): void {
    const { principal, recoveryCodes } = outcome;
    res.setHeader('set-cookie', [
      sessionCookie(outcome.token, SESSION_MAX_AGE_SECONDS, env.secureCookies),
      sessionCookie(origin.device, DEVICE_MAX_AGE_SECONDS, env.secureCookies, DEVICE_COOKIE),
      ...(afterSecondFactor ? [pendingCookie('', 0, env.secureCookies)] : []),
    ]);
    json(res, 200, {
      account: { id: principal.accountId, displayName: principal.displayName, roles: principal.roles },
      ...(recoveryCodes ? { recoveryCodes } : {}),
    });
  }

  function refused(res: ServerResponse, outcome: { status: number; message: string; retryAfterSeconds?: number }, headers: Record<string, string> = {}): void {
    text(res, outcome.status, outcome.message, { ...headers, ...(outcome.retryAfterSeconds ? { 'retry-after': String(outcome.retryAfterSeconds) } : {}) });
  }

  async function signIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = originOf(req);
    if (!limiter.allow(origin.address)) {
      return text(res, 429, 'Too many sign-in attempts. Wait a minute and try again.', { 'retry-after': '60' });
    }
    const body = (await readJson(req)) as { email?: unknown; password?: unknown } | undefined;
    if (typeof body?.email !== 'string' || typeof body.password !== 'string' || !body.email || !body.password) {
      return text(res, 400, 'Enter your email address and password.');
    }
    const outcome = await identity.signIn(body.email, body.password, origin);
    if (outcome.ok) return signedIn(res, outcome, origin);
    if (!('secondFactor' in outcome)) return refused(res, outcome);
    // The password was right; the pending sign-in's token waits in a cookie only /auth/* sees.
    const { step, pendingToken, secret, otpauthUri } = outcome.secondFactor;
    res.setHeader('set-cookie', pendingCookie(pendingToken, PENDING_MAX_AGE_SECONDS, env.secureCookies));
    json(res, 200, { secondFactor: step, ...(secret ? { secret, otpauthUri } : {}) });
  }

  async function secondFactor(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = originOf(req);
    if (!limiter.allow(origin.address)) {
      return text(res, 429, 'Too many sign-in attempts. Wait a minute and try again.', { 'retry-after': '60' });
    }
    const body = (await readJson(req)) as { code?: unknown } | undefined;
    if (typeof body?.code !== 'string' || !body.code.trim()) return text(res, 400, 'Enter the code from your authenticator app, or a recovery code.');
    const pending = readCookie(req.headers.cookie, PENDING_COOKIE);
    if (!pending) return text(res, 401, 'Sign in again: that took too long.');
    const outcome = await identity.completeSecondFactor(pending, body.code, origin);
    if (outcome.ok) return signedIn(res, outcome, origin, true);
    if ('secondFactor' in outcome) return text(res, 503, 'Sign-in is not available right now. Try again shortly.');
    refused(res, outcome, outcome.signInAgain ? { 'set-cookie': pendingCookie('', 0, env.secureCookies) } : {});
  }

  /**
   * The public account steps: signing up as a volunteer, confirming an email address, and choosing a
   * new password. Only the named text fields go on to identity, with the origin the links in its
   * emails should open: the first public origin, or in development the origin this request came to.
   */
  async function accountStep(req: IncomingMessage, res: ServerResponse, path: string, fields: readonly string[]): Promise<void> {
    const address = clientAddress(req, env.trustedProxies);
    if (!accountLimiter.allow(address)) return json(res, 429, { error: 'Too many attempts. Wait a minute and try again.' }, { 'retry-after': '60' });
    const body = await readJson(req);
    if (!body || typeof body !== 'object' || Array.isArray(body)) return json(res, 400, { error: 'Send a JSON object.' });
    const request: Record<string, unknown> = {};
    for (const field of fields) {
      const value = (body as Record<string, unknown>)[field];
      if (typeof value === 'string') request[field] = value.slice(0, 2000);
    }
    if (path === '/internal/sign-up' && request.kind === 'alumni' && typeof request.schoolId === 'string' && request.schoolId.trim()) {
      // The school must be one of Waymark's; its name comes from Waymark's list.
      let school: SchoolChoice | null;
      try {
        school = await schools.byId(request.schoolId.trim());
      } catch (error) {
        log(`sign-up: the school could not be checked: ${(error as Error).message}`);
        return json(res, 503, { error: 'This is not available right now. Try again shortly.' });
      }
      if (!school) return json(res, 400, { error: 'Check the answers marked below.', problems: [{ field: 'schoolId', message: UNKNOWN_SCHOOL }] });
      request.schoolId = school.id;
      request.schoolName = school.name;
    }
    const origin = env.publicOrigins[0] ?? (env.devMode && req.headers.host ? `http://${req.headers.host}` : null);
    if (origin) request.origin = origin;
    const answer = await identity.accountStep(path, request);
    json(res, answer.status, answer.body);
  }

  /**
   * The sign-up form's school search: `{ query }` (at least 3 characters) answers `{ schools }`, at
   * most 10 of Waymark's schools whose name contains it, each with only its id, name, local authority
   * and URN (all public). Anonymous, so it tells nothing a school's own website would not.
   */
  async function findSchool(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!schoolLimiter.allow(clientAddress(req, env.trustedProxies)))
      return json(res, 429, { error: 'Too many searches. Wait a minute and try again.' }, { 'retry-after': '60' });
    const body = (await readJson(req)) as { query?: unknown } | undefined;
    const query = typeof body?.query === 'string' ? body.query.trim().replace(/\s+/g, ' ') : '';
    if (query.length < MIN_SCHOOL_QUERY) return json(res, 400, { error: `Enter at least ${MIN_SCHOOL_QUERY} letters of your school's name.` });
    if (query.length > 100) return json(res, 400, { error: "Use at most 100 characters for your school's name." });
    try {
      json(res, 200, { schools: await schools.find(query) });
    } catch (error) {
      log(`school search failed: ${(error as Error).message}`);
      json(res, 503, { error: 'Searching for schools is not available right now. Try again shortly.' });
    }
  }

  /**
   * A signed-in volunteer deletes their own account: `{ password }`, with their session cookie (the
   * only account anyone can ask about is the one they are signed in as). Identity checks the password
   * and ends every session; each subgraph's part follows at once, and again on the relay's timer for
   * any that failed. The cookie is cleared; the answer says so.
   */
  async function deleteAccount(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!accountLimiter.allow(clientAddress(req, env.trustedProxies)))
      return json(res, 429, { error: 'Too many attempts. Wait a minute and try again.' }, { 'retry-after': '60' });
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (!token) return json(res, 401, { error: 'Your session has ended. Sign in again.' });
    const body = (await readJson(req)) as { password?: unknown } | undefined;
    if (typeof body?.password !== 'string' || !body.password) return json(res, 400, { error: 'Enter your password to confirm.' });
    const answer = await identity.requestVolunteerErasure(token, body.password.slice(0, 1024));
    if (answer.status !== 200) {
      const retry = Number(answer.body.retryAfterSeconds);
      return json(res, answer.status, { error: answer.body.error }, retry > 0 ? { 'retry-after': String(retry) } : {});
    }
    await volunteerErasures.runNow((error) => log(error.message));
    res.setHeader('set-cookie', sessionCookie('', 0, env.secureCookies));
    json(res, 200, { message: 'Your Waymark account has been deleted and you have been signed out.' });
  }

  async function signOut(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) await identity.signOut(token);
    res.writeHead(204, { 'set-cookie': sessionCookie('', 0, env.secureCookies), 'cache-control': 'no-store' }).end();
  }

  /** The developer documentation and the explorer: public, the same for everyone, built at start. */
  function developers(req: IncomingMessage, res: ServerResponse, body: string, contentType: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache', ...SECURITY_HEADERS });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** The SDL of what the calling API key's scopes allow; only for API keys (401 otherwise). */
  async function schemaForKey(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET') return text(res, 405, 'Use GET.', { allow: 'GET' });
    const authorization = req.headers.authorization;
    let principal: Principal | null = null;
    let rate: RateDecision | undefined;
    try {
      if (authorization?.startsWith('Bearer ')) ({ principal, rate } = (await identity.resolveApiKey(authorization.slice(7).trim())) ?? { principal: null });
    } catch (error) {
      log(`schema download: API key lookup failed: ${(error as Error).message}`);
      return json(res, 503, {
        errors: [{ message: 'Waymark cannot check your API key right now. Try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
    }
    if (principal?.kind !== 'api') {
      return json(
        res,
        401,
        { errors: [{ message: 'Send your API key: Authorization: Bearer wm_…', extensions: { code: 'UNAUTHENTICATED' } }] },
        { 'www-authenticate': 'Bearer' },
      );
    }
    if (!withinRate(principal, rate, res)) return;
    const scopes = [...principal.scopes].sort();
    const cacheKey = scopes.join(' ');
    let sdl = scopedSchemas.get(cacheKey);
    if (sdl === undefined) {
      sdl = scopedSdl(supergraph, scopes);
      scopedSchemas.set(cacheKey, sdl);
    }
    usage.record(principal.accountId, false);
    res.writeHead(200, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'content-disposition': 'inline; filename="waymark.graphql"',
    });
    res.end(sdl);
  }

  /**
   * A school's public careers page: no sign-in (cookies and keys are ignored), plain HTML. An unknown or
   * unpublished URN gets the same 404 page, which says nothing about whether the school exists.
   */
  async function careersPage(req: IncomingMessage, res: ServerResponse, urn: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let status = 200;
    let html: string;
    try {
      const page = await careersPages.published(urn);
      if (page) html = careersPageHtml(page);
      else [status, html] = [404, careersNotFoundHtml()];
    } catch (error) {
      log(`careers page: ${(error as Error).message}`);
      [status, html] = [503, careersUnavailableHtml()];
    }
    // A minute in caches: a school that unpublishes is gone from them soon after.
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': status === 200 ? 'public, max-age=60' : 'no-store',
      ...SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  /** Any other address under /schools/: the same plain 404 as an unknown URN, not the shell. */
  function careersNotFound(res: ServerResponse): void {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
    res.end(careersNotFoundHtml());
  }

  async function ready(res: ServerResponse): Promise<void> {
    const checks = await Promise.all(
      Object.entries(env.subgraphUrls).map(async ([name, url]) => {
        try {
          const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(2000) });
          return [name, response.ok] as const;
        } catch {
          return [name, false] as const;
        }
      }),
    );
    const allReady = checks.every(([, ok]) => ok);
    json(res, allReady ? 200 : 503, { status: allReady ? 'ready' : 'waiting', subgraphs: Object.fromEntries(checks) });
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const route = `${req.method} ${url.pathname}`;
    if (url.pathname === '/graphql') return graphql(req, res, url);
    if (url.pathname.startsWith(SYNC_STREAM_PREFIX)) return syncStream(req, res, url);
    if (url.pathname.startsWith('/auth/') && req.method === 'POST') {
      // A browser sends a cross-site form as text/plain or a form encoding without asking first.
      if (!isJson(req)) return text(res, 415, 'Send this as JSON (content-type: application/json).');
      if (!fromOwnPages(req, env.publicOrigins)) return text(res, 403, "Sign in and out from Waymark's own pages.");
    }
    if (route === 'POST /auth/sign-in') return signIn(req, res);
    if (route === 'POST /auth/second-factor') return secondFactor(req, res);
    if (route === 'POST /auth/sign-out') return signOut(req, res);
    if (route === 'POST /auth/delete-account') return deleteAccount(req, res);
    if (route === 'POST /auth/sign-up') return accountStep(req, res, '/internal/sign-up', SIGN_UP_FIELDS);
    if (route === 'POST /auth/find-school') return findSchool(req, res);
    if (route === 'POST /auth/verify-email') return accountStep(req, res, '/internal/verify-email', ['token']);
    if (route === 'POST /auth/forgot-password') return accountStep(req, res, '/internal/forgot-password', ['email']);
    if (route === 'POST /auth/reset-password') return accountStep(req, res, '/internal/reset-password', ['token', 'password']);
    if (url.pathname === '/developers' || url.pathname === '/developers/') return developers(req, res, developersHtml, 'text/html; charset=utf-8');
    if (url.pathname === '/developers/explorer') return developers(req, res, explorerHtml, 'text/html; charset=utf-8');
    if (url.pathname === '/developers/explorer.js') return developers(req, res, EXPLORER_SCRIPT, 'text/javascript; charset=utf-8');
    if (url.pathname === '/developers/schema.graphql') return schemaForKey(req, res);
    const careers = CAREERS_PAGE_PATH.exec(url.pathname);
    if (careers) return careersPage(req, res, careers[1]);
    if (url.pathname.startsWith('/schools/')) return careersNotFound(res);
    if (url.pathname === '/health') return json(res, 200, { status: 'ok' });
    if (url.pathname === '/ready') return ready(res);
    if (await selfReport(req, res, route)) return;
    if (url.pathname.startsWith('/auth/')) return text(res, 404, 'Not found');
    statics.handle(req, res, url.pathname);
  };

  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLarge) {
        if (res.headersSent || req.socket.destroyed) return res.destroy();
        return json(
          res,
          413,
          { errors: [{ message: 'This request is too large: Waymark takes at most 16 MB in one request.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
          { connection: 'close' },
        );
      }
      const status = (error as { status?: number }).status;
      if (status && status < 500) return text(res, status, (error as Error).message);
      log(`unhandled: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) text(res, 500, 'Something went wrong on our side.');
      else res.end();
    });
  });
  http.keepAliveTimeout = 65_000;

  return {
    http,
    listen: (port, host = env.host) =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => resolve((http.address() as AddressInfo).port));
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
      await usage.stop().catch((error: unknown) => log(`API key usage not recorded: ${(error as Error).message}`));
      await webhookRelay.stop();
      await leaderMailRelay.stop();
      await volunteerErasures.stop();
      await apollo.stop();
    },
  };
}
