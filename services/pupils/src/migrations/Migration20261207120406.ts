import { Migration } from '@mikro-orm/migrations';

export class Migration20261207120406 extends Migration {

  override name = 'Migration20261207120406';

  override up(): void | Promise<void> {
    this.addSql(`alter table "pupil" add "home_la_code" varchar(3) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "pupil" drop column "home_la_code";`);
  }

}
