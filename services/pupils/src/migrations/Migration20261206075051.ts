import { Migration } from '@mikro-orm/migrations';

export class Migration20261206075051 extends Migration {

  override name = 'Migration20261206075051';

  override up(): void | Promise<void> {
    this.addSql(`alter table "pupil" add "consent_updated_by_id" varchar(255) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "pupil" drop column "consent_updated_by_id";`);
  }

}
