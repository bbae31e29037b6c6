import { Migration } from '@mikro-orm/migrations';

export class Migration20261123140638 extends Migration {

  override name = 'Migration20261123140638';

  override up(): void | Promise<void> {
    this.addSql(`create table "account" ("id" uuid not null, "email" varchar(254) not null, "display_name" varchar(255) not null, "password_hash" varchar(255) not null, "roles" text[] not null, "trust_id" uuid null, "school_id" uuid null, "pupil_id" uuid null, "volunteer_id" uuid null, "employer_id" uuid null, "pupil_level_access" boolean not null default false, "mfa_secret" varchar(255) null, "mfa_enrolled_at" timestamptz null, "disabled_at" timestamptz null, "failed_sign_ins" int not null default 0, "locked_until" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "account" add constraint "account_email_unique" unique ("email");`);

    this.addSql(`create table "api_credential" ("id" uuid not null, "trust_id" uuid not null, "name" varchar(100) not null, "secret_hash" varchar(64) not null, "scopes" text[] not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "api_credential_trust_id_index" on "api_credential" ("trust_id");`);
    this.addSql(`alter table "api_credential" add constraint "api_credential_secret_hash_unique" unique ("secret_hash");`);

    this.addSql(`create table "session" ("id" uuid not null, "token_hash" varchar(64) not null, "account_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_account_id_index" on "session" ("account_id");`);

    this.addSql(`alter table "account" add constraint "account_email_lower_case" check (email = lower(email));`);
    this.addSql(`alter table "account" add constraint "account_roles_check" check ("roles" <@ array['pupil'::text, 'parent'::text, 'careers_leader'::text, 'staff'::text, 'careers_adviser'::text, 'employer_volunteer'::text, 'alumni'::text, 'trust_analyst'::text, 'platform_admin'::text]);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "account" cascade;`);
    this.addSql(`drop table if exists "api_credential" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);
  }

}
