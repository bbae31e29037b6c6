import { Migration } from '@mikro-orm/migrations';

export class Migration20261123140920 extends Migration {

  override name = 'Migration20261123140920';

  override up(): void | Promise<void> {
    this.addSql(`create table "destination" ("id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "stage" text not null, "kind" text not null, "provider" varchar(255) null, "recorded_on" date not null, primary key ("id"));`);
    this.addSql(`create index "destination_pupil_id_index" on "destination" ("pupil_id");`);
    this.addSql(`create index "destination_trust_id_stage_index" on "destination" ("trust_id", "stage");`);
    this.addSql(`create index "destination_school_id_stage_index" on "destination" ("school_id", "stage");`);

    this.addSql(`alter table "destination" add constraint "destination_stage_check" check ("stage" in ('INTENDED', 'IMMEDIATE', 'YEAR_1', 'YEAR_2', 'YEAR_3'));`);
    this.addSql(`alter table "destination" add constraint "destination_kind_check" check ("kind" in ('SCHOOL_SIXTH_FORM', 'SIXTH_FORM_COLLEGE', 'FE_COLLEGE', 'APPRENTICESHIP', 'TRAINING', 'HIGHER_EDUCATION', 'EMPLOYMENT', 'NEET_AVAILABLE', 'NEET_NOT_AVAILABLE', 'UNKNOWN'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "destination" cascade;`);
  }

}
