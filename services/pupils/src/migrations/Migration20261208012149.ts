import { Migration } from '@mikro-orm/migrations';

export class Migration20261208012149 extends Migration {

  override name = 'Migration20261208012149';

  override up(): void | Promise<void> {
    this.addSql(`create policy "read" on "cohort_version" for select using ("school_id" = any (array(select "s"."id" from "school" "s" where "s"."trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop policy "read" on "cohort_version";`);
  }

}
