import { Migration } from '@mikro-orm/migrations';

export class Migration20261207222357 extends Migration {

  override name = 'Migration20261207222357';

  override up(): void | Promise<void> {
    this.addSql(`alter table "activity_spell" add "event_at" timestamptz null, add "event_forwarded_at" timestamptz null;`);
    this.addSql(`create index "activity_spell_event_waiting_index" on "activity_spell" ("event_at", "id") where "event_at" is not null and "event_forwarded_at" is null;`);
    // Each spell is now its own destination.recorded event: one still waiting in the outbox carries over to its spell.
    this.addSql(`select set_config('waymark.bypass', 'on', true);`);
    this.addSql(`update "activity_spell" s set "event_at" = o."occurred_at" from "webhook_outbox" o where o."type" = 'destination.recorded' and o."forwarded_at" is null and o."data" ->> 'spellId' = s."id"::text;`);
    this.addSql(`select set_config('waymark.bypass', '', true);`);
    this.addSql(`drop table if exists "webhook_outbox" cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create table "webhook_outbox" ("id" uuid not null, "trust_id" uuid not null, "school_id" uuid not null, "type" varchar(64) not null, "data" jsonb not null, "occurred_at" timestamptz(6) not null, "forwarded_at" timestamptz(6) null, primary key ("id"));`);
    this.addSql(`create index "webhook_outbox_forwarded_at_occurred_at_index" on "webhook_outbox" ("forwarded_at", "occurred_at");`);

    this.addSql(`drop index "activity_spell_event_waiting_index";`);
    this.addSql(`alter table "activity_spell" drop column "event_at", drop column "event_forwarded_at";`);

    this.addSql(`alter table "webhook_outbox" enable row level security;`);
    this.addSql(`alter table "webhook_outbox" force row level security;`);
    this.addSql(`create policy "tenant" on "webhook_outbox" to public using (((( SELECT current_setting('waymark.bypass'::text, true) AS current_setting) = 'on'::text) OR (school_id = ANY (( SELECT (string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[] AS string_to_array)::uuid[])) OR (trust_id = ( SELECT (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid AS "nullif")))) with check (((( SELECT current_setting('waymark.bypass'::text, true) AS current_setting) = 'on'::text) OR (school_id = ANY (( SELECT (string_to_array(NULLIF(current_setting('waymark.schools'::text, true), ''::text), ','::text))::uuid[] AS string_to_array)::uuid[])) OR (trust_id = ( SELECT (NULLIF(current_setting('waymark.trust'::text, true), ''::text))::uuid AS "nullif"))));`);
  }

}
