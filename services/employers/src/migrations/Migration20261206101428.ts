import { Migration } from '@mikro-orm/migrations';

export class Migration20261206101428 extends Migration {

  override name = 'Migration20261206101428';

  override up(): void | Promise<void> {
    this.addSql(`create table "placement" ("id" uuid not null, "volunteer_id" uuid not null, "employer_id" uuid null, "title" varchar(120) not null, "tasks" text not null, "date_from" date not null, "date_to" date not null, "hours_per_day" double precision not null, "days" smallint not null, "capacity" smallint not null, "taken" smallint not null default 0, "year_groups" int[] not null, "school_ids" uuid[] not null, "status" varchar(20) not null default 'OPEN', "completed_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "placement_school_ids_index" on "placement" using gin ("school_ids");`);
    this.addSql(`create index "placement_volunteer_id_created_at_index" on "placement" ("volunteer_id", "created_at");`);

    this.addSql(`create table "placement_application" ("id" uuid not null, "placement_id" uuid not null, "pupil_id" uuid not null, "school_id" uuid not null, "first_name" varchar(100) not null, "year_group" smallint not null, "statement" text not null, "status" varchar(20) not null default 'PENDING', "response" text null, "responded_at" timestamptz null, "feedback" text null, "encounter_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "placement_application_pupil_id_created_at_index" on "placement_application" ("pupil_id", "created_at");`);
    this.addSql(`create index "placement_application_school_id_created_at_index" on "placement_application" ("school_id", "created_at");`);
    this.addSql(`alter table "placement_application" add constraint "placement_application_placement_id_pupil_id_unique" unique ("placement_id", "pupil_id");`);

    this.addSql(`create table "placement_outbox" ("id" uuid not null, "application_id" uuid not null, "school_id" uuid not null, "idempotency_key" varchar(100) not null, "payload" jsonb not null, "status" varchar(20) not null default 'PENDING', "attempts" int not null default 0, "last_error" text null, "encounter_id" uuid null, "created_at" timestamptz not null, "done_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "placement_outbox" add constraint "placement_outbox_application_id_unique" unique ("application_id");`);
    this.addSql(`alter table "placement_outbox" add constraint "placement_outbox_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "placement_outbox_school_id_status_index" on "placement_outbox" ("school_id", "status");`);

    this.addSql(`alter table "placement" add constraint "placement_taken_within_capacity" check (taken >= 0 and taken <= capacity);`);

    this.addSql(`alter table "placement_application" add constraint "placement_application_placement_id_foreign" foreign key ("placement_id") references "placement" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "placement_application" drop constraint "placement_application_placement_id_foreign";`);

    this.addSql(`drop table if exists "placement" cascade;`);
    this.addSql(`drop table if exists "placement_application" cascade;`);
    this.addSql(`drop table if exists "placement_outbox" cascade;`);
  }

}
