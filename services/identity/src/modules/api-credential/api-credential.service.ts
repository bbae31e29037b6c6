import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { API_SCOPES, hashToken, newToken, type Principal, type RateAllowance, type RateDecision } from '@waymark/auth';
import { FieldError, isUuid } from '@waymark/subgraph-kit';
import { ApiCredential } from './api-credential.entity.js';
import { managedTrust } from './api-credential.access.js';
import { ApiCredentialErrors } from './api-credential.errors.js';
import { CreateApiCredentialResult, RevokeApiCredentialResult, type CreateApiCredentialInput } from './api-credential.inputs.js';
import { apiPrincipalOf } from './api-credential.principal.js';

const MAX_NAME_LENGTH = 100;
/** `wm_<credential id>_<43 base64url characters>`. */
const KEY_PATTERN = /^wm_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/;
/** Keys used within this long are not written again: an integration may call many times a second. */
const TOUCH_AFTER_MS = 60 * 1000;

function fieldError(field: string, message: string): FieldError {
  return Object.assign(new FieldError(), { field, message });
}

export class ApiCredentialService {
  constructor(private readonly em: EntityManager) {}

  list(principal: Principal): Promise<ApiCredential[]> {
    const trustId = managedTrust(principal);
    return this.em.find(ApiCredential, { trustId }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  }

  async create(principal: Principal, input: CreateApiCredentialInput, now = new Date()): Promise<CreateApiCredentialResult> {
    const trustId = managedTrust(principal);
    const name = input.name.trim();
    const scopes = [...new Set(input.scopes)];
    const problems: FieldError[] = [];
    if (!name) problems.push(fieldError('name', 'Give the credential a name.'));
    if (name.length > MAX_NAME_LENGTH) problems.push(fieldError('name', `Keep the name to ${MAX_NAME_LENGTH} characters.`));
    if (scopes.length === 0) problems.push(fieldError('scopes', 'Choose at least one scope.'));
    const unknown = scopes.filter((scope) => !(API_SCOPES as readonly string[]).includes(scope));
    if (unknown.length > 0) problems.push(fieldError('scopes', `Unknown scope ${unknown.join(', ')}. Choose from ${API_SCOPES.join(', ')}.`));
    if (problems.length > 0)
      return Object.assign(new CreateApiCredentialResult(), { credential: null, secret: null, error: ApiCredentialErrors.invalid(problems) });

    const id = randomUUID();
    const secret = `wm_${id}_${newToken()}`;
    const credential = this.em.create(ApiCredential, {
      id,
      trustId,
      name,
      secretHash: hashToken(secret),
      scopes,
      createdAt: now,
      createdById: isUuid(principal.accountId) ? principal.accountId : null,
    });
    await this.em.flush();
    return Object.assign(new CreateApiCredentialResult(), { credential, secret, error: null });
  }

  /** Revoking twice keeps the first time; another trust's credential reads as not found. */
  async revoke(principal: Principal, id: string, now = new Date()): Promise<RevokeApiCredentialResult> {
    const trustId = managedTrust(principal);
    const credential = isUuid(id) ? await this.em.findOne(ApiCredential, { id, trustId }) : null;
    if (!credential) return Object.assign(new RevokeApiCredentialResult(), { credential: null, error: ApiCredentialErrors.notFound() });
    credential.revokedAt ??= now;
    await this.em.flush();
    return Object.assign(new RevokeApiCredentialResult(), { credential, error: null });
  }

  /**
   * Adds the gateways' counts to each key's totals, in one statement (added, never set, so
   * every gateway replica's counts land). Unknown ids are ignored; last used only moves forwards.
   */
  async addUsage(entries: readonly { id: string; requests: number; errors: number; lastUsedAt: Date }[]): Promise<void> {
    const rows = entries.map(({ id, requests, errors, lastUsedAt }) => ({ id, requests, errors, last_used_at: lastUsedAt.toISOString() }));
    if (rows.length === 0) return;
    await this.em.execute(
      `update api_credential c set request_count = c.request_count + u.requests, error_count = c.error_count + u.errors,
         last_used_at = greatest(coalesce(c.last_used_at, u.last_used_at), u.last_used_at)
       from jsonb_to_recordset(?::jsonb) as u(id uuid, requests int, errors int, last_used_at timestamptz) where c.id = u.id`,
      [JSON.stringify(rows)],
      'run',
    );
  }

  /**
   * The integration a key belongs to, and, when the gateway sends its allowance, whether this
   * request fits it (one taken from the key's bucket if so); null when the key is malformed, unknown
   * or revoked.
   */
  async resolveKey(key: string, allowance: RateAllowance | null = null, now = new Date()): Promise<{ principal: Principal; rate: RateDecision } | null> {
    if (!KEY_PATTERN.test(key)) return null;
    // With an allowance, one statement finds the key and takes from its bucket (the gateway's case, every request).
    if (allowance) return this.findAndTake(hashToken(key), allowance, now);
    const credential = await this.em.findOne(ApiCredential, { secretHash: hashToken(key), revokedAt: null });
    if (!credential) return null;
    if (!credential.lastUsedAt || now.getTime() - credential.lastUsedAt.getTime() >= TOUCH_AFTER_MS) {
      credential.lastUsedAt = now;
      await this.em.flush();
    }
    return { principal: apiPrincipalOf(credential), rate: { allowed: true } };
  }

  /**
   * Finds the live key with this secret hash and takes one request from its token bucket, in one
   * statement: the row lock makes requests through any number of gateway replicas take turns, so
   * together they never exceed the allowance (a key revoked meanwhile is read again under the lock,
   * and not found). The bucket refills at `perMinute` a minute up to `burst`; a key with less than
   * one request left is refused with the whole seconds until it has one. The key's last use is noted
   * in the same write.
   */
  private async findAndTake(secretHash: string, allowance: RateAllowance, now: Date): Promise<{ principal: Principal; rate: RateDecision } | null> {
    const perSecond = allowance.perMinute / 60;
    const at = now.toISOString();
    const [row] = await this.em.execute<{ id: string; trust_id: string; name: string; scopes: string[]; tokens: number }[]>(
      `with bucket as (
         select id, least(?::float8, coalesce(rate_tokens, ?::float8)
                  + greatest(0, extract(epoch from (?::timestamptz - coalesce(rate_at, ?::timestamptz))))::float8 * ?::float8) as tokens
           from api_credential where secret_hash = ? and revoked_at is null for update
       )
       update api_credential c
          set rate_tokens = case when bucket.tokens >= 1 then bucket.tokens - 1 else bucket.tokens end,
              rate_at = greatest(coalesce(c.rate_at, ?::timestamptz), ?::timestamptz),
              last_used_at = greatest(coalesce(c.last_used_at, ?::timestamptz), ?::timestamptz)
         from bucket where c.id = bucket.id
       returning c.id, c.trust_id, c.name, c.scopes, bucket.tokens as tokens`,
      [allowance.burst, allowance.burst, at, at, perSecond, secretHash, at, at, at, at],
      'all',
    );
    if (!row) return null;
    const principal = apiPrincipalOf({ id: row.id, trustId: row.trust_id, name: row.name, scopes: row.scopes });
    const tokens = Number(row.tokens);
    if (tokens >= 1) return { principal, rate: { allowed: true } };
    // Rounded up to whole seconds; the small allowance keeps 60.000000001 from reading as 61.
    return { principal, rate: { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perSecond - 1e-6)) } };
  }
}
