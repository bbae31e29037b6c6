import {
  DisableWebhookEndpointDocument,
  RegisterWebhookEndpointDocument,
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

export type WebhookEndpoint = NonNullable<WebhookEndpointsQuery['webhookEndpoints']>[number];
export type WebhookDelivery = NonNullable<WebhookDeliveriesQuery['webhookDeliveries']>[number];

/** The events an endpoint can ask for, with the scope each needs (docs/trust-api.md, "Webhooks"). */
export const EVENT_CHOICES = [
  { event: 'roster.import.committed', scope: 'roster:write', label: 'A roster import was committed', hint: 'the school, the import and its counts' },
  { event: 'encounter.recorded', scope: 'reports:read', label: 'An encounter was recorded', hint: 'the school, the encounter, its kind and date' },
] as const;
