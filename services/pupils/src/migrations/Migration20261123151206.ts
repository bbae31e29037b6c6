import { Migration } from '@mikro-orm/migrations';

export class Migration20261123151206 extends Migration {

  override name = 'Migration20261123151206';

  override up(): void | Promise<void> {
    this.addSql(`create table "flag_change" ("id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "group" text not null, "value" boolean not null, "changed_at" timestamptz not null, "source" varchar(10) not null, "changed_by_id" varchar(255) null, "changed_by" varchar(255) null, primary key ("id"));`);
    this.addSql(`create index "flag_change_pupil_id_changed_at_index" on "flag_change" ("pupil_id", "changed_at");`);

    this.addSql(`create table "enrolment" ("id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "started_on" date not null, "left_on" date null, primary key ("id"));`);
    this.addSql(`create index "enrolment_pupil_id_index" on "enrolment" ("pupil_id");`);
    this.addSql(`create index "enrolment_trust_id_index" on "enrolment" ("trust_id");`);
    this.addSql(`create index "enrolment_school_id_pupil_id_index" on "enrolment" ("school_id", "pupil_id");`);

    this.addSql(`create table "record_comment" ("id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "body" text not null, "author_id" varchar(255) not null, "author_name" varchar(255) not null, "author_role" varchar(10) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "record_comment_pupil_id_created_at_index" on "record_comment" ("pupil_id", "created_at");`);

    this.addSql(`create table "roster_column_mapping" ("id" uuid not null, "school_id" uuid not null, "header" varchar(255) not null, "label" varchar(255) not null, "field" varchar(32) null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "roster_column_mapping" add constraint "roster_column_mapping_school_id_header_unique" unique ("school_id", "header");`);

    this.addSql(`create table "roster_import" ("id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "created_by_id" varchar(255) not null, "created_by_name" varchar(255) not null, "created_by_kind" varchar(4) not null, "status" text not null, "full_roster" boolean not null, "total_rows" int not null, "processed_rows" int not null default 0, "to_add" int not null, "to_change" int not null, "to_mark_left" int not null, "unchanged" int not null, "transfers_in" int not null, "rejected" jsonb not null, "columns" jsonb not null, "unmapped_columns" jsonb not null, "missing_fields" jsonb not null, "rows" json not null, "protected_upns" json not null, "fingerprint" varchar(64) not null, "created_at" timestamptz not null, "commit_started_at" timestamptz null, "heartbeat_at" timestamptz null, "committed_at" timestamptz null, "failure_message" text null, primary key ("id"));`);
    this.addSql(`create index "roster_import_school_id_created_at_index" on "roster_import" ("school_id", "created_at");`);

    this.addSql(`create table "year_rollover" ("id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "academic_year" smallint not null, "promoted" int not null, "leavers" int not null, "rolled_over_at" timestamptz not null, "rolled_over_by" varchar(255) not null, primary key ("id"));`);
    this.addSql(`alter table "year_rollover" add constraint "year_rollover_school_id_academic_year_unique" unique ("school_id", "academic_year");`);

    this.addSql(`alter table "pupil" drop constraint "pupil_school_id_upn_unique";`);
    this.addSql(`drop index "pupil_upn_index";`);
    this.addSql(`alter table "pupil" add "year_group_academic_year" smallint null, add "destination_tracking" boolean not null default false, add "local_authority_sharing_opt_out" boolean not null default false, add "opt_out_by" varchar(10) null, add "consent_updated_at" timestamptz null, add "consent_updated_by" varchar(255) null;`);
    this.addSql(`alter table "pupil" add constraint "pupil_upn_unique" unique ("upn");`);

    this.addSql(`alter table "school" add "parent_access_enabled" boolean not null default false;`);

    this.addSql(`alter table "flag_change" add constraint "flag_change_pupil_id_foreign" foreign key ("pupil_id") references "pupil" ("id");`);
    this.addSql(`alter table "flag_change" add constraint "flag_change_group_check" check ("group" in ('SEN_SUPPORT', 'EHCP', 'DISADVANTAGED', 'LOOKED_AFTER', 'EAL', 'YOUNG_CARER', 'YOUNG_PARENT', 'YOUTH_JUSTICE', 'REFUGEE', 'SERVICE_CHILD', 'PERSISTENT_ABSENCE', 'NEET_RISK'));`);

    this.addSql(`alter table "enrolment" add constraint "enrolment_pupil_id_foreign" foreign key ("pupil_id") references "pupil" ("id");`);

    // Pupils already here get the enrolment they would have had: from the September they started
    // Year 7 (leavers: six years before the academic year they left in) to their leaving date.
    this.addSql(`insert into "enrolment" ("id", "pupil_id", "school_id", "trust_id", "started_on", "left_on")
      select gen_random_uuid(), "id", "school_id", "trust_id",
        make_date(case when "year_group" is not null
          then extract(year from current_date - interval '8 months')::int - ("year_group" - 7)
          else extract(year from coalesce("left_on", current_date) - interval '8 months')::int - 6 end, 9, 1),
        "left_on"
      from "pupil";`);

    this.addSql(`alter table "record_comment" add constraint "record_comment_pupil_id_foreign" foreign key ("pupil_id") references "pupil" ("id");`);

    this.addSql(`alter table "roster_import" add constraint "roster_import_status_check" check ("status" in ('PREVIEWED', 'COMMITTING', 'COMMITTED', 'FAILED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "flag_change" cascade;`);
    this.addSql(`drop table if exists "enrolment" cascade;`);
    this.addSql(`drop table if exists "record_comment" cascade;`);
    this.addSql(`drop table if exists "roster_column_mapping" cascade;`);
    this.addSql(`drop table if exists "roster_import" cascade;`);
    this.addSql(`drop table if exists "year_rollover" cascade;`);

    this.addSql(`alter table "pupil" drop constraint "pupil_upn_unique";`);
    this.addSql(`alter table "pupil" drop column "year_group_academic_year", drop column "destination_tracking", drop column "local_authority_sharing_opt_out", drop column "opt_out_by", drop column "consent_updated_at", drop column "consent_updated_by";`);
    this.addSql(`alter table "pupil" add constraint "pupil_school_id_upn_unique" unique ("school_id", "upn");`);
    this.addSql(`create index "pupil_upn_index" on "pupil" ("upn");`);

    this.addSql(`alter table "school" drop column "parent_access_enabled";`);
  }

}
