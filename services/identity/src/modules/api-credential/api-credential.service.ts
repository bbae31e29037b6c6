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
   * The integration a key belongs to, with one request taken from its token bucket when the gateway
   * sends the key's allowance, in one statement (`api_key_take`, Migration20261207200447): the row
   * lock makes requests through any number of gateway replicas take turns, so together they never
   * exceed the allowance, and a key revoked meanwhile is read again under the lock and not found. The
   * bucket refills at `perMinute` a minute up to `burst`; a key with less than one request left is
   * refused with the whole seconds until it has one. The key's last use is noted in the same write.
   * Null for a key that is not valid. The function lifts the tenant check for its statement alone
   * (a key is looked up before anyone is known), so this needs no transaction around it.
   */
  async resolveKey(key: string, allowance: RateAllowance | null = null, now = new Date()): Promise<{ principal: Principal; rate: RateDecision } | null> {
    if (!KEY_PATTERN.test(key)) return null;
    const perSecond = allowance ? allowance.perMinute / 60 : null;
    const [row] = await this.em.execute<{ key_id: string; key_trust_id: string; key_name: string; key_scopes: string[]; key_tokens: number | null }[]>(
      'select * from api_key_take(?, ?, ?, ?)',
      [hashToken(key), allowance?.burst ?? null, perSecond, now.toISOString()],
      'all',
    );
    if (!row) return null;
    const principal = apiPrincipalOf({ id: row.key_id, trustId: row.key_trust_id, name: row.key_name, scopes: row.key_scopes });
    if (row.key_tokens === null || perSecond === null) return { principal, rate: { allowed: true } };
    const tokens = Number(row.key_tokens);
    if (tokens >= 1) return { principal, rate: { allowed: true } };
    // Rounded up to whole seconds; the small allowance keeps 60.000000001 from reading as 61.
    return { principal, rate: { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perSecond - 1e-6)) } };
  }
}
