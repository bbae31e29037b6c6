import { Migration } from '@mikro-orm/migrations';

export class Migration20261207042441 extends Migration {

  override name = 'Migration20261207042441';

  override up(): void | Promise<void> {
    this.addSql(`create index "volunteer_activities_index" on "volunteer" using gin ("activities");`);

    this.addSql(`create index "volunteer_request_status_activity_date_from_index" on "volunteer_request" ("status", "activity", "date_from");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "volunteer_activities_index";`);

    this.addSql(`drop index "volunteer_request_status_activity_date_from_index";`);
  }

}
