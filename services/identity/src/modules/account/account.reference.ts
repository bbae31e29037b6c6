import { batchedReference } from '@waymark/subgraph-kit';
import { AccountService } from './account.service.js';

/** `_entities` for Account: one statement per batch, only the caller's own account. */
export const resolveAccountReference = batchedReference(
  'Account',
  (ids, ctx) => new AccountService(ctx.em).findVisible(ctx.principal, ids),
  (account) => account.id,
);
