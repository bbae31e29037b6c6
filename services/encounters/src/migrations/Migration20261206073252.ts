import { Migration } from '@mikro-orm/migrations';

export class Migration20261206073252 extends Migration {

  override name = 'Migration20261206073252';

  override up(): void | Promise<void> {
    this.addSql(`alter table "encounter" add "has_time" boolean not null default true;`);
    // Until now a day without a time was sent as noon UTC with no finish, and read back that way:
    // keep reading those rows as days. (A real 12:00 GMT start without a finish cannot be told apart.)
    this.addSql(`update "encounter" set "has_time" = false where "ends_at" is null and ("date" at time zone 'UTC')::time = '12:00';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "encounter" drop column "has_time";`);
  }

}
