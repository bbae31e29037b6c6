import { Migration } from '@mikro-orm/migrations';

export class Migration20261206094601 extends Migration {

  override name = 'Migration20261206094601';

  override up(): void | Promise<void> {
    this.addSql(`create table "encounter_outbox" ("id" uuid not null, "request_id" uuid not null, "school_id" uuid not null, "idempotency_key" varchar(100) not null, "payload" jsonb not null, "status" varchar(20) not null default 'PENDING', "attempts" int not null default 0, "last_error" text null, "encounter_id" uuid null, "created_at" timestamptz not null, "done_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "encounter_outbox" add constraint "encounter_outbox_request_id_unique" unique ("request_id");`);
    this.addSql(`alter table "encounter_outbox" add constraint "encounter_outbox_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "encounter_outbox_school_id_status_index" on "encounter_outbox" ("school_id", "status");`);

    this.addSql(`create table "volunteer_request" ("id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "activity" varchar(40) not null, "date_from" date not null, "date_to" date not null, "year_groups" int[] not null, "volunteers_wanted" smallint not null, "sectors" text[] not null, "virtual" boolean not null, "postcode" varchar(10) null, "district" varchar(4) null, "details" text not null, "status" varchar(20) not null default 'OPEN', "closed_reason" text null, "created_by_id" varchar(100) not null, "created_at" timestamptz not null, "confirmed_at" timestamptz null, "encounter_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "volunteer_request_status_date_to_index" on "volunteer_request" ("status", "date_to");`);
    this.addSql(`create index "volunteer_request_school_id_created_at_index" on "volunteer_request" ("school_id", "created_at");`);

    this.addSql(`create table "volunteer_offer" ("id" uuid not null, "request_id" uuid not null, "volunteer_id" uuid not null, "school_id" uuid not null, "message" text not null, "status" varchar(20) not null default 'OPEN', "response" text null, "responded_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "volunteer_offer_school_id_index" on "volunteer_offer" ("school_id");`);
    this.addSql(`create index "volunteer_offer_volunteer_id_created_at_index" on "volunteer_offer" ("volunteer_id", "created_at");`);
    this.addSql(`alter table "volunteer_offer" add constraint "volunteer_offer_request_id_volunteer_id_unique" unique ("request_id", "volunteer_id");`);

    this.addSql(`alter table "volunteer_offer" add constraint "volunteer_offer_request_id_foreign" foreign key ("request_id") references "volunteer_request" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "volunteer_offer" drop constraint "volunteer_offer_request_id_foreign";`);

    this.addSql(`drop table if exists "encounter_outbox" cascade;`);
    this.addSql(`drop table if exists "volunteer_request" cascade;`);
    this.addSql(`drop table if exists "volunteer_offer" cascade;`);
  }

}
