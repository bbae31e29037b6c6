import { Migration } from '@mikro-orm/migrations';

export class Migration20261207042617 extends Migration {

  override name = 'Migration20261207042617';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger if exists "pupil_sync_change" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_sync_change_fn"();`);
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
    this.addSql(`create trigger "pupil_sync_change" AFTER INSERT OR UPDATE OR DELETE on "pupil" for each ROW execute function "pupil_pupil_sync_change_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "pupil_sync_change" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_sync_change_fn"();`);
    this.addSql(`create or replace function "pupil_pupil_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") values (old."trust_id", old."id", 'DELETED');   end if;   return null; end if; if tg_op = 'UPDATE' then
  if (old."school_id", old."trust_id", old."year_group", old."year_group_academic_year", old."enrolled_on", old."left_on", old."pseudonymised_at")
     is not distinct from (new."school_id", new."trust_id", new."year_group", new."year_group_academic_year", new."enrolled_on", new."left_on", new."pseudonymised_at") then
    return null;   end if;   if old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
    insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") values (old."trust_id", old."id", 'TRANSFERRED');   end if; end if; if new."trust_id" is not null then
  insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason")
  values (new."trust_id", new."id", case when new."pseudonymised_at" is not null then 'PSEUDONYMISED' end); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_sync_change" AFTER DELETE OR INSERT OR UPDATE on "pupil" for each ROW execute function "pupil_pupil_sync_change_fn"();`);
  }

}
