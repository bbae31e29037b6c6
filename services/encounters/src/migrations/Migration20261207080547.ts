import { Migration } from '@mikro-orm/migrations';

export class Migration20261207080547 extends Migration {

  override name = 'Migration20261207080547';

  override up(): void | Promise<void> {
    this.addSql(`create table "dashboard_answer" ("school_id" uuid not null, "day" date not null, "filter" text not null, "cohort_version" text not null, "buckets" int[] not null, "fact_sum" bigint not null, "answer" jsonb not null, "computed_at" timestamptz not null, primary key ("school_id", "day", "filter"));`);

    this.addSql(`create table "dashboard_fact_version" ("bucket" int not null, "version" bigint not null, primary key ("bucket"));`);

    this.addSql(`create or replace function "encounter_encounter_fact_version_fn"() returns trigger as \$\$ begin if (old."date", old."kind", old."benchmarks", old."subject", old."in_school_day", old."hours", old."checklist_met", old."booked", old."adviser_level") is not distinct from (new."date", new."kind", new."benchmarks", new."subject", new."in_school_day", new."hours", new."checklist_met", new."booked", new."adviser_level") then
  return null; end if; perform set_config('waymark.bypass_before_fact_version', coalesce(current_setting('waymark.bypass', true), ''), true); perform set_config('waymark.bypass', 'on', true); insert into "dashboard_fact_version" ("bucket", "version")
  select distinct (hashtext(p."pupil_id"::text) & 65535), 1 from "participation" p where p."encounter_id" = new."id" order by 1
  on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1; perform set_config('waymark.bypass', current_setting('waymark.bypass_before_fact_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "encounter_fact_version" AFTER UPDATE on "encounter" for each ROW execute function "encounter_encounter_fact_version_fn"();`);

    this.addSql(`create or replace function "own_activity_own_activity_fact_version_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."pupil_id", old."kind", old."status", old."started_on", old."ended_on", old."hours") is not distinct from (new."pupil_id", new."kind", new."status", new."started_on", new."ended_on", new."hours") then
  return null; end if; if tg_op <> 'INSERT' then
  if old."pupil_id" is not null then
    insert into "dashboard_fact_version" ("bucket", "version") values ((hashtext(old."pupil_id"::text) & 65535), 1)
      on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;   end if; end if; if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new."pupil_id" is distinct from old."pupil_id") then
  if new."pupil_id" is not null then
    insert into "dashboard_fact_version" ("bucket", "version") values ((hashtext(new."pupil_id"::text) & 65535), 1)
      on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;   end if; end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "own_activity_fact_version" AFTER INSERT OR UPDATE OR DELETE on "own_activity" for each ROW execute function "own_activity_own_activity_fact_version_fn"();`);

    this.addSql(`create or replace function "participation_participation_fact_version_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."encounter_id", old."pupil_id", old."attended", old."declined", old."reflection", old."group_reflection_on") is not distinct from (new."encounter_id", new."pupil_id", new."attended", new."declined", new."reflection", new."group_reflection_on") then
  return null; end if; if tg_op <> 'INSERT' then
  if old."pupil_id" is not null then
    insert into "dashboard_fact_version" ("bucket", "version") values ((hashtext(old."pupil_id"::text) & 65535), 1)
      on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;   end if; end if; if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new."pupil_id" is distinct from old."pupil_id") then
  if new."pupil_id" is not null then
    insert into "dashboard_fact_version" ("bucket", "version") values ((hashtext(new."pupil_id"::text) & 65535), 1)
      on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;   end if; end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "participation_fact_version" AFTER INSERT OR UPDATE OR DELETE on "participation" for each ROW execute function "participation_participation_fact_version_fn"();`);

    this.addSql(`create or replace function "pupil_outlook_pupil_outlook_fact_version_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."pupil_id", old."considering_higher_education") is not distinct from (new."pupil_id", new."considering_higher_education") then
  return null; end if; if tg_op <> 'INSERT' then
  if old."pupil_id" is not null then
    insert into "dashboard_fact_version" ("bucket", "version") values ((hashtext(old."pupil_id"::text) & 65535), 1)
      on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;   end if; end if; if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new."pupil_id" is distinct from old."pupil_id") then
  if new."pupil_id" is not null then
    insert into "dashboard_fact_version" ("bucket", "version") values ((hashtext(new."pupil_id"::text) & 65535), 1)
      on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;   end if; end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_outlook_fact_version" AFTER INSERT OR UPDATE OR DELETE on "pupil_outlook" for each ROW execute function "pupil_outlook_pupil_outlook_fact_version_fn"();`);

    this.addSql(`alter table "dashboard_answer" enable row level security;`);
    this.addSql(`alter table "dashboard_answer" force row level security;`);
    this.addSql(`create policy "tenant" on "dashboard_answer" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "dashboard_answer" cascade;`);
    this.addSql(`drop table if exists "dashboard_fact_version" cascade;`);

    this.addSql(`drop trigger if exists "encounter_fact_version" on "encounter";`);
    this.addSql(`drop function if exists "encounter_encounter_fact_version_fn"();`);

    this.addSql(`drop trigger if exists "own_activity_fact_version" on "own_activity";`);
    this.addSql(`drop function if exists "own_activity_own_activity_fact_version_fn"();`);

    this.addSql(`drop trigger if exists "participation_fact_version" on "participation";`);
    this.addSql(`drop function if exists "participation_participation_fact_version_fn"();`);

    this.addSql(`drop trigger if exists "pupil_outlook_fact_version" on "pupil_outlook";`);
    this.addSql(`drop function if exists "pupil_outlook_pupil_outlook_fact_version_fn"();`);
  }

}
