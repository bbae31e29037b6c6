import { Migration } from '@mikro-orm/migrations';

export class Migration20261206131750 extends Migration {

  override name = 'Migration20261206131750';

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

    this.addSql(`alter table "encounter" enable row level security;`);
    this.addSql(`alter table "encounter" force row level security;`);
    this.addSql(`create policy "tenant" on "encounter" using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid) or ("volunteer_ids" @> array[nullif(current_setting('waymark.volunteer', true), '')::uuid]) or (exists (select 1 from "participation" p where p."encounter_id" = "encounter"."id"))) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid) or ("volunteer_ids" @> array[nullif(current_setting('waymark.volunteer', true), '')::uuid]) or (exists (select 1 from "participation" p where p."encounter_id" = "encounter"."id")));`);

    this.addSql(`alter table "agreed_action" enable row level security;`);
    this.addSql(`alter table "agreed_action" force row level security;`);
    this.addSql(`create policy "tenant" on "agreed_action" using ((current_setting('waymark.bypass', true) = 'on') or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[])) or (exists (select 1 from "encounter" e where e."id" = "agreed_action"."meeting_id"))) with check ((current_setting('waymark.bypass', true) = 'on') or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[])) or (exists (select 1 from "encounter" e where e."id" = "agreed_action"."meeting_id")));`);

    this.addSql(`alter table "own_activity" enable row level security;`);
    this.addSql(`alter table "own_activity" force row level security;`);
    this.addSql(`create policy "tenant" on "own_activity" using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[]))) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[])));`);

    this.addSql(`alter table "participation" enable row level security;`);
    this.addSql(`alter table "participation" force row level security;`);
    this.addSql(`create policy "tenant" on "participation" using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[]))) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("trust_id" = nullif(current_setting('waymark.trust', true), '')::uuid) or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[])));`);

    this.addSql(`alter table "pupil_outlook" enable row level security;`);
    this.addSql(`alter table "pupil_outlook" force row level security;`);
    this.addSql(`create policy "tenant" on "pupil_outlook" using ((current_setting('waymark.bypass', true) = 'on') or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[]))) with check ((current_setting('waymark.bypass', true) = 'on') or ("pupil_id" = any(string_to_array(nullif(current_setting('waymark.pupils', true), ''), ',')::uuid[])));`);

    this.addSql(`alter table "self_evaluation_override" enable row level security;`);
    this.addSql(`alter table "self_evaluation_override" force row level security;`);
    this.addSql(`create policy "tenant" on "self_evaluation_override" using ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid)) with check ((current_setting('waymark.bypass', true) = 'on') or ("school_id" = any(string_to_array(nullif(current_setting('waymark.schools', true), ''), ',')::uuid[])) or ("school_id" = nullif(current_setting('waymark.member_school', true), '')::uuid));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop policy "tenant" on "agreed_action";`);

    this.addSql(`drop policy "tenant" on "encounter";`);

    this.addSql(`drop policy "tenant" on "own_activity";`);

    this.addSql(`drop policy "tenant" on "participation";`);

    this.addSql(`drop policy "tenant" on "pupil_outlook";`);

    this.addSql(`drop policy "tenant" on "self_evaluation_override";`);

    this.addSql(`alter table "agreed_action" no force row level security;`);
    this.addSql(`alter table "agreed_action" disable row level security;`);

    this.addSql(`alter table "encounter" no force row level security;`);
    this.addSql(`alter table "encounter" disable row level security;`);

    this.addSql(`alter table "own_activity" no force row level security;`);
    this.addSql(`alter table "own_activity" disable row level security;`);

    this.addSql(`alter table "participation" no force row level security;`);
    this.addSql(`alter table "participation" disable row level security;`);

    this.addSql(`alter table "pupil_outlook" no force row level security;`);
    this.addSql(`alter table "pupil_outlook" disable row level security;`);

    this.addSql(`alter table "self_evaluation_override" no force row level security;`);
    this.addSql(`alter table "self_evaluation_override" disable row level security;`);
  }

}
