import { Migration } from '@mikro-orm/migrations';

export class Migration20261208004310 extends Migration {

  override name = 'Migration20261208004310';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger if exists "encounter_sync_change" on "encounter";`);
    this.addSql(`drop function if exists "encounter_encounter_sync_change_fn"();`);
    this.addSql(`create or replace function "encounter_encounter_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."trust_id", old."school_id", old."kind", old."title", old."date", old."has_time", old."ends_at", old."in_school_day", old."hours", old."benchmarks", old."year_groups", old."subject", old."checklist_met", old."booked") is not distinct from (new."trust_id", new."school_id", new."kind", new."title", new."date", new."has_time", new."ends_at", new."in_school_day", new."hours", new."benchmarks", new."year_groups", new."subject", new."checklist_met", new."booked") then
  return null; end if; if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    declare
  held text := current_setting('waymark.bypass', true); begin
  perform set_config('waymark.bypass', 'on', true);   insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'encounter', old."id", 'DELETED')
    on conflict ("trust_id", "record", "row_id") do update set "xid" = excluded."xid", "seq" = excluded."seq", "reason" = excluded."reason";   perform set_config('waymark.bypass', coalesce(held, ''), true); end;   end if;   return null; end if; if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  declare
  held text := current_setting('waymark.bypass', true); begin
  perform set_config('waymark.bypass', 'on', true);   insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'encounter', old."id", 'LEFT_TRUST')
    on conflict ("trust_id", "record", "row_id") do update set "xid" = excluded."xid", "seq" = excluded."seq", "reason" = excluded."reason";   perform set_config('waymark.bypass', coalesce(held, ''), true); end; end if; if new."trust_id" is not null then
  declare
  held text := current_setting('waymark.bypass', true); begin
  perform set_config('waymark.bypass', 'on', true);   insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (new."trust_id", 'encounter', new."id", null)
    on conflict ("trust_id", "record", "row_id") do update set "xid" = excluded."xid", "seq" = excluded."seq", "reason" = excluded."reason";   perform set_config('waymark.bypass', coalesce(held, ''), true); end; end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "encounter_sync_change" AFTER INSERT OR UPDATE OR DELETE on "encounter" for each ROW execute function "encounter_encounter_sync_change_fn"();`);

    // One row per record from now on: each record keeps its newest row in each trust, the only one a
    // feed ever handed out (what the daily compaction did), so no answer and no cursor changes.
    this.addSql(
      `delete from "encounter_sync_change" l where exists (select 1 from "encounter_sync_change" n where n."trust_id" = l."trust_id" and n."record" = l."record" and n."row_id" = l."row_id" and n."seq" > l."seq");`,
    );
    this.addSql(`drop index "encounter_sync_change_trust_id_record_row_id_seq_index";`);
    this.addSql(`alter table "encounter_sync_change" add constraint "encounter_sync_change_trust_id_record_row_id_unique" unique ("trust_id", "record", "row_id");`);

    this.addSql(`drop trigger if exists "participation_sync_change" on "participation";`);
    this.addSql(`drop function if exists "participation_participation_sync_change_fn"();`);
    this.addSql(`create or replace function "participation_participation_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."trust_id", old."encounter_id", old."pupil_id", old."school_id", old."attended", old."declined") is not distinct from (new."trust_id", new."encounter_id", new."pupil_id", new."school_id", new."attended", new."declined") then
  return null; end if; if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    declare
  held text := current_setting('waymark.bypass', true); begin
  perform set_config('waymark.bypass', 'on', true);   insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'participation', old."id", 'DELETED')
    on conflict ("trust_id", "record", "row_id") do update set "xid" = excluded."xid", "seq" = excluded."seq", "reason" = excluded."reason";   perform set_config('waymark.bypass', coalesce(held, ''), true); end;   end if;   return null; end if; if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  declare
  held text := current_setting('waymark.bypass', true); begin
  perform set_config('waymark.bypass', 'on', true);   insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'participation', old."id", 'LEFT_TRUST')
    on conflict ("trust_id", "record", "row_id") do update set "xid" = excluded."xid", "seq" = excluded."seq", "reason" = excluded."reason";   perform set_config('waymark.bypass', coalesce(held, ''), true); end; end if; if new."trust_id" is not null then
  declare
  held text := current_setting('waymark.bypass', true); begin
  perform set_config('waymark.bypass', 'on', true);   insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (new."trust_id", 'participation', new."id", null)
    on conflict ("trust_id", "record", "row_id") do update set "xid" = excluded."xid", "seq" = excluded."seq", "reason" = excluded."reason";   perform set_config('waymark.bypass', coalesce(held, ''), true); end; end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "participation_sync_change" AFTER INSERT OR UPDATE OR DELETE on "participation" for each ROW execute function "participation_participation_sync_change_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "encounter_sync_change" on "encounter";`);
    this.addSql(`drop function if exists "encounter_encounter_sync_change_fn"();`);
    this.addSql(`create or replace function "encounter_encounter_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."trust_id", old."school_id", old."kind", old."title", old."date", old."has_time", old."ends_at", old."in_school_day", old."hours", old."benchmarks", old."year_groups", old."subject", old."checklist_met", old."booked") is not distinct from (new."trust_id", new."school_id", new."kind", new."title", new."date", new."has_time", new."ends_at", new."in_school_day", new."hours", new."benchmarks", new."year_groups", new."subject", new."checklist_met", new."booked") then
  return null; end if; if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'encounter', old."id", 'DELETED');   end if;   return null; end if; if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'encounter', old."id", 'LEFT_TRUST'); end if; if new."trust_id" is not null then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id") values (new."trust_id", 'encounter', new."id"); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "encounter_sync_change" AFTER DELETE OR INSERT OR UPDATE on "encounter" for each ROW execute function "encounter_encounter_sync_change_fn"();`);

    this.addSql(`alter table "encounter_sync_change" drop constraint "encounter_sync_change_trust_id_record_row_id_unique";`);
    this.addSql(`create index "encounter_sync_change_trust_id_record_row_id_seq_index" on "encounter_sync_change" ("trust_id", "record", "row_id", "seq");`);

    this.addSql(`drop trigger if exists "participation_sync_change" on "participation";`);
    this.addSql(`drop function if exists "participation_participation_sync_change_fn"();`);
    this.addSql(`create or replace function "participation_participation_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."trust_id", old."encounter_id", old."pupil_id", old."school_id", old."attended", old."declined") is not distinct from (new."trust_id", new."encounter_id", new."pupil_id", new."school_id", new."attended", new."declined") then
  return null; end if; if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'participation', old."id", 'DELETED');   end if;   return null; end if; if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'participation', old."id", 'LEFT_TRUST'); end if; if new."trust_id" is not null then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id") values (new."trust_id", 'participation', new."id"); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "participation_sync_change" AFTER DELETE OR INSERT OR UPDATE on "participation" for each ROW execute function "participation_participation_sync_change_fn"();`);
  }

}
