import { Migration } from '@mikro-orm/migrations';

export class Migration20261206100055 extends Migration {

  override name = 'Migration20261206100055';

  override up(): void | Promise<void> {
    this.addSql(`alter table "participation" add "group_reflection_on" date null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "participation" drop column "group_reflection_on";`);
  }

}
