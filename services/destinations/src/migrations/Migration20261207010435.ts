import { Migration } from '@mikro-orm/migrations';

export class Migration20261207010435 extends Migration {

  override name = 'Migration20261207010435';

  override up(): void | Promise<void> {
    this.addSql(`create table "self_report" ("id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "leaving_year" smallint not null, "token_hash" varchar(64) null, "first_name" varchar(100) not null, "school_name" varchar(200) not null, "status" text not null, "created_by_id" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "submitted_at" timestamptz null, "activity" text null, "provider_kind" text null, "apprenticeship_level" smallint null, "provider" varchar(200) null, "course" varchar(200) null, "starts_on" date null, "decided_by_id" varchar(64) null, "decided_at" timestamptz null, "spell_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "self_report" add constraint "self_report_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "self_report_pupil_id_index" on "self_report" ("pupil_id");`);
    this.addSql(`create index "self_report_school_id_status_index" on "self_report" ("school_id", "status");`);

    this.addSql(`alter table "self_report" add constraint "self_report_status_check" check ("status" in ('AWAITING', 'PENDING', 'CONFIRMED', 'REJECTED'));`);
    this.addSql(`alter table "self_report" add constraint "self_report_activity_check" check ("activity" in ('EDUCATION', 'APPRENTICESHIP', 'EMPLOYMENT_WITH_TRAINING', 'EMPLOYMENT_WITHOUT_TRAINING', 'NEET_AVAILABLE', 'NEET_NOT_AVAILABLE', 'NOT_KNOWN'));`);
    this.addSql(`alter table "self_report" add constraint "self_report_provider_kind_check" check ("provider_kind" in ('SCHOOL_SIXTH_FORM', 'SIXTH_FORM_COLLEGE', 'FE_COLLEGE', 'UNIVERSITY', 'OTHER'));`);
    this.addSql(`alter table "self_report" enable row level security;`);
    this.addSql(`alter table "self_report" force row level security;`);
    this.addSql(`create policy "tenant" on "self_report" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "self_report" cascade;`);
  }

}
