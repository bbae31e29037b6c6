import { Migration } from '@mikro-orm/migrations';

export class Migration20261206102039 extends Migration {

  override name = 'Migration20261206102039';

  override up(): void | Promise<void> {
    this.addSql(`create index "activity_spell_trust_id_leaving_year_index" on "activity_spell" ("trust_id", "leaving_year");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "activity_spell_trust_id_leaving_year_index";`);
  }

}
