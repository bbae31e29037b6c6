import { Migration } from '@mikro-orm/migrations';

export class Migration20261207010339 extends Migration {

  override name = 'Migration20261207010339';

  override up(): void | Promise<void> {
    this.addSql(`alter table "signed_up_volunteer" add "claimed_school_id" uuid null;`);
    this.addSql(`create index "signed_up_volunteer_claimed_school_id_index" on "signed_up_volunteer" ("claimed_school_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "signed_up_volunteer_claimed_school_id_index";`);
    this.addSql(`alter table "signed_up_volunteer" drop column "claimed_school_id";`);
  }

}
