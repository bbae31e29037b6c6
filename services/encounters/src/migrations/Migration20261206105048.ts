import { Migration } from '@mikro-orm/migrations';

export class Migration20261206105048 extends Migration {

  override name = 'Migration20261206105048';

  override up(): void | Promise<void> {
    this.addSql(`create table "self_evaluation_override" ("id" uuid not null, "school_id" uuid not null, "area_key" text not null, "state" text not null, "reason" text not null, "set_by_account_id" text not null, "set_by_name" text not null, "set_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "self_evaluation_override_school_id_index" on "self_evaluation_override" ("school_id");`);
    this.addSql(`alter table "self_evaluation_override" add constraint "self_evaluation_override_school_id_area_key_unique" unique ("school_id", "area_key");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "self_evaluation_override" cascade;`);
  }

}
