import { Migration } from '@mikro-orm/migrations';

export class Migration20261206222720 extends Migration {

  override name = 'Migration20261206222720';

  override up(): void | Promise<void> {
    this.addSql(`create table "programme_plan_item" ("id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "academic_year" int not null, "half_term" text not null, "year_groups" int[] not null, "title" varchar(200) not null, "purpose" text null, "learning_outcomes" text null, "cdi_areas" text[] not null, "benchmarks" int[] not null, "delivered_by" varchar(200) null, "for_groups" text[] not null, "send_adaptations" text null, "starts_on" date null, "ends_on" date null, "encounter_ids" uuid[] not null, "copied_from_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "programme_plan_item_trust_id_index" on "programme_plan_item" ("trust_id");`);
    this.addSql(`create index "programme_plan_item_school_id_academic_year_index" on "programme_plan_item" ("school_id", "academic_year");`);
    this.addSql(`alter table "programme_plan_item" add constraint "programme_plan_item_school_id_copied_from_id_unique" unique ("school_id", "copied_from_id");`);

    this.addSql(`alter table "programme_plan_item" enable row level security;`);
    this.addSql(`alter table "programme_plan_item" force row level security;`);
    this.addSql(`create policy "tenant" on "programme_plan_item" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "programme_plan_item" cascade;`);
  }

}
