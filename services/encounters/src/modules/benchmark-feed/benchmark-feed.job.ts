import type { EntityManager } from '@mikro-orm/sql';
import { CREDENTIAL_HEADER, SYSTEM_PRINCIPAL, type CredentialSigner, type Principal } from '@waymark/auth';
import { boundSql, pgArray, syncLogCompaction, withSystemAccess, type Orm } from '@waymark/subgraph-kit';
import { BenchmarkEngine, packCohort, type PackedCohort } from '../benchmarks/benchmarks.service.js';
import { MEASURE_KEYS } from '../benchmarks/benchmarks.sql.js';
import { PackedCohortDocument } from '../external/pupils.generated.js';
import type { PackedCohortAnswer } from '../external/pupils.client.js';

/** Where the job reads a trust's pupils on roll on a day: the pupils subgraph's `packedCohort`, as the trust would see it. */
export type CohortSource = (trustId: string, asOf: string) => Promise<PackedCohortAnswer>;

/**
 * Who the job is to the pupils subgraph for one trust: that trust's API key with `reports:read`, no
 * more (the pupils subgraph then answers exactly the cohort the trust's dashboard reads, under the
 * trust's own tenancy). Never a person, and never another trust.
 */
export function benchmarkStatesPrincipal(trustId: string): Principal {
  return {
    ...SYSTEM_PRINCIPAL,
    kind: 'api',
    accountId: 'benchmark-states-job',
    displayName: 'Waymark benchmark states job',
    roles: ['trust_analyst'],
    trustId,
    scopes: ['reports:read'],
  };
}

/** The pupils subgraph at `url`, asked with a credential signed by `signer` (the gateway's key) for the trust's principal. */
export function remoteCohortSource(url: string, signer: CredentialSigner): CohortSource {
  return async (trustId, asOf) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: await signer.sign(benchmarkStatesPrincipal(trustId)) },
      body: JSON.stringify({ query: String(PackedCohortDocument), variables: { schoolIds: null, pupilIds: null, asOf } }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await response.json().catch(() => ({}))) as { data?: { packedCohort?: PackedCohortAnswer } | null; errors?: { message: string }[] };
    const cohort = body.data?.packedCohort;
    if (!response.ok || !cohort)
      throw new Error(`the pupils subgraph answered ${response.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no cohort'}`);
    return cohort;
  };
}

/** The two numbers of the trust's advisory lock: every write to its log happens while holding it (positions commit in order). */
const LOCK = `select pg_advisory_xact_lock(hashtext('benchmark_state_change'), hashtext($1::text))`;

/** A packed cohort's pupils, one school at a time, each repacked for the engine. */
function bySchool(cohort: PackedCohortAnswer): Map<string, { pupilIds: string[]; packed: PackedCohort }> {
  const split = (packed: string) => (packed === '' ? [] : packed.split(','));
  const pupilIds = split(cohort.pupilIds);
  const schoolIndexes = split(cohort.schoolIndexes).map(Number);
  const yearGroups = split(cohort.yearGroups).map(Number);
  const groupMasks = split(cohort.groupMasks).map(Number);
  const arrays = new Map<string, { pupilIds: string[]; schoolIds: string[]; yearGroups: number[]; groupMasks: number[] }>();
  for (const schoolId of cohort.schoolsAllowed) arrays.set(schoolId, { pupilIds: [], schoolIds: [], yearGroups: [], groupMasks: [] });
  pupilIds.forEach((pupilId, i) => {
    const schoolId = cohort.schoolIds[schoolIndexes[i]];
    let school = arrays.get(schoolId);
    if (!school) arrays.set(schoolId, (school = { pupilIds: [], schoolIds: [], yearGroups: [], groupMasks: [] }));
    school.pupilIds.push(pupilId);
    school.schoolIds.push(schoolId);
    school.yearGroups.push(yearGroups[i]);
    school.groupMasks.push(groupMasks[i]);
  });
  return new Map([...arrays].map(([schoolId, school]) => [schoolId, { pupilIds: school.pupilIds, packed: packCohort(school) }]));
}

/**
 * One school's part of a run, in one transaction of three statements whatever its size: the trust's
 * lock; the engine's states for the school's pupils on the day; and one statement that compares them
 * with what was last published, logs each changed state (and a NO_YEAR_GROUP tombstone for each state
 * of a pupil of the school the engine no longer computes), and brings the snapshot up to date.
 */
