import { mutationError, type FieldError, type MutationError } from '@waymark/subgraph-kit';

export enum WebhookErrorCode {
  InvalidInput = 'WEBHOOK_INVALID',
  NotFound = 'WEBHOOK_NOT_FOUND',
}

export const WebhookErrors = {
  invalid(fields: FieldError[]): MutationError {
    return mutationError(WebhookErrorCode.InvalidInput, 'Some of the details need changing.', fields);
  },
  notFound(): MutationError {
    return mutationError(WebhookErrorCode.NotFound, 'There is no webhook endpoint with that id for your trust.');
  },
};
