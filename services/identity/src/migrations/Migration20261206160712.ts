import { Migration } from '@mikro-orm/migrations';
import { appRoleSqlV1, tenantPolicySqlV1, type TenantRule } from '@waymark/subgraph-kit';
import { trustOnlyPolicySqlV1 } from '../row-security.js';

/**
 * Row-level security (docs/security.md, "Row-level security"): the application role, and the tenant
 * policy on the two tables holding a school's, a trust's or a pupil's rows. The account rule is
 * written out here as it was when this ran (src/row-security.ts has the one the entity declares).
 */
const PUPILS = `string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[]`;
const SCHOOLS_SET = `nullif(current_setting('waymark.schools', true), '') is not null`;
const ACCOUNT: TenantRule = { kind: 'pupil', trust: false, extra: [`"child_pupil_ids" && ${PUPILS} and ${SCHOOLS_SET}`] };

export class Migration20261206160712 extends Migration {
  override name = 'Migration20261206160712';

  override up(): void {
    for (const sql of appRoleSqlV1()) this.addSql(sql);
    for (const sql of tenantPolicySqlV1('account', ACCOUNT)) this.addSql(sql);
    for (const sql of trustOnlyPolicySqlV1('api_credential')) this.addSql(sql);
  }
}
