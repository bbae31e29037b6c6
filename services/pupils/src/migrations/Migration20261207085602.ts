import { Migration } from '@mikro-orm/migrations';

export class Migration20261207085602 extends Migration {

  override name = 'Migration20261207085602';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger if exists "pupil_cohort_version" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_cohort_version_fn"();`);
    this.addSql(`create or replace function "pupil_pupil_cohort_version_insert_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select distinct x.s, 1 from (select r."school_id" as s from new_rows r union select e."school_id" from "enrolment" e join new_rows r on e."pupil_id" = r."id") x where x.s is not null order by 1
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_cohort_version_insert" after insert on "pupil" referencing new table as new_rows for each statement when ((current_setting('waymark.pupil_bulk_insert'::text, true) IS DISTINCT FROM 'on'::text)) execute function "pupil_pupil_cohort_version_insert_fn"();`);
    this.addSql(`create or replace function "pupil_pupil_cohort_version_update_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select distinct x.s, 1 from (with moved as (select o."id", o."school_id" as was, n."school_id" as now from old_rows o join new_rows n on n."id" = o."id" where (o."school_id", o."trust_id", o."left_on", o."year_group", o."year_group_academic_year", o."sen_support", o."ehcp", o."disadvantaged", o."looked_after", o."eal", o."young_carer", o."young_parent", o."youth_justice", o."refugee", o."service_child", o."persistent_absence", o."neet_risk") is distinct from (n."school_id", n."trust_id", n."left_on", n."year_group", n."year_group_academic_year", n."sen_support", n."ehcp", n."disadvantaged", n."looked_after", n."eal", n."young_carer", n."young_parent", n."youth_justice", n."refugee", n."service_child", n."persistent_absence", n."neet_risk"))
     select was as s from moved union select now from moved union select e."school_id" from "enrolment" e join moved m on e."pupil_id" = m."id") x where x.s is not null order by 1
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_cohort_version_update" after update on "pupil" referencing old table as old_rows new table as new_rows for each statement execute function "pupil_pupil_cohort_version_update_fn"();`);
    this.addSql(`create or replace function "pupil_pupil_cohort_version_delete_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select distinct x.s, 1 from (select r."school_id" as s from old_rows r union select e."school_id" from "enrolment" e join old_rows r on e."pupil_id" = r."id") x where x.s is not null order by 1
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_cohort_version_delete" after delete on "pupil" referencing old table as old_rows for each statement execute function "pupil_pupil_cohort_version_delete_fn"();`);

    this.addSql(`drop trigger if exists "enrolment_cohort_version" on "enrolment";`);
    this.addSql(`drop function if exists "enrolment_enrolment_cohort_version_fn"();`);
    this.addSql(`create or replace function "enrolment_enrolment_cohort_version_insert_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select distinct x.s, 1 from (select r."school_id" as s from new_rows r union select r."current_school_id" from new_rows r) x where x.s is not null order by 1
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "enrolment_cohort_version_insert" after insert on "enrolment" referencing new table as new_rows for each statement execute function "enrolment_enrolment_cohort_version_insert_fn"();`);
    this.addSql(`create or replace function "enrolment_enrolment_cohort_version_update_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select distinct x.s, 1 from (select r."school_id" as s from old_rows r union select r."current_school_id" from old_rows r
     union select r."school_id" from new_rows r union select r."current_school_id" from new_rows r) x where x.s is not null order by 1
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "enrolment_cohort_version_update" after update on "enrolment" referencing old table as old_rows new table as new_rows for each statement execute function "enrolment_enrolment_cohort_version_update_fn"();`);
    this.addSql(`create or replace function "enrolment_enrolment_cohort_version_delete_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select distinct x.s, 1 from (select r."school_id" as s from old_rows r union select r."current_school_id" from old_rows r) x where x.s is not null order by 1
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "enrolment_cohort_version_delete" after delete on "enrolment" referencing old table as old_rows for each statement execute function "enrolment_enrolment_cohort_version_delete_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "enrolment_cohort_version_insert" on "enrolment";`);
    this.addSql(`drop function if exists "enrolment_enrolment_cohort_version_insert_fn"();`);
    this.addSql(`drop trigger if exists "enrolment_cohort_version_update" on "enrolment";`);
    this.addSql(`drop function if exists "enrolment_enrolment_cohort_version_update_fn"();`);
    this.addSql(`drop trigger if exists "enrolment_cohort_version_delete" on "enrolment";`);
    this.addSql(`drop function if exists "enrolment_enrolment_cohort_version_delete_fn"();`);
    this.addSql(`create or replace function "enrolment_enrolment_cohort_version_fn"() returns trigger as \$\$ begin if tg_op <> 'INSERT' then
  perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select x.s, 1 from (select old."school_id" as s union select old."current_school_id") x where x.s is not null
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); end if; if tg_op <> 'DELETE' then
  perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select x.s, 1 from (select new."school_id" as s union select new."current_school_id") x where x.s is not null
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "enrolment_cohort_version" AFTER DELETE OR INSERT OR UPDATE on "enrolment" for each ROW execute function "enrolment_enrolment_cohort_version_fn"();`);

    this.addSql(`drop trigger if exists "pupil_cohort_version_insert" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_cohort_version_insert_fn"();`);
    this.addSql(`drop trigger if exists "pupil_cohort_version_update" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_cohort_version_update_fn"();`);
    this.addSql(`drop trigger if exists "pupil_cohort_version_delete" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_cohort_version_delete_fn"();`);
    this.addSql(`create or replace function "pupil_pupil_cohort_version_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."school_id", old."trust_id", old."left_on", old."year_group", old."year_group_academic_year", old."sen_support", old."ehcp", old."disadvantaged", old."looked_after", old."eal", old."young_carer", old."young_parent", old."youth_justice", old."refugee", old."service_child", old."persistent_absence", old."neet_risk") is not distinct from (new."school_id", new."trust_id", new."left_on", new."year_group", new."year_group_academic_year", new."sen_support", new."ehcp", new."disadvantaged", new."looked_after", new."eal", new."young_carer", new."young_parent", new."youth_justice", new."refugee", new."service_child", new."persistent_absence", new."neet_risk") then
  return null; end if; if tg_op <> 'INSERT' then
  perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select x.s, 1 from (select old."school_id" as s union select e."school_id" from "enrolment" e where e."pupil_id" = old."id") x where x.s is not null
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); end if; if tg_op <> 'DELETE' then
  perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select x.s, 1 from (select new."school_id" as s union select e."school_id" from "enrolment" e where e."pupil_id" = new."id") x where x.s is not null
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_cohort_version" AFTER DELETE OR INSERT OR UPDATE on "pupil" for each ROW
  when ((current_setting('waymark.pupil_bulk_insert'::text, true) IS DISTINCT FROM 'on'::text)) execute function "pupil_pupil_cohort_version_fn"();`);
  }

}
