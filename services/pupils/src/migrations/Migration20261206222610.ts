import { Migration } from '@mikro-orm/migrations';

export class Migration20261206222610 extends Migration {

  override name = 'Migration20261206222610';

  override up(): void | Promise<void> {
    this.addSql(`create table "pupil_sync_change" ("seq" bigserial primary key, "xid" xid8 not null default pg_current_xact_id(), "trust_id" uuid not null, "pupil_id" uuid not null, "reason" text null);`);
    this.addSql(`create index "pupil_sync_change_trust_id_pupil_id_seq_index" on "pupil_sync_change" ("trust_id", "pupil_id", "seq");`);
    this.addSql(`create index "pupil_sync_change_trust_id_xid_seq_index" on "pupil_sync_change" ("trust_id", "xid", "seq");`);

    this.addSql(`alter table "pupil" add "pseudonymised_at" timestamptz null;`);
    this.addSql(`create or replace function "pupil_pupil_sync_change_fn"() returns trigger as \$\$ begin if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") values (old."trust_id", old."id", 'DELETED');   end if;   return null; end if; if tg_op = 'UPDATE' then
  if (old."school_id", old."trust_id", old."year_group", old."year_group_academic_year", old."enrolled_on", old."left_on", old."pseudonymised_at")
     is not distinct from (new."school_id", new."trust_id", new."year_group", new."year_group_academic_year", new."enrolled_on", new."left_on", new."pseudonymised_at") then
    return null;   end if;   if old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
    insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") values (old."trust_id", old."id", 'TRANSFERRED');   end if; end if; if new."trust_id" is not null then
  insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason")
  values (new."trust_id", new."id", case when new."pseudonymised_at" is not null then 'PSEUDONYMISED' end); end if; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "pupil_sync_change" AFTER INSERT OR UPDATE OR DELETE on "pupil" for each ROW execute function "pupil_pupil_sync_change_fn"();`);

    this.addSql(`alter table "pupil_sync_change" enable row level security;`);
    this.addSql(`alter table "pupil_sync_change" force row level security;`);
    this.addSql(`create policy "tenant" on "pupil_sync_change" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);
    this.addSql(`create policy "append" on "pupil_sync_change" for insert with check (true);`);

    // Written by hand: every pupil already in a trust starts the log, so a trust's first sync finds them
    // all (docs/trust-api.md, "Incremental sync"). Row-level security is forced on "pupil", so this
    // transaction reads it as the system.
    this.addSql(`select set_config('waymark.bypass', 'on', true);`);
    this.addSql(`insert into "pupil_sync_change" ("trust_id", "pupil_id") select "trust_id", "id" from "pupil" where "trust_id" is not null order by "id";`);
    this.addSql(`select set_config('waymark.bypass', '', true);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "pupil_sync_change" cascade;`);

    this.addSql(`drop trigger if exists "pupil_sync_change" on "pupil";`);
    this.addSql(`drop function if exists "pupil_pupil_sync_change_fn"();`);
    this.addSql(`alter table "pupil" drop column "pseudonymised_at";`);
  }

}
