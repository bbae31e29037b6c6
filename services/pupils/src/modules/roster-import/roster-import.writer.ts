import type { EntityManager } from '@mikro-orm/sql';
import { boundSql, pgArray } from '@waymark/subgraph-kit';
import { markLeft } from '../enrolment/enrolment.service.js';
import { flagBits, type PlannedWrite, type RosterPlan, type RosterPupil } from './roster-plan.js';
import type { AddressColumns } from '../address/postal-address.js';

/**
 * The roster's SQL: set-based statements over one array per column (`unnest`), so a 25,000-pupil
 * commit is a few dozen statements rather than one per pupil.
 *
 * A pupil row holds the pupil's latest period at a school (`school_id`, `enrolled_on`, `left_on`) and
 * the flags they started with (`baseline_flags`), so a new pupil is one row and nothing else. An
 * `enrolment` row is written only when a period becomes history (the pupil joins another school, or
 * rejoins this one), and a `flag_change` row only when an existing pupil's flag changes.
 */

const PUPIL_COLUMNS = `select id, upn, school_id, trust_id, left_on::text as left_on, enrolled_on::text as enrolled_on, legal_forename, legal_surname,
  preferred_name, date_of_birth::text as date_of_birth, year_group, year_group_academic_year, tutor_group, home_la_code,
  address_line1, address_line2, address_town, address_postcode, parent_carer_name, parent_carer_same_address, parent_carer_address_line1,
  parent_carer_address_line2, parent_carer_address_town, parent_carer_address_postcode,
  sen_support, ehcp, disadvantaged, eal, looked_after, young_carer, service_child, refugee from pupil`;

interface PupilRecord extends AddressColumns {
  id: string;
  upn: string;
  school_id: string;
  trust_id: string | null;
  left_on: string | null;
  enrolled_on: string;
  legal_forename: string;
  legal_surname: string;
  preferred_name: string | null;
  date_of_birth: string;
  year_group: number | null;
  year_group_academic_year: number | null;
  tutor_group: string | null;
  home_la_code: string | null;
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
  enrolledOn: r.enrolled_on,
  legalForename: r.legal_forename,
  legalSurname: r.legal_surname,
  preferredName: r.preferred_name,
  dateOfBirth: r.date_of_birth,
  yearGroup: r.year_group === null ? null : Number(r.year_group),
  yearGroupAcademicYear: r.year_group_academic_year === null ? null : Number(r.year_group_academic_year),
  tutorGroup: r.tutor_group,
  homeLaCode: r.home_la_code,
  addressLine1: r.address_line1,
  addressLine2: r.address_line2,
  addressTown: r.address_town,
  addressPostcode: r.address_postcode,
  parentCarerName: r.parent_carer_name,
  parentCarerSameAddress: r.parent_carer_same_address,
  parentCarerAddressLine1: r.parent_carer_address_line1,
  parentCarerAddressLine2: r.parent_carer_address_line2,
  parentCarerAddressTown: r.parent_carer_address_town,
  parentCarerAddressPostcode: r.parent_carer_address_postcode,
  senSupport: r.sen_support,
  ehcp: r.ehcp,
  disadvantaged: r.disadvantaged,
  eal: r.eal,
  lookedAfter: r.looked_after,
  youngCarer: r.young_carer,
  serviceChild: r.service_child,
  refugee: r.refugee,
});

/** Every pupil on roll at the school, and every pupil anywhere with one of `upns` (each once, as validated rows have them), in one statement. */
export async function loadRosterState(em: EntityManager, schoolId: string, upns: string[]): Promise<RosterPupil[]> {
  const { rows } = await boundSql<PupilRecord>(
    em,
    // Two lookups, each row once: an `or` across them would scan the whole table. A join to the UPNs
    // lets PostgreSQL hash whichever side is smaller; `upn in (…)` or `= any(…)` would first
    // de-duplicate or plan over all 25,000 of them.
    `${PUPIL_COLUMNS} where school_id = $1 and left_on is null
     union all ${PUPIL_COLUMNS} join unnest($2::varchar[]) as wanted (upn) using (upn) where not (school_id = $1 and left_on is null)`,
    [schoolId, pgArray(upns)],
  );
  return rows.map(fromRecord);
}

/**
 * Of `ids`, the pupils who have had a period at a school other than the one their row names (an
 * `enrolment` row elsewhere): their legal name and date of birth are shared with that school.
 */
export async function pupilsFromOtherSchools(em: EntityManager, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await boundSql<{ pupil_id: string }>(
    em,
    `select distinct e.pupil_id from enrolment e join pupil p on p.id = e.pupil_id
     where e.pupil_id = any($1::uuid[]) and e.school_id <> p.school_id`,
    [pgArray(ids)],
  );
  return new Set(rows.map((row) => row.pupil_id));
}

