import { Migration } from '@mikro-orm/migrations';

export class Migration20261206221411 extends Migration {

  override name = 'Migration20261206221411';

  override up(): void | Promise<void> {
    this.addSql(`create table "volunteer_check" ("id" uuid not null, "volunteer_id" uuid not null, "school_id" uuid not null, "kind" varchar(30) not null, "done_on" date not null, "expires_on" date not null, "recorded_by_id" varchar(100) not null, "recorded_by_name" varchar(200) not null, "recorded_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "volunteer_check_volunteer_id_index" on "volunteer_check" ("volunteer_id");`);
    this.addSql(`create index "volunteer_check_school_id_volunteer_id_index" on "volunteer_check" ("school_id", "volunteer_id");`);

    this.addSql(`alter table "volunteer_request" add "unsupervised" boolean not null default false, add "regular" boolean not null default false;`);

    this.addSql(`alter table "volunteer_check" enable row level security;`);
    this.addSql(`alter table "volunteer_check" force row level security;`);
    this.addSql(`create policy "tenant" on "volunteer_check" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("school_id" = any((select string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[] as string_to_array)::uuid[])) or ("volunteer_id" = (select nullif(current_setting('waymark.volunteer', true), '')::uuid as "nullif")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "volunteer_check" cascade;`);

    this.addSql(`alter table "volunteer_request" drop column "unsupervised", drop column "regular";`);
  }

}
