import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { VULNERABLE_GROUPS } from '@waymark/domain';
import { tenantPolicy } from '@waymark/subgraph-kit';
import { UNLESS_BULK_INSERT } from '../pupil/pupil-bulk-insert.js';

/**
 * A counter per school that moves whenever anything its cohort is made of changes (`packedCohort`:
 * who is on roll, their year groups, flags, leaving days, their periods at other schools). The
 * encounters subgraph keeps each school's dashboard answer with the counter it was computed under
 * and asks for the counter (`cohortVersion`) instead of the whole cohort; a different counter means
 * the cohort may have changed, so the answer is computed again (docs/architecture.md, "The school
 * dashboard's stored answers"). Written only by the triggers below, never by the application; read
 * under a named bypass. Staff of the school may read their own row.
 */
@Entity({ tableName: 'cohort_version', ...tenantPolicy({ kind: 'staff', trust: false }) })
export class CohortVersion {
  @PrimaryKey({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'bigint' })
  version: string;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The pupil columns `packedCohort` reads: a change to any other (a name, a contact) leaves every cohort as it was. */
const PUPIL_COHORT_COLUMNS = ['school_id', 'trust_id', 'left_on', 'year_group', 'year_group_academic_year', ...VULNERABLE_GROUPS.map((g) => snake(g.key))];

/**
 * SQL (inside a trigger body): bumps the counter of every school `schools` (a select of one column
 * `s`) names, under a bypass of the row-level security that is put back as it was straight after: a
 * change made by one school's staff (a pupil who moves) must reach the counter of the other school.
 */
const bump = (schools: string) => `perform set_config('waymark.bypass_before_cohort_version', coalesce(current_setting('waymark.bypass', true), ''), true);
  perform set_config('waymark.bypass', 'on', true);
  insert into "cohort_version" ("school_id", "version") select x.s, 1 from (${schools}) x where x.s is not null
    on conflict ("school_id") do update set "version" = "cohort_version"."version" + 1;
  perform set_config('waymark.bypass', current_setting('waymark.bypass_before_cohort_version', true), true)`;

/** On `pupil`: the school the pupil was and is at, and every school of their history. */
export const PUPIL_COHORT_VERSION_TRIGGER = {
  name: 'pupil_cohort_version',
  timing: 'after' as const,
  events: ['insert' as const, 'update' as const, 'delete' as const],
  forEach: 'row' as const,
  // A roster import's new pupils bump their school's counter once, from the import (pupil-bulk-insert.ts).
  when: UNLESS_BULK_INSERT,
  body: `if tg_op = 'UPDATE' and (${PUPIL_COHORT_COLUMNS.map((c) => `old."${c}"`).join(', ')}) is not distinct from (${PUPIL_COHORT_COLUMNS.map((c) => `new."${c}"`).join(', ')}) then
  return null;
end if;
if tg_op <> 'INSERT' then
  ${bump(`select old."school_id" as s union select e."school_id" from "enrolment" e where e."pupil_id" = old."id"`)};
end if;
if tg_op <> 'DELETE' then
  ${bump(`select new."school_id" as s union select e."school_id" from "enrolment" e where e."pupil_id" = new."id"`)};
end if;
return null;`,
};

/** On `enrolment`: the school of the period and the school the pupil is at now, before and after. */
export const ENROLMENT_COHORT_VERSION_TRIGGER = {
  name: 'enrolment_cohort_version',
  timing: 'after' as const,
  events: ['insert' as const, 'update' as const, 'delete' as const],
  forEach: 'row' as const,
  body: `if tg_op <> 'INSERT' then
  ${bump(`select old."school_id" as s union select old."current_school_id"`)};
end if;
if tg_op <> 'DELETE' then
  ${bump(`select new."school_id" as s union select new."current_school_id"`)};
end if;
return null;`,
};
