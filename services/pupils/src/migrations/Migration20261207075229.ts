import { Migration } from '@mikro-orm/migrations';

export class Migration20261207075229 extends Migration {

  override name = 'Migration20261207075229';

  override up(): void | Promise<void> {
    this.addSql(`create table "cohort_version" ("school_id" uuid not null, "version" bigint not null, primary key ("school_id"));`);

    this.addSql(`create or replace function "pupil_pupil_cohort_version_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."school_id", old."trust_id", old."left_on", old."year_group", old."year_group_academic_year", old."sen_support", old."ehcp", old."disadvantaged", old."looked_after", old."eal", old."young_carer", old."young_parent", old."youth_justice", old."refugee", old."service_child", old."persistent_absence", old."neet_risk") is not distinct from (new."school_id", new."trust_id", new."left_on", new."year_group", new."year_group_academic_year", new."sen_support", new."ehcp", new."disadvantaged", new."looked_after", new."eal", new."young_carer", new."young_parent", new."youth_justice", new."refugee", new."service_child", new."persistent_absence", new."neet_risk") then
  return null; end if; if tg_op <> 'INSERT' then
  perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select x.s, 1 from (select old."school_id" as s union select e."school_id" from "enrolment" e where e."pupil_id" = old."id") x where x.s is not null
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); end if; if tg_op <> 'DELETE' then
  perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select x.s, 1 from (select new."school_id" as s union select e."school_id" from "enrolment" e where e."pupil_id" = new."id") x where x.s is not null
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_cohort_version" AFTER INSERT OR UPDATE OR DELETE on "pupil" for each ROW execute function "pupil_pupil_cohort_version_fn"();`);

    this.addSql(`create or replace function "enrolment_enrolment_cohort_version_fn"() returns trigger as \$\$ begin if tg_op <> 'INSERT' then
  perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select x.s, 1 from (select old."school_id" as s union select old."current_school_id") x where x.s is not null
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); end if; if tg_op <> 'DELETE' then
  perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select x.s, 1 from (select new."school_id" as s union select new."current_school_id") x where x.s is not null
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "enrolment_cohort_version" AFTER INSERT OR UPDATE OR DELETE on "enrolment" for each ROW execute function "enrolment_enrolment_cohort_version_fn"();`);

    this.addSql(`alter table "cohort_version" enable row level security;`);
    this.addSql(`alter table "cohort_version" force row level security;`);
    this.addSql(`create policy "tenant" on "cohort_version" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "cohort_version" cascade;`);

    this.addSql(`drop trigger if exists "enrolment_cohort_version" on "enrolment";`);
    this.addSql(`drop function if exists "enrolment_enrolment_cohort_version_fn"();`);

    this.addSql(`drop trigger if exists "pupil_cohort_version" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_cohort_version_fn"();`);
  }

}
