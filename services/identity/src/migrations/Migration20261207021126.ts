import { Migration } from '@mikro-orm/migrations';

export class Migration20261207021126 extends Migration {

  override name = 'Migration20261207021126';

  override up(): void | Promise<void> {
    this.addSql(`alter table "volunteer_sign_up" rename column "school_id" to "claimed_school_id";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "volunteer_sign_up" rename column "claimed_school_id" to "school_id";`);
  }

}
