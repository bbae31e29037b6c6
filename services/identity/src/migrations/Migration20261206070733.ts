import { Migration } from '@mikro-orm/migrations';

export class Migration20261206070733 extends Migration {

  override name = 'Migration20261206070733';

  override up(): void | Promise<void> {
    this.addSql(`create table "pending_sign_in" ("token_hash" varchar(64) not null, "account_id" uuid not null, "secret" varchar(255) null, "failed_codes" int not null default 0, "expires_at" timestamptz not null, primary key ("token_hash"));`);
    this.addSql(`create index "pending_sign_in_account_id_index" on "pending_sign_in" ("account_id");`);
    this.addSql(`create index "pending_sign_in_expires_at_index" on "pending_sign_in" ("expires_at");`);

    this.addSql(`create table "recovery_code" ("id" uuid not null, "account_id" uuid not null, "code_hash" varchar(64) not null, "created_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "recovery_code_account_id_index" on "recovery_code" ("account_id");`);

    this.addSql(`create table "second_factor_policy" ("organisation_id" uuid not null, "required" boolean not null, "changed_by_id" uuid not null, "changed_at" timestamptz not null, primary key ("organisation_id"));`);

    this.addSql(`alter table "account" add "mfa_last_step" int null, add "mfa_pending_secret" varchar(255) null;`);

    this.addSql(`alter table "session" add "user_agent" varchar(200) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "pending_sign_in" cascade;`);
    this.addSql(`drop table if exists "recovery_code" cascade;`);
    this.addSql(`drop table if exists "second_factor_policy" cascade;`);

    this.addSql(`alter table "account" drop column "mfa_last_step", drop column "mfa_pending_secret";`);

    this.addSql(`alter table "session" drop column "user_agent";`);
  }

}
