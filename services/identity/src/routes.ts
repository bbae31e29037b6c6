import type { IncomingMessage, ServerResponse } from 'node:http';
import { CREDENTIAL_HEADER, rateAllowanceOf, type CredentialVerifier } from '@waymark/auth';
import { noteSystemAccess, sendJson, withSystemAccess, type Orm, type SubgraphServerOptions } from '@waymark/subgraph-kit';
import { ApiCredentialService } from './modules/api-credential/api-credential.service.js';
import { otpauthUri } from './modules/second-factor/totp.js';
import {
  SessionService,
  signInInPhases,
  WRONG_CREDENTIALS,
  warmDummyHash,
  type OpenedSession,
  type SignInOrigin,
  type SignInPhase,
} from './modules/session/session.service.js';
import { waitMessage } from './modules/sign-in-throttle/sign-in-throttle.service.js';
import type { Mailer } from './modules/mail/mailer.js';
import { PasswordResetService } from './modules/password-reset/password-reset.service.js';
import { SignUpService } from './modules/sign-up/sign-up.service.js';
import { employersProvisioner, type SendProvisioning } from './modules/volunteer-provisioning/volunteer-provisioning.calls.js';
import { deliverVolunteerProvisioning } from './modules/volunteer-provisioning/volunteer-provisioning.service.js';
import { WebhookService, type ReportedEvent } from './modules/webhook/webhook.service.js';
import { acceptLeaderNotices, type LeaderNotice } from './modules/leader-mail/leader-mail.service.js';

type Body = Record<string, unknown>;
interface Services {
  sessions: SessionService;
  apiCredentials: ApiCredentialService;
  /** Null when no mail server is set up (WAYMARK_SMTP_URL): sign-up and password resets are off. */
  signUp: SignUpService | null;
  passwordReset: PasswordResetService | null;
  webhooks: WebhookService;
  /** Takes notices for careers leaders into this transaction. */
  leaderNotices: (notices: readonly LeaderNotice[]) => Promise<number>;
}
/** What a route answers: sent once its system access has committed, so nothing is promised that was not kept. */
interface Reply {
  status: number;
  body?: unknown;
}
/**
 * A route runs before anyone is known, so its reads and writes see every school's accounts: each runs
 * in its own named, logged system access (docs/security.md, "Row-level security"), and `reason` says
 * which rows it looks at and why.
 */
interface Route {
  reason: string;
  run: (body: Body, services: Services) => Promise<Reply>;
  /** True for a route the gateway calls on every request of some kind: its system access is counted in the log, not a line a call (SystemAccessOptions). */
  recurring?: boolean;
}

/**
 * A route that is one statement lifting the check for itself, in a database function that puts it
 * back before it returns (the API key check, `api_key_take`): run with no transaction around it, one
 * round trip to the database instead of four, and logged all the same (counted, as it runs on every
 * request a key makes). It is handed the key service alone, so no other service can send a statement
 * without a lift.
 */
interface OwnStatementRoute {
  reason: string;
  ownStatement: (body: Body, apiCredentials: ApiCredentialService) => Promise<Reply>;
}

/** What a phased route may use besides its body: the mailer, and the employers subgraph (asked with the gateway's credential). */
interface PhasedTools {
  mailer: Mailer | null;
  provision: SendProvisioning;
}

/** A route whose steps each run in a named system access of their own (short transactions), not one for the whole call. */
interface PhasedRoute {
  reason: string;
  phased: (body: Body, phase: SignInPhase, tools: PhasedTools) => Promise<Reply>;
}

const text = (body: Body, key: string): string => (typeof body[key] === 'string' ? body[key] : '');
/** The gateway's device cookies are 43 base64url characters; anything else is no device. */
const device = (body: Body): string | null => (/^[A-Za-z0-9_-]{32,128}$/.test(text(body, 'device')) ? text(body, 'device') : null);
const originOf = (body: Body): SignInOrigin => ({
  address: text(body, 'address') || 'unknown',
  device: device(body),
  userAgent: text(body, 'userAgent') || null,
});

/** The origin the gateway says people reach Waymark at, for links in emails; null when it is not one. */
function linkOrigin(body: Body): string | null {
  try {
    const url = new URL(text(body, 'origin'));
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text(body, 'origin') ? url.origin : null;
  } catch {
    return null;
  }
}

export const MAIL_OFF = 'Signing up and resetting passwords are turned off on this Waymark. Ask the people who run it.';
export const SIGN_UP_SENT =
  'Check your email. We have sent a message to the address you gave: follow the link in it within 24 hours to finish signing up. If nothing arrives in a few minutes, check your spam folder.';
