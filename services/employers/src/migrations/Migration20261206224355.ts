import { Migration } from '@mikro-orm/migrations';

export class Migration20261206224355 extends Migration {

  override name = 'Migration20261206224355';

  override up(): void | Promise<void> {
    this.addSql(`create table "signed_up_volunteer" ("account_id" uuid not null, "volunteer_id" uuid not null, "employer_id" uuid null, "organisation_size_band" varchar(20) null, "organisation_website" varchar(200) null, "claimed_school_name" varchar(160) null, "alumni_status" text null, "decided_by_school_id" uuid null, "decided_by_account_id" varchar(64) null, "decided_at" timestamptz null, "decision_message" text null, "created_at" timestamptz not null, primary key ("account_id"));`);
    this.addSql(`alter table "signed_up_volunteer" add constraint "signed_up_volunteer_volunteer_id_unique" unique ("volunteer_id");`);
    this.addSql(`create index "signed_up_volunteer_alumni_status_index" on "signed_up_volunteer" ("alumni_status");`);

    this.addSql(`alter table "signed_up_volunteer" add constraint "signed_up_volunteer_alumni_status_check" check ("alumni_status" in ('AWAITING', 'CONFIRMED', 'DECLINED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "signed_up_volunteer" cascade;`);
  }

}
