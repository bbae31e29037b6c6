import { Migration } from '@mikro-orm/migrations';

export class Migration20261123144800 extends Migration {

  override name = 'Migration20261123144800';

  override up(): void | Promise<void> {
    this.addSql(`alter table "account" add "child_pupil_ids" uuid[] not null default '{}';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "account" drop column "child_pupil_ids";`);
  }

}
