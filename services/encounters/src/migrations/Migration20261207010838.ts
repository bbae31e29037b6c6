import { Migration } from '@mikro-orm/migrations';

export class Migration20261207010838 extends Migration {

  override name = 'Migration20261207010838';

  override up(): void | Promise<void> {
    this.addSql(`create table "engagement_feedback" ("id" uuid not null, "encounter_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "volunteer_id" uuid not null, "group_feedback" text not null, "organisation_rating" smallint not null, "organisation_feedback" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "engagement_feedback_volunteer_id_index" on "engagement_feedback" ("volunteer_id");`);
    this.addSql(`alter table "engagement_feedback" add constraint "engagement_feedback_encounter_id_volunteer_id_unique" unique ("encounter_id", "volunteer_id");`);

    this.addSql(`create table "pupil_engagement_feedback" ("id" uuid not null, "participation_id" uuid not null, "encounter_id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "volunteer_id" uuid not null, "text" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "pupil_engagement_feedback_encounter_id_volunteer_id_index" on "pupil_engagement_feedback" ("encounter_id", "volunteer_id");`);
    this.addSql(`create index "pupil_engagement_feedback_pupil_id_index" on "pupil_engagement_feedback" ("pupil_id");`);
    this.addSql(`alter table "pupil_engagement_feedback" add constraint "pupil_engagement_feedback_participation_id_volunteer_id_unique" unique ("participation_id", "volunteer_id");`);

    this.addSql(`create table "volunteer_thanks" ("id" uuid not null, "encounter_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "volunteer_id" uuid not null, "message" text not null, "rating" smallint not null, "thanked_by" varchar(255) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "volunteer_thanks_volunteer_id_index" on "volunteer_thanks" ("volunteer_id");`);
    this.addSql(`alter table "volunteer_thanks" add constraint "volunteer_thanks_encounter_id_volunteer_id_unique" unique ("encounter_id", "volunteer_id");`);

    this.addSql(`alter table "engagement_feedback" add constraint "engagement_feedback_encounter_id_foreign" foreign key ("encounter_id") references "encounter" ("id") on delete cascade;`);
    this.addSql(`alter table "engagement_feedback" add constraint "engagement_feedback_rating_range" check (organisation_rating >= 1 and organisation_rating <= 5);`);
    this.addSql(`alter table "engagement_feedback" enable row level security;`);
    this.addSql(`alter table "engagement_feedback" force row level security;`);
    this.addSql(`create policy "tenant" on "engagement_feedback" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif")));`);

    this.addSql(`alter table "pupil_engagement_feedback" add constraint "pupil_engagement_feedback_participation_id_foreign" foreign key ("participation_id") references "participation" ("id") on delete cascade;`);
    this.addSql(`alter table "pupil_engagement_feedback" enable row level security;`);
    this.addSql(`alter table "pupil_engagement_feedback" force row level security;`);
    this.addSql(`create policy "tenant" on "pupil_engagement_feedback" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif")));`);

    this.addSql(`alter table "volunteer_thanks" add constraint "volunteer_thanks_encounter_id_foreign" foreign key ("encounter_id") references "encounter" ("id") on delete cascade;`);
    this.addSql(`alter table "volunteer_thanks" add constraint "volunteer_thanks_rating_range" check (rating >= 1 and rating <= 5);`);
    this.addSql(`alter table "volunteer_thanks" enable row level security;`);
    this.addSql(`alter table "volunteer_thanks" force row level security;`);
    this.addSql(`create policy "tenant" on "volunteer_thanks" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "engagement_feedback" cascade;`);
    this.addSql(`drop table if exists "pupil_engagement_feedback" cascade;`);
    this.addSql(`drop table if exists "volunteer_thanks" cascade;`);

  }

}
