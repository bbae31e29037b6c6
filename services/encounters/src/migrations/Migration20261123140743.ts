import { Migration } from '@mikro-orm/migrations';

export class Migration20261123140743 extends Migration {

  override name = 'Migration20261123140743';

  override up(): void | Promise<void> {
    this.addSql(`create table "encounter" ("id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "kind" text not null, "title" varchar(200) not null, "date" timestamptz not null, "in_school_day" boolean not null, "hours" double precision not null, "benchmarks" int[] not null, "year_groups" int[] not null, "employer_ids" uuid[] not null, "volunteer_ids" uuid[] not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "encounter_trust_id_index" on "encounter" ("trust_id");`);
    this.addSql(`create index "encounter_school_id_date_index" on "encounter" ("school_id", "date");`);

    this.addSql(`create table "participation" ("id" uuid not null, "encounter_id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "attended" boolean not null, primary key ("id"));`);
    this.addSql(`create index "participation_pupil_id_index" on "participation" ("pupil_id");`);
    this.addSql(`create index "participation_school_id_pupil_id_index" on "participation" ("school_id", "pupil_id");`);
    this.addSql(`alter table "participation" add constraint "participation_encounter_id_pupil_id_unique" unique ("encounter_id", "pupil_id");`);

    this.addSql(`alter table "encounter" add constraint "encounter_kind_check" check ("kind" in ('EMPLOYER_TALK', 'CAREERS_FAIR', 'MENTORING', 'ENTERPRISE_CHALLENGE', 'MOCK_INTERVIEW', 'WORKPLACE_VISIT', 'WORK_SHADOWING', 'WORK_EXPERIENCE', 'SIXTH_FORM_ENCOUNTER', 'FE_COLLEGE_ENCOUNTER', 'UNIVERSITY_ENCOUNTER', 'TRAINING_PROVIDER_ENCOUNTER', 'APPRENTICESHIP_PROVIDER_ENCOUNTER', 'UNIVERSITY_VISIT', 'CAREERS_LESSON', 'LMI_SESSION', 'CURRICULUM_LESSON', 'GUIDANCE_MEETING', 'PARENTS_EVENT'));`);

    this.addSql(`alter table "participation" add constraint "participation_encounter_id_foreign" foreign key ("encounter_id") references "encounter" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "participation" drop constraint "participation_encounter_id_foreign";`);

    this.addSql(`drop table if exists "encounter" cascade;`);
    this.addSql(`drop table if exists "participation" cascade;`);
  }

}
