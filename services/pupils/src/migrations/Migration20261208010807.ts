import { Migration } from '@mikro-orm/migrations';

export class Migration20261208010807 extends Migration {
  override name = 'Migration20261208010807';

  override up(): void | Promise<void> {
    // One row per pupil and trust from now on: each keeps its newest row, the only one a feed ever handed
    // out (what the daily compaction did), so no answer and no cursor changes. Then the triggers move a
    // pupil's row instead of adding one (pupil-sync.trigger.ts).
    this.addSql(
      `delete from "pupil_sync_change" l where exists (select 1 from "pupil_sync_change" n where n."trust_id" = l."trust_id" and n."pupil_id" = l."pupil_id" and n."seq" > l."seq");`,
    );
    this.addSql(`drop index "pupil_sync_change_trust_id_pupil_id_seq_index";`);
    this.addSql(`alter table "pupil_sync_change" add constraint "pupil_sync_change_trust_id_pupil_id_unique" unique ("trust_id", "pupil_id");`);
    this.addSql(`create or replace function "pupil_pupil_sync_change_insert_fn"() returns trigger as \$\$ begin declare
  held text := current_setting('waymark.bypass', true);
begin
  perform set_config('waymark.bypass', 'on', true);
  insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") select r."trust_id", r."id", case when r."pseudonymised_at" is not null then 'PSEUDONYMISED' end from new_rows r where r."trust_id" is not null
    on conflict ("trust_id", "pupil_id") do update set "xid" = excluded."xid", "seq" = excluded."seq", "reason" = excluded."reason";
  perform set_config('waymark.bypass', coalesce(held, ''), true);
end; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create or replace function "pupil_pupil_sync_change_update_fn"() returns trigger as \$\$ begin declare
  held text := current_setting('waymark.bypass', true);
begin
  perform set_config('waymark.bypass', 'on', true);
  insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") select l."trust_id", c."id", l."reason"
     from (select n."id", o."trust_id" as was, n."trust_id" as now, n."pseudonymised_at", n.i
       from (select r.*, row_number() over () as i from new_rows r) n join old_rows o on o."id" = n."id" where (o."school_id", o."trust_id", o."year_group", o."year_group_academic_year", o."enrolled_on", o."left_on", o."pseudonymised_at", o."destination_tracking", o."local_authority_sharing_opt_out") is distinct from (n."school_id", n."trust_id", n."year_group", n."year_group_academic_year", n."enrolled_on", n."left_on", n."pseudonymised_at", n."destination_tracking", n."local_authority_sharing_opt_out")) c
     cross join lateral (values (0, case when c.was is distinct from c.now then c.was end, 'TRANSFERRED'), (1, c.now, case when c."pseudonymised_at" is not null then 'PSEUDONYMISED' end)) l (k, "trust_id", "reason")
     where l."trust_id" is not null order by c.i, l.k
    on conflict ("trust_id", "pupil_id") do update set "xid" = excluded."xid", "seq" = excluded."seq", "reason" = excluded."reason";
  perform set_config('waymark.bypass', coalesce(held, ''), true);
end; return null; end; \$\$ language plpgsql;`);
    this.addSql(`create or replace function "pupil_pupil_sync_change_delete_fn"() returns trigger as \$\$ begin declare
  held text := current_setting('waymark.bypass', true);
begin
  perform set_config('waymark.bypass', 'on', true);
  insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") select r."trust_id", r."id", 'DELETED' from old_rows r where r."trust_id" is not null
    on conflict ("trust_id", "pupil_id") do update set "xid" = excluded."xid", "seq" = excluded."seq", "reason" = excluded."reason";
  perform set_config('waymark.bypass', coalesce(held, ''), true);
end; return null; end; \$\$ language plpgsql;`);
  }

  override down(): void | Promise<void> {
    this.addSql(
      `create or replace function "pupil_pupil_sync_change_insert_fn"() returns trigger as \$\$ begin insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") select r."trust_id", r."id", case when r."pseudonymised_at" is not null then 'PSEUDONYMISED' end from new_rows r where r."trust_id" is not null; return null; end; \$\$ language plpgsql;`,
    );
    this
      .addSql(`create or replace function "pupil_pupil_sync_change_update_fn"() returns trigger as \$\$ begin insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") select l."trust_id", c."id", l."reason"
     from (select n."id", o."trust_id" as was, n."trust_id" as now, n."pseudonymised_at", n.i
       from (select r.*, row_number() over () as i from new_rows r) n join old_rows o on o."id" = n."id" where (o."school_id", o."trust_id", o."year_group", o."year_group_academic_year", o."enrolled_on", o."left_on", o."pseudonymised_at", o."destination_tracking", o."local_authority_sharing_opt_out") is distinct from (n."school_id", n."trust_id", n."year_group", n."year_group_academic_year", n."enrolled_on", n."left_on", n."pseudonymised_at", n."destination_tracking", n."local_authority_sharing_opt_out")) c
     cross join lateral (values (0, case when c.was is distinct from c.now then c.was end, 'TRANSFERRED'), (1, c.now, case when c."pseudonymised_at" is not null then 'PSEUDONYMISED' end)) l (k, "trust_id", "reason")
     where l."trust_id" is not null order by c.i, l.k; return null; end; \$\$ language plpgsql;`);
    this.addSql(
      `create or replace function "pupil_pupil_sync_change_delete_fn"() returns trigger as \$\$ begin insert into "pupil_sync_change" ("trust_id", "pupil_id", "reason") select r."trust_id", r."id", 'DELETED' from old_rows r where r."trust_id" is not null; return null; end; \$\$ language plpgsql;`,
    );
    this.addSql(`alter table "pupil_sync_change" drop constraint "pupil_sync_change_trust_id_pupil_id_unique";`);
    this.addSql(`create index "pupil_sync_change_trust_id_pupil_id_seq_index" on "pupil_sync_change" ("trust_id", "pupil_id", "seq");`);
  }
}
