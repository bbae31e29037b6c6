import { batchedReference, withRequestBypass } from '@waymark/subgraph-kit';
import { visibleAccounts } from './account.access.js';
import { AccountService } from './account.service.js';

/**
 * `_entities` for Account: one statement per batch, only the caller's own account (any, for a
 * platform admin). The accounts are found under a named bypass and narrowed by `visibleAccounts`.
 */
export const resolveAccountReference = batchedReference(
  'Account',
  async (ids, ctx) =>
    visibleAccounts(ctx.principal)
      ? withRequestBypass(ctx, "Account references: the caller's own account (any account, for a platform admin)", (em) =>
          new AccountService(em).findVisible(ctx.principal, ids),
        )
      : [],
  (account) => account.id,
);
