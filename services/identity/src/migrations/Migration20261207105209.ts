import { Migration } from '@mikro-orm/migrations';

export class Migration20261207105209 extends Migration {

  override name = 'Migration20261207105209';

  override up(): void | Promise<void> {
    this.addSql(`create table "leader_mail" ("id" uuid not null, "notice_id" uuid not null, "school_id" uuid not null, "account_id" uuid not null, "subject" varchar(200) not null, "text" text not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "last_error" varchar(300) null, "next_attempt_at" timestamptz null, "created_at" timestamptz not null, "sent_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "leader_mail_status_next_attempt_at_index" on "leader_mail" ("status", "next_attempt_at");`);
    this.addSql(`alter table "leader_mail" add constraint "leader_mail_notice_id_account_id_unique" unique ("notice_id", "account_id");`);

    this.addSql(`alter table "leader_mail" add constraint "leader_mail_status_check" check ("status" in ('PENDING', 'SENT', 'FAILED', 'CANCELLED'));`);
    this.addSql(`alter table "leader_mail" enable row level security;`);
    this.addSql(`alter table "leader_mail" force row level security;`);
    this.addSql(`create policy "tenant" on "leader_mail" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "leader_mail" cascade;`);
  }

}
