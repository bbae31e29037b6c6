import { Migration } from '@mikro-orm/migrations';

export class Migration20261207144352 extends Migration {

  override name = 'Migration20261207144352';

  override up(): void | Promise<void> {
    this.addSql(`alter table "volunteer_offer" add "response_by_waymark" boolean not null default false;`);
    // Offers Waymark closed before the column existed: its three messages (the request's dates passed,
    // the school confirmed the volunteers it needed, the volunteer left Waymark).
    this.addSql(`update "volunteer_offer" set "response_by_waymark" = true where "response" in ('The request''s dates passed before the school confirmed. Thank you for offering.', 'The school has confirmed the volunteers it needs for this request. Thank you for offering.') or "response" like 'Withdrawn: the volunteer deleted their Waymark account%';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "volunteer_offer" drop column "response_by_waymark";`);
  }

}
