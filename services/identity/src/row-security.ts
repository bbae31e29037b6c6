import { TENANT_SETTINGS, type TenantRule } from '@waymark/subgraph-kit';

/*
 * How the identity subgraph's rows belong to tenants (docs/security.md, "Row-level security"): the
 * database's own check behind the resolvers' access rules. Most of this subgraph's work happens
 * before anyone is known (the /internal/* routes: sign-in, sessions, sign-up, password resets, API
 * keys), and each of those runs under a named system access (routes.ts). A person's own account is
 * read under a named request bypass keyed by their own id (account.access.ts, `ownAccount`). The
 * migration that created these policies wrote them out as they were then; change a rule here only
 * with a new migration.
 */

const PUPILS = `string_to_array(nullif(current_setting('${TENANT_SETTINGS.pupils}', true), ''), ',')::uuid[]`;
const SCHOOLS_SET = `nullif(current_setting('${TENANT_SETTINGS.schools}', true), '') is not null`;

/**
 * An account: the staff of the school it belongs to (the parents they link, their colleagues), the
 * pupil whose account it is, and a parent's account to the staff of a linked child's current school
 * once the pupils subgraph has confirmed the child is theirs (a parent linked by the school the child
 * left). Only staff: one parent never sees another's account through a child they share. Everyone's
 * own account (a parent's, an analyst's, a data protection lead's) goes through `ownAccount`.
 */
export const ACCOUNT_RULE: TenantRule = { kind: 'pupil', trust: false, extra: [`"child_pupil_ids" && ${PUPILS} and ${SCHOOLS_SET}`] };

/**
 * An API key: a trust's own rows, with no school or pupil on them, visible to that trust's analysts.
 * The kit's `TenantRule` has no trust-only kind (each kind names a school or a pupil column), so the
 * policy is built here in the kit's shape: one policy `tenant` for every command, row-level security
 * forced on the owner too, lifted by the same `waymark.bypass` setting. Never change what this returns:
 * Migration20261206160712 created the policy from it.
 */
function trustOnlyConditionV1(): string {
  return `(current_setting('${TENANT_SETTINGS.bypass}', true) = 'on') or ("trust_id" = nullif(current_setting('${TENANT_SETTINGS.trust}', true), '')::uuid)`;
}

/** The trust-only policy as entity metadata, like the kit's `tenantPolicy`: `@Entity({ tableName, ...trustOnlyPolicy() })`. */
export function trustOnlyPolicy(): { policies: { name: string; command: 'all'; using: string; check: string }[]; rowLevelSecurity: 'force' } {
  const condition = trustOnlyConditionV1();
  return { policies: [{ name: 'tenant', command: 'all', using: condition, check: condition }], rowLevelSecurity: 'force' };
}

/** The trust-only policy's migration, in the same statements as the kit's `tenantPolicySqlV1`. */
export function trustOnlyPolicySqlV1(table: string): string[] {
  const condition = trustOnlyConditionV1();
  return [
    `alter table "${table}" enable row level security;`,
    `alter table "${table}" force row level security;`,
    `drop policy if exists "tenant" on "${table}";`,
    `create policy "tenant" on "${table}" for all using (${condition}) with check (${condition});`,
  ];
}
