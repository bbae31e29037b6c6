import { Migration } from '@mikro-orm/migrations';

export class Migration20261207151710 extends Migration {

  override name = 'Migration20261207151710';

  override up(): void | Promise<void> {
    this.addSql(`alter table "pupil" add "address_line1" varchar(100) null, add "address_line2" varchar(100) null, add "address_town" varchar(60) null, add "address_postcode" varchar(8) null, add "parent_carer_name" varchar(100) null, add "parent_carer_same_address" boolean not null default false, add "parent_carer_address_line1" varchar(100) null, add "parent_carer_address_line2" varchar(100) null, add "parent_carer_address_town" varchar(60) null, add "parent_carer_address_postcode" varchar(8) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "pupil" drop column "address_line1", drop column "address_line2", drop column "address_town", drop column "address_postcode", drop column "parent_carer_name", drop column "parent_carer_same_address", drop column "parent_carer_address_line1", drop column "parent_carer_address_line2", drop column "parent_carer_address_town", drop column "parent_carer_address_postcode";`);
  }

}
