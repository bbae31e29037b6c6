import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { API_SCOPES, newToken, type Principal } from '@waymark/auth';
import { FieldError, isUuid } from '@waymark/subgraph-kit';
import { ApiCredential } from '../api-credential/api-credential.entity.js';
import { managedTrust } from '../api-credential/api-credential.access.js';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint, type WebhookEvent } from './webhook.entity.js';
import { WebhookErrors } from './webhook.errors.js';
import { allowedData, isWebhookEventType, WEBHOOK_EVENT_TYPES, WEBHOOK_EVENTS } from './webhook.events.js';
import { WebhookEndpointResult, WebhookEndpointSecretResult, type RegisterWebhookEndpointInput } from './webhook.inputs.js';
import { checkWebhookUrl, type Resolve } from './webhook.url.js';

/** How the service judges addresses: production's rules, and who answers DNS (tests play it). */
export interface WebhookSettings {
  production: boolean;
  resolve?: Resolve;
}

const MAX_ENDPOINTS_PER_TRUST = 20;
const MAX_DELIVERIES_LISTED = 100;

function fieldError(field: string, message: string): FieldError {
  return Object.assign(new FieldError(), { field, message });
}

/** `whsec_` and 43 base64url characters (32 random bytes). */
const newSecret = () => `whsec_${newToken()}`;

/** The scopes an endpoint has now: its API key's while that key works, else its own. */
export async function effectiveScopes(em: EntityManager, endpoint: Pick<WebhookEndpoint, 'apiCredentialId' | 'scopes' | 'trustId'>): Promise<string[]> {
  if (!endpoint.apiCredentialId) return endpoint.scopes;
  const credential = await em.findOne(ApiCredential, { id: endpoint.apiCredentialId, trustId: endpoint.trustId, revokedAt: null });
  return credential?.scopes ?? [];
}

export function mayReceive(type: string, scopes: readonly string[]): boolean {
  return isWebhookEventType(type) && scopes.includes(WEBHOOK_EVENTS[type].scope);
}

/** An event as a subgraph reports it (through the gateway's relay). */
export interface ReportedEvent {
  id: string;
  trustId: string;
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

export class WebhookService {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: WebhookSettings,
  ) {}

