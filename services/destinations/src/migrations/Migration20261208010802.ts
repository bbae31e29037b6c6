import { Migration } from '@mikro-orm/migrations';

export class Migration20261208010802 extends Migration {

  override name = 'Migration20261208010802';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger if exists "activity_spell_sync_change" on "activity_spell";`);
    this.addSql(`drop function if exists "activity_spell_activity_spell_sync_change_fn"();`);
    this.addSql(`create or replace function "activity_spell_activity_spell_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."trust_id", old."pupil_id", old."school_id", old."leaving_year", old."activity", old."provider_kind", old."apprenticeship_level", old."starts_on", old."ends_on", old."source", old."confirmed") is not distinct from (new."trust_id", new."pupil_id", new."school_id", new."leaving_year", new."activity", new."provider_kind", new."apprenticeship_level", new."starts_on", new."ends_on", new."source", new."confirmed") then
  return null; end if; if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    declare
  held text := current_setting('waymark.bypass', true); begin
  perform set_config('waymark.bypass', 'on', true);   insert into "destination_sync_change" ("trust_id", "pupil_id", "row_id", "reason") values (old."trust_id", old."pupil_id", old."id", 'DELETED')
    on conflict ("trust_id", "row_id") do update set "xid" = excluded."xid", "seq" = excluded."seq", "pupil_id" = excluded."pupil_id", "reason" = excluded."reason";   perform set_config('waymark.bypass', coalesce(held, ''), true); end;   end if;   return null; end if; if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  declare
  held text := current_setting('waymark.bypass', true); begin
  perform set_config('waymark.bypass', 'on', true);   insert into "destination_sync_change" ("trust_id", "pupil_id", "row_id", "reason") values (old."trust_id", old."pupil_id", old."id", 'LEFT_TRUST')
    on conflict ("trust_id", "row_id") do update set "xid" = excluded."xid", "seq" = excluded."seq", "pupil_id" = excluded."pupil_id", "reason" = excluded."reason";   perform set_config('waymark.bypass', coalesce(held, ''), true); end; end if; if new."trust_id" is not null then
  declare
  held text := current_setting('waymark.bypass', true); begin
  perform set_config('waymark.bypass', 'on', true);   insert into "destination_sync_change" ("trust_id", "pupil_id", "row_id", "reason") values (new."trust_id", new."pupil_id", new."id", null)
    on conflict ("trust_id", "row_id") do update set "xid" = excluded."xid", "seq" = excluded."seq", "pupil_id" = excluded."pupil_id", "reason" = excluded."reason";   perform set_config('waymark.bypass', coalesce(held, ''), true); end; end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "activity_spell_sync_change" AFTER INSERT OR UPDATE OR DELETE on "activity_spell" for each ROW execute function "activity_spell_activity_spell_sync_change_fn"();`);

    // One row per spell and trust from now on: each keeps its newest row, the only one the feed ever
    // handed out (what the daily compaction did), so no answer and no cursor changes.
    this.addSql(
      `delete from "destination_sync_change" l where exists (select 1 from "destination_sync_change" n where n."trust_id" = l."trust_id" and n."row_id" = l."row_id" and n."seq" > l."seq");`,
    );
    this.addSql(`drop index "destination_sync_change_trust_id_row_id_seq_index";`);
    this.addSql(`alter table "destination_sync_change" add constraint "destination_sync_change_trust_id_row_id_unique" unique ("trust_id", "row_id");`);

    this.addSql(`drop trigger if exists "destination_sync_pupil_change" on "destination_sync_pupil";`);
    this.addSql(`drop function if exists "destination_sync_pupil_destination_sync_pupil_change_fn"();`);
    this.addSql(`create or replace function "destination_sync_pupil_destination_sync_pupil_change_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and old."shared" is not distinct from new."shared" then
  return null; end if; if tg_op = 'INSERT' and not new."shared" then
  return null; end if; declare
  held text := current_setting('waymark.bypass', true); begin
  perform set_config('waymark.bypass', 'on', true);   insert into "destination_sync_change" ("trust_id", "pupil_id", "row_id", "reason") select new."trust_id", s."pupil_id", s."id", null from "activity_spell" s where s."pupil_id" = new."pupil_id" and s."trust_id" = new."trust_id"
    on conflict ("trust_id", "row_id") do update set "xid" = excluded."xid", "seq" = excluded."seq", "pupil_id" = excluded."pupil_id", "reason" = excluded."reason";   perform set_config('waymark.bypass', coalesce(held, ''), true); end; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "destination_sync_pupil_change" AFTER INSERT OR UPDATE on "destination_sync_pupil" for each ROW execute function "destination_sync_pupil_destination_sync_pupil_change_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "activity_spell_sync_change" on "activity_spell";`);
    this.addSql(`drop function if exists "activity_spell_activity_spell_sync_change_fn"();`);
    this.addSql(`create or replace function "activity_spell_activity_spell_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."trust_id", old."pupil_id", old."school_id", old."leaving_year", old."activity", old."provider_kind", old."apprenticeship_level", old."starts_on", old."ends_on", old."source", old."confirmed") is not distinct from (new."trust_id", new."pupil_id", new."school_id", new."leaving_year", new."activity", new."provider_kind", new."apprenticeship_level", new."starts_on", new."ends_on", new."source", new."confirmed") then
  return null; end if; if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "destination_sync_change" ("trust_id", "pupil_id", "row_id", "reason") values (old."trust_id", old."pupil_id", old."id", 'DELETED');   end if;   return null; end if; if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  insert into "destination_sync_change" ("trust_id", "pupil_id", "row_id", "reason") values (old."trust_id", old."pupil_id", old."id", 'LEFT_TRUST'); end if; if new."trust_id" is not null then
  insert into "destination_sync_change" ("trust_id", "pupil_id", "row_id") values (new."trust_id", new."pupil_id", new."id"); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "activity_spell_sync_change" AFTER DELETE OR INSERT OR UPDATE on "activity_spell" for each ROW execute function "activity_spell_activity_spell_sync_change_fn"();`);

    this.addSql(`alter table "destination_sync_change" drop constraint "destination_sync_change_trust_id_row_id_unique";`);
    this.addSql(`create index "destination_sync_change_trust_id_row_id_seq_index" on "destination_sync_change" ("trust_id", "row_id", "seq");`);

    this.addSql(`drop trigger if exists "destination_sync_pupil_change" on "destination_sync_pupil";`);
    this.addSql(`drop function if exists "destination_sync_pupil_destination_sync_pupil_change_fn"();`);
    this.addSql(`create or replace function "destination_sync_pupil_destination_sync_pupil_change_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and old."shared" is not distinct from new."shared" then
  return null; end if; if tg_op = 'INSERT' and not new."shared" then
  return null; end if; insert into "destination_sync_change" ("trust_id", "pupil_id", "row_id")
select new."trust_id", s."pupil_id", s."id" from "activity_spell" s where s."pupil_id" = new."pupil_id" and s."trust_id" = new."trust_id"; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "destination_sync_pupil_change" AFTER INSERT OR UPDATE on "destination_sync_pupil" for each ROW execute function "destination_sync_pupil_destination_sync_pupil_change_fn"();`);
  }

}
