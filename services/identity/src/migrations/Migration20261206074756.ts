import { Migration } from '@mikro-orm/migrations';

export class Migration20261206074756 extends Migration {

  override name = 'Migration20261206074756';

  override up(): void | Promise<void> {
    this.addSql(`alter table "api_credential" add "created_by_id" uuid null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "api_credential" drop column "created_by_id";`);
  }

}
