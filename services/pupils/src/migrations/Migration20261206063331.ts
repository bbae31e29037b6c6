import { Migration } from '@mikro-orm/migrations';

/** The data access audit trail: append-only, guarded by the database itself (docs/audit-trail.md). */
export class Migration20261206063331 extends Migration {

  override name = 'Migration20261206063331';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_event" ("id" uuid not null, "occurred_at" timestamptz not null default now(), "action" varchar(10) not null, "pupil_id" uuid null, "school_id" uuid not null, "trust_id" uuid null, "request_id" varchar(64) not null, "credential_kind" varchar(10) not null, "actor_account_id" varchar(255) not null, "actor_name" varchar(255) not null, "actor_roles" varchar(255) not null, "actor_school_id" uuid null, "source" varchar(20) not null, "detail" text null, primary key ("id"));`);
    this.addSql(`create index "audit_event_pupil_id_occurred_at_index" on "audit_event" ("pupil_id", "occurred_at");`);
    this.addSql(`create index "audit_event_school_id_occurred_at_id_index" on "audit_event" ("school_id", "occurred_at", "id");`);

    this.addSql(`create table "audit_event_field" ("event_id" uuid not null, "field" varchar(40) not null, primary key ("event_id", "field"));`);

    this.addSql(`alter table "audit_event_field" add constraint "audit_event_field_event_id_foreign" foreign key ("event_id") references "audit_event" ("id") on delete no action;`);

    // Append-only, whatever the code does: no update ever, and a delete only of an event older than the
    // retention period (six years; AUDIT_RETENTION in the audit module says the same) or of the fields
    // of such an event. The purge is that delete; nothing else gets through, truncate included.
    this.addSql(`create function "audit_trail_guard"() returns trigger language plpgsql as $$
begin
  -- Nested: a record's fields are looked up only on the table that has them.
  if tg_op = 'DELETE' then
    if tg_table_name = 'audit_event' then
      if old."occurred_at" < now() - interval '6 years' then
        return old;
      end if;
    elsif exists (select 1 from "audit_event" e where e."id" = old."event_id" and e."occurred_at" < now() - interval '6 years') then
      return old;
    end if;
  end if;
  raise exception 'the audit trail is append-only: % on % refused', tg_op, tg_table_name using errcode = '42501';
end;
$$;`);
    this.addSql(`create trigger "audit_event_append_only" before update or delete on "audit_event" for each row execute function "audit_trail_guard"();`);
    this.addSql(`create trigger "audit_event_field_append_only" before update or delete on "audit_event_field" for each row execute function "audit_trail_guard"();`);
    this.addSql(`create trigger "audit_event_no_truncate" before truncate on "audit_event" for each statement execute function "audit_trail_guard"();`);
    this.addSql(`create trigger "audit_event_field_no_truncate" before truncate on "audit_event_field" for each statement execute function "audit_trail_guard"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "audit_event_field" drop constraint "audit_event_field_event_id_foreign";`);

    this.addSql(`drop table if exists "audit_event" cascade;`);
    this.addSql(`drop table if exists "audit_event_field" cascade;`);
    this.addSql(`drop function if exists "audit_trail_guard"();`);
  }

}
