import { Migration } from '@mikro-orm/migrations';

export class Migration20261206094357 extends Migration {

  override name = 'Migration20261206094357';

  override up(): void | Promise<void> {
    this.addSql(`create table "activity_spell" ("id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "leaving_year" smallint not null, "activity" text not null, "provider_kind" text null, "apprenticeship_level" smallint null, "provider" varchar(200) null, "starts_on" date not null, "ends_on" date null, "source" text not null, "confirmed" boolean not null, "entered_by_id" varchar(64) not null, "entered_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "activity_spell_school_id_leaving_year_index" on "activity_spell" ("school_id", "leaving_year");`);
    this.addSql(`create index "activity_spell_pupil_id_starts_on_index" on "activity_spell" ("pupil_id", "starts_on");`);

    this.addSql(`alter table "activity_spell" add constraint "activity_spell_activity_check" check ("activity" in ('EDUCATION', 'APPRENTICESHIP', 'EMPLOYMENT_WITH_TRAINING', 'EMPLOYMENT_WITHOUT_TRAINING', 'NEET_AVAILABLE', 'NEET_NOT_AVAILABLE', 'NOT_KNOWN'));`);
    this.addSql(`alter table "activity_spell" add constraint "activity_spell_provider_kind_check" check ("provider_kind" in ('SCHOOL_SIXTH_FORM', 'SIXTH_FORM_COLLEGE', 'FE_COLLEGE', 'UNIVERSITY', 'OTHER'));`);
    this.addSql(`alter table "activity_spell" add constraint "activity_spell_source_check" check ("source" in ('STAFF', 'SELF_REPORTED', 'LA_CONFIRMATION'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "activity_spell" cascade;`);
  }

}
