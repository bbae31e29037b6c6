import { Migration } from '@mikro-orm/migrations';

export class Migration20261206134814 extends Migration {

  override name = 'Migration20261206134814';

  override up(): void | Promise<void> {
    // The application role (docs/security.md, "Row-level security"), then the tables' tenant policies.
    this.addSql(`do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'waymark_app') then
    begin
      create role "waymark_app" nologin nosuperuser nobypassrls noinherit;
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
  if not pg_has_role(current_user, 'waymark_app', 'member') then
    execute format('grant %I to %I', 'waymark_app', current_user);
  end if;
end $$;`);
    this.addSql(`grant usage on schema public to "waymark_app";`);
    this.addSql(`grant select, insert, update, delete on all tables in schema public to "waymark_app";`);
    this.addSql(`grant usage, select on all sequences in schema public to "waymark_app";`);
    this.addSql(`alter default privileges in schema public grant select, insert, update, delete on tables to "waymark_app";`);
    this.addSql(`alter default privileges in schema public grant usage, select on sequences to "waymark_app";`);

    this.addSql(`alter table "encounter_outbox" enable row level security;`);
    this.addSql(`alter table "encounter_outbox" force row level security;`);
    this.addSql(`create policy "tenant" on "encounter_outbox" using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid)) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid));`);

    this.addSql(`alter table "placement_application" enable row level security;`);
    this.addSql(`alter table "placement_application" force row level security;`);
    this.addSql(`create policy "tenant" on "placement_application" using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[])) or (exists (select 1 from "placement" p where p."id" = "placement_application"."placement_id" and p."volunteer_id" = nullif(current_setting('waymark.volunteer', true), '')::uuid))) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[])) or (exists (select 1 from "placement" p where p."id" = "placement_application"."placement_id" and p."volunteer_id" = nullif(current_setting('waymark.volunteer', true), '')::uuid)));`);

    this.addSql(`alter table "placement_outbox" enable row level security;`);
    this.addSql(`alter table "placement_outbox" force row level security;`);
    this.addSql(`create policy "tenant" on "placement_outbox" using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid) or (exists (select 1 from "placement_application" a join "placement" p on p."id" = a."placement_id" where a."id" = "placement_outbox"."application_id" and p."volunteer_id" = nullif(current_setting('waymark.volunteer', true), '')::uuid))) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid) or (exists (select 1 from "placement_application" a join "placement" p on p."id" = a."placement_id" where a."id" = "placement_outbox"."application_id" and p."volunteer_id" = nullif(current_setting('waymark.volunteer', true), '')::uuid)));`);

    this.addSql(`alter table "volunteer_request" enable row level security;`);
    this.addSql(`alter table "volunteer_request" force row level security;`);
    this.addSql(`create policy "tenant" on "volunteer_request" using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid) or (nullif(current_setting('waymark.volunteer', true), '')::uuid is not null)) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid) or (nullif(current_setting('waymark.volunteer', true), '')::uuid is not null));`);

    this.addSql(`alter table "volunteer_offer" enable row level security;`);
    this.addSql(`alter table "volunteer_offer" force row level security;`);
    this.addSql(`create policy "tenant" on "volunteer_offer" using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid) or ("volunteer_id" = nullif(current_setting('waymark.volunteer', true), '')::uuid)) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid) or ("volunteer_id" = nullif(current_setting('waymark.volunteer', true), '')::uuid));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop policy "tenant" on "encounter_outbox";`);

    this.addSql(`drop policy "tenant" on "placement_application";`);

    this.addSql(`drop policy "tenant" on "placement_outbox";`);

    this.addSql(`drop policy "tenant" on "volunteer_offer";`);

    this.addSql(`drop policy "tenant" on "volunteer_request";`);

    this.addSql(`alter table "encounter_outbox" no force row level security;`);
    this.addSql(`alter table "encounter_outbox" disable row level security;`);

    this.addSql(`alter table "placement_application" no force row level security;`);
    this.addSql(`alter table "placement_application" disable row level security;`);

    this.addSql(`alter table "placement_outbox" no force row level security;`);
    this.addSql(`alter table "placement_outbox" disable row level security;`);

    this.addSql(`alter table "volunteer_offer" no force row level security;`);
    this.addSql(`alter table "volunteer_offer" disable row level security;`);

    this.addSql(`alter table "volunteer_request" no force row level security;`);
    this.addSql(`alter table "volunteer_request" disable row level security;`);
  }

}
