import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { changedColumns, tenantPolicy, transitionTrigger, type TriggerEvent } from '@waymark/subgraph-kit';

/**
 * How many buckets pupils' facts are counted in (a pupil's bucket: `hashtext(pupil_id::text) & (FACT_BUCKETS - 1)`).
 * A stored dashboard answer remembers its cohort's buckets; a write to any pupil in them moves one of
 * their counters, so the answer is computed again. More buckets, fewer answers thrown away for a
 * write about a pupil of another school; a school of 1,800 pupils sums about 1,800 counters to check.
 */
export const FACT_BUCKETS = 65536;

/** SQL: the bucket of a pupil id (a uuid expression). */
export const factBucket = (pupilId: string) => `(hashtext(${pupilId}::text) & ${FACT_BUCKETS - 1})`;

/**
 * A counter per bucket of pupils (no school or pupil on it: a bucket mixes every school's pupils),
 * moved by the triggers below whenever a row the benchmark engine reads about a pupil in the bucket
 * changes: a register row, an encounter on their register, an own activity, their outlook. Written
 * only by the triggers, in the writing transaction, so a counter moves exactly when the change commits.
 */
@Entity({ tableName: 'dashboard_fact_version' })
export class DashboardFactVersion {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  bucket: number;

  @Property({ type: 'bigint' })
  version: string;
}

/**
 * One school's dashboard as the engine computed it for a day and a filter, exact (rounding is per
 * caller, after it is read), stored so that every replica serves it (docs/architecture.md, "The school
 * dashboard's stored answers"). It is served only while the school's cohort counter (the pupils
 * subgraph's `cohortVersion`) is `cohortVersion` and its buckets' counters still add up to `factSum`;
 * anything else computes it again. Only today's answers are stored; older days are deleted as a new one
 * is. Read and written under the engine's bypass; staff of the school may read their own.
 */
@Entity({ tableName: 'dashboard_answer', ...tenantPolicy({ kind: 'staff', trust: false }) })
export class DashboardAnswer {
  @PrimaryKey({ type: 'uuid' })
  schoolId: string;

  @PrimaryKey({ type: 'date' })
  day: string;

  /** The filter: `<group bit or empty>:<year group or empty>`. */
  @PrimaryKey({ type: 'text' })
  filter: string;

  @Property({ type: 'text' })
  cohortVersion: string;

  @Property({ columnType: 'int[]', type: 'unknown' })
  buckets: number[];

  @Property({ type: 'bigint' })
  factSum: string;

  @Property({ type: 'json' })
  answer: unknown;

  @Property({ type: 'datetime' })
  computedAt: Date = new Date();
}

type Columns = readonly string[];

/**
 * SQL (inside a trigger body): moves the counter of each bucket of the pupils `pupils` (a select of one
 * uuid column `pupil_id`) names, once each and in bucket order, so two writers take the counters' locks
 * in the same order. Under a bypass of the row-level security that is put back as it was straight
 * after, so a change reaches every pupil's bucket whoever makes it (an encounter's register is read).
 */
const bumpBuckets = (pupils: string) => `perform set_config('waymark.bypass_before_fact_version', coalesce(current_setting('waymark.bypass', true), ''), true);
perform set_config('waymark.bypass', 'on', true);
insert into "dashboard_fact_version" ("bucket", "version")
  select distinct ${factBucket('x."pupil_id"')}, 1 from (${pupils}) x where x."pupil_id" is not null order by 1
  on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;
perform set_config('waymark.bypass', current_setting('waymark.bypass_before_fact_version', true), true)`;

/** A statement-level trigger that moves the counters of the buckets of the pupils `pupils` names (each once, in order). */
const statementTrigger = (table: string, name: string, event: TriggerEvent, pupils: string) => transitionTrigger(table, name, event, `${bumpBuckets(pupils)};`);

/**
 * The triggers on a table whose rows name a pupil (`pupil_id`, each row known by `key`): the bucket of
 * the pupil before and after, on every insert and delete and on an update of a column the engine
 * reads (`columns`).
 */
export function factVersionTriggers(table: string, columns: Columns, key = 'id') {
  return [
    statementTrigger(table, `${table}_fact_version_insert`, 'insert', `select r."pupil_id" from new_rows r`),
    statementTrigger(
      table,
      `${table}_fact_version_update`,
      'update',
      `select o."pupil_id" from old_rows o join new_rows n on n."${key}" = o."${key}" where ${changedColumns(columns)}
       union select n."pupil_id" from old_rows o join new_rows n on n."${key}" = o."${key}" where ${changedColumns(columns)}`,
    ),
    statementTrigger(table, `${table}_fact_version_delete`, 'delete', `select r."pupil_id" from old_rows r`),
  ];
}

/** What the engine reads of an encounter (benchmarks.sql.ts): a change to any of these changes what its register rows count for. */
const ENCOUNTER_COLUMNS = ['date', 'kind', 'benchmarks', 'subject', 'in_school_day', 'hours', 'checklist_met', 'booked', 'adviser_level'];

/** On `encounter`: every pupil on the registers of the encounters whose engine columns changed (a deletion reaches them through the register's own trigger). */
export const ENCOUNTER_FACT_VERSION_TRIGGER = statementTrigger(
  'encounter',
  'encounter_fact_version_update',
  'update',
  `select p."pupil_id" from "participation" p join (select n."id" from old_rows o join new_rows n on n."id" = o."id" where ${changedColumns(ENCOUNTER_COLUMNS)}) e on p."encounter_id" = e."id"`,
);

/** What the engine reads of a register row, an own activity and a pupil's outlook. */
export const PARTICIPATION_FACT_COLUMNS = ['encounter_id', 'pupil_id', 'attended', 'declined', 'reflection', 'group_reflection_on'];
export const OWN_ACTIVITY_FACT_COLUMNS = ['pupil_id', 'kind', 'status', 'started_on', 'ended_on', 'hours'];
export const OUTLOOK_FACT_COLUMNS = ['pupil_id', 'considering_higher_education'];
