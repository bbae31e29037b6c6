import { Migration } from '@mikro-orm/migrations';

export class Migration20261123140549 extends Migration {

  override name = 'Migration20261123140549';

  override up(): void | Promise<void> {
    this.addSql(`create table "employer" ("id" uuid not null, "name" varchar(255) not null, "sector" varchar(255) not null, "kind" text not null, "postcode" varchar(255) null, primary key ("id"));`);

    this.addSql(`create table "volunteer" ("id" uuid not null, "employer_id" uuid null, "kind" text not null, "first_name" varchar(255) not null, "last_name" varchar(255) not null, "job_title" varchar(255) not null, "email" varchar(255) not null, "alumni_of_school_id" uuid null, "left_school_year" smallint null, "school_ids" uuid[] not null, primary key ("id"));`);
    this.addSql(`create index "volunteer_employer_id_index" on "volunteer" ("employer_id");`);
    this.addSql(`create index "volunteer_school_ids_index" on "volunteer" using gin ("school_ids");`);

    this.addSql(`alter table "employer" add constraint "employer_kind_check" check ("kind" in ('EMPLOYER', 'FE_COLLEGE', 'UNIVERSITY', 'TRAINING_PROVIDER', 'APPRENTICESHIP_PROVIDER'));`);

    this.addSql(`alter table "volunteer" add constraint "volunteer_kind_check" check ("kind" in ('EMPLOYEE', 'ALUMNI'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "employer" cascade;`);
    this.addSql(`drop table if exists "volunteer" cascade;`);
  }

}
