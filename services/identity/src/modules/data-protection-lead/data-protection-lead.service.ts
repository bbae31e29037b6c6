import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { isUuid } from '@waymark/subgraph-kit';
import { Account } from '../account/account.entity.js';
import { normaliseEmail } from '../account/account.principal.js';
import { DATA_PROTECTION_LEAD, isStaffAccountOf, namingSchool } from './data-protection-lead.access.js';
import { DataProtectionLeadErrors } from './data-protection-lead.errors.js';
import {
  DataProtectionLead,
  GrantDataProtectionLeadResult,
  RemoveDataProtectionLeadResult,
  type GrantDataProtectionLeadInput,
  type RemoveDataProtectionLeadInput,
} from './data-protection-lead.types.js';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;

function leadOf(account: Account, principal: Principal): DataProtectionLead {
  return Object.assign(new DataProtectionLead(), {
    accountId: account.id,
    displayName: account.displayName,
    email: account.email,
    you: account.id === principal.accountId,
  });
}

/**
 * A careers leader names the school's data protection leads among its staff accounts, and takes the
 * role away. Every read is of the caller's own school (and the database's tenant check shows no
 * other school's accounts). Taking the role away locks nothing out: the careers leader's own role
 * carries the same powers, so a school always has someone who can read its log and export data.
 */
export class DataProtectionLeadService {
  constructor(private readonly em: EntityManager) {}

  async list(principal: Principal): Promise<DataProtectionLead[]> {
    const schoolId = namingSchool(principal);
    const accounts = await this.em.find(
      Account,
      { schoolId, roles: { $contains: [DATA_PROTECTION_LEAD] }, disabledAt: null },
      { orderBy: { displayName: 'asc', id: 'asc' } },
    );
    return accounts.filter((account) => isStaffAccountOf(account, schoolId)).map((account) => leadOf(account, principal));
  }

  async grant(principal: Principal, input: GrantDataProtectionLeadInput): Promise<GrantDataProtectionLeadResult> {
    const schoolId = namingSchool(principal);
    const failed = (error: GrantDataProtectionLeadResult['error']) => Object.assign(new GrantDataProtectionLeadResult(), { lead: null, error });
    const email = normaliseEmail(input.email);
    if (!EMAIL_PATTERN.test(email) || email.length > MAX_EMAIL_LENGTH) return failed(DataProtectionLeadErrors.invalidEmail());
    const account = await this.em.findOne(Account, { email, schoolId });
    if (!account || !isStaffAccountOf(account, schoolId)) return failed(DataProtectionLeadErrors.staffNotFound());
    if (account.roles.includes(DATA_PROTECTION_LEAD)) return failed(DataProtectionLeadErrors.alreadyLead(account.displayName));
    account.roles = [...account.roles, DATA_PROTECTION_LEAD];
    await this.em.flush();
    return Object.assign(new GrantDataProtectionLeadResult(), { lead: leadOf(account, principal), error: null });
  }

  async remove(principal: Principal, input: RemoveDataProtectionLeadInput): Promise<RemoveDataProtectionLeadResult> {
    const schoolId = namingSchool(principal);
    const account = isUuid(input.accountId) ? await this.em.findOne(Account, { id: input.accountId.toLowerCase(), schoolId }) : null;
    if (!account || !isStaffAccountOf(account, schoolId) || !account.roles.includes(DATA_PROTECTION_LEAD))
      return Object.assign(new RemoveDataProtectionLeadResult(), { accountId: null, error: DataProtectionLeadErrors.notFound() });
    account.roles = account.roles.filter((role) => role !== DATA_PROTECTION_LEAD);
    await this.em.flush();
    return Object.assign(new RemoveDataProtectionLeadResult(), { accountId: account.id, error: null });
  }
}
