import { Migration } from '@mikro-orm/migrations';

export class Migration20261207045307 extends Migration {

  override name = 'Migration20261207045307';

  override up(): void | Promise<void> {
    this.addSql(`create table "volunteer_erasure" ("account_id" uuid not null, "volunteer_id" uuid not null, "requested_at" timestamptz not null, "completed_at" timestamptz null, primary key ("account_id"));`);

    this.addSql(`create table "volunteer_erasure_step" ("account_id" uuid not null, "subgraph" varchar(40) not null, "done_at" timestamptz not null, primary key ("account_id", "subgraph"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "volunteer_erasure" cascade;`);
    this.addSql(`drop table if exists "volunteer_erasure_step" cascade;`);
  }

}
