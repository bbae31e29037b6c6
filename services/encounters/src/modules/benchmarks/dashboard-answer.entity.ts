import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { tenantPolicy } from '@waymark/subgraph-kit';

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
const row = (alias: 'old' | 'new', columns: Columns) => `(${columns.map((c) => `${alias}."${c}"`).join(', ')})`;

/** SQL (inside a trigger body): moves the counter of one pupil's bucket (`pupil`, a uuid expression). */
const bumpPupil = (pupil: string) => `if ${pupil} is not null then
    insert into "dashboard_fact_version" ("bucket", "version") values (${factBucket(pupil)}, 1)
      on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;
  end if`;

/**
 * SQL (inside a trigger body): moves the counter of each bucket of the pupils on encounter `encounter`'s
 * register, read under a bypass of the row-level security that is put back as it was straight after,
 * so that a change reaches every pupil's bucket whoever makes it. Buckets in order, so two such writes
 * take their locks in the same order.
 */
const bumpRegister = (
  encounter: string,
) => `perform set_config('waymark.bypass_before_fact_version', coalesce(current_setting('waymark.bypass', true), ''), true);
perform set_config('waymark.bypass', 'on', true);
insert into "dashboard_fact_version" ("bucket", "version")
  select distinct ${factBucket('p."pupil_id"')}, 1 from "participation" p where p."encounter_id" = ${encounter} order by 1
  on conflict ("bucket") do update set "version" = "dashboard_fact_version"."version" + 1;
perform set_config('waymark.bypass', current_setting('waymark.bypass_before_fact_version', true), true)`;

/**
 * The trigger on a table whose rows name a pupil (`pupil_id`): the bucket of the pupil before and after,
 * on every insert and delete and on an update of a column the engine reads (`columns`).
 */
export function factVersionTrigger(table: string, columns: Columns) {
  return {
    name: `${table}_fact_version`,
    timing: 'after' as const,
    events: ['insert' as const, 'update' as const, 'delete' as const],
    forEach: 'row' as const,
    body: `if tg_op = 'UPDATE' and ${row('old', columns)} is not distinct from ${row('new', columns)} then
  return null;
end if;
if tg_op <> 'INSERT' then
  ${bumpPupil('old."pupil_id"')};
end if;
if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new."pupil_id" is distinct from old."pupil_id") then
  ${bumpPupil('new."pupil_id"')};
end if;
return null;`,
  };
}

/** What the engine reads of an encounter (benchmarks.sql.ts): a change to any of these changes what its register rows count for. */
const ENCOUNTER_COLUMNS = ['date', 'kind', 'benchmarks', 'subject', 'in_school_day', 'hours', 'checklist_met', 'booked', 'adviser_level'];

/** On `encounter`: every pupil on its register, when a column the engine reads changes (a deletion reaches them through the register's own trigger). */
export const ENCOUNTER_FACT_VERSION_TRIGGER = {
  name: 'encounter_fact_version',
  timing: 'after' as const,
  events: ['update' as const],
  forEach: 'row' as const,
  body: `if ${row('old', ENCOUNTER_COLUMNS)} is not distinct from ${row('new', ENCOUNTER_COLUMNS)} then
  return null;
end if;
${bumpRegister('new."id"')};
return null;`,
};

/** What the engine reads of a register row, an own activity and a pupil's outlook. */
export const PARTICIPATION_FACT_COLUMNS = ['encounter_id', 'pupil_id', 'attended', 'declined', 'reflection', 'group_reflection_on'];
export const OWN_ACTIVITY_FACT_COLUMNS = ['pupil_id', 'kind', 'status', 'started_on', 'ended_on', 'hours'];
export const OUTLOOK_FACT_COLUMNS = ['pupil_id', 'considering_higher_education'];