async function materialiseSchool(
  em: EntityManager,
  trustId: string,
  schoolId: string,
  day: string,
  school: { pupilIds: string[]; packed: PackedCohort },
): Promise<{ upserts: number; tombstones: number }> {
  await boundSql(em, LOCK, [trustId]);
  const { rows } = await new BenchmarkEngine(em).pupilStates(school.packed, day);
  const pupils: string[] = [];
  const measures: string[] = [];
  const years: number[] = [];
  const states: string[] = [];
  const counts: number[] = [];
  const needed: number[] = [];
  for (const row of rows)
    for (const measure of MEASURE_KEYS) {
      const state = row.states[measure];
      pupils.push(row.pupilId);
      measures.push(measure);
      years.push(row.yearGroup);
      states.push(state.state);
      counts.push(state.count);
      needed.push(state.needed);
    }
  const { rows: done } = await boundSql<{ upserts: number; tombstones: number }>(
    em,
    `with cur as (
       select * from unnest($4::uuid[], $5::text[], $6::int[], $7::text[], $8::int[], $9::int[]) as c(pupil_id, measure, year_group, state, count, needed)
     ),
     changed as (
       select c.* from cur c
         left join benchmark_state s on s.trust_id = $1::uuid and s.pupil_id = c.pupil_id and s.measure = c.measure
        where s.pupil_id is null
           or (s.school_id, s.year_group, s.state, s.count, s.needed) is distinct from ($2::uuid, c.year_group, c.state, c.count, c.needed)
     ),
     dropped as (
       select s.pupil_id, s.measure from benchmark_state s
        where s.trust_id = $1::uuid
          and exists (select 1 from unnest($10::uuid[]) as o(pupil_id) where o.pupil_id = s.pupil_id)
          and not exists (select 1 from cur c where c.pupil_id = s.pupil_id and c.measure = s.measure)
     ),
     logged as (
       insert into benchmark_state_change (trust_id, pupil_id, measure, reason, school_id, year_group, state, count, needed, as_of)
       select $1::uuid, pupil_id, measure, reason, school_id, year_group, state, count, needed, $3::date
         from (select pupil_id, measure, null::text as reason, $2::uuid as school_id, year_group, state, count, needed from changed
               union all
               select pupil_id, measure, 'NO_YEAR_GROUP', null, null, null, null, null from dropped) l
        order by pupil_id, measure
       returning reason
     ),
     saved as (
       insert into benchmark_state (trust_id, pupil_id, measure, school_id, year_group, state, count, needed, as_of)
       select $1::uuid, pupil_id, measure, $2::uuid, year_group, state, count, needed, $3::date from changed
       on conflict (trust_id, pupil_id, measure) do update
         set school_id = excluded.school_id, year_group = excluded.year_group, state = excluded.state,
             count = excluded.count, needed = excluded.needed, as_of = excluded.as_of
     ),
     removed as (
       delete from benchmark_state s using dropped d
        where s.trust_id = $1::uuid and s.pupil_id = d.pupil_id and s.measure = d.measure
     )
     -- saved and removed run whether or not they are read (a data-modifying WITH always does).
     select (select count(*) from logged where reason is null)::int as upserts,
            (select count(*) from logged where reason is not null)::int as tombstones`,
    [trustId, schoolId, day, pgArray(pupils), pgArray(measures), pgArray(years), pgArray(states), pgArray(counts), pgArray(needed), pgArray(school.pupilIds)],
  );
  return { upserts: Number(done[0].upserts), tombstones: Number(done[0].tombstones) };
}

/**
 * The trust's last part of a run, in one transaction of two statements: a NOT_ON_ROLL tombstone for
 * every published state of a pupil no longer on roll at any school of the trust on the day (left,
 * moved outside the trust, deleted, pseudonymised), and their snapshot rows removed.
 */