  list(principal: Principal): Promise<WebhookEndpoint[]> {
    const trustId = managedTrust(principal);
    return this.em.find(WebhookEndpoint, { trustId }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  }

  private async own(principal: Principal, id: string): Promise<WebhookEndpoint | null> {
    const trustId = managedTrust(principal);
    return isUuid(id) ? this.em.findOne(WebhookEndpoint, { id, trustId }) : null;
  }

  async register(principal: Principal, input: RegisterWebhookEndpointInput, now = new Date()): Promise<WebhookEndpointSecretResult> {
    const trustId = managedTrust(principal);
    const events = [...new Set(input.events)];
    const ownScopes = [...new Set(input.scopes ?? [])];
    const problems: FieldError[] = [];
    const invalid = () => Object.assign(new WebhookEndpointSecretResult(), { endpoint: null, secret: null, error: WebhookErrors.invalid(problems) });

    const url = await checkWebhookUrl(input.url.trim(), this.settings);
    if (!url.ok) problems.push(fieldError('url', url.reason));
    if (events.length === 0) problems.push(fieldError('events', 'Choose at least one event.'));
    const unknownEvents = events.filter((event) => !isWebhookEventType(event));
    if (unknownEvents.length > 0)
      problems.push(fieldError('events', `Unknown event ${unknownEvents.join(', ')}. Choose from ${WEBHOOK_EVENT_TYPES.join(', ')}.`));

    let scopes: string[] = ownScopes;
    const credentialId = input.apiCredentialId ?? null;
    if (credentialId) {
      if (ownScopes.length > 0) problems.push(fieldError('scopes', 'Give the endpoint its own scopes or an API key to act as, not both.'));
      const credential = isUuid(credentialId) ? await this.em.findOne(ApiCredential, { id: credentialId, trustId, revokedAt: null }) : null;
      if (!credential) problems.push(fieldError('apiCredentialId', 'There is no working API key with that id for your trust.'));
      scopes = credential?.scopes ?? [];
    } else {
      if (ownScopes.length === 0) problems.push(fieldError('scopes', 'Choose at least one scope, or an API key to act as.'));
      const unknown = ownScopes.filter((scope) => !(API_SCOPES as readonly string[]).includes(scope));
      if (unknown.length > 0) problems.push(fieldError('scopes', `Unknown scope ${unknown.join(', ')}. Choose from ${API_SCOPES.join(', ')}.`));
    }
    if (problems.length > 0) return invalid();
    const beyond = events.filter((event) => !mayReceive(event, scopes));
    if (beyond.length > 0) {
      const needs = beyond.map((event) => `${event} needs ${isWebhookEventType(event) ? WEBHOOK_EVENTS[event].scope : '?'}`).join('; ');
      problems.push(fieldError('events', `These events need a scope the endpoint does not have: ${needs}.`));
      return invalid();
    }
    if ((await this.em.count(WebhookEndpoint, { trustId })) >= MAX_ENDPOINTS_PER_TRUST) {
      problems.push(fieldError('url', `A trust can have at most ${MAX_ENDPOINTS_PER_TRUST} webhook endpoints. Delete one you no longer use.`));
      return invalid();
    }

    const secret = newSecret();
    const endpoint = this.em.create(WebhookEndpoint, {
      id: randomUUID(),
      trustId,
      url: url.ok ? url.url.href : '',
      events,
      scopes: credentialId ? [] : ownScopes,
      apiCredentialId: credentialId,
      secret,
      createdAt: now,
      createdById: isUuid(principal.accountId) ? principal.accountId : null,
    });
    await this.em.flush();
    return Object.assign(new WebhookEndpointSecretResult(), { endpoint, secret, error: null });
  }

  /** Turns an endpoint off (once; the first time is kept) and cancels what was still waiting for it. */
  async disable(principal: Principal, id: string, now = new Date()): Promise<WebhookEndpointResult> {
    const endpoint = await this.own(principal, id);
    if (!endpoint) return Object.assign(new WebhookEndpointResult(), { endpoint: null, error: WebhookErrors.notFound() });
    endpoint.disabledAt ??= now;
    await this.em.flush();
    await this.em.nativeUpdate(
      WebhookDelivery,
      { endpointId: endpoint.id, status: WebhookDeliveryStatus.PENDING },
      { status: WebhookDeliveryStatus.CANCELLED, nextAttemptAt: null },
    );
    return Object.assign(new WebhookEndpointResult(), { endpoint, error: null });
  }

  /** Deletes an endpoint and its delivery history. */
  async delete(principal: Principal, id: string): Promise<WebhookEndpointResult> {
    const endpoint = await this.own(principal, id);
    if (!endpoint) return Object.assign(new WebhookEndpointResult(), { endpoint: null, error: WebhookErrors.notFound() });
    await this.em.nativeDelete(WebhookDelivery, { endpointId: endpoint.id });
    await this.em.nativeDelete(WebhookEndpoint, { id: endpoint.id });
    return Object.assign(new WebhookEndpointResult(), { endpoint, error: null });
  }

  /** A new signing secret, shown once; the old one stops being used at once (deliveries still waiting are signed with the new one). */
  async rotateSecret(principal: Principal, id: string): Promise<WebhookEndpointSecretResult> {
    const endpoint = await this.own(principal, id);
    if (!endpoint) return Object.assign(new WebhookEndpointSecretResult(), { endpoint: null, secret: null, error: WebhookErrors.notFound() });
    const secret = newSecret();
    endpoint.secret = secret;
    await this.em.flush();
    return Object.assign(new WebhookEndpointSecretResult(), { endpoint, secret, error: null });
  }

  /** An endpoint's most recent deliveries, newest first; null for an endpoint that is not the caller's trust's. */
  async deliveries(principal: Principal, endpointId: string, first: number): Promise<WebhookDelivery[] | null> {
    const endpoint = await this.own(principal, endpointId);
    if (!endpoint) return null;
    return this.em.find(
      WebhookDelivery,
      { endpointId: endpoint.id, trustId: endpoint.trustId },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: Math.max(1, Math.min(first, MAX_DELIVERIES_LISTED)) },
    );
  }

  /**
   * Takes events the subgraphs reported, each once by its id (a second report of the same id,
   * after a lost answer, changes nothing), and in the same transaction makes one delivery per
   * endpoint of the event's trust that asked for its type and has the scope it needs. Only the
   * catalogued fields of each event are kept. Answers how many were new.
   */
  async accept(events: readonly ReportedEvent[], now = new Date()): Promise<number> {
    let fresh = 0;
    for (const event of events) {
      if (!isWebhookEventType(event.type)) continue;
      const inserted = await this.em.execute<{ id: string }[]>(
        `insert into webhook_event (id, trust_id, type, data, occurred_at, received_at) values (?, ?, ?, ?, ?, ?)
         on conflict (id) do nothing returning id`,
        [event.id, event.trustId, event.type, JSON.stringify(allowedData(event.type, event.data)), event.occurredAt, now],
      );
      if (inserted.length === 0) continue;
      fresh += 1;
      const endpoints = await this.em.find(WebhookEndpoint, { trustId: event.trustId, disabledAt: null });
      for (const endpoint of endpoints) {
        if (!endpoint.events.includes(event.type) || !mayReceive(event.type, await effectiveScopes(this.em, endpoint))) continue;
        await this.em.execute(
          `insert into webhook_delivery (id, trust_id, endpoint_id, event_id, event_type, status, attempts, next_attempt_at, created_at)
           values (?, ?, ?, ?, ?, ?, 0, ?, ?) on conflict (endpoint_id, event_id) do nothing`,
          [randomUUID(), event.trustId, endpoint.id, event.id, event.type, WebhookDeliveryStatus.PENDING, now, now],
          'run',
        );
      }
    }
    return fresh;
  }
}

/** The body every attempt of an event sends: the same bytes each time. */
export function deliveryBody(event: Pick<WebhookEvent, 'id' | 'type' | 'trustId' | 'occurredAt' | 'data'>): string {
  return JSON.stringify({ id: event.id, type: event.type, trustId: event.trustId, occurredAt: event.occurredAt.toISOString(), data: event.data });
}
