import { Migration } from '@mikro-orm/migrations';

export class Migration20261206224514 extends Migration {

  override name = 'Migration20261206224514';

  override up(): void | Promise<void> {
    this.addSql(`create table "encounter_sync_change" ("seq" bigserial primary key, "xid" xid8 not null default pg_current_xact_id(), "trust_id" uuid not null, "record" text not null, "row_id" uuid not null, "reason" text null);`);
    this.addSql(`create index "encounter_sync_change_trust_id_record_row_id_seq_index" on "encounter_sync_change" ("trust_id", "record", "row_id", "seq");`);
    this.addSql(`create index "encounter_sync_change_trust_id_record_xid_seq_index" on "encounter_sync_change" ("trust_id", "record", "xid", "seq");`);

    this.addSql(`create or replace function "encounter_encounter_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'encounter', old."id", 'DELETED');   end if;   return null; end if; if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'encounter', old."id", 'LEFT_TRUST'); end if; if new."trust_id" is not null then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id") values (new."trust_id", 'encounter', new."id"); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "encounter_sync_change" AFTER INSERT OR UPDATE OR DELETE on "encounter" for each ROW execute function "encounter_encounter_sync_change_fn"();`);

    this.addSql(`create or replace function "participation_participation_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'participation', old."id", 'DELETED');   end if;   return null; end if; if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id", "reason") values (old."trust_id", 'participation', old."id", 'LEFT_TRUST'); end if; if new."trust_id" is not null then
  insert into "encounter_sync_change" ("trust_id", "record", "row_id") values (new."trust_id", 'participation', new."id"); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "participation_sync_change" AFTER INSERT OR UPDATE OR DELETE on "participation" for each ROW execute function "participation_participation_sync_change_fn"();`);

    this.addSql(`alter table "encounter_sync_change" enable row level security;`);
    this.addSql(`alter table "encounter_sync_change" force row level security;`);
    this.addSql(`create policy "tenant" on "encounter_sync_change" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);
    this.addSql(`create policy "append" on "encounter_sync_change" for insert with check (true);`);

    // Written by hand: every encounter and register row already in a trust starts the log, so a
    // trust's first sync finds them all (docs/trust-api.md, "Incremental sync"). Row-level security is
    // forced on both tables, so this transaction reads them as the system.
    this.addSql(`select set_config('waymark.bypass', 'on', true);`);
    this.addSql(`insert into "encounter_sync_change" ("trust_id", "record", "row_id") select "trust_id", 'encounter', "id" from "encounter" where "trust_id" is not null order by "id";`);
    this.addSql(`insert into "encounter_sync_change" ("trust_id", "record", "row_id") select "trust_id", 'participation', "id" from "participation" where "trust_id" is not null order by "id";`);
    this.addSql(`select set_config('waymark.bypass', '', true);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "encounter_sync_change" cascade;`);

    this.addSql(`drop trigger if exists "encounter_sync_change" on "encounter";`);
    this.addSql(`drop function if exists "encounter_encounter_sync_change_fn"();`);

    this.addSql(`drop trigger if exists "participation_sync_change" on "participation";`);
    this.addSql(`drop function if exists "participation_participation_sync_change_fn"();`);
  }

}
