import { Migration } from '@mikro-orm/migrations';

export class Migration20261207010511 extends Migration {

  override name = 'Migration20261207010511';

  override up(): void | Promise<void> {
    this.addSql(`create table "careers_publication" ("id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "urn" text not null, "school_name" text not null, "contact_name" text null, "contact_email" text null, "contact_phone" text null, "evaluation" text null, "review_on" date null, "premises" text null, "statement" text null, "published" jsonb null, "published_at" timestamptz null, "updated_by_name" text not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "careers_publication_urn_index" on "careers_publication" ("urn");`);
    this.addSql(`alter table "careers_publication" add constraint "careers_publication_school_id_unique" unique ("school_id");`);

    this.addSql(`alter table "careers_publication" enable row level security;`);
    this.addSql(`alter table "careers_publication" force row level security;`);
    this.addSql(`create policy "tenant" on "careers_publication" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "careers_publication" cascade;`);
  }

}