async function tombstoneOffRoll(em: EntityManager, trustId: string, day: string, onRoll: string[]): Promise<number> {
  await boundSql(em, LOCK, [trustId]);
  const { rows } = await boundSql<{ tombstones: number }>(
    em,
    `with gone as (
       select s.pupil_id, s.measure from benchmark_state s
        where s.trust_id = $1::uuid
          and not exists (select 1 from unnest($3::uuid[]) as o(pupil_id) where o.pupil_id = s.pupil_id)
     ),
     logged as (
       insert into benchmark_state_change (trust_id, pupil_id, measure, reason, as_of)
       select $1::uuid, pupil_id, measure, 'NOT_ON_ROLL', $2::date from gone order by pupil_id, measure
       returning 1
     ),
     removed as (
       delete from benchmark_state s using gone g where s.trust_id = $1::uuid and s.pupil_id = g.pupil_id and s.measure = g.measure
     )
     select (select count(*) from logged)::int as tombstones`,
    [trustId, day, pgArray(onRoll)],
  );
  return Number(rows[0].tombstones);
}

export interface TrustRun {
  trustId: string;
  schools: number;
  upserts: number;
  tombstones: number;
}

/**
 * Publishes one trust's benchmark states as of `day` (docs/trust-api.md, "Benchmark states"): one call
 * to the pupils subgraph for the trust's pupils on roll that day, then one transaction per school and a
 * last one for pupils gone from the trust. Only changes are written, so a second run on the same day
 * and data writes nothing; a run that stops part-way leaves every school it finished consistent, and
 * the next run finishes the rest.
 */
export async function materialiseTrust(orm: Orm, trustId: string, day: string, cohortOf: CohortSource): Promise<TrustRun> {
  const cohort = await cohortOf(trustId, day);
  const schools = bySchool(cohort);
  const run: TrustRun = { trustId, schools: 0, upserts: 0, tombstones: 0 };
  for (const [schoolId, school] of schools) {
    if (school.pupilIds.length === 0) continue;
    const done = await withSystemAccess(orm, 'benchmark states: publishing one school’s pupils’ states to its trust’s feed', (em) =>
      materialiseSchool(em, trustId, schoolId, day, school),
    );
    run.schools += 1;
    run.upserts += done.upserts;
    run.tombstones += done.tombstones;
  }
  const onRoll = [...schools.values()].flatMap((school) => school.pupilIds);
  run.tombstones += await withSystemAccess(orm, 'benchmark states: tombstones for pupils no longer on roll in the trust', (em) =>
    tombstoneOffRoll(em, trustId, day, onRoll),
  );
  return run;
}

/** Every trust this subgraph holds anything of: its encounters (a register row is always its encounter's trust's), own activities, or states already published. */
export async function knownTrusts(orm: Orm): Promise<string[]> {
  return withSystemAccess(orm, 'benchmark states: which trusts have records here', async (em) => {
    const { rows } = await boundSql<{ trust_id: string }>(
      em,
      `select trust_id::text from encounter where trust_id is not null
       union select trust_id::text from own_activity where trust_id is not null
       union select trust_id::text from benchmark_state
       order by 1`,
      [],
    );
    return rows.map((row) => row.trust_id);
  });
}

export interface BenchmarkStatesRun {
  trusts: TrustRun[];
  failed: { trustId: string; error: string }[];
}

/**
 * The nightly job: every trust (or those named), as of `day` (the day in England; a test moves it).
 * A trust that fails (the pupils subgraph down, say) is reported and the others go on; the next run
 * catches it up.
 */
export async function runBenchmarkStates(options: {
  orm: Orm;
  day: string;
  cohortOf: CohortSource;
  trustIds?: readonly string[];
}): Promise<BenchmarkStatesRun> {
  const trustIds = options.trustIds ?? (await knownTrusts(options.orm));
  const run: BenchmarkStatesRun = { trusts: [], failed: [] };
  for (const trustId of trustIds) {
    try {
      run.trusts.push(await materialiseTrust(options.orm, trustId, options.day, options.cohortOf));
    } catch (error) {
      run.failed.push({ trustId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return run;
}

/**
 * The log keeps each pupil's measure's newest row in each trust: the feed only ever hands out the
 * newest, so removing the others daily changes no answer and no cursor; tombstones stay.
 */
const compaction = syncLogCompaction({ log: 'benchmark_state_change', key: ['pupil_id', 'measure'], feed: 'benchmark states' });
export const compactBenchmarkStateLog = compaction.compact;
export const benchmarkStateCompactionJob = compaction.job;
