import { Migration } from '@mikro-orm/migrations';

export class Migration20261123161906 extends Migration {

  override name = 'Migration20261123161906';

  override up(): void | Promise<void> {
    this.addSql(`create table "agreed_action" ("id" uuid not null, "meeting_id" uuid not null, "pupil_id" uuid not null, "text" text not null, "due_on" date null, "done_at" timestamptz null, "position" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "agreed_action_pupil_id_index" on "agreed_action" ("pupil_id");`);

    this.addSql(`create table "own_activity" ("id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "kind" text not null, "title" varchar(200) not null, "description" text null, "started_on" date not null, "ended_on" date null, "hours" double precision not null, "status" text not null default 'SUBMITTED', "decline_reason" text null, "submitted_at" timestamptz not null, "decided_at" timestamptz null, "decided_by" varchar(255) null, primary key ("id"));`);
    this.addSql(`create index "own_activity_pupil_id_status_index" on "own_activity" ("pupil_id", "status");`);
    this.addSql(`create index "own_activity_school_id_status_index" on "own_activity" ("school_id", "status");`);

    this.addSql(`create table "pupil_outlook" ("pupil_id" uuid not null, "interests" text[] not null default '{}', "considering_higher_education" boolean not null default false, "updated_at" timestamptz not null, primary key ("pupil_id"));`);

    this.addSql(`alter table "encounter" add "ends_at" timestamptz null, add "subject" varchar(60) null, add "hashtags" text[] not null default '{}', add "checklist_ticked" text[] not null default '{}', add "checklist_met" boolean not null default false, add "adviser_name" varchar(200) null, add "adviser_level" smallint null, add "staff_notes" text null, add "updated_at" timestamptz null;`);

    this.addSql(`drop index "participation_pupil_id_index";`);
    this.addSql(`alter table "participation" add "reflection" text null, add "reflected_at" timestamptz null;`);
    this.addSql(`create index "participation_pupil_id_encounter_id_index" on "participation" ("pupil_id", "encounter_id");`);

    this.addSql(`alter table "agreed_action" add constraint "agreed_action_meeting_id_foreign" foreign key ("meeting_id") references "encounter" ("id") on delete cascade;`);

    this.addSql(`alter table "own_activity" add constraint "own_activity_kind_check" check ("kind" in ('PART_TIME_JOB', 'WORK_EXPERIENCE', 'UNIVERSITY_OPEN_DAY', 'VOLUNTEERING', 'OTHER'));`);
    this.addSql(`alter table "own_activity" add constraint "own_activity_status_check" check ("status" in ('SUBMITTED', 'VERIFIED', 'DECLINED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "agreed_action" cascade;`);
    this.addSql(`drop table if exists "own_activity" cascade;`);
    this.addSql(`drop table if exists "pupil_outlook" cascade;`);

    this.addSql(`alter table "encounter" drop column "ends_at", drop column "subject", drop column "hashtags", drop column "checklist_ticked", drop column "checklist_met", drop column "adviser_name", drop column "adviser_level", drop column "staff_notes", drop column "updated_at";`);

    this.addSql(`drop index "participation_pupil_id_encounter_id_index";`);
    this.addSql(`alter table "participation" drop column "reflection", drop column "reflected_at";`);
    this.addSql(`create index "participation_pupil_id_index" on "participation" ("pupil_id");`);
  }

}
