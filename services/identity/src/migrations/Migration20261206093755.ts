import { Migration } from '@mikro-orm/migrations';

export class Migration20261206093755 extends Migration {

  override name = 'Migration20261206093755';

  override up(): void | Promise<void> {
    this.addSql(`alter table "api_credential" add "request_count" int not null default 0, add "error_count" int not null default 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "api_credential" drop column "request_count", drop column "error_count";`);
  }

}