export const RESET_SENT =
  'If that email address has a Waymark account, we have sent it a link to choose a new password. The link works for 1 hour. If nothing arrives in a few minutes, check your spam folder and the address you typed.';
export const LINK_NOT_VALID = 'This link has expired or has already been used. Ask for a new one.';
const FIX_PROBLEMS = 'Check the answers marked below.';

const WRONG_CODE = 'That code is not right. Enter the six digits your authenticator app shows now, or one of your recovery codes.';
const SIGN_IN_AGAIN = 'That took too long or too many tries. Sign in again.';

const json = (status: number, body: unknown): Reply => ({ status, body });
const NO_CONTENT: Reply = { status: 204 };

function sessionReply(session: OpenedSession): Reply {
  const { token, expiresAt, principal, recoveryCodes } = session;
  return json(200, { token, expiresAt: expiresAt.toISOString(), principal, ...(recoveryCodes ? { recoveryCodes } : {}) });
}

function waitReply(retryAfterMs: number): Reply {
  return json(429, { error: waitMessage(retryAfterMs), retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
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
 *   POST /internal/sign-up  { kind, name, email, password, jobTitle, …, origin }
 *                           → 200 { message } (the same whether or not the email had an account) | 400 { error, problems }
 *   POST /internal/verify-email { token }      → 200 { message } | 400 { error }
 *   POST /internal/forgot-password { email, origin } → 200 { message } (always the same)
 *   POST /internal/reset-password { token, password } → 200 { message } | 400 { error, problems? }
 *                           (these four answer 503 { error } when no mail server is set up)
 *   POST /internal/api-key  { key, rate?: { perMinute, burst } }
 *                           → 200 { principal, rate: { allowed, retryAfterSeconds? } } | 401 { error }
 *                           (with `rate`, one request is taken from the key's shared bucket)
 *   POST /internal/api-key-usage { usage: [{ id, requests, errors, lastUsedAt }] }
 *                           → 204 (the counts added to each key's totals) | 400 { error }
 *   POST /internal/webhook-events { events: [{ id, trustId, type, occurredAt, data }] }
 *                           → 200 { accepted } (each event kept once by its id, and one delivery made per
 *                             matching endpoint of its trust) | 400 { error }
 *   POST /internal/leader-mail { notices: [{ id, schoolId, kind, occurredAt, data }] }
 *                           → 200 { made } (one email per careers leader of each notice's school, made once
 *                             per notice and leader; the leader mail worker sends them) | 400 { error }
 * Every call must carry the gateway's own (system) credential; anything else gets 401.
 */
const ROUTES: Record<string, Route | PhasedRoute | OwnStatementRoute> = {
  '/internal/sign-in': {
    // Counting the attempt, then (once the password is checked, outside any transaction) the account's
    // second factor and a new session: the throttle's rows are not held while a password is checked.
    reason: 'sign-in: the account with the email typed, its sign-in count, its second factor and a new session',
    phased: async (body, phase, { provision }) => {
      const outcome = await signInInPhases(phase, text(body, 'email'), text(body, 'password'), originOf(body));
      if (outcome.ok) return sessionReply(await withVolunteerRecord(outcome, phase, provision));
      if (outcome.reason === 'throttled') return waitReply(outcome.retryAfterMs);
      if (outcome.reason === 'second-factor') {
        const { step, pendingToken, expiresAt, secret, email } = outcome;
        return json(200, {
          secondFactor: { step, pendingToken, expiresAt: expiresAt.toISOString(), ...(secret ? { secret, otpauthUri: otpauthUri(secret, email) } : {}) },
        });
      }
      return json(401, { error: WRONG_CREDENTIALS });
    },
  },
  '/internal/second-factor': {
    reason: 'second factor at sign-in: the account of the pending sign-in, its code and a new session',
    phased: async (body, phase, { provision }) => {
      const pending = text(body, 'pendingToken');
      const outcome = pending
        ? await phase((em) => new SessionService(em).completeSecondFactor(pending, text(body, 'code'), originOf(body)))
        : ({ ok: false, reason: 'expired' } as const);
      if (outcome.ok) return sessionReply(await withVolunteerRecord(outcome, phase, provision));
      if (outcome.reason === 'throttled') return waitReply(outcome.retryAfterMs);
      if (outcome.reason === 'wrong') return json(401, { error: WRONG_CODE, attemptsLeft: outcome.attemptsLeft });
      return json(401, { error: SIGN_IN_AGAIN, signInAgain: true });
    },
  },
  '/internal/session': {
    reason: 'session check: the account a session token belongs to',
    // Each time a session's cached answer runs out in the gateway (every 15 s by default) for each person using Waymark.
    recurring: true,
    run: async (body, { sessions }) => {
      const token = text(body, 'token');
      const principal = token ? await sessions.resolve(token) : null;
      if (principal) return json(200, { principal });
      return json(401, { error: 'This session has ended. Sign in again.' });
    },
  },
  '/internal/sign-out': {
    reason: 'sign-out: the session of a token',
    run: async (body, { sessions }) => {
      const token = text(body, 'token');
      if (token) await sessions.signOut(token);
      return NO_CONTENT;
    },
  },
  '/internal/sign-up': {
    reason: 'volunteer sign-up: whether the email has an account, and the new account',
    run: async (body, { signUp }) => {
      const origin = linkOrigin(body);
      if (!signUp || !origin) return json(503, { error: MAIL_OFF });
      const outcome = await signUp.signUp(body, origin);
      if (!outcome.ok) return json(400, { error: FIX_PROBLEMS, problems: outcome.problems });
      return json(200, { message: SIGN_UP_SENT });
    },
  },
  '/internal/verify-email': {
    // Confirming the address and queueing the volunteer's record commit together; the record is then
    // sent to the employers subgraph outside that transaction. If employers does not answer, the
    // email is still confirmed and the next sign-in sends it again.
    reason: "email confirmation: the account of an emailed link, and its volunteer record's outbox row",
    phased: async (body, phase, { mailer, provision }) => {
      if (!mailer) return json(503, { error: MAIL_OFF });
      const accountId = await phase((em) => new SignUpService(em, mailer).verifyEmail(text(body, 'token')));
      if (!accountId) return json(400, { error: LINK_NOT_VALID });
      await deliverVolunteerProvisioning(phase, accountId, provision, new Date());
      return json(200, { message: 'Your email address is confirmed. You can now sign in.' });
    },
  },
  '/internal/forgot-password': {
    reason: 'forgotten password: the account with the email typed',
    run: async (body, { passwordReset }) => {
      const origin = linkOrigin(body);
      if (!passwordReset || !origin) return json(503, { error: MAIL_OFF });
      await passwordReset.request(text(body, 'email'), origin);
      return json(200, { message: RESET_SENT });
    },
  },
  '/internal/reset-password': {
    reason: 'password reset: the account of an emailed link',
    run: async (body, { passwordReset }) => {
      if (!passwordReset) return json(503, { error: MAIL_OFF });
      const password = typeof body.password === 'string' ? body.password : '';
      const outcome = await passwordReset.reset(text(body, 'token'), password);
      if (outcome.ok) return json(200, { message: 'Your password has been changed and you have been signed out everywhere. Sign in with your new password.' });
      if ('problems' in outcome) return json(400, { error: FIX_PROBLEMS, problems: outcome.problems });
      return json(400, { error: LINK_NOT_VALID });
    },
  },
  '/internal/api-key': {
    reason: 'API key check: the trust key a secret belongs to',
    // On every request a key makes, and all it writes is the key's rate bucket and last use: a
    // database crash losing the last fraction of a second of those is harmless, so the lookup does not
    // wait for the disk (api_key_take says so for its statement). A revocation is another transaction,
    // which does (docs/security.md).
    ownStatement: async (body, apiCredentials) => {
      const key = text(body, 'key');
      const found = key ? await apiCredentials.resolveKey(key, rateAllowanceOf(body.rate)) : null;
      if (found) return json(200, found);
      return json(401, { error: 'This API key is not valid.' });
    },
  },
  '/internal/api-key-usage': {
    reason: "API key usage: the gateway's counts added to every trust's keys",
    run: async (body, { apiCredentials }) => {
      const entries = usageEntries(body.usage);
      if (!entries) return json(400, { error: 'usage must be a list of { id, requests, errors, lastUsedAt }.' });
      await apiCredentials.addUsage(entries);
      return NO_CONTENT;
    },
  },
  '/internal/webhook-events': {
    reason: 'webhook events: each reported event, and the endpoints of its trust that receive it',
    run: async (body, { webhooks }) => {
      const events = reportedEvents(body.events);
      if (!events) return json(400, { error: 'events must be a list of { id, trustId, type, occurredAt, data }.' });
      return json(200, { accepted: await webhooks.accept(events) });
    },
  },
  '/internal/leader-mail': {
    reason: "leader mail: each reported notice, and its school's careers leaders",
    run: async (body, { leaderNotices }) => {
      const notices = reportedNotices(body.notices);
      if (!notices) return json(400, { error: 'notices must be a list of { id, schoolId, kind, occurredAt, data }.' });
      return json(200, { made: await leaderNotices(notices) });
    },
  },
};

/**
 * A volunteer who signed up and whose record has not reached the employers subgraph yet (it was down
 * when they confirmed their email): sent again now, and on success this session's principal carries
 * the new ids. A failure changes nothing about signing in.
 */
async function withVolunteerRecord(session: OpenedSession, phase: SignInPhase, provision: SendProvisioning): Promise<OpenedSession> {
  const { principal } = session;
  if (principal.volunteerId || !principal.roles.some((role) => role === 'employer_volunteer' || role === 'alumni')) return session;
  const outcome = await deliverVolunteerProvisioning(phase, principal.accountId, provision, new Date());
  if (!outcome.delivered) return session;
  return { ...session, principal: { ...principal, volunteerId: outcome.delivered.volunteerId, employerId: outcome.delivered.employerId } };
}

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

/** Events the gateway relays from the subgraphs' outboxes, all well-formed or none (an unknown type is kept out later, not refused). */
function reportedEvents(value: unknown): ReportedEvent[] | null {
  if (!Array.isArray(value) || value.length > 1000) return null;
  const events: ReportedEvent[] = [];
  for (const item of value as unknown[]) {
    if (!item || typeof item !== 'object') return null;
    const { id, trustId, type, occurredAt, data } = item as Record<string, unknown>;
    const when = typeof occurredAt === 'string' ? new Date(occurredAt) : null;
    if (typeof id !== 'string' || !UUID.test(id) || typeof trustId !== 'string' || !UUID.test(trustId) || typeof type !== 'string') return null;
    if (!when || Number.isNaN(when.getTime()) || !data || typeof data !== 'object' || Array.isArray(data)) return null;
    events.push({ id, trustId, type, occurredAt: when, data: data as Record<string, unknown> });
  }
  return events;
}

/** Notices the gateway relays from a subgraph's leader mail outbox, all well-formed or none (an unknown kind is dropped later, not refused). */
function reportedNotices(value: unknown): LeaderNotice[] | null {
  if (!Array.isArray(value) || value.length > 1000) return null;
  const notices: LeaderNotice[] = [];
  for (const item of value as unknown[]) {
    if (!item || typeof item !== 'object') return null;
    const { id, schoolId, kind, occurredAt, data } = item as Record<string, unknown>;
    const when = typeof occurredAt === 'string' ? new Date(occurredAt) : null;
    if (typeof id !== 'string' || !UUID.test(id) || typeof schoolId !== 'string' || !UUID.test(schoolId) || typeof kind !== 'string') return null;
    if (!when || Number.isNaN(when.getTime()) || !data || typeof data !== 'object' || Array.isArray(data)) return null;
    notices.push({ id, schoolId, kind, occurredAt: when, data: data as Record<string, unknown> });
  }
  return notices;
}

function parseBody(body: string): Body | null {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Body) : null;
  } catch {
    return null;
  }
}

/** The kit's `routes` option for identity; `employersUrl` is where signed-up volunteers' records are sent. */
export function internalRoutes(orm: Orm, mailer: Mailer | null, employersUrl: string): NonNullable<SubgraphServerOptions['routes']> {
  void warmDummyHash();
  return async (req: IncomingMessage, res: ServerResponse, raw: string, verifier: CredentialVerifier): Promise<boolean> => {
    const { pathname } = new URL(req.url ?? '/', 'http://identity');
    if (!pathname.startsWith('/internal/')) return false;
    const credential = req.headers[CREDENTIAL_HEADER] as string | undefined;
    const verified = await verifier.verify(credential);
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
    const reason = `identity ${pathname}: ${route.reason}`;
    let reply: Reply;
    if ('phased' in route) {
      reply = await route.phased(body, (work) => withSystemAccess(orm, reason, work), {
        mailer,
        provision: employersProvisioner(employersUrl, credential ?? ''),
      });
    } else if ('ownStatement' in route) {
      noteSystemAccess(reason, { recurring: true });
      reply = await route.ownStatement(body, new ApiCredentialService(orm.em.fork()));
    } else {
      reply = await withSystemAccess(
        orm,
        reason,
        (em) =>
          route.run(body, {
            sessions: new SessionService(em),
            apiCredentials: new ApiCredentialService(em),
            signUp: mailer ? new SignUpService(em, mailer) : null,
            passwordReset: mailer ? new PasswordResetService(em, mailer) : null,
            // Taking events never judges an address, so production's rules are as good as any here.
            webhooks: new WebhookService(em, { production: true }),
            leaderNotices: (notices) => acceptLeaderNotices(em, notices),
          }),
        { recurring: route.recurring ?? false },
      );
    }
    if (reply.body === undefined) {
      res.writeHead(reply.status, { 'cache-control': 'no-store' });
      res.end();
    } else {
      sendJson(res, reply.status, reply.body);
    }
    return true;
  };
}
