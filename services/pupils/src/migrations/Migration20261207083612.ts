import { Migration } from '@mikro-orm/migrations';

export class Migration20261207083612 extends Migration {

  override name = 'Migration20261207083612';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger if exists "pupil_cohort_version" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_cohort_version_fn"();`);
    this.addSql(`drop trigger if exists "pupil_sync_change" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_sync_change_fn"();`);
    this.addSql(`create or replace function "pupil_pupil_cohort_version_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."school_id", old."trust_id", old."left_on", old."year_group", old."year_group_academic_year", old."sen_support", old."ehcp", old."disadvantaged", old."looked_after", old."eal", old."young_carer", old."young_parent", old."youth_justice", old."refugee", old."service_child", old."persistent_absence", old."neet_risk") is not distinct from (new."school_id", new."trust_id", new."left_on", new."year_group", new."year_group_academic_year", new."sen_support", new."ehcp", new."disadvantaged", new."looked_after", new."eal", new."young_carer", new."young_parent", new."youth_justice", new."refugee", new."service_child", new."persistent_absence", new."neet_risk") then
  return null; end if; if tg_op <> 'INSERT' then
  perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select x.s, 1 from (select old."school_id" as s union select e."school_id" from "enrolment" e where e."pupil_id" = old."id") x where x.s is not null
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); end if; if tg_op <> 'DELETE' then
  perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select x.s, 1 from (select new."school_id" as s union select e."school_id" from "enrolment" e where e."pupil_id" = new."id") x where x.s is not null
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_cohort_version" AFTER INSERT OR UPDATE OR DELETE on "pupil" for each ROW
  when ((current_setting('waymark.pupil_bulk_insert'::text, true) IS DISTINCT FROM 'on'::text)) execute function "pupil_pupil_cohort_version_fn"();`);
    this.addSql(`create or replace function "pupil_pupil_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") values (old."trust_id", old."id", 'DELETED');   end if;   return null; end if; if tg_op = 'UPDATE' then
  if (old."school_id", old."trust_id", old."year_group", old."year_group_academic_year", old."enrolled_on", old."left_on", old."pseudonymised_at",
      old."destination_tracking", old."local_authority_sharing_opt_out")
     is not distinct from (new."school_id", new."trust_id", new."year_group", new."year_group_academic_year", new."enrolled_on", new."left_on", new."pseudonymised_at",
      new."destination_tracking", new."local_authority_sharing_opt_out") then
    return null;   end if;   if old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
    insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") values (old."trust_id", old."id", 'TRANSFERRED');   end if; end if; if new."trust_id" is not null then
  insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason")
  values (new."trust_id", new."id", case when new."pseudonymised_at" is not null then 'PSEUDONYMISED' end); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_sync_change" AFTER INSERT OR UPDATE OR DELETE on "pupil" for each ROW
  when ((current_setting('waymark.pupil_bulk_insert'::text, true) IS DISTINCT FROM 'on'::text)) execute function "pupil_pupil_sync_change_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "pupil_sync_change" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_sync_change_fn"();`);
    this.addSql(`drop trigger if exists "pupil_cohort_version" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_cohort_version_fn"();`);
    this.addSql(`create or replace function "pupil_pupil_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") values (old."trust_id", old."id", 'DELETED');   end if;   return null; end if; if tg_op = 'UPDATE' then
  if (old."school_id", old."trust_id", old."year_group", old."year_group_academic_year", old."enrolled_on", old."left_on", old."pseudonymised_at",
      old."destination_tracking", old."local_authority_sharing_opt_out")
     is not distinct from (new."school_id", new."trust_id", new."year_group", new."year_group_academic_year", new."enrolled_on", new."left_on", new."pseudonymised_at",
      new."destination_tracking", new."local_authority_sharing_opt_out") then
    return null;   end if;   if old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
    insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") values (old."trust_id", old."id", 'TRANSFERRED');   end if; end if; if new."trust_id" is not null then
  insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason")
  values (new."trust_id", new."id", case when new."pseudonymised_at" is not null then 'PSEUDONYMISED' end); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_sync_change" AFTER DELETE OR INSERT OR UPDATE on "pupil" for each ROW execute function "pupil_pupil_sync_change_fn"();`);
    this.addSql(`create or replace function "pupil_pupil_cohort_version_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."school_id", old."trust_id", old."left_on", old."year_group", old."year_group_academic_year", old."sen_support", old."ehcp", old."disadvantaged", old."looked_after", old."eal", old."young_carer", old."young_parent", old."youth_justice", old."refugee", old."service_child", old."persistent_absence", old."neet_risk") is not distinct from (new."school_id", new."trust_id", new."left_on", new."year_group", new."year_group_academic_year", new."sen_support", new."ehcp", new."disadvantaged", new."looked_after", new."eal", new."young_carer", new."young_parent", new."youth_justice", new."refugee", new."service_child", new."persistent_absence", new."neet_risk") then
  return null; end if; if tg_op <> 'INSERT' then
  perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select x.s, 1 from (select old."school_id" as s union select e."school_id" from "enrolment" e where e."pupil_id" = old."id") x where x.s is not null
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); end if; if tg_op <> 'DELETE' then
  perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);   perform set_config('waymark.bypass', 'on', true);   insert into "cohort_version" ("school_id", "version") select x.s, 1 from (select new."school_id" as s union select e."school_id" from "enrolment" e where e."pupil_id" = new."id") x where x.s is not null
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;   perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_cohort_version" AFTER DELETE OR INSERT OR UPDATE on "pupil" for each ROW execute function "pupil_pupil_cohort_version_fn"();`);
  }

}