export interface WriteContext {
  schoolId: string;
  trustId: string | null;
  /** The import being committed: new pupils' starting flags are credited to it. */
  importId: string;
  /** The commit's date: new periods start and missing pupils leave on it. */
  today: string;
  /** The academic year the imported year groups are for. */
  academicYear: number;
  now: Date;
  changedById: string;
  changedBy: string;
  /** Between batches: lets the event loop answer progress polls. */
  pause: () => Promise<void>;
  /** Ids for the enrolments and flag changes the commit creates (see orderedIdSource). */
  newId: () => string;
  /** Pupil writes per batch of statements. */
  batchSize: number;
  /** Tests only: runs inside the transaction after each batch's writes, so a test can cut the commit off part-way. */
  afterBatch?: (tx: EntityManager) => Promise<void>;
}

type Value = string | number | boolean | null;
/** A pupil column as the writes bind it: its name, its type, and how to read it (by name: reading by key is slow here). */
type Column = readonly [name: keyof PupilRecord, type: string, value: (pupil: RosterPupil) => Value];

const PUPIL_WRITE_COLUMNS: readonly Column[] = [
  ['id', 'uuid', (p) => p.id],
  ['upn', 'varchar', (p) => p.upn],
  ['school_id', 'uuid', (p) => p.schoolId],
  ['trust_id', 'uuid', (p) => p.trustId],
  ['left_on', 'date', (p) => p.leftOn],
  ['enrolled_on', 'date', (p) => p.enrolledOn],
  ['legal_forename', 'varchar', (p) => p.legalForename],
  ['legal_surname', 'varchar', (p) => p.legalSurname],
  ['preferred_name', 'varchar', (p) => p.preferredName],
  ['date_of_birth', 'date', (p) => p.dateOfBirth],
  ['year_group', 'smallint', (p) => p.yearGroup],
  ['year_group_academic_year', 'smallint', (p) => p.yearGroupAcademicYear],
  ['tutor_group', 'varchar', (p) => p.tutorGroup],
  ['home_la_code', 'varchar', (p) => p.homeLaCode],
  ['address_line1', 'varchar', (p) => p.addressLine1],
  ['address_line2', 'varchar', (p) => p.addressLine2],
  ['address_town', 'varchar', (p) => p.addressTown],
  ['address_postcode', 'varchar', (p) => p.addressPostcode],
  ['parent_carer_name', 'varchar', (p) => p.parentCarerName],
  ['parent_carer_same_address', 'boolean', (p) => p.parentCarerSameAddress],
  ['parent_carer_address_line1', 'varchar', (p) => p.parentCarerAddressLine1],
  ['parent_carer_address_line2', 'varchar', (p) => p.parentCarerAddressLine2],
  ['parent_carer_address_town', 'varchar', (p) => p.parentCarerAddressTown],
  ['parent_carer_address_postcode', 'varchar', (p) => p.parentCarerAddressPostcode],
  ['sen_support', 'boolean', (p) => p.senSupport],
  ['ehcp', 'boolean', (p) => p.ehcp],
  ['disadvantaged', 'boolean', (p) => p.disadvantaged],
  ['eal', 'boolean', (p) => p.eal],
  ['looked_after', 'boolean', (p) => p.lookedAfter],
  ['young_carer', 'boolean', (p) => p.youngCarer],
  ['service_child', 'boolean', (p) => p.serviceChild],
  ['refugee', 'boolean', (p) => p.refugee],
];

const column = (name: keyof PupilRecord) => PUPIL_WRITE_COLUMNS.find(([each]) => each === name)!;

const UPSERT_PUPILS = `insert into pupil (${PUPIL_WRITE_COLUMNS.map(([name]) => name).join(', ')})
  select * from unnest(${PUPIL_WRITE_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
  on conflict (id) do update set ${PUPIL_WRITE_COLUMNS.slice(1)
    .map(([name]) => `${name} = excluded.${name}`)
    .join(', ')}`;

/** Pupils already in Waymark whose row the import changes (details, a rejoin, a transfer in). */
async function upsertPupils(em: EntityManager, writes: PlannedWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const pupils = writes.map((write) => write.after);
  await boundSql(
    em,
    UPSERT_PUPILS,
    PUPIL_WRITE_COLUMNS.map(([, , value]) => pgArray(pupils.map(value))),
  );
}

/** What every new pupil of one import shares: bound once per statement rather than once per row. */
const NEW_PUPIL_SHARED = ['school_id', 'trust_id', 'year_group_academic_year', 'enrolled_on', 'baseline_import_id'] as const;
const NEW_PUPIL_SHARED_TYPES = ['uuid', 'uuid', 'smallint', 'date', 'uuid'] as const;
const NEW_PUPIL_ALWAYS = (['id', 'upn', 'legal_forename', 'legal_surname', 'date_of_birth', 'year_group'] as const).map(column);
/** Left out of a batch where every new pupil has the column's default (null, or false), which is most flags in most files. */
const NEW_PUPIL_DEFAULTED = (
  [
    'preferred_name',
    'tutor_group',
    'home_la_code',
    'address_line1',
    'address_line2',
    'address_town',
    'address_postcode',
    'parent_carer_name',
    'parent_carer_same_address',
    'parent_carer_address_line1',
    'parent_carer_address_line2',
    'parent_carer_address_town',
    'parent_carer_address_postcode',
    'sen_support',
    'ehcp',
    'disadvantaged',
    'eal',
    'looked_after',
    'young_carer',
    'service_child',
    'refugee',
  ] as const
).map(column);

