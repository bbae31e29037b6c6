import { Migration } from '@mikro-orm/migrations';

export class Migration20261207043433 extends Migration {

  override name = 'Migration20261207043433';

  override up(): void | Promise<void> {
    this.addSql(`create table "destination_sync_change" ("seq" bigserial primary key, "xid" xid8 not null default pg_current_xact_id(), "trust_id" uuid not null, "pupil_id" uuid not null, "row_id" uuid not null, "reason" text null);`);
    this.addSql(`create index "destination_sync_change_trust_id_row_id_seq_index" on "destination_sync_change" ("trust_id", "row_id", "seq");`);
    this.addSql(`create index "destination_sync_change_trust_id_xid_seq_index" on "destination_sync_change" ("trust_id", "xid", "seq");`);

    this.addSql(`create table "destination_sync_pupil" ("trust_id" uuid not null, "pupil_id" uuid not null, "shared" boolean not null, "reason" text null, primary key ("trust_id", "pupil_id"));`);

    this.addSql(`create table "destination_sync_source" ("trust_id" uuid not null, "pupils_cursor" text not null, primary key ("trust_id"));`);

    this.addSql(`create or replace function "activity_spell_activity_spell_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."trust_id", old."pupil_id", old."school_id", old."leaving_year", old."activity", old."provider_kind", old."apprenticeship_level", old."starts_on", old."ends_on", old."source", old."confirmed") is not distinct from (new."trust_id", new."pupil_id", new."school_id", new."leaving_year", new."activity", new."provider_kind", new."apprenticeship_level", new."starts_on", new."ends_on", new."source", new."confirmed") then
  return null; end if; if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "destination_sync_change" ("trust_id", "pupil_id", "row_id", "reason") values (old."trust_id", old."pupil_id", old."id", 'DELETED');   end if;   return null; end if; if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  insert into "destination_sync_change" ("trust_id", "pupil_id", "row_id", "reason") values (old."trust_id", old."pupil_id", old."id", 'LEFT_TRUST'); end if; if new."trust_id" is not null then
  insert into "destination_sync_change" ("trust_id", "pupil_id", "row_id") values (new."trust_id", new."pupil_id", new."id"); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "activity_spell_sync_change" AFTER INSERT OR UPDATE OR DELETE on "activity_spell" for each ROW execute function "activity_spell_activity_spell_sync_change_fn"();`);

    this.addSql(`alter table "destination_sync_change" enable row level security;`);
    this.addSql(`alter table "destination_sync_change" force row level security;`);
    this.addSql(`create policy "tenant" on "destination_sync_change" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);
    this.addSql(`create policy "append" on "destination_sync_change" for insert with check (true);`);

    this.addSql(`create or replace function "destination_sync_pupil_destination_sync_pupil_change_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and old."shared" is not distinct from new."shared" then
  return null; end if; if tg_op = 'INSERT' and not new."shared" then
  return null; end if; insert into "destination_sync_change" ("trust_id", "pupil_id", "row_id")
select new."trust_id", s."pupil_id", s."id" from "activity_spell" s where s."pupil_id" = new."pupil_id" and s."trust_id" = new."trust_id"; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "destination_sync_pupil_change" AFTER INSERT OR UPDATE on "destination_sync_pupil" for each ROW execute function "destination_sync_pupil_destination_sync_pupil_change_fn"();`);
    this.addSql(`alter table "destination_sync_pupil" enable row level security;`);
    this.addSql(`alter table "destination_sync_pupil" force row level security;`);
    this.addSql(`create policy "tenant" on "destination_sync_pupil" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);

    // Every spell already recorded, logged once, so the first full sync of each trust has them all.
    this.addSql(`select set_config('waymark.bypass', 'on', true);`);
    this.addSql(`insert into "destination_sync_change" ("trust_id", "pupil_id", "row_id") select "trust_id", "pupil_id", "id" from "activity_spell" where "trust_id" is not null order by "id";`);

    this.addSql(`alter table "destination_sync_source" enable row level security;`);
    this.addSql(`alter table "destination_sync_source" force row level security;`);
    this.addSql(`create policy "tenant" on "destination_sync_source" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "destination_sync_change" cascade;`);
    this.addSql(`drop trigger if exists "destination_sync_pupil_change" on "destination_sync_pupil";`);
    this.addSql(`drop function if exists "destination_sync_pupil_destination_sync_pupil_change_fn"();`);
    this.addSql(`drop table if exists "destination_sync_pupil" cascade;`);
    this.addSql(`drop table if exists "destination_sync_source" cascade;`);

    this.addSql(`drop trigger if exists "activity_spell_sync_change" on "activity_spell";`);
    this.addSql(`drop function if exists "activity_spell_activity_spell_sync_change_fn"();`);
  }

}
