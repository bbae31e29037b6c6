import { Migration } from '@mikro-orm/migrations';

/**
 * Row-level security (docs/security.md, "Row-level security"): the application role, and the tenant
 * policy on every table; each holds pupils' rows, with school, trust and pupil on every row.
 */
export class Migration20261206130000 extends Migration {
  override up(): void {
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
    this.addSql(`alter table "destination" enable row level security;`);
    this.addSql(`alter table "destination" force row level security;`);
    this.addSql(`drop policy if exists "tenant" on "destination";`);
    this.addSql(`create policy "tenant" on "destination" for all using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[]))) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[])));`);
    this.addSql(`alter table "intention" enable row level security;`);
    this.addSql(`alter table "intention" force row level security;`);
    this.addSql(`drop policy if exists "tenant" on "intention";`);
    this.addSql(`create policy "tenant" on "intention" for all using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[]))) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[])));`);
    this.addSql(`alter table "aspiration" enable row level security;`);
    this.addSql(`alter table "aspiration" force row level security;`);
    this.addSql(`drop policy if exists "tenant" on "aspiration";`);
    this.addSql(`create policy "tenant" on "aspiration" for all using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[]))) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[])));`);
    this.addSql(`alter table "activity_spell" enable row level security;`);
    this.addSql(`alter table "activity_spell" force row level security;`);
    this.addSql(`drop policy if exists "tenant" on "activity_spell";`);
    this.addSql(`create policy "tenant" on "activity_spell" for all using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[]))) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[])));`);
  }
}
