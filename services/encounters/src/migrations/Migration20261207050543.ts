import { Migration } from '@mikro-orm/migrations';

export class Migration20261207050543 extends Migration {

  override name = 'Migration20261207050543';

  override up(): void | Promise<void> {
    this.addSql(`alter table "careers_publication" add "updated_by_id" uuid null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "careers_publication" drop column "updated_by_id";`);
  }

}
