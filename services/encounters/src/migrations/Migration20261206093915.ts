import { Migration } from '@mikro-orm/migrations';

export class Migration20261206093915 extends Migration {

  override name = 'Migration20261206093915';

  override up(): void | Promise<void> {
    this.addSql(`alter table "encounter" add "idempotency_key" varchar(100) null;`);
    this.addSql(`alter table "encounter" add constraint "encounter_school_id_idempotency_key_unique" unique ("school_id", "idempotency_key");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "encounter" drop constraint "encounter_school_id_idempotency_key_unique";`);
    this.addSql(`alter table "encounter" drop column "idempotency_key";`);
  }

}
