import { Migration } from '@mikro-orm/migrations';

export class Migration20261207104937 extends Migration {

  override name = 'Migration20261207104937';

  override up(): void | Promise<void> {
    this.addSql(`create table "leader_mail_outbox" ("id" uuid not null, "school_id" uuid not null, "kind" varchar(64) not null, "data" jsonb not null, "occurred_at" timestamptz not null, "forwarded_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "leader_mail_outbox_forwarded_at_occurred_at_index" on "leader_mail_outbox" ("forwarded_at", "occurred_at");`);

    this.addSql(`alter table "leader_mail_outbox" enable row level security;`);
    this.addSql(`alter table "leader_mail_outbox" force row level security;`);
    this.addSql(`create policy "tenant" on "leader_mail_outbox" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "leader_mail_outbox" cascade;`);
  }

}
