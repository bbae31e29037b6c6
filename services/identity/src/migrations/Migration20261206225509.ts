import { Migration } from '@mikro-orm/migrations';

export class Migration20261206225509 extends Migration {

  override name = 'Migration20261206225509';

  override up(): void | Promise<void> {
    this.addSql(`create table "volunteer_provisioning" ("account_id" uuid not null, "created_at" timestamptz not null, "attempts" int not null default 0, "last_error" varchar(1000) null, "delivered_at" timestamptz null, primary key ("account_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "volunteer_provisioning" cascade;`);
  }

}
