import type { EntityManager } from '@mikro-orm/sql';
import { bulkSql, pgArray } from './bulk-sql.js';
import type { PlannedWrite, RosterPlan, RosterPupil } from './roster-plan.js';

/**
 * The roster's SQL: set-based statements over one array per column (`unnest`), so a 25,000-pupil
 * commit is a few dozen statements rather than one per pupil.
 */

const PUPIL_COLUMNS = `select id, upn, school_id, trust_id, left_on::text as left_on, legal_forename, legal_surname, preferred_name,
  date_of_birth::text as date_of_birth, year_group, year_group_academic_year, tutor_group,
  sen_support, ehcp, disadvantaged, eal, looked_after, young_carer, service_child, refugee from pupil`;

interface PupilRecord {
  id: string;
  upn: string;
  school_id: string;
  trust_id: string | null;
  left_on: string | null;
  legal_forename: string;
  legal_surname: string;
  preferred_name: string | null;
  date_of_birth: string;
  year_group: number | null;
  year_group_academic_year: number | null;
  tutor_group: string | null;
  sen_support: boolean;
  ehcp: boolean;
  disadvantaged: boolean;
  eal: boolean;
  looked_after: boolean;
  young_carer: boolean;
  service_child: boolean;
  refugee: boolean;
}

const fromRecord = (r: PupilRecord): RosterPupil => ({
  id: r.id,
  upn: r.upn,
  schoolId: r.school_id,
  trustId: r.trust_id,
  leftOn: r.left_on,
  legalForename: r.legal_forename,
  legalSurname: r.legal_surname,
  preferredName: r.preferred_name,
  dateOfBirth: r.date_of_birth,
  yearGroup: r.year_group === null ? null : Number(r.year_group),
  yearGroupAcademicYear: r.year_group_academic_year === null ? null : Number(r.year_group_academic_year),
  tutorGroup: r.tutor_group,
  senSupport: r.sen_support,
  ehcp: r.ehcp,
  disadvantaged: r.disadvantaged,
  eal: r.eal,
  lookedAfter: r.looked_after,
  youngCarer: r.young_carer,
  serviceChild: r.service_child,
  refugee: r.refugee,
});

/** Every pupil on roll at the school, and every pupil anywhere with one of `upns`, in one statement. */
export async function loadRosterState(em: EntityManager, schoolId: string, upns: string[]): Promise<RosterPupil[]> {
  const { rows } = await bulkSql<PupilRecord>(
    em,
    // Two indexed lookups, each row once: an `or` across them would scan the whole table.
    `${PUPIL_COLUMNS} where school_id = $1 and left_on is null
     union all ${PUPIL_COLUMNS} where upn in (select unnest($2::varchar[])) and not (school_id = $1 and left_on is null)`,
    [schoolId, pgArray(upns)],
  );
  return rows.map(fromRecord);
}

export interface WriteContext {
  schoolId: string;
  trustId: string | null;
  /** The commit's date: new enrolments start and missing pupils leave on it. */
  today: string;
  now: Date;
  changedById: string;
  changedBy: string;
  /** Between batches: lets the event loop answer progress polls. */
  pause: () => Promise<void>;
  /** Ids for the enrolments and flag changes the commit creates (see orderedIdSource). */
  newId: () => string;
  /** Pupil writes per batch of statements. */
  batchSize: number;
}

const PUPIL_WRITE_COLUMNS = [
  ['id', 'uuid', 'id'],
  ['upn', 'varchar', 'upn'],
  ['school_id', 'uuid', 'schoolId'],
  ['trust_id', 'uuid', 'trustId'],
  ['left_on', 'date', 'leftOn'],
  ['legal_forename', 'varchar', 'legalForename'],
  ['legal_surname', 'varchar', 'legalSurname'],
  ['preferred_name', 'varchar', 'preferredName'],
  ['date_of_birth', 'date', 'dateOfBirth'],
  ['year_group', 'smallint', 'yearGroup'],
  ['year_group_academic_year', 'smallint', 'yearGroupAcademicYear'],
  ['tutor_group', 'varchar', 'tutorGroup'],
  ['sen_support', 'boolean', 'senSupport'],
  ['ehcp', 'boolean', 'ehcp'],
  ['disadvantaged', 'boolean', 'disadvantaged'],
  ['eal', 'boolean', 'eal'],
  ['looked_after', 'boolean', 'lookedAfter'],
  ['young_carer', 'boolean', 'youngCarer'],
  ['service_child', 'boolean', 'serviceChild'],
  ['refugee', 'boolean', 'refugee'],
] as const satisfies readonly (readonly [keyof PupilRecord, string, keyof RosterPupil])[];