interface Statement {
  sql: string;
  parameters: unknown[];
}

/** New pupils: a plain insert of the columns the batch actually sets, with what they share bound once. */
function insertNewPupils(writes: PlannedWrite[], ctx: WriteContext): Statement | null {
  if (writes.length === 0) return null;
  const pupils = writes.map((write) => write.after);
  const set = (value: Column[2]) => pupils.some((pupil) => value(pupil) !== null && value(pupil) !== false);
  const columns = [...NEW_PUPIL_ALWAYS, ...NEW_PUPIL_DEFAULTED.filter(([, , value]) => set(value))];
  const names = [...columns.map(([name]) => name), 'baseline_flags', ...NEW_PUPIL_SHARED];
  const arrays = [...columns.map(([, type], i) => `$${i + 1}::${type}[]`), `$${columns.length + 1}::smallint[]`];
  const shared = NEW_PUPIL_SHARED_TYPES.map((type, i) => `$${arrays.length + i + 1}::${type}`);
  return {
    sql: `insert into pupil (${names.join(', ')}) select *, ${shared.join(', ')} from unnest(${arrays.join(', ')})`,
    parameters: [
      ...columns.map(([, , value]) => pgArray(pupils.map(value))),
      pgArray(pupils.map(flagBits)),
      ctx.schoolId,
      ctx.trustId,
      ctx.academicYear,
      ctx.today,
      ctx.importId,
    ],
  };
}

/**
 * A pupil who joins from another school, or rejoins this one, starts a new period: the one their row
 * held (which ended on its `left_on`) becomes an `enrolment` row. Any period an old school left open
 * (recorded before periods lived on the pupil row) is closed on the same day first.
 */
async function archivePeriods(em: EntityManager, writes: PlannedWrite[], ctx: WriteContext): Promise<void> {
  const moving = writes.filter((write) => write.action === 'transfer' || write.action === 'rejoin');
  if (moving.length === 0) return;
  const ids = pgArray(moving.map((write) => write.before!.id));
  const endedOn = pgArray(moving.map((write) => write.before!.leftOn ?? ctx.today));
  await boundSql(
    em,
    `update enrolment e set left_on = r.left_on from unnest($1::uuid[], $2::date[]) as r(pupil_id, left_on)
     where e.pupil_id = r.pupil_id and e.left_on is null`,
    [ids, endedOn],
  );
  await boundSql(
    em,
    `insert into enrolment (id, pupil_id, school_id, trust_id, started_on, left_on)
     select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::date[])`,
    [
      pgArray(moving.map(() => ctx.newId())),
      ids,
      pgArray(moving.map((write) => write.before!.schoolId)),
      pgArray(moving.map((write) => write.before!.trustId)),
      pgArray(moving.map((write) => write.before!.enrolledOn)),
      endedOn,
    ],
  );
}

async function recordFlagChanges(em: EntityManager, writes: PlannedWrite[], ctx: WriteContext): Promise<void> {
  const changes = writes.flatMap((write) => write.flagChanges.map((change) => ({ pupilId: write.after.id, ...change })));
  if (changes.length === 0) return;
  await boundSql(
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
  const batchAt = (start: number) => plan.writes.slice(start, start + ctx.batchSize);
  const newPupilsAt = (start: number) => {
    const adds = batchAt(start).filter((write) => write.action === 'add');
    return insertNewPupils(adds, ctx);
  };
  let newPupils = newPupilsAt(0);
  for (let start = 0; start < plan.writes.length; start += ctx.batchSize) {
    const batch = batchAt(start);
    // pupil's triggers log the new pupils for the sync and move the school's cohort counter, once for the statement.
    const inserting = newPupils ? boundSql(em, newPupils.sql, newPupils.parameters) : Promise.resolve();
    if (start + ctx.batchSize < plan.writes.length) {
      // The next batch's insert is made while the database runs this one: once the loop has turned,
      // the statement is on its way. (Awaited just below; the catch only keeps a failure meanwhile
      // from counting as unhandled.)
      inserting.catch(() => undefined);
      await new Promise((resolve) => setImmediate(resolve));
      newPupils = newPupilsAt(start + ctx.batchSize);
    }
    await inserting;
    const existing = batch.filter((write) => write.action !== 'add');
    await archivePeriods(em, existing, ctx);
    await upsertPupils(em, existing);
    await recordFlagChanges(em, existing, ctx);
    await ctx.afterBatch?.(em);
    await onProgress(start + batch.length, total);
    await ctx.pause();
  }
  // A full roster's leavers: their period here ends today.
  await markLeft(
    em,
    ctx.schoolId,
    plan.markLeft.map((pupil) => pupil.id),
    ctx.today,
  );
  await onProgress(total, total);
}
