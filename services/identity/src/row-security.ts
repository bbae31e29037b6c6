import { TENANT_SETTINGS, TENANT_SQL, type TenantRule } from '@waymark/subgraph-kit';

/*
 * How the identity subgraph's rows belong to tenants (docs/security.md, "Row-level security"): the
 * database's own check behind the resolvers' access rules. Most of this subgraph's work happens
 * before anyone is known (the /internal/* routes: sign-in, sessions, sign-up, password resets, API
 * keys), and each of those runs under a named system access (routes.ts). A person's own account is
 * read under a named request bypass keyed by their own id (account.access.ts, `ownAccount`). The
 * migration that created these policies wrote them out as they were then; change a rule here only
 * with a new migration.
 */

const SCHOOLS_SET = `(select nullif(current_setting('${TENANT_SETTINGS.schools}', true), '') as "nullif") is not null`;

/**
 * An account: the staff of the school it belongs to (the parents they link, their colleagues), the
 * pupil whose account it is, a parent's account to the staff of a linked child's current school
 * once the pupils subgraph has confirmed the child is theirs (a parent linked by the school the child
 * left), and a trust analyst's account to the analysts of the same trust (who grant each other
 * pupil-level access). Only staff: one parent never sees another's account through a child they
 * share; an analyst sees no account of a school, pupil or parent. Everyone else's own account (a
 * parent's, a data protection lead's) goes through `ownAccount`.
 */
export const ACCOUNT_RULE: TenantRule = {
  kind: 'pupil',
  trust: false,
  extra: [`"child_pupil_ids" && ${TENANT_SQL.pupils} and ${SCHOOLS_SET}`, `"trust_id" = ${TENANT_SQL.trust} and 'trust_analyst' = any("roles")`],
};

/**
 * An API key: a trust's own rows, with no school or pupil on them, visible to that trust's analysts
 * (the kit's `trust` rule). Migration20261206160712 first created this policy with the SQL below,
 * written before the kit had that rule; never change what it returns.
 */
function trustOnlyConditionV1(): string {
  return `(current_setting('${TENANT_SETTINGS.bypass}', true) = 'on') or ("trust_id" = nullif(current_setting('${TENANT_SETTINGS.trust}', true), '')::uuid)`;
}

/** The trust-only policy's first migration, in the same statements as the kit's `tenantPolicySqlV1`. */
export function trustOnlyPolicySqlV1(table: string): string[] {
  const condition = trustOnlyConditionV1();
  return [
    `alter table "${table}" enable row level security;`,
    `alter table "${table}" force row level security;`,
    `drop policy if exists "tenant" on "${table}";`,
    `create policy "tenant" on "${table}" for all using (${condition}) with check (${condition});`,
  ];
}
