import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { isUuid } from '@waymark/subgraph-kit';
import { Account } from './account.entity.js';
import { visibleAccounts } from './account.access.js';

export class AccountService {
  constructor(private readonly em: EntityManager) {}

  /** The signed-in person's own account; null for API credentials, the gateway, or a disabled account. */
  async me(principal: Principal): Promise<Account | null> {
    if (principal.kind !== 'user' || !isUuid(principal.accountId)) return null;
    return this.em.findOne(Account, { id: principal.accountId, disabledAt: null });
  }

  /** The accounts among `ids` that the caller may read, in one statement. */
  async findVisible(principal: Principal, ids: readonly string[]): Promise<Account[]> {
    const visible = visibleAccounts(principal);
    const wanted = ids.filter(isUuid);
    if (!visible || wanted.length === 0) return [];
    return this.em.find(Account, { $and: [visible, { id: { $in: wanted } }] });
  }
}
