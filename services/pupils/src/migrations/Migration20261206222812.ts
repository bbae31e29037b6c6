import { Migration } from '@mikro-orm/migrations';

export class Migration20261206222812 extends Migration {

  override name = 'Migration20261206222812';

  override up(): void | Promise<void> {
    this.addSql(`create table "retention_step" ("id" uuid not null, "pupil_id" uuid not null, "subgraph" varchar(40) not null, "done_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "retention_step" add constraint "retention_step_pupil_id_subgraph_unique" unique ("pupil_id", "subgraph");`);

    this.addSql(`alter table "retention_step" enable row level security;`);
    this.addSql(`alter table "retention_step" force row level security;`);
    this.addSql(`create policy "tenant" on "retention_step" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[]))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("pupil_id" = any((select string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[] as string_to_array)::uuid[])));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "retention_step" cascade;`);
  }

}
