import { Migration } from '@mikro-orm/migrations';

/**
 * pupil's sync-log trigger fires once per statement, with transition tables (one trigger per event),
 * instead of once per row; the roster import's setting that held it and the cohort counter's insert
 * trigger off (waymark.pupil_bulk_insert) is gone. Generated, except the last statements of `up` and
 * `down`: the schema comparator does not see a change in a raw-DDL trigger, so the counter's insert
 * trigger is written again by hand without (and, going down, with) its WHEN.
 */
export class Migration20261207104013 extends Migration {

  override name = 'Migration20261207104013';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger if exists "pupil_sync_change" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_sync_change_fn"();`);
    this.addSql(`create or replace function "pupil_pupil_sync_change_insert_fn"() returns trigger as \$\$ begin insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") select r."trust_id", r."id", case when r."pseudonymised_at" is not null then 'PSEUDONYMISED' end from new_rows r where r."trust_id" is not null; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_sync_change_insert" after insert on "pupil" referencing new table as new_rows for each statement execute function "pupil_pupil_sync_change_insert_fn"();`);
    this.addSql(`create or replace function "pupil_pupil_sync_change_update_fn"() returns trigger as \$\$ begin insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") select l."trust_id", c."id", l."reason"
     from (select n."id", o."trust_id" as was, n."trust_id" as now, n."pseudonymised_at", n.i
       from (select r.*, row_number() over () as i from new_rows r) n join old_rows o on o."id" = n."id" where (o."school_id", o."trust_id", o."year_group", o."year_group_academic_year", o."enrolled_on", o."left_on", o."pseudonymised_at", o."destination_tracking", o."local_authority_sharing_opt_out") is distinct from (n."school_id", n."trust_id", n."year_group", n."year_group_academic_year", n."enrolled_on", n."left_on", n."pseudonymised_at", n."destination_tracking", n."local_authority_sharing_opt_out")) c
     cross join lateral (values (0, case when c.was is distinct from c.now then c.was end, 'TRANSFERRED'), (1, c.now, case when c."pseudonymised_at" is not null then 'PSEUDONYMISED' end)) l (k, "trust_id", "reason")
     where l."trust_id" is not null order by c.i, l.k; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_sync_change_update" after update on "pupil" referencing old table as old_rows new table as new_rows for each statement execute function "pupil_pupil_sync_change_update_fn"();`);
    this.addSql(`create or replace function "pupil_pupil_sync_change_delete_fn"() returns trigger as \$\$ begin insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") select r."trust_id", r."id", 'DELETED' from old_rows r where r."trust_id" is not null; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_sync_change_delete" after delete on "pupil" referencing old table as old_rows for each statement execute function "pupil_pupil_sync_change_delete_fn"();`);
    this.addSql(`drop trigger if exists "pupil_cohort_version_insert" on "pupil";`);
    this.addSql(`create trigger "pupil_cohort_version_insert" after insert on "pupil" referencing new table as new_rows for each statement execute function "pupil_pupil_cohort_version_insert_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "pupil_sync_change_insert" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_sync_change_insert_fn"();`);
    this.addSql(`drop trigger if exists "pupil_sync_change_update" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_sync_change_update_fn"();`);
    this.addSql(`drop trigger if exists "pupil_sync_change_delete" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_sync_change_delete_fn"();`);
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
    this.addSql(`create trigger "pupil_sync_change" AFTER DELETE OR INSERT OR UPDATE on "pupil" for each ROW
  when ((current_setting('waymark.pupil_bulk_insert'::text, true) IS DISTINCT FROM 'on'::text)) execute function "pupil_pupil_sync_change_fn"();`);
    this.addSql(`drop trigger if exists "pupil_cohort_version_insert" on "pupil";`);
    this.addSql(`create trigger "pupil_cohort_version_insert" after insert on "pupil" referencing new table as new_rows for each statement when ((current_setting('waymark.pupil_bulk_insert'::text, true) IS DISTINCT FROM 'on'::text)) execute function "pupil_pupil_cohort_version_insert_fn"();`);
  }

}
