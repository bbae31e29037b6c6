import { Migration } from '@mikro-orm/migrations';

export class Migration20261207221142 extends Migration {

  override name = 'Migration20261207221142';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function "pupil_pupil_cohort_version_update_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);
  perform set_config('waymark.bypass', 'on', true);
  insert into "cohort_version" ("school_id", "version") select distinct x.s, 1 from (with moved as (select o."id", o."school_id" as was, n."school_id" as now from old_rows o join new_rows n on n."id" = o."id" where (o."school_id", o."trust_id", o."left_on", o."year_group", o."year_group_academic_year", o."date_of_birth", o."local_authority_sharing_opt_out", o."sen_support", o."ehcp", o."disadvantaged", o."looked_after", o."eal", o."young_carer", o."young_parent", o."youth_justice", o."refugee", o."service_child", o."persistent_absence", o."neet_risk") is distinct from (n."school_id", n."trust_id", n."left_on", n."year_group", n."year_group_academic_year", n."date_of_birth", n."local_authority_sharing_opt_out", n."sen_support", n."ehcp", n."disadvantaged", n."looked_after", n."eal", n."young_carer", n."young_parent", n."youth_justice", n."refugee", n."service_child", n."persistent_absence", n."neet_risk"))
     select was as s from moved union select now from moved union select e."school_id" from "enrolment" e join moved m on e."pupil_id" = m."id") x where x.s is not null order by 1
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;
  perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create or replace function "flag_change_flag_change_cohort_version_insert_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select distinct x.s, 1 from (select r."school_id" as s from new_rows r union select e."school_id" from "enrolment" e join new_rows r on e."pupil_id" = r."pupil_id") x where x.s is not null order by 1
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "flag_change_cohort_version_insert" after insert on "flag_change" referencing new table as new_rows for each statement execute function "flag_change_flag_change_cohort_version_insert_fn"();`);
    this.addSql(`create or replace function "flag_change_flag_change_cohort_version_update_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select distinct x.s, 1 from (select r."school_id" as s from old_rows r union select e."school_id" from "enrolment" e join old_rows r on e."pupil_id" = r."pupil_id" union select r."school_id" as s from new_rows r union select e."school_id" from "enrolment" e join new_rows r on e."pupil_id" = r."pupil_id") x where x.s is not null order by 1
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "flag_change_cohort_version_update" after update on "flag_change" referencing old table as old_rows new table as new_rows for each statement execute function "flag_change_flag_change_cohort_version_update_fn"();`);
    this.addSql(`create or replace function "flag_change_flag_change_cohort_version_delete_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select distinct x.s, 1 from (select r."school_id" as s from old_rows r union select e."school_id" from "enrolment" e join old_rows r on e."pupil_id" = r."pupil_id") x where x.s is not null order by 1
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "flag_change_cohort_version_delete" after delete on "flag_change" referencing old table as old_rows for each statement execute function "flag_change_flag_change_cohort_version_delete_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create or replace function "pupil_pupil_cohort_version_update_fn"() returns trigger as \$\$ begin perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select distinct x.s, 1 from (with moved as (select o."id", o."school_id" as was, n."school_id" as now from old_rows o join new_rows n on n."id" = o."id" where (o."school_id", o."trust_id", o."left_on", o."year_group", o."year_group_academic_year", o."sen_support", o."ehcp", o."disadvantaged", o."looked_after", o."eal", o."young_carer", o."young_parent", o."youth_justice", o."refugee", o."service_child", o."persistent_absence", o."neet_risk") is distinct from (n."school_id", n."trust_id", n."left_on", n."year_group", n."year_group_academic_year", n."sen_support", n."ehcp", n."disadvantaged", n."looked_after", n."eal", n."young_carer", n."young_parent", n."youth_justice", n."refugee", n."service_child", n."persistent_absence", n."neet_risk"))
     select was as s from moved union select now from moved union select e."school_id" from "enrolment" e join moved m on e."pupil_id" = m."id") x where x.s is not null order by 1
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); return null; end; \$\$ language plpgsql;`);
    this.addSql(`drop trigger if exists "flag_change_cohort_version_insert" on "flag_change";`);
    this.addSql(`drop function if exists "flag_change_flag_change_cohort_version_insert_fn"();`);
    this.addSql(`drop trigger if exists "flag_change_cohort_version_update" on "flag_change";`);
    this.addSql(`drop function if exists "flag_change_flag_change_cohort_version_update_fn"();`);
    this.addSql(`drop trigger if exists "flag_change_cohort_version_delete" on "flag_change";`);
    this.addSql(`drop function if exists "flag_change_flag_change_cohort_version_delete_fn"();`);
  }

}
