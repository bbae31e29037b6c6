import { Migration } from '@mikro-orm/migrations';

export class Migration20261206064305 extends Migration {

  override name = 'Migration20261206064305';

  override up(): void | Promise<void> {
    this.addSql(`create table "sign_in_throttle" ("key" varchar(64) not null, "level" double precision not null, "updated_at" timestamptz not null, "blocked_until" timestamptz null, primary key ("key"));`);
    this.addSql(`create index "sign_in_throttle_updated_at_index" on "sign_in_throttle" ("updated_at");`);

    this.addSql(`create table "trusted_device" ("account_id" uuid not null, "device_hash" varchar(64) not null, "last_sign_in_at" timestamptz not null, primary key ("account_id", "device_hash"));`);

    this.addSql(`alter table "account" drop column "failed_sign_ins", drop column "locked_until";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "sign_in_throttle" cascade;`);
    this.addSql(`drop table if exists "trusted_device" cascade;`);

    this.addSql(`alter table "account" add "failed_sign_ins" int4 not null default 0, add "locked_until" timestamptz(6) null;`);
  }

}
