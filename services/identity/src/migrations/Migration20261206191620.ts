import { Migration } from '@mikro-orm/migrations';

export class Migration20261206191620 extends Migration {

  override name = 'Migration20261206191620';

  override up(): void | Promise<void> {
    this.addSql(`create table "pupil_level_access_change" ("id" uuid not null, "trust_id" uuid not null, "account_id" uuid not null, "granted" boolean not null, "changed_by_id" uuid not null, "changed_by_name" varchar(255) not null, "changed_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "pupil_level_access_change_trust_id_index" on "pupil_level_access_change" ("trust_id");`);
    this.addSql(`create index "pupil_level_access_change_account_id_changed_at_index" on "pupil_level_access_change" ("account_id", "changed_at");`);

    this.addSql(`drop policy "tenant" on "account";`);

    this.addSql(`create policy "tenant" on "account" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("child_pupil_ids" && (select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[] and (select nullif(current_setting('waymark.schools', true), '') as "nullif") is not null) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif") and 'trust_analyst' = any("roles"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("child_pupil_ids" && (select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[] and (select nullif(current_setting('waymark.schools', true), '') as "nullif") is not null) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif") and 'trust_analyst' = any("roles")));`);

    this.addSql(`alter table "pupil_level_access_change" enable row level security;`);
    this.addSql(`alter table "pupil_level_access_change" force row level security;`);
    this.addSql(`create policy "tenant" on "pupil_level_access_change" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "pupil_level_access_change" cascade;`);

    this.addSql(`drop policy "tenant" on "account";`);

    this.addSql(`create policy "tenant" on "account" to public using (((( SELECT current_setting('waymark.bypass'::text, true) AS current_setting) = 'on'::text) OR (school_id = ANY (( SELECT (string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[] AS string_to_array)::uuid[])) OR (pupil_id = ANY (( SELECT (string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[] AS string_to_array)::uuid[])) OR ((child_pupil_ids && ( SELECT (string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[] AS string_to_array)) AND (( SELECT NULLIF(current_setting('waymark.schools'::text, true), ''::text) AS "nullif") IS NOT NULL)))) with check (((( SELECT current_setting('waymark.bypass'::text, true) AS current_setting) = 'on'::text) OR (school_id = ANY (( SELECT (string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[] AS string_to_array)::uuid[])) OR (pupil_id = ANY (( SELECT (string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[] AS string_to_array)::uuid[])) OR ((child_pupil_ids && ( SELECT (string_to_array(NULLIF(current_setting('waymark.pupils'::text, true), ''::text), ','::text))::uuid[] AS string_to_array)) AND (( SELECT NULLIF(current_setting('waymark.schools'::text, true), ''::text) AS "nullif") IS NOT NULL))));`);
  }

}
