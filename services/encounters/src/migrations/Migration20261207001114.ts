import { Migration } from '@mikro-orm/migrations';

export class Migration20261207001114 extends Migration {

  override name = 'Migration20261207001114';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger if exists "encounter_sync_change" on "encounter";`);
    this.addSql(`drop function if exists "encounter_encounter_sync_change_fn"();`);
    this.addSql(`create or replace function "encounter_encounter_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."trust_id", old."school_id", old."kind", old."title", old."date", old."has_time", old."ends_at", old."in_school_day", old."hours", old."benchmarks", old."year_groups", old."subject", old."checklist_met", old."booked") is not distinct from (new."trust_id", new."school_id", new."kind", new."title", new."date", new."has_time", new."ends_at", new."in_school_day", new."hours", new."benchmarks", new."year_groups", new."subject", new."checklist_met", new."booked") then
  return null; end if; if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'encounter', old."id", 'DELETED');   end if;   return null; end if; if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'encounter', old."id", 'LEFT_TRUST'); end if; if new."trust_id" is not null then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id") values (new."trust_id", 'encounter', new."id"); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "encounter_sync_change" AFTER INSERT OR UPDATE OR DELETE on "encounter" for each ROW execute function "encounter_encounter_sync_change_fn"();`);

    this.addSql(`drop trigger if exists "participation_sync_change" on "participation";`);
    this.addSql(`drop function if exists "participation_participation_sync_change_fn"();`);
    this.addSql(`create or replace function "participation_participation_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and (old."trust_id", old."encounter_id", old."pupil_id", old."school_id", old."attended", old."declined") is not distinct from (new."trust_id", new."encounter_id", new."pupil_id", new."school_id", new."attended", new."declined") then
  return null; end if; if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'participation', old."id", 'DELETED');   end if;   return null; end if; if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'participation', old."id", 'LEFT_TRUST'); end if; if new."trust_id" is not null then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id") values (new."trust_id", 'participation', new."id"); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "participation_sync_change" AFTER INSERT OR UPDATE OR DELETE on "participation" for each ROW execute function "participation_participation_sync_change_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "encounter_sync_change" on "encounter";`);
    this.addSql(`drop function if exists "encounter_encounter_sync_change_fn"();`);
    this.addSql(`create or replace function "encounter_encounter_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'encounter', old."id", 'DELETED');   end if;   return null; end if; if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'encounter', old."id", 'LEFT_TRUST'); end if; if new."trust_id" is not null then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id") values (new."trust_id", 'encounter', new."id"); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "encounter_sync_change" AFTER DELETE OR INSERT OR UPDATE on "encounter" for each ROW execute function "encounter_encounter_sync_change_fn"();`);

    this.addSql(`drop trigger if exists "participation_sync_change" on "participation";`);
    this.addSql(`drop function if exists "participation_participation_sync_change_fn"();`);
    this.addSql(`create or replace function "participation_participation_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'participation', old."id", 'DELETED');   end if;   return null; end if; if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'participation', old."id", 'LEFT_TRUST'); end if; if new."trust_id" is not null then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id") values (new."trust_id", 'participation', new."id"); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "participation_sync_change" AFTER DELETE OR INSERT OR UPDATE on "participation" for each ROW execute function "participation_participation_sync_change_fn"();`);
  }

}
