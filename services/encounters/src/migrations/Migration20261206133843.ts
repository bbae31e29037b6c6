import { Migration } from '@mikro-orm/migrations';

export class Migration20261206133843 extends Migration {

  override name = 'Migration20261206133843';

  override up(): void | Promise<void> {
    this.addSql(`create table "self_evaluation_reading" ("id" uuid not null, "school_id" uuid not null, "read_on" date not null, "areas" jsonb not null, primary key ("id"));`);
    this.addSql(`alter table "self_evaluation_reading" add constraint "self_evaluation_reading_school_id_unique" unique ("school_id");`);

    this.addSql(`create table "self_evaluation_snapshot" ("id" uuid not null, "school_id" uuid not null, "taken_on" date not null, "kind" text not null, "scores" jsonb not null, "areas" jsonb not null, "records_read_on" date null, "taken_by_name" text null, "taken_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "self_evaluation_snapshot_school_id_taken_on_index" on "self_evaluation_snapshot" ("school_id", "taken_on");`);
    this.addSql(`alter table "self_evaluation_snapshot" add constraint "self_evaluation_snapshot_school_id_taken_on_kind_unique" unique ("school_id", "taken_on", "kind");`);

    this.addSql(`alter table "self_evaluation_reading" enable row level security;`);
    this.addSql(`alter table "self_evaluation_reading" force row level security;`);
    this.addSql(`create policy "tenant" on "self_evaluation_reading" using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid)) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid));`);

    this.addSql(`create or replace function "self_evaluation_snapshot_self_evaluation_snapshot_no_update_fn"() returns trigger as \$\$ begin raise exception 'A self-evaluation snapshot is never changed once kept' using errcode = 'check_violation'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "self_evaluation_snapshot_no_update" BEFORE UPDATE on "self_evaluation_snapshot" for each ROW execute function "self_evaluation_snapshot_self_evaluation_snapshot_no_update_fn"();`);
    this.addSql(`alter table "self_evaluation_snapshot" enable row level security;`);
    this.addSql(`alter table "self_evaluation_snapshot" force row level security;`);
    this.addSql(`create policy "tenant" on "self_evaluation_snapshot" using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid)) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "self_evaluation_reading" cascade;`);
    this.addSql(`drop trigger if exists "self_evaluation_snapshot_no_update" on "self_evaluation_snapshot";`);
    this.addSql(`drop function if exists "self_evaluation_snapshot_self_evaluation_snapshot_no_update_fn"();`);
    this.addSql(`drop table if exists "self_evaluation_snapshot" cascade;`);
  }

}
