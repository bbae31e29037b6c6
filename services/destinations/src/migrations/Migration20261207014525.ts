import { Migration } from '@mikro-orm/migrations';

export class Migration20261207014525 extends Migration {

  override name = 'Migration20261207014525';

  override up(): void | Promise<void> {
    this.addSql(`create table "alumni_report" ("id" uuid not null, "volunteer_id" uuid not null, "school_id" uuid not null, "name" varchar(200) not null, "year_left" smallint null, "status" text not null, "submitted_at" timestamptz not null, "activity" text not null, "provider_kind" text null, "apprenticeship_level" smallint null, "provider" varchar(200) null, "course" varchar(200) null, "starts_on" date not null, "decided_by_id" varchar(64) null, "decided_at" timestamptz null, "pupil_id" uuid null, "spell_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "alumni_report_volunteer_id_index" on "alumni_report" ("volunteer_id");`);
    this.addSql(`create index "alumni_report_school_id_status_index" on "alumni_report" ("school_id", "status");`);

    this.addSql(`alter table "alumni_report" add constraint "alumni_report_status_check" check ("status" in ('PENDING', 'MATCHED', 'KEPT', 'REJECTED'));`);
    this.addSql(`alter table "alumni_report" add constraint "alumni_report_activity_check" check ("activity" in ('EDUCATION', 'APPRENTICESHIP', 'EMPLOYMENT_WITH_TRAINING', 'EMPLOYMENT_WITHOUT_TRAINING', 'NEET_AVAILABLE', 'NEET_NOT_AVAILABLE', 'NOT_KNOWN'));`);
    this.addSql(`alter table "alumni_report" add constraint "alumni_report_provider_kind_check" check ("provider_kind" in ('SCHOOL_SIXTH_FORM', 'SIXTH_FORM_COLLEGE', 'FE_COLLEGE', 'UNIVERSITY', 'OTHER'));`);
    this.addSql(`alter table "alumni_report" enable row level security;`);
    this.addSql(`alter table "alumni_report" force row level security;`);
    this.addSql(`create policy "tenant" on "alumni_report" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "alumni_report" cascade;`);
  }

}
