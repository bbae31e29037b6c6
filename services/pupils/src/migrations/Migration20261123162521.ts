import { Migration } from '@mikro-orm/migrations';

/** The first roster import of a school writes its pupil rows and nothing else (docs/roster-import.md). */
export class Migration20261123162521 extends Migration {

  override name = 'Migration20261123162521';

  override up(): void | Promise<void> {
    this.addSql(`alter table "pupil" add "enrolled_on" date null, add "baseline_flags" smallint null, add "baseline_import_id" uuid null;`);

    this.addSql(`alter table "roster_import" add "committed_by_id" varchar(255) null, add "committed_by_name" varchar(255) null;`);
    // A preview's rows become gzipped JSON (see packRosterRows); those already stored stay readable as
    // plain JSON. They are compressed already, so PostgreSQL need not try.
    this.addSql(`alter table "roster_import" alter column "rows" type bytea using convert_to("rows"::text, 'UTF8'), alter column "rows" drop not null;`);
    this.addSql(`alter table "roster_import" alter column "rows" set storage external;`);

    // A pupil's latest enrolment at their own school becomes the period their row holds; the rest stay
    // as history.
    const latest = `select distinct on (e."pupil_id") e."id", e."pupil_id", e."started_on"
      from "enrolment" e join "pupil" p on p."id" = e."pupil_id" and p."school_id" = e."school_id"
      order by e."pupil_id", e."started_on" desc, e."id" desc`;
    this.addSql(`update "pupil" p set "enrolled_on" = l."started_on" from (${latest}) l where l."pupil_id" = p."id";`);
    this.addSql(`delete from "enrolment" where "id" in (select "id" from (${latest}) l);`);
    // Pupils without one (none are expected) get the start the first enrolments were given.
    this.addSql(`update "pupil" set "enrolled_on" = make_date(case when "year_group" is not null
        then extract(year from current_date - interval '8 months')::int - ("year_group" - 7)
        else extract(year from coalesce("left_on", current_date) - interval '8 months')::int - 6 end, 9, 1)
      where "enrolled_on" is null;`);
    // An earlier period at the same school left open ended when the latest began.
    this.addSql(`update "enrolment" e set "left_on" = p."enrolled_on" from "pupil" p
      where p."id" = e."pupil_id" and e."school_id" = p."school_id" and e."left_on" is null;`);
    this.addSql(`alter table "pupil" alter column "enrolled_on" set default current_date, alter column "enrolled_on" set not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`insert into "enrolment" ("id", "pupil_id", "school_id", "trust_id", "started_on", "left_on")
      select gen_random_uuid(), "id", "school_id", "trust_id", "enrolled_on", "left_on" from "pupil";`);
    this.addSql(`insert into "flag_change" ("id", "pupil_id", "school_id", "trust_id", "group", "value", "changed_at", "source", "changed_by_id", "changed_by")
      select gen_random_uuid(), p."id", i."school_id", i."trust_id", g."code", true, i."commit_started_at", 'IMPORT', i."committed_by_id", i."committed_by_name"
      from "pupil" p join "roster_import" i on i."id" = p."baseline_import_id"
      join (values (0, 'SEN_SUPPORT'), (1, 'EHCP'), (2, 'DISADVANTAGED'), (3, 'EAL'), (4, 'LOOKED_AFTER'), (5, 'YOUNG_CARER'), (6, 'SERVICE_CHILD'), (7, 'REFUGEE'))
        as g("bit", "code") on p."baseline_flags" & (1 << g."bit") <> 0;`);
    this.addSql(`alter table "pupil" drop column "enrolled_on", drop column "baseline_flags", drop column "baseline_import_id";`);

    // Rows stored compressed do not go back to json: those previews can no longer be committed.
    this.addSql(`update "roster_import" set "status" = 'FAILED', "failure_message" = 'Preview the file again.'
      where "status" = 'PREVIEWED' and substring("rows" from 1 for 2) = '\\x1f8b'::bytea;`);
    this.addSql(`update "roster_import" set "rows" = convert_to('[]', 'UTF8') where "rows" is null or substring("rows" from 1 for 2) = '\\x1f8b'::bytea;`);
    this.addSql(`alter table "roster_import" alter column "rows" type json using convert_from("rows", 'UTF8')::json, alter column "rows" set not null, alter column "rows" set storage extended;`);
    this.addSql(`alter table "roster_import" drop column "committed_by_id", drop column "committed_by_name";`);
  }

}
