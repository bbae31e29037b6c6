import { Migration } from '@mikro-orm/migrations';

export class Migration20261207045704 extends Migration {

  override name = 'Migration20261207045704';

  override up(): void | Promise<void> {
    this.addSql(`create table "webhook_outbox" ("id" uuid not null, "trust_id" uuid not null, "school_id" uuid not null, "type" varchar(64) not null, "data" jsonb not null, "occurred_at" timestamptz not null, "forwarded_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "webhook_outbox_forwarded_at_occurred_at_index" on "webhook_outbox" ("forwarded_at", "occurred_at");`);

    this.addSql(`alter table "webhook_outbox" enable row level security;`);
    this.addSql(`alter table "webhook_outbox" force row level security;`);
    this.addSql(`create policy "tenant" on "webhook_outbox" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "webhook_outbox" cascade;`);
  }

}
