import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail's guard lets retention through (docs/audit-trail.md, "Retention"): one update and
 * no other, which replaces the name of a pupil or of a parent or carer in an event about a leaver with
 * the stand-in words, changing nothing else in the row. Before this, the guard refused every update,
 * so pseudonymising a leaver who had ever opened their own record failed on every run. Written by
 * hand: the schema comparator does not see function bodies.
 */
export class Migration20261207010500 extends Migration {

  override name = 'Migration20261207010500';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function "audit_trail_guard"() returns trigger language plpgsql as $$
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
  elsif tg_op = 'UPDATE' and tg_table_name = 'audit_event' then
    if new."actor_name" in ('Former pupil', 'Name removed')
       and (old."actor_roles" like '%pupil%' or old."actor_roles" like '%parent%')
       and (to_jsonb(new) - 'actor_name') = (to_jsonb(old) - 'actor_name') then
      return new;
    end if;
  end if;
  raise exception 'the audit trail is append-only: % on % refused', tg_op, tg_table_name using errcode = '42501';
end;
$$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create or replace function "audit_trail_guard"() returns trigger language plpgsql as $$
begin
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
  }

}