const UPSERT_PUPILS = `insert into pupil (${PUPIL_WRITE_COLUMNS.map(([name]) => name).join(', ')})
  select * from unnest(${PUPIL_WRITE_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
  on conflict (id) do update set ${PUPIL_WRITE_COLUMNS.slice(1).map(([name]) => `${name} = excluded.${name}`).join(', ')}`;

async function upsertPupils(em: EntityManager, batch: PlannedWrite[]): Promise<void> {
  const pupils = batch.map((write) => write.after);
  await bulkSql(em, UPSERT_PUPILS, PUPIL_WRITE_COLUMNS.map(([, , key]) => pgArray(pupils.map((pupil) => pupil[key]))));
}

async function openEnrolments(em: EntityManager, batch: PlannedWrite[], ctx: WriteContext): Promise<void> {
  const joining = batch.filter((write) => write.action === 'add' || write.action === 'transfer' || write.action === 'rejoin');
  if (joining.length === 0) return;
  const moving = joining.filter((write) => write.before !== null);
  if (moving.length > 0) {
    // A pupil arriving from elsewhere has left there; close any enrolment the old school left open.
    await bulkSql(
      em,
      `update enrolment e set left_on = coalesce(r.left_on, $1::date) from unnest($2::uuid[], $3::date[]) as r(pupil_id, left_on)
       where e.pupil_id = r.pupil_id and e.left_on is null`,
      [ctx.today, pgArray(moving.map((write) => write.after.id)), pgArray(moving.map((write) => write.before!.leftOn))],
    );
  }
  await bulkSql(
    em,
    `insert into enrolment (id, pupil_id, school_id, trust_id, started_on, left_on)
     select id, pupil_id, $1::uuid, $2::uuid, $3::date, null from unnest($4::uuid[], $5::uuid[]) as r(id, pupil_id)`,
    [ctx.schoolId, ctx.trustId, ctx.today, pgArray(joining.map(() => ctx.newId())), pgArray(joining.map((write) => write.after.id))],
  );
}

async function recordFlagChanges(em: EntityManager, batch: PlannedWrite[], ctx: WriteContext): Promise<void> {
  const changes = batch.flatMap((write) => write.flagChanges.map((change) => ({ pupilId: write.after.id, ...change })));
  if (changes.length === 0) return;
  await bulkSql(
    em,
    `insert into flag_change (id, pupil_id, school_id, trust_id, "group", value, changed_at, source, changed_by_id, changed_by)
     select id, pupil_id, $1::uuid, $2::uuid, "group", value, $3::timestamptz, 'IMPORT', $4, $5
     from unnest($6::uuid[], $7::uuid[], $8::text[], $9::boolean[]) as r(id, pupil_id, "group", value)`,
    [
      ctx.schoolId,
      ctx.trustId,
      ctx.now.toISOString(),
      ctx.changedById,
      ctx.changedBy,
      pgArray(changes.map(() => ctx.newId())),
      pgArray(changes.map((change) => change.pupilId)),
      pgArray(changes.map((change) => change.group)),
      pgArray(changes.map((change) => change.value)),
    ],
  );
}

async function markLeft(em: EntityManager, pupils: RosterPupil[], ctx: WriteContext): Promise<void> {
  if (pupils.length === 0) return;
  const ids = pgArray(pupils.map((pupil) => pupil.id));
  await bulkSql(em, 'update pupil set left_on = $1::date where school_id = $2 and left_on is null and id = any($3::uuid[])', [ctx.today, ctx.schoolId, ids]);
  await bulkSql(em, 'update enrolment set left_on = $1::date where school_id = $2 and left_on is null and pupil_id = any($3::uuid[])', [ctx.today, ctx.schoolId, ids]);
}

/** Pupil writes per batch where polls need the event loop between batches (PGlite). */
export const WRITE_BATCH = 2000;
/** On PostgreSQL the loop is free while a statement runs, so batches are only for progress. */
export const WRITE_BATCH_POSTGRES = 5000;

/** Applies a plan inside the caller's transaction, batch by batch, reporting how many of its writes are done after each. */
export async function writeRosterPlan(
  em: EntityManager,
  plan: RosterPlan,
  ctx: WriteContext,
  onProgress: (done: number, total: number) => Promise<void>,
): Promise<void> {
  const total = plan.writes.length + (plan.markLeft.length > 0 ? 1 : 0);
  for (let start = 0; start < plan.writes.length; start += ctx.batchSize) {
    const batch = plan.writes.slice(start, start + ctx.batchSize);
    await upsertPupils(em, batch);
    await openEnrolments(em, batch, ctx);
    await recordFlagChanges(em, batch, ctx);
    await onProgress(start + batch.length, total);
    await ctx.pause();
  }
  await markLeft(em, plan.markLeft, ctx);
  await onProgress(total, total);
}
