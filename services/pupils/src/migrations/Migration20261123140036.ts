import { Migration } from '@mikro-orm/migrations';

export class Migration20261123140036 extends Migration {

  override name = 'Migration20261123140036';

  override up(): void | Promise<void> {
    this.addSql(`create table "pupil" ("id" uuid not null, "school_id" uuid not null, "trust_id" uuid null, "upn" varchar(13) not null, "legal_forename" varchar(255) not null, "legal_surname" varchar(255) not null, "preferred_name" varchar(255) null, "date_of_birth" date not null, "year_group" smallint null, "tutor_group" varchar(255) null, "left_on" date null, "sen_support" boolean not null default false, "ehcp" boolean not null default false, "disadvantaged" boolean not null default false, "looked_after" boolean not null default false, "eal" boolean not null default false, "young_carer" boolean not null default false, "young_parent" boolean not null default false, "youth_justice" boolean not null default false, "refugee" boolean not null default false, "service_child" boolean not null default false, "persistent_absence" boolean not null default false, "neet_risk" boolean not null default false, "neet_risk_score" smallint null, primary key ("id"));`);
    this.addSql(`create index "pupil_trust_id_index" on "pupil" ("trust_id");`);
    this.addSql(`create index "pupil_upn_index" on "pupil" ("upn");`);
    this.addSql(`create index "pupil_school_id_year_group_legal_surname_index" on "pupil" ("school_id", "year_group", "legal_surname");`);
    this.addSql(`alter table "pupil" add constraint "pupil_school_id_upn_unique" unique ("school_id", "upn");`);

    this.addSql(`create table "school" ("id" uuid not null, "trust_id" uuid null, "name" varchar(255) not null, "urn" varchar(255) not null, "local_authority" varchar(255) not null, primary key ("id"));`);
    this.addSql(`create index "school_trust_id_index" on "school" ("trust_id");`);
    this.addSql(`alter table "school" add constraint "school_urn_unique" unique ("urn");`);

    this.addSql(`create table "trust" ("id" uuid not null, "name" varchar(255) not null, primary key ("id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "pupil" cascade;`);
    this.addSql(`drop table if exists "school" cascade;`);
    this.addSql(`drop table if exists "trust" cascade;`);
  }

}
