import {
  DeleteWebhookEndpointDocument,
  DisableWebhookEndpointDocument,
  RegisterWebhookEndpointDocument,
  RotateWebhookSecretDocument,
  WebhookDeliveriesDocument,
  WebhookEndpointsDocument,
  type WebhookDeliveriesQuery,
  type WebhookEndpointsQuery,
} from '../../../gql/graphql';

// The documents are in webhooks.graphql; these are their typed texts (frontends/README.md).
export const WEBHOOK_ENDPOINTS_QUERY = WebhookEndpointsDocument.toString();
export const WEBHOOK_DELIVERIES_QUERY = WebhookDeliveriesDocument.toString();
export const REGISTER_WEBHOOK_ENDPOINT_MUTATION = RegisterWebhookEndpointDocument.toString();
export const DISABLE_WEBHOOK_ENDPOINT_MUTATION = DisableWebhookEndpointDocument.toString();
export const DELETE_WEBHOOK_ENDPOINT_MUTATION = DeleteWebhookEndpointDocument.toString();
export const ROTATE_WEBHOOK_SECRET_MUTATION = RotateWebhookSecretDocument.toString();

export type WebhookEndpoint = NonNullable<WebhookEndpointsQuery['webhookEndpoints']>[number];
export type WebhookDelivery = NonNullable<WebhookDeliveriesQuery['webhookDeliveries']>[number];

/** The events an endpoint can ask for, with the scope each needs (docs/trust-api.md, "Webhooks"). */
export const EVENT_CHOICES = [
  { event: 'roster.import.committed', scope: 'roster:write', label: 'A roster import was committed', hint: 'the school, the import and its counts' },
  { event: 'encounter.recorded', scope: 'reports:read', label: 'An encounter was recorded', hint: 'the school, the encounter, its kind and date' },
  {
    event: 'destination.recorded',
    scope: 'reports:read',
    label: "A leaver's destination was recorded",
    hint: 'the school, the leaver, the spell, their leaving year and who recorded it (staff, a confirmation or the leaver)',
  },
  {
    event: 'pupil.transferred',
    scope: 'reports:read',
    label: 'A pupil moved school',
    hint: "the school, the pupil, whether they joined or left, and the other school only when it is one of your trust's",
  },
  { event: 'pupil.pseudonymised', scope: 'reports:read', label: "A leaver's details were removed", hint: 'the school and the pupil' },
] as const;
