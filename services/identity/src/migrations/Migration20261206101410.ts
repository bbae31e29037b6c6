import { Migration } from '@mikro-orm/migrations';

export class Migration20261206101410 extends Migration {

  override name = 'Migration20261206101410';

  override up(): void | Promise<void> {
    this.addSql(`create table "email_token" ("id" uuid not null, "token_hash" varchar(64) not null, "account_id" uuid not null, "purpose" text not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "email_token" add constraint "email_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "email_token_account_id_index" on "email_token" ("account_id");`);

    this.addSql(`create table "volunteer_sign_up" ("account_id" uuid not null, "kind" text not null, "status" text not null, "job_title" varchar(120) not null, "organisation_name" varchar(160) null, "sector" varchar(1) null, "size_band" varchar(20) null, "postcode" varchar(8) null, "website" varchar(200) null, "school_name" varchar(160) null, "year_left" int null, "created_at" timestamptz not null, primary key ("account_id"));`);

    this.addSql(`alter table "account" add "awaiting_verification_since" timestamptz null;`);

    this.addSql(`alter table "email_token" add constraint "email_token_purpose_check" check ("purpose" in ('verify-email', 'reset-password'));`);

    this.addSql(`alter table "volunteer_sign_up" add constraint "volunteer_sign_up_kind_check" check ("kind" in ('employer', 'alumni'));`);
    this.addSql(`alter table "volunteer_sign_up" add constraint "volunteer_sign_up_status_check" check ("status" in ('awaiting-school', 'active'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "email_token" cascade;`);
    this.addSql(`drop table if exists "volunteer_sign_up" cascade;`);

    this.addSql(`alter table "account" drop column "awaiting_verification_since";`);
  }

}
