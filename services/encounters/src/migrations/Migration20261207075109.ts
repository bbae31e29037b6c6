import { Migration } from '@mikro-orm/migrations';

export class Migration20261207075109 extends Migration {

  override name = 'Migration20261207075109';

  override up(): void | Promise<void> {
    this.addSql(`create table "benchmark_state" ("trust_id" uuid not null, "pupil_id" uuid not null, "measure" text not null, "school_id" uuid not null, "year_group" smallint not null, "state" text not null, "count" int not null, "needed" int not null, "as_of" date not null, primary key ("trust_id", "pupil_id", "measure"));`);

    this.addSql(`create table "benchmark_state_change" ("seq" bigserial primary key, "trust_id" uuid not null, "pupil_id" uuid not null, "measure" text not null, "reason" text null, "school_id" uuid null, "year_group" smallint null, "state" text null, "count" int null, "needed" int null, "as_of" date not null);`);
    this.addSql(`create index "benchmark_state_change_trust_id_pupil_id_measure_seq_index" on "benchmark_state_change" ("trust_id", "pupil_id", "measure", "seq");`);
    this.addSql(`create index "benchmark_state_change_trust_id_seq_index" on "benchmark_state_change" ("trust_id", "seq");`);

    this.addSql(`alter table "benchmark_state" enable row level security;`);
    this.addSql(`alter table "benchmark_state" force row level security;`);
    this.addSql(`create policy "tenant" on "benchmark_state" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);

    this.addSql(`alter table "benchmark_state_change" enable row level security;`);
    this.addSql(`alter table "benchmark_state_change" force row level security;`);
    this.addSql(`create policy "tenant" on "benchmark_state_change" using (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif"))) with check (((select current_setting('waymark.bypass', true) as current_setting) = 'on') or ("trust_id" = (select nullif(current_setting('waymark.trust', true), '')::uuid as "nullif")));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "benchmark_state" cascade;`);
    this.addSql(`drop table if exists "benchmark_state_change" cascade;`);
  }

}
