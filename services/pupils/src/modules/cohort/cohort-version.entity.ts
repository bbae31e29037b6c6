import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { VULNERABLE_GROUPS } from '@waymark/domain';
import { changedColumns, TENANT_SQL, tenantPolicy, transitionTrigger, type TriggerEvent } from '@waymark/subgraph-kit';

/**
 * A counter per school that moves whenever anything its cohort is made of changes (`packedCohort`:
 * who is on roll, their year groups, flags, leaving days, their periods at other schools; and, for the
 * leavers of past summers, dates of birth, sharing opt-outs and the flag history). The encounters
 * subgraph keeps each school's dashboard answer with the counter it was computed under and asks for
 * the counter (`cohortVersion`) instead of the whole cohort; a different counter means the cohort may
 * have changed, so the answer is computed again (docs/architecture.md, "The school dashboard's stored
 * answers"). This subgraph keeps the leavers of past summers the same way (leavers.service.ts).
 * Written only by the triggers below, never by the application. Staff of the school may read their own
 * row, and a trust's analysts the rows of the trust's schools (`cohortCounters`), nothing else.
 */
@Entity({
  tableName: 'cohort_version',
  ...tenantPolicy(
    { kind: 'staff', trust: false },
    {
      readableWhen: `"school_id" = any (array(select "s"."id" from "school" "s" where "s"."trust_id" = ${TENANT_SQL.trust}))`,
    },
  ),
})
export class CohortVersion {
  @PrimaryKey({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'bigint' })
  version: string;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The pupil columns a kept cohort answer reads (`packedCohort`; `packedLeaverCohorts` also reads the
 * date of birth, which gives the leaving year, and the sharing opt-out): a change to any other (a name,
 * a contact) leaves every cohort as it was.
 */
const PUPIL_COHORT_COLUMNS = [
  'school_id',
  'trust_id',
  'left_on',
  'year_group',
  'year_group_academic_year',
  'date_of_birth',
  'local_authority_sharing_opt_out',
  ...VULNERABLE_GROUPS.map((g) => snake(g.key)),
];

/**
 * SQL (inside a trigger body): bumps the counter of every school `schools` (a select of one column
 * `s`) names, once each and in order, under a bypass of the row-level security that is put back as it
 * was straight after: a change made by one school's staff (a pupil who moves) must reach the counter
 * of the other school.
 */
const bump = (schools: string) => `perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);
  perform set_config('waymark.bypass', 'on', true);
  insert into "cohort_version" ("school_id", "version") select distinct x.s, 1 from (${schools}) x where x.s is not null order by 1
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;
  perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true)`;

/** A statement-level trigger that bumps the counters of the schools `schools` names (each once, in order). */
const countingTrigger = (table: string, name: string, event: TriggerEvent, schools: string) => transitionTrigger(table, name, event, `${bump(schools)};`);

/** On `pupil`: the school each pupil was and is at, and every school of their history. */
export const PUPIL_COHORT_VERSION_TRIGGERS = [
  countingTrigger(
    'pupil',
    'pupil_cohort_version_insert',
    'insert',
    `select r."school_id" as s from new_rows r union select e."school_id" from "enrolment" e join new_rows r on e."pupil_id" = r."id"`,
  ),
  countingTrigger(
    'pupil',
    'pupil_cohort_version_update',
    'update',
    `with moved as (select o."id", o."school_id" as was, n."school_id" as now from old_rows o join new_rows n on n."id" = o."id" where ${changedColumns(PUPIL_COHORT_COLUMNS)})
     select was as s from moved union select now from moved union select e."school_id" from "enrolment" e join moved m on e."pupil_id" = m."id"`,
  ),
  countingTrigger(
    'pupil',
    'pupil_cohort_version_delete',
    'delete',
    `select r."school_id" as s from old_rows r union select e."school_id" from "enrolment" e join old_rows r on e."pupil_id" = r."id"`,
  ),
];

/** On `enrolment`: the school of each period and the school the pupil is at now, before and after. */
export const ENROLMENT_COHORT_VERSION_TRIGGERS = [
  countingTrigger(
    'enrolment',
    'enrolment_cohort_version_insert',
    'insert',
    `select r."school_id" as s from new_rows r union select r."current_school_id" from new_rows r`,
  ),
  countingTrigger(
    'enrolment',
    'enrolment_cohort_version_update',
    'update',
    `select r."school_id" as s from old_rows r union select r."current_school_id" from old_rows r
     union select r."school_id" from new_rows r union select r."current_school_id" from new_rows r`,
  ),
  countingTrigger(
    'enrolment',
    'enrolment_cohort_version_delete',
    'delete',
    `select r."school_id" as s from old_rows r union select r."current_school_id" from old_rows r`,
  ),
];

/**
 * On `flag_change`: a past day's flags are today's with the later changes undone, so a change to the
 * history moves the counters of the pupil's school and of every school of their history.
 */
const historySchools = (rows: string) =>
  `select r."school_id" as s from ${rows} r union select e."school_id" from "enrolment" e join ${rows} r on e."pupil_id" = r."pupil_id"`;
export const FLAG_CHANGE_COHORT_VERSION_TRIGGERS = [
  countingTrigger('flag_change', 'flag_change_cohort_version_insert', 'insert', historySchools('new_rows')),
  countingTrigger('flag_change', 'flag_change_cohort_version_update', 'update', `${historySchools('old_rows')} union ${historySchools('new_rows')}`),
  countingTrigger('flag_change', 'flag_change_cohort_version_delete', 'delete', historySchools('old_rows')),
];
