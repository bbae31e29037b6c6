import { Migration } from '@mikro-orm/migrations';

export class Migration20261207010558 extends Migration {
  override name = 'Migration20261207010558';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "encounter_rating" ("id" uuid not null, "encounter_id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "rating" smallint not null, "learned" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "encounter_rating_pupil_id_index" on "encounter_rating" ("pupil_id");`);
    this.addSql(`create index "encounter_rating_school_id_index" on "encounter_rating" ("school_id");`);
    this.addSql(`alter table "encounter_rating" add constraint "encounter_rating_encounter_id_pupil_id_unique" unique ("encounter_id", "pupil_id");`);

    this.addSql(
      `create table "programme_survey" ("id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "audience" text not null, "academic_year" int not null, "term" text not null, "anonymous" boolean not null, "opened_at" timestamptz not null, "opened_by_name" text not null, "closed_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "programme_survey" add constraint "programme_survey_school_id_audience_academic_year_term_unique" unique ("school_id", "audience", "academic_year", "term");`,
    );

    this.addSql(
      `create table "programme_survey_answer" ("id" uuid not null, "survey_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "account_id" text null, "helps" smallint not null, "informed" smallint not null, "comment" text null, primary key ("id"));`,
    );
    this.addSql(`create index "programme_survey_answer_survey_id_index" on "programme_survey_answer" ("survey_id");`);

    this.addSql(`create table "programme_survey_respondent" ("survey_id" uuid not null, "account_id" text not null, primary key ("survey_id", "account_id"));`);

    this.addSql(
      `alter table "encounter_rating" add constraint "encounter_rating_encounter_id_foreign" foreign key ("encounter_id") references "encounter" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "encounter_rating" add constraint "encounter_rating_rating_range" check (rating between 1 and 4);`);
    this.addSql(`alter table "encounter_rating" enable row level security;`);
    this.addSql(`alter table "encounter_rating" force row level security;`);
    this.addSql(
      `create policy "tenant" on "encounter_rating" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`,
    );

    this.addSql(`alter table "programme_survey" add constraint "programme_survey_term" check (term in ('AUTUMN', 'SPRING', 'SUMMER'));`);
    this.addSql(`alter table "programme_survey" add constraint "programme_survey_audience" check (audience in ('PARENTS', 'STAFF', 'EMPLOYERS'));`);
    this.addSql(`alter table "programme_survey" enable row level security;`);
    this.addSql(`alter table "programme_survey" force row level security;`);
    this.addSql(
      `create policy "tenant" on "programme_survey" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")) or (exists (select 1 from "encounter" e where e."school_id" = "programme_survey"."school_id" and e."volunteer_ids" @> array[(select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif")]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("school_id" = (select nullif(current_setting('waymark.member_school', true), '')::uuid as "nullif")) or (exists (select 1 from "encounter" e where e."school_id" = "programme_survey"."school_id" and e."volunteer_ids" @> array[(select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif")])));`,
    );

    this.addSql(
      `alter table "programme_survey_answer" add constraint "programme_survey_answer_survey_id_foreign" foreign key ("survey_id") references "programme_survey" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "programme_survey_answer" add constraint "programme_survey_answer_ratings" check (helps between 1 and 4 and informed between 1 and 4);`,
    );
    this.addSql(`alter table "programme_survey_answer" enable row level security;`);
    this.addSql(`alter table "programme_survey_answer" force row level security;`);
    this.addSql(
      `create policy "tenant" on "programme_survey_answer" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`,
    );
    this.addSql(`create policy "append" on "programme_survey_answer" for insert with check (true);`);

    this.addSql(
      `alter table "programme_survey_respondent" add constraint "programme_survey_respondent_survey_id_foreign" foreign key ("survey_id") references "programme_survey" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "programme_survey_answer" drop constraint "programme_survey_answer_survey_id_foreign";`);
    this.addSql(`alter table "programme_survey_respondent" drop constraint "programme_survey_respondent_survey_id_foreign";`);

    this.addSql(`drop table if exists "encounter_rating" cascade;`);
    this.addSql(`drop table if exists "programme_survey" cascade;`);
    this.addSql(`drop table if exists "programme_survey_answer" cascade;`);
    this.addSql(`drop table if exists "programme_survey_respondent" cascade;`);
  }
}
