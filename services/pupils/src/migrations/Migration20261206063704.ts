import { Migration } from '@mikro-orm/migrations';

/** Idempotency keys on record comments: one comment per author and key (a retried write is not saved twice). */
export class Migration20261206063704 extends Migration {

  override name = 'Migration20261206063704';

  override up(): void | Promise<void> {
    this.addSql(`alter table "record_comment" add "idempotency_key" varchar(100) null;`);
    this.addSql(`alter table "record_comment" add constraint "record_comment_author_id_idempotency_key_unique" unique ("author_id", "idempotency_key");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "record_comment" drop constraint "record_comment_author_id_idempotency_key_unique";`);
    this.addSql(`alter table "record_comment" drop column "idempotency_key";`);
  }

}
