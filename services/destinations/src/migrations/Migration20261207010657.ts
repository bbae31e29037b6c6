import { Migration } from '@mikro-orm/migrations';

export class Migration20261207010657 extends Migration {

  override name = 'Migration20261207010657';

  override up(): void | Promise<void> {
    this.addSql(`create table "september_offer" ("id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "year_group" smallint not null, "status" text not null, "place_kind" text null, "provider" varchar(200) null, "note" varchar(200) null, "entered_by_id" varchar(64) not null, "entered_by_role" varchar(40) not null, "entered_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "september_offer_school_id_year_group_index" on "september_offer" ("school_id", "year_group");`);
    this.addSql(`create index "september_offer_pupil_id_year_group_entered_at_index" on "september_offer" ("pupil_id", "year_group", "entered_at");`);

    this.addSql(`alter table "september_offer" add constraint "september_offer_status_check" check ("status" in ('OFFER_MADE', 'NO_OFFER', 'NOT_APPROPRIATE'));`);
    this.addSql(`alter table "september_offer" add constraint "september_offer_place_kind_check" check ("place_kind" in ('SCHOOL_SIXTH_FORM', 'SIXTH_FORM_COLLEGE', 'FE_COLLEGE', 'APPRENTICESHIP', 'SUPPORTED_INTERNSHIP_OR_TRAINEESHIP', 'EMPLOYMENT_WITH_TRAINING'));`);
    this.addSql(`alter table "september_offer" enable row level security;`);
    this.addSql(`alter table "september_offer" force row level security;`);
    this.addSql(`create policy "tenant" on "september_offer" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")) or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "september_offer" cascade;`);
  }

}
