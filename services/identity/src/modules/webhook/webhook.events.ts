import type { ApiScope } from '@waymark/auth';

/**
 * The events a trust's endpoint may ask for, the API scope an endpoint needs to receive each, and
 * the only fields its payload may carry: ids, kinds, dates and counts, never a name or anything
 * personal. Whatever else a subgraph sends is dropped here, before it is stored or signed.
 */
export const WEBHOOK_EVENTS = {
  'roster.import.committed': { scope: 'roster:write', fields: ['schoolId', 'importId', 'added', 'changed', 'markedLeft', 'transfersIn', 'rejected'] },
  'encounter.recorded': { scope: 'reports:read', fields: ['schoolId', 'encounterId', 'kind', 'date'] },
  // Per spell, and never for a leaver who opted out of sharing: which leaver, which spell, and when it was recorded for.
  'destination.recorded': { scope: 'reports:read', fields: ['schoolId', 'spellId', 'pupilId', 'leavingYear', 'source', 'confirmed'] },
  // One per side of a move, each to its own school's trust: the other school is named only when it is in the same trust.
  'pupil.transferred': { scope: 'reports:read', fields: ['schoolId', 'pupilId', 'direction', 'otherSchoolId', 'date'] },
  'pupil.pseudonymised': { scope: 'reports:read', fields: ['schoolId', 'pupilId'] },
} as const satisfies Record<string, { scope: ApiScope; fields: readonly string[] }>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && Object.hasOwn(WEBHOOK_EVENTS, value);
}

const SAFE_VALUE = (value: unknown): value is string | number | boolean =>
  (typeof value === 'string' && value.length <= 100) || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';

/** The event's data cut down to its catalogued fields (plain values only). */
export function allowedData(type: WebhookEventType, data: Record<string, unknown>): Record<string, string | number | boolean> {
  const kept: Record<string, string | number | boolean> = {};
  for (const field of WEBHOOK_EVENTS[type].fields) {
    const value = data[field];
    if (SAFE_VALUE(value)) kept[field] = value;
  }
  return kept;
}
