import { Migration } from '@mikro-orm/migrations';

export class Migration20261206093656 extends Migration {

  override name = 'Migration20261206093656';

  override up(): void | Promise<void> {
    this.addSql(`alter table "volunteer" add "activities" text[] not null default '{}', add "sectors" text[] not null default '{}', add "home_postcode" varchar(10) null, add "reach" varchar(20) null, add "reach_districts" text[] not null default '{}', add "radius_miles" smallint null, add "availability" text not null default '', add "role_model_job" varchar(200) null, add "role_model_route" text null, add "role_model_characteristics" text null, add "role_model_consented_at" timestamptz null, add "profile_updated_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "volunteer" drop column "activities", drop column "sectors", drop column "home_postcode", drop column "reach", drop column "reach_districts", drop column "radius_miles", drop column "availability", drop column "role_model_job", drop column "role_model_route", drop column "role_model_characteristics", drop column "role_model_consented_at", drop column "profile_updated_at";`);
  }

}
