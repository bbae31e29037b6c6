import { Migration } from '@mikro-orm/migrations';

export class Migration20261207043331 extends Migration {

  override name = 'Migration20261207043331';

  override up(): void | Promise<void> {
    this.addSql(`alter table "api_credential" add "rate_tokens" double precision null, add "rate_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "api_credential" drop column "rate_tokens", drop column "rate_at";`);
  }

}
