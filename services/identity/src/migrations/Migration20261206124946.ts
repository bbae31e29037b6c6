import { Migration } from '@mikro-orm/migrations';

export class Migration20261206124946 extends Migration {

  override name = 'Migration20261206124946';

  override up(): void | Promise<void> {
    this.addSql(`alter table "account" drop constraint "account_roles_check";`);
    this.addSql(`alter table "account" add constraint "account_roles_check" check ("roles" <@ array['pupil'::text, 'parent'::text, 'careers_leader'::text, 'data_protection_lead'::text, 'staff'::text, 'careers_adviser'::text, 'employer_volunteer'::text, 'alumni'::text, 'trust_analyst'::text, 'platform_admin'::text]);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "account" drop constraint "account_roles_check";`);
    this.addSql(`alter table "account" add constraint "account_roles_check" check (roles <@ ARRAY['pupil'::text, 'parent'::text, 'careers_leader'::text, 'staff'::text, 'careers_adviser'::text, 'employer_volunteer'::text, 'alumni'::text, 'trust_analyst'::text, 'platform_admin'::text]);`);
  }

}
