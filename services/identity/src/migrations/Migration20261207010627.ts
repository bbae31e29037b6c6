import { Migration } from '@mikro-orm/migrations';

export class Migration20261207010627 extends Migration {

  override name = 'Migration20261207010627';

  override up(): void | Promise<void> {
    this.addSql(`alter table "volunteer_sign_up" add "school_id" uuid null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "volunteer_sign_up" drop column "school_id";`);
  }

}
