import { Migration } from '@mikro-orm/migrations';

export class Migration20261207010826 extends Migration {

  override name = 'Migration20261207010826';

  override up(): void | Promise<void> {
    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "trust_id" uuid not null, "endpoint_id" uuid not null, "event_id" uuid not null, "event_type" varchar(64) not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "last_response_code" int null, "last_error" varchar(300) null, "next_attempt_at" timestamptz null, "last_attempt_at" timestamptz null, "delivered_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_endpoint_id_index" on "webhook_delivery" ("endpoint_id");`);
    this.addSql(`create index "webhook_delivery_status_next_attempt_at_index" on "webhook_delivery" ("status", "next_attempt_at");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_event_id_unique" unique ("endpoint_id", "event_id");`);

    this.addSql(`create table "webhook_endpoint" ("id" uuid not null, "trust_id" uuid not null, "url" varchar(2000) not null, "events" text[] not null, "scopes" text[] not null, "api_credential_id" uuid null, "secret" varchar(255) not null, "created_at" timestamptz not null, "created_by_id" uuid null, "disabled_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "webhook_endpoint_trust_id_index" on "webhook_endpoint" ("trust_id");`);

    this.addSql(`create table "webhook_event" ("id" uuid not null, "trust_id" uuid not null, "type" varchar(64) not null, "data" jsonb not null, "occurred_at" timestamptz not null, "received_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "webhook_event_trust_id_index" on "webhook_event" ("trust_id");`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_status_check" check ("status" in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'));`);
    this.addSql(`alter table "webhook_delivery" enable row level security;`);
    this.addSql(`alter table "webhook_delivery" force row level security;`);
    this.addSql(`create policy "tenant" on "webhook_delivery" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);

    this.addSql(`alter table "webhook_endpoint" enable row level security;`);
    this.addSql(`alter table "webhook_endpoint" force row level security;`);
    this.addSql(`create policy "tenant" on "webhook_endpoint" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);

    this.addSql(`alter table "webhook_event" enable row level security;`);
    this.addSql(`alter table "webhook_event" force row level security;`);
    this.addSql(`create policy "tenant" on "webhook_event" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);
    this.addSql(`drop table if exists "webhook_event" cascade;`);
  }

}
