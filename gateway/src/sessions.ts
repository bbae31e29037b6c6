import type { KeyUsage } from './developers/usage.js';
import { subgraphFetcher } from './subgraph-fetch.js';
import {
  CREDENTIAL_HEADER,
  rateDecisionOf,
  SYSTEM_PRINCIPAL,
  type CredentialSigner,
  type Principal,
  type RateAllowance,
  type RateDecision,
} from '@waymark/auth';

export const SESSION_COOKIE = 'waymark_session';
const CACHE_MAX = 10_000;

export const DEVICE_COOKIE = 'waymark_device';
/** A browser keeps its device cookie for a year; signing in renews it. */
export const DEVICE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** A sign-in whose password was right, waiting for its second factor. */
export const PENDING_COOKIE = 'waymark_pending';
export const PENDING_MAX_AGE_SECONDS = 5 * 60;

/** The password was right: next, a code from the person's app (`code`), or setting one up first (`enrol`, with its secret). */
export interface SecondFactorChallenge {
  step: 'code' | 'enrol';
  pendingToken: string;
  expiresAt: string;
  secret?: string;
  otpauthUri?: string;
}

export type SignInOutcome =
  | { ok: true; token: string; expiresAt: string; principal: Principal; recoveryCodes?: string[] }
  | { ok: false; secondFactor: SecondFactorChallenge }
  | { ok: false; status: number; message: string; retryAfterSeconds?: number; signInAgain?: boolean };

/** Where a sign-in attempt comes from, for identity's slowing of password guessing and the list of signed-in devices. */
export interface SignInOrigin {
  address: string;
  /** The browser's device cookie: sign-ins from a browser the owner used before are not slowed by other people's guesses. */
  device: string;
  userAgent: string;
}

/**
 * Talks to the identity subgraph's internal routes with the gateway's own (system) credential, and
 * keeps a short cache of resolved sessions so a page's burst of queries costs one lookup. API keys
 * are looked up on every request, never cached: revoking a key must stop it on the next request,
 * on every gateway replica.
 */
const NOT_AVAILABLE = 'Sign-in is not available right now. Try again shortly.';

export class IdentityClient {
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();
  private readonly base: string;
  /** Kept-alive connections, headers and body in one write (subgraph-fetch.ts): a key is looked up on every request it makes. */
  private readonly send: ReturnType<typeof subgraphFetcher>;

  constructor(
    identityGraphqlUrl: string,
    private readonly signer: CredentialSigner,
    timeoutMs: number,
    /** How long a resolved session is trusted without asking identity again. */
    private readonly cacheMs: number,
    /** Each API key's allowance (env.apiRateLimit), sent with every key lookup. */
    private readonly apiAllowance: RateAllowance,
  ) {
    this.base = new URL('/', identityGraphqlUrl).toString();
    this.send = subgraphFetcher(timeoutMs);
  }

