import { Migration } from '@mikro-orm/migrations';

export class Migration20261206221052 extends Migration {

  override name = 'Migration20261206221052';

  override up(): void | Promise<void> {
    this.addSql(`alter table "participation" add "declined" boolean not null default false;`);
    this.addSql(`alter table "participation" add constraint "participation_declined_not_attended" check (not (attended and declined));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "participation" drop constraint "participation_declined_not_attended";`);
    this.addSql(`alter table "participation" drop column "declined";`);
  }

}
