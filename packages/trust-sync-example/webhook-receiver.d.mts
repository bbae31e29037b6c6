import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const TOLERANCE_SECONDS: number;

export interface WebhookEvent {
  id: string;
  type: string;
  trustId: string;
  occurredAt: string;
  data: Record<string, string | number | boolean>;
}

export declare function verifyWebhook(input: {
  secret: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  now?: Date;
  toleranceSeconds?: number;
}): { ok: true; event: WebhookEvent } | { ok: false; reason: string };

export declare function webhookHandler(options: {
  secret: string;
  onEvent: (event: WebhookEvent) => unknown;
  seen?: Set<string>;
  now?: () => Date;
}): (req: IncomingMessage, res: ServerResponse) => void;
