import { Migration } from '@mikro-orm/migrations';

export class Migration20261206094211 extends Migration {

  override name = 'Migration20261206094211';

  override up(): void | Promise<void> {
    this.addSql(`create table "aspiration" ("id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "text" text not null, "hashtags" text[] not null default '{}', "entered_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "aspiration_pupil_id_entered_at_index" on "aspiration" ("pupil_id", "entered_at");`);

    this.addSql(`create table "intention" ("id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "year_group" smallint not null, "kind" text not null, "apprenticeship_level" smallint null, "provider" varchar(200) null, "course" varchar(200) null, "entered_by_id" varchar(64) not null, "entered_by_role" varchar(40) not null, "entered_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "intention_school_id_year_group_index" on "intention" ("school_id", "year_group");`);
    this.addSql(`create index "intention_pupil_id_entered_at_index" on "intention" ("pupil_id", "entered_at");`);

    this.addSql(`alter table "intention" add constraint "intention_kind_check" check ("kind" in ('SCHOOL_SIXTH_FORM', 'SIXTH_FORM_COLLEGE', 'FE_COLLEGE', 'UNIVERSITY', 'APPRENTICESHIP', 'SUPPORTED_INTERNSHIP_OR_TRAINEESHIP', 'EMPLOYMENT_WITH_TRAINING', 'EMPLOYMENT_WITHOUT_TRAINING', 'GAP_YEAR', 'OTHER'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "aspiration" cascade;`);
    this.addSql(`drop table if exists "intention" cascade;`);
  }

}
