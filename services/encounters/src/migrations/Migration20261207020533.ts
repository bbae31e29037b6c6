import { Migration } from '@mikro-orm/migrations';

export class Migration20261207020533 extends Migration {

  override name = 'Migration20261207020533';

  override up(): void | Promise<void> {
    this.addSql(`create table "readiness_response" ("id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "academic_year" smallint not null, "year_group" smallint not null, "answers" jsonb not null, "submitted_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "readiness_response_school_id_academic_year_index" on "readiness_response" ("school_id", "academic_year");`);
    this.addSql(`alter table "readiness_response" add constraint "readiness_response_pupil_id_academic_year_unique" unique ("pupil_id", "academic_year");`);

    this.addSql(`alter table "readiness_response" enable row level security;`);
    this.addSql(`alter table "readiness_response" force row level security;`);
    this.addSql(`create policy "tenant" on "readiness_response" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "readiness_response" cascade;`);

  }

}