  private async call(path: string, body: unknown): Promise<Response> {
    return this.send(new URL(path, this.base).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: await this.signer.credentialFor(SYSTEM_PRINCIPAL) },
      body: JSON.stringify(body),
    });
  }

  signIn(email: string, password: string, origin: SignInOrigin): Promise<SignInOutcome> {
    return this.signInStep('/internal/sign-in', { email, password, ...origin });
  }

  /** The second step of a sign-in: the code for the pending sign-in the first step started. */
  completeSecondFactor(pendingToken: string, code: string, origin: SignInOrigin): Promise<SignInOutcome> {
    return this.signInStep('/internal/second-factor', { pendingToken, code, ...origin });
  }

  private async signInStep(path: string, request: Record<string, unknown>): Promise<SignInOutcome> {
    // Identity down, or slower than the gateway waits (a class signing in at once): try again shortly.
    const response = await this.call(path, request).catch(() => null);
    if (!response) return { ok: false, status: 503, message: NOT_AVAILABLE };
    const body = (await response.json().catch(() => ({}))) as {
      token?: string;
      expiresAt?: string;
      principal?: Principal;
      recoveryCodes?: string[];
      secondFactor?: SecondFactorChallenge;
      error?: string;
      retryAfterSeconds?: number;
      signInAgain?: boolean;
    };
    if (response.ok && body.token && body.principal) {
      return {
        ok: true,
        token: body.token,
        expiresAt: body.expiresAt ?? '',
        principal: body.principal,
        ...(body.recoveryCodes ? { recoveryCodes: body.recoveryCodes } : {}),
      };
    }
    if (response.ok && body.secondFactor?.pendingToken) return { ok: false, secondFactor: body.secondFactor };
    if (response.status === 401)
      return { ok: false, status: 401, message: body.error ?? 'Email or password is not right.', signInAgain: body.signInAgain === true };
    if (response.status === 429) {
      const retryAfterSeconds = Math.max(1, Math.ceil(Number(body.retryAfterSeconds) || 1));
      return { ok: false, status: 429, message: body.error ?? 'Too many sign-in attempts. Wait a moment and try again.', retryAfterSeconds };
    }
    return { ok: false, status: 503, message: NOT_AVAILABLE };
  }

  /**
   * Passes a sign-up, email confirmation or password reset step to identity and hands back its
   * answer (status and JSON body) as it is; anything unexpected reads as not available.
   */
  async accountStep(path: string, request: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
    const unavailable = { status: 503, body: { error: 'This is not available right now. Try again shortly.' } };
    const response = await this.call(path, request).catch(() => null);
    if (!response) return unavailable;
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (body && typeof body === 'object' && [200, 400, 503].includes(response.status)) return { status: response.status, body };
    return unavailable;
  }

  /**
   * A signed-in volunteer's request to delete their account, with their password (docs/domain-rules.md,
   * "A volunteer deletes their account"): identity's answer as it is (200, 401, 403 or 429), anything
   * unexpected as not available. The session is forgotten here at once, as identity ends it.
   */
  async requestVolunteerErasure(token: string, password: string): Promise<{ status: number; body: Record<string, unknown> }> {
    this.cache.delete(`s:${token}`);
    const unavailable = { status: 503, body: { error: 'Deleting your account is not available right now. Try again shortly.' } };
    const response = await this.call('/internal/volunteer-erasure', { token, password }).catch(() => null);
    if (!response) return unavailable;
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (body && typeof body === 'object' && [200, 401, 403, 429].includes(response.status)) return { status: response.status, body };
    return unavailable;
  }

  async signOut(token: string): Promise<void> {
    this.cache.delete(`s:${token}`);
    await this.call('/internal/sign-out', { token }).catch(() => undefined);
  }

  resolveSession(token: string): Promise<Principal | null> {
    return this.cached(`s:${token}`, () => this.lookup('/internal/session', { token }));
  }

  /**
   * The integration a key belongs to and whether this request fits its allowance, which identity
   * takes from the key's one bucket whichever gateway replica asks; null for a key that is not valid.
   */
  async resolveApiKey(key: string): Promise<{ principal: Principal; rate: RateDecision } | null> {
    const response = await this.call('/internal/api-key', { key, rate: this.apiAllowance });
    if (response.status === 401) return null;
    if (!response.ok) throw new Error(`identity answered ${response.status}`);
    const body = (await response.json()) as { principal: Principal; rate?: unknown };
    const rate = rateDecisionOf(body.rate);
    if (!rate) throw new Error('identity gave no rate decision for the API key');
    return { principal: body.principal, rate };
  }

  /** Adds API keys' request and error counts to their totals (UsageCounter's flush). */
  async recordApiKeyUsage(usage: Map<string, KeyUsage>): Promise<void> {
    const entries = [...usage].map(([id, { requests, errors, lastUsedAt }]) => ({ id, requests, errors, lastUsedAt: lastUsedAt.toISOString() }));
    const response = await this.call('/internal/api-key-usage', { usage: entries });
    if (!response.ok) throw new Error(`identity answered ${response.status} to the API key usage`);
  }

  private async lookup(path: string, body: unknown): Promise<Principal | null> {
    const response = await this.call(path, body);
    if (response.status === 401) return null;
    if (!response.ok) throw new Error(`identity answered ${response.status}`);
    return ((await response.json()) as { principal: Principal }).principal;
  }

  private async cached(key: string, load: () => Promise<Principal | null>): Promise<Principal | null> {
    const hit = this.cache.get(key);
    const now = Date.now();
    if (hit && hit.until > now) return hit.principal;
    const principal = await load();
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    if (this.cacheMs > 0) this.cache.set(key, { principal, until: now + this.cacheMs });
    return principal;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The pending sign-in's cookie: only /auth/* sees it, and only same-site requests carry it. */
export function pendingCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${PENDING_COOKIE}=${encodeURIComponent(token)}`,
    'Path=/auth',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean, name = SESSION_COOKIE): string {
  return [`${name}=${encodeURIComponent(token)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}
