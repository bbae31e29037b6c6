import { Migration } from '@mikro-orm/migrations';

export class Migration20261206191534 extends Migration {

  override name = 'Migration20261206191534';

  override up(): void | Promise<void> {
    this.addSql(`alter table "encounter" add "booked" boolean not null default false, add "location" varchar(200) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "encounter" drop column "booked", drop column "location";`);
  }

}
