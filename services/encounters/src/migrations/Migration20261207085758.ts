import { Migration } from '@mikro-orm/migrations';

export class Migration20261207085758 extends Migration {

  override name = 'Migration20261207085758';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger if exists "encounter_fact_version" on "encounter";`);
    this.addSql(`drop function if exists "encounter_encounter_fact_version_fn"();`);
    this.addSql(`create or replace function "encounter_encounter_fact_version_update_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_fact_version', coalesce(current_setting('waymark.bypass', true), ''), true); perform set_config('waymark.bypass', 'on', true); insert into "dashboard_fact_version" ("bucket", "version")
  select distinct (hashtext(x."pupil_id"::text) & 65535), 1 from (select p."pupil_id" from "participation" p join (select n."id" from old_rows o join new_rows n on n."id" = o."id" where (o."date", o."kind", o."benchmarks", o."subject", o."in_school_day", o."hours", o."checklist_met", o."booked", o."adviser_level") is distinct from (n."date", n."kind", n."benchmarks", n."subject", n."in_school_day", n."hours", n."checklist_met", n."booked", n."adviser_level")) e on p."encounter_id" = e."id") x where x."pupil_id" is not null order by 1
  on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1; perform set_config('waymark.bypass', current_setting('waymark.bypass_before_fact_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "encounter_fact_version_update" after update on "encounter" referencing old table as old_rows new table as new_rows for each statement execute function "encounter_encounter_fact_version_update_fn"();`);

    this.addSql(`drop trigger if exists "own_activity_fact_version" on "own_activity";`);
    this.addSql(`drop function if exists "own_activity_own_activity_fact_version_fn"();`);
    this.addSql(`create or replace function "own_activity_own_activity_fact_version_insert_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_fact_version', coalesce(current_setting('waymark.bypass', true), ''), true); perform set_config('waymark.bypass', 'on', true); insert into "dashboard_fact_version" ("bucket", "version")
  select distinct (hashtext(x."pupil_id"::text) & 65535), 1 from (select r."pupil_id" from new_rows r) x where x."pupil_id" is not null order by 1
  on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1; perform set_config('waymark.bypass', current_setting('waymark.bypass_before_fact_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "own_activity_fact_version_insert" after insert on "own_activity" referencing new table as new_rows for each statement execute function "own_activity_own_activity_fact_version_insert_fn"();`);
    this.addSql(`create or replace function "own_activity_own_activity_fact_version_update_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_fact_version', coalesce(current_setting('waymark.bypass', true), ''), true); perform set_config('waymark.bypass', 'on', true); insert into "dashboard_fact_version" ("bucket", "version")
  select distinct (hashtext(x."pupil_id"::text) & 65535), 1 from (select o."pupil_id" from old_rows o join new_rows n on n."id" = o."id" where (o."pupil_id", o."kind", o."status", o."started_on", o."ended_on", o."hours") is distinct from (n."pupil_id", n."kind", n."status", n."started_on", n."ended_on", n."hours")
       union select n."pupil_id" from old_rows o join new_rows n on n."id" = o."id" where (o."pupil_id", o."kind", o."status", o."started_on", o."ended_on", o."hours") is distinct from (n."pupil_id", n."kind", n."status", n."started_on", n."ended_on", n."hours")) x where x."pupil_id" is not null order by 1
  on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1; perform set_config('waymark.bypass', current_setting('waymark.bypass_before_fact_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "own_activity_fact_version_update" after update on "own_activity" referencing old table as old_rows new table as new_rows for each statement execute function "own_activity_own_activity_fact_version_update_fn"();`);
    this.addSql(`create or replace function "own_activity_own_activity_fact_version_delete_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_fact_version', coalesce(current_setting('waymark.bypass', true), ''), true); perform set_config('waymark.bypass', 'on', true); insert into "dashboard_fact_version" ("bucket", "version")
  select distinct (hashtext(x."pupil_id"::text) & 65535), 1 from (select r."pupil_id" from old_rows r) x where x."pupil_id" is not null order by 1
  on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1; perform set_config('waymark.bypass', current_setting('waymark.bypass_before_fact_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "own_activity_fact_version_delete" after delete on "own_activity" referencing old table as old_rows for each statement execute function "own_activity_own_activity_fact_version_delete_fn"();`);

    this.addSql(`drop trigger if exists "participation_fact_version" on "participation";`);
    this.addSql(`drop function if exists "participation_participation_fact_version_fn"();`);
    this.addSql(`create or replace function "participation_participation_fact_version_insert_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_fact_version', coalesce(current_setting('waymark.bypass', true), ''), true); perform set_config('waymark.bypass', 'on', true); insert into "dashboard_fact_version" ("bucket", "version")
  select distinct (hashtext(x."pupil_id"::text) & 65535), 1 from (select r."pupil_id" from new_rows r) x where x."pupil_id" is not null order by 1
  on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1; perform set_config('waymark.bypass', current_setting('waymark.bypass_before_fact_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "participation_fact_version_insert" after insert on "participation" referencing new table as new_rows for each statement execute function "participation_participation_fact_version_insert_fn"();`);
    this.addSql(`create or replace function "participation_participation_fact_version_update_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_fact_version', coalesce(current_setting('waymark.bypass', true), ''), true); perform set_config('waymark.bypass', 'on', true); insert into "dashboard_fact_version" ("bucket", "version")
  select distinct (hashtext(x."pupil_id"::text) & 65535), 1 from (select o."pupil_id" from old_rows o join new_rows n on n."id" = o."id" where (o."encounter_id", o."pupil_id", o."attended", o."declined", o."reflection", o."group_reflection_on") is distinct from (n."encounter_id", n."pupil_id", n."attended", n."declined", n."reflection", n."group_reflection_on")
       union select n."pupil_id" from old_rows o join new_rows n on n."id" = o."id" where (o."encounter_id", o."pupil_id", o."attended", o."declined", o."reflection", o."group_reflection_on") is distinct from (n."encounter_id", n."pupil_id", n."attended", n."declined", n."reflection", n."group_reflection_on")) x where x."pupil_id" is not null order by 1
  on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1; perform set_config('waymark.bypass', current_setting('waymark.bypass_before_fact_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "participation_fact_version_update" after update on "participation" referencing old table as old_rows new table as new_rows for each statement execute function "participation_participation_fact_version_update_fn"();`);
    this.addSql(`create or replace function "participation_participation_fact_version_delete_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_fact_version', coalesce(current_setting('waymark.bypass', true), ''), true); perform set_config('waymark.bypass', 'on', true); insert into "dashboard_fact_version" ("bucket", "version")
  select distinct (hashtext(x."pupil_id"::text) & 65535), 1 from (select r."pupil_id" from old_rows r) x where x."pupil_id" is not null order by 1
  on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1; perform set_config('waymark.bypass', current_setting('waymark.bypass_before_fact_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "participation_fact_version_delete" after delete on "participation" referencing old table as old_rows for each statement execute function "participation_participation_fact_version_delete_fn"();`);

    this.addSql(`drop trigger if exists "pupil_outlook_fact_version" on "pupil_outlook";`);
    this.addSql(`drop function if exists "pupil_outlook_pupil_outlook_fact_version_fn"();`);
    this.addSql(`create or replace function "pupil_outlook_pupil_outlook_fact_version_insert_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_fact_version', coalesce(current_setting('waymark.bypass', true), ''), true); perform set_config('waymark.bypass', 'on', true); insert into "dashboard_fact_version" ("bucket", "version")
  select distinct (hashtext(x."pupil_id"::text) & 65535), 1 from (select r."pupil_id" from new_rows r) x where x."pupil_id" is not null order by 1
  on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1; perform set_config('waymark.bypass', current_setting('waymark.bypass_before_fact_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_outlook_fact_version_insert" after insert on "pupil_outlook" referencing new table as new_rows for each statement execute function "pupil_outlook_pupil_outlook_fact_version_insert_fn"();`);
    this.addSql(`create or replace function "pupil_outlook_pupil_outlook_fact_version_update_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_fact_version', coalesce(current_setting('waymark.bypass', true), ''), true); perform set_config('waymark.bypass', 'on', true); insert into "dashboard_fact_version" ("bucket", "version")
  select distinct (hashtext(x."pupil_id"::text) & 65535), 1 from (select o."pupil_id" from old_rows o join new_rows n on n."pupil_id" = o."pupil_id" where (o."pupil_id", o."considering_higher_education") is distinct from (n."pupil_id", n."considering_higher_education")
       union select n."pupil_id" from old_rows o join new_rows n on n."pupil_id" = o."pupil_id" where (o."pupil_id", o."considering_higher_education") is distinct from (n."pupil_id", n."considering_higher_education")) x where x."pupil_id" is not null order by 1
  on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1; perform set_config('waymark.bypass', current_setting('waymark.bypass_before_fact_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_outlook_fact_version_update" after update on "pupil_outlook" referencing old table as old_rows new table as new_rows for each statement execute function "pupil_outlook_pupil_outlook_fact_version_update_fn"();`);
    this.addSql(`create or replace function "pupil_outlook_pupil_outlook_fact_version_delete_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_fact_version', coalesce(current_setting('waymark.bypass', true), ''), true); perform set_config('waymark.bypass', 'on', true); insert into "dashboard_fact_version" ("bucket", "version")
  select distinct (hashtext(x."pupil_id"::text) & 65535), 1 from (select r."pupil_id" from old_rows r) x where x."pupil_id" is not null order by 1
  on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1; perform set_config('waymark.bypass', current_setting('waymark.bypass_before_fact_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_outlook_fact_version_delete" after delete on "pupil_outlook" referencing old table as old_rows for each statement execute function "pupil_outlook_pupil_outlook_fact_version_delete_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "encounter_fact_version_update" on "encounter";`);
    this.addSql(`drop function if exists "encounter_encounter_fact_version_update_fn"();`);
    this.addSql(`create or replace function "encounter_encounter_fact_version_fn"() returns trigger as \$\$ begin if (old."date", old."kind", old."benchmarks", old."subject", old."in_school_day", old."hours", old."checklist_met", old."booked", old."adviser_level") is not distinct from (new."date", new."kind", new."benchmarks", new."subject", new."in_school_day", new."hours", new."checklist_met", new."booked", new."adviser_level") then
  return null; end if; perform set_config('waymark.bypass_before_fact_version', coalesce(current_setting('waymark.bypass', true), ''), true); perform set_config('waymark.bypass', 'on', true); insert into "dashboard_fact_version" ("bucket", "version")
  select distinct (hashtext(p."pupil_id"::text) & 65535), 1 from "participation" p where p."encounter_id" = new."id" order by 1
  on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1; perform set_config('waymark.bypass', current_setting('waymark.bypass_before_fact_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "encounter_fact_version" AFTER UPDATE on "encounter" for each ROW execute function "encounter_encounter_fact_version_fn"();`);

    this.addSql(`drop trigger if exists "own_activity_fact_version_insert" on "own_activity";`);
    this.addSql(`drop function if exists "own_activity_own_activity_fact_version_insert_fn"();`);
    this.addSql(`drop trigger if exists "own_activity_fact_version_update" on "own_activity";`);
    this.addSql(`drop function if exists "own_activity_own_activity_fact_version_update_fn"();`);
    this.addSql(`drop trigger if exists "own_activity_fact_version_delete" on "own_activity";`);
    this.addSql(`drop function if exists "own_activity_own_activity_fact_version_delete_fn"();`);
    this.addSql(`create or replace function "own_activity_own_activity_fact_version_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."pupil_id", old."kind", old."status", old."started_on", old."ended_on", old."hours") is not distinct from (new."pupil_id", new."kind", new."status", new."started_on", new."ended_on", new."hours") then
  return null; end if; if tg_op <> 'INSERT' then
  if old."pupil_id" is not null then
    insert into "dashboard_fact_version" ("bucket", "version") values ((hashtext(old."pupil_id"::text) & 65535), 1)
      on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;   end if; end if; if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new."pupil_id" is distinct from old."pupil_id") then
  if new."pupil_id" is not null then
    insert into "dashboard_fact_version" ("bucket", "version") values ((hashtext(new."pupil_id"::text) & 65535), 1)
      on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;   end if; end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "own_activity_fact_version" AFTER DELETE OR INSERT OR UPDATE on "own_activity" for each ROW execute function "own_activity_own_activity_fact_version_fn"();`);

    this.addSql(`drop trigger if exists "participation_fact_version_insert" on "participation";`);
    this.addSql(`drop function if exists "participation_participation_fact_version_insert_fn"();`);
    this.addSql(`drop trigger if exists "participation_fact_version_update" on "participation";`);
    this.addSql(`drop function if exists "participation_participation_fact_version_update_fn"();`);
    this.addSql(`drop trigger if exists "participation_fact_version_delete" on "participation";`);
    this.addSql(`drop function if exists "participation_participation_fact_version_delete_fn"();`);
    this.addSql(`create or replace function "participation_participation_fact_version_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."encounter_id", old."pupil_id", old."attended", old."declined", old."reflection", old."group_reflection_on") is not distinct from (new."encounter_id", new."pupil_id", new."attended", new."declined", new."reflection", new."group_reflection_on") then
  return null; end if; if tg_op <> 'INSERT' then
  if old."pupil_id" is not null then
    insert into "dashboard_fact_version" ("bucket", "version") values ((hashtext(old."pupil_id"::text) & 65535), 1)
      on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;   end if; end if; if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new."pupil_id" is distinct from old."pupil_id") then
  if new."pupil_id" is not null then
    insert into "dashboard_fact_version" ("bucket", "version") values ((hashtext(new."pupil_id"::text) & 65535), 1)
      on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;   end if; end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "participation_fact_version" AFTER DELETE OR INSERT OR UPDATE on "participation" for each ROW execute function "participation_participation_fact_version_fn"();`);

    this.addSql(`drop trigger if exists "pupil_outlook_fact_version_insert" on "pupil_outlook";`);
    this.addSql(`drop function if exists "pupil_outlook_pupil_outlook_fact_version_insert_fn"();`);
    this.addSql(`drop trigger if exists "pupil_outlook_fact_version_update" on "pupil_outlook";`);
    this.addSql(`drop function if exists "pupil_outlook_pupil_outlook_fact_version_update_fn"();`);
    this.addSql(`drop trigger if exists "pupil_outlook_fact_version_delete" on "pupil_outlook";`);
    this.addSql(`drop function if exists "pupil_outlook_pupil_outlook_fact_version_delete_fn"();`);
    this.addSql(`create or replace function "pupil_outlook_pupil_outlook_fact_version_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."pupil_id", old."considering_higher_education") is not distinct from (new."pupil_id", new."considering_higher_education") then
  return null; end if; if tg_op <> 'INSERT' then
  if old."pupil_id" is not null then
    insert into "dashboard_fact_version" ("bucket", "version") values ((hashtext(old."pupil_id"::text) & 65535), 1)
      on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;   end if; end if; if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new."pupil_id" is distinct from old."pupil_id") then
  if new."pupil_id" is not null then
    insert into "dashboard_fact_version" ("bucket", "version") values ((hashtext(new."pupil_id"::text) & 65535), 1)
      on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;   end if; end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_outlook_fact_version" AFTER DELETE OR INSERT OR UPDATE on "pupil_outlook" for each ROW execute function "pupil_outlook_pupil_outlook_fact_version_fn"();`);
  }

}
