import {
  DataProtectionLeadsDocument,
  GrantDataProtectionLeadDocument,
  RemoveDataProtectionLeadDocument,
  type DataProtectionLeadsQuery,
} from '../../../gql/graphql';

// The documents are in dataProtectionLeads.graphql; these are their typed texts (frontends/README.md).
export const DATA_PROTECTION_LEADS_QUERY = DataProtectionLeadsDocument.toString();
export const GRANT_DATA_PROTECTION_LEAD_MUTATION = GrantDataProtectionLeadDocument.toString();
export const REMOVE_DATA_PROTECTION_LEAD_MUTATION = RemoveDataProtectionLeadDocument.toString();

export type DataProtectionLead = NonNullable<DataProtectionLeadsQuery['dataProtectionLeads']>[number];
