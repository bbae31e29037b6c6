import { Migration } from '@mikro-orm/migrations';
import { appRoleSqlV1, tenantPolicySqlV2, type TenantRule } from '@waymark/subgraph-kit';

/**
 * Row-level security (docs/security.md, "Row-level security"): the application role, and the tenant
 * policy on every table holding a school's or a pupil's rows. The rules are written out here as they
 * were when this ran (src/row-security.ts has the ones the entities declare).
 */
const SCHOOLS = `string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[]`;
const TRUST = `nullif(current_setting('waymark.trust', true), '')::uuid`;

const history = (table: string): TenantRule => ({
  kind: 'pupil',
  trust: true,
  extra: [`exists (select 1 from "pupil" "p" where "p"."id" = "${table}"."pupil_id" and ("p"."school_id" = any(${SCHOOLS}) or "p"."trust_id" = ${TRUST}))`],
});

const TABLES: [string, TenantRule, { readableByAll?: boolean; appendableByAll?: boolean }?][] = [
  ['school', { kind: 'staff', trust: true, schoolColumn: 'id' }, { readableByAll: true }],
  [
    'pupil',
    {
      kind: 'pupil',
      trust: true,
      pupilColumn: 'id',
      extra: [`exists (select 1 from "enrolment" "e" where "e"."pupil_id" = "pupil"."id" and ("e"."school_id" = any(${SCHOOLS}) or "e"."trust_id" = ${TRUST}))`],
    },
  ],
  ['enrolment', { kind: 'pupil', trust: true, extra: [`"current_school_id" = any(${SCHOOLS})`, `"current_trust_id" = ${TRUST}`] }],
  ['flag_change', history('flag_change')],
  ['record_comment', history('record_comment')],
  ['year_rollover', { kind: 'staff', trust: true }],
  ['roster_import', { kind: 'staff', trust: true }],
  ['roster_column_mapping', { kind: 'staff', trust: false }],
  ['audit_event', { kind: 'pupil', trust: true }, { appendableByAll: true }],
];

export class Migration20261206163000 extends Migration {
  override up(): void {
    // A pupil's rule reads enrolment, so enrolment's may not read pupil: each enrolment row carries its
    // pupil's current school and trust instead, kept by two triggers.
    this.addSql(`alter table "enrolment" add column "current_school_id" uuid null, add column "current_trust_id" uuid null;`);
    this.addSql(`update "enrolment" "e" set "current_school_id" = "p"."school_id", "current_trust_id" = "p"."trust_id" from "pupil" "p" where "p"."id" = "e"."pupil_id";`);
    this.addSql(`create or replace function "enrolment_current_school"() returns trigger language plpgsql as $$
begin
  select "p"."school_id", "p"."trust_id" into new."current_school_id", new."current_trust_id" from "pupil" "p" where "p"."id" = new."pupil_id";
  return new;
end $$;`);
    this.addSql(`create trigger "enrolment_current_school" before insert on "enrolment" for each row execute function "enrolment_current_school"();`);
    this.addSql(`create or replace function "pupil_moves_enrolments"() returns trigger language plpgsql as $$
begin
  update "enrolment" set "current_school_id" = new."school_id", "current_trust_id" = new."trust_id" where "pupil_id" = new."id";
  return null;
end $$;`);
    this.addSql(`create trigger "pupil_moves_enrolments" after update of "school_id", "trust_id" on "pupil" for each row when (old."school_id" is distinct from new."school_id" or old."trust_id" is distinct from new."trust_id") execute function "pupil_moves_enrolments"();`);
    for (const sql of appRoleSqlV1()) this.addSql(sql);
    for (const [table, rule, openings] of TABLES) for (const sql of tenantPolicySqlV2(table, rule, openings)) this.addSql(sql);
  }
}
