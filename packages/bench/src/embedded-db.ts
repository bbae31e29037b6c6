import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { demoData } from '@waymark/demo-data';
import { todayInEngland } from '@waymark/domain';
import { dropStackDatabases, startStack, type RunningStack } from '@waymark/stack';
import { generateDashboardData } from './dashboard-data.js';
import { SCHOOL_DASHBOARD_QUERY } from './dashboard-floor.js';
import { gatewayClient } from './dashboards.js';
import { percentile, sideBySide, type Result, groupFailed } from './measure.js';

/*
 * The embedded database against PostgreSQL (docs/performance-targets.md): the same stack, once on
 * PGlite (how `npm start` runs without DATABASE_URL) and once on PostgreSQL, holding the same data, and
 * the careers leader's school dashboard and school overview through each gateway, interleaved. Target:
 * PGlite's p95 within 2.5 × PostgreSQL's.
 *
 * Data: the dashboard generator's trust is written into the PostgreSQL stack, then cut down to one
 * school (Northfield, 1,200 on roll, with its leavers and three academic years of encounters and
 * registers), and the pupils and encounters databases are copied row for row into the PGlite stack's
 * folders while it is stopped.
 */

const ROUNDS = Number(process.env.WAYMARK_BENCH_EMBEDDED_ROUNDS ?? 100);
const WARMUP = 30;
const COPIED_SERVICES = ['pupils', 'encounters'] as const;

const OVERVIEW = `{
  schools { name pupilCount encounterCount }
  destinationSummary { kind count }
  encounters(first: 50) { totalCount edges { node { title date attendedCount invitedCount } } }
}`;

const round = (value: number) => Math.round(value * 100) / 100;

async function connect(databaseUrl: string, database: string): Promise<pg.Client> {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}

const TABLE_COLUMNS = `select c.table_name, c.column_name from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
  where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name <> 'mikro_orm_migrations'`;

async function tablesWith(client: pg.Client | PGlite): Promise<Map<string, Set<string>>> {
  type Row = { table_name: string; column_name: string };
  const { rows } = client instanceof PGlite ? await client.query<Row>(TABLE_COLUMNS) : await client.query<Row>(TABLE_COLUMNS);
  const tables = new Map<string, Set<string>>();
  for (const row of rows) tables.set(row.table_name, (tables.get(row.table_name) ?? new Set()).add(row.column_name));
  return tables;
}

/**
 * Leaves one school in a stack's pupils and encounters databases: rows of other schools go, and so do
 * rows hanging off their encounters or pupils. Foreign keys are not checked meanwhile (replica role),
 * so the order of the deletes does not matter.
 */
async function keepOneSchool(databaseUrl: string, prefix: string, schoolId: string): Promise<{ pupils: number; participations: number }> {
  const pupilsDb = await connect(databaseUrl, `${prefix}pupils`);
  const encountersDb = await connect(databaseUrl, `${prefix}encounters`);
  try {
    const { rows: kept } = await pupilsDb.query<{ id: string }>(
      'select id from pupil where school_id = $1 union select pupil_id from enrolment where school_id = $1',
      [schoolId],
    );
    const pupilIds = kept.map((row) => row.id);
    for (const db of [pupilsDb, encountersDb]) {
      await db.query('begin');
      await db.query('set local session_replication_role = replica');
      const tables = await tablesWith(db);
      for (const [table, columns] of tables) {
        if (columns.has('school_id')) await db.query(`delete from "${table}" where school_id <> $1`, [schoolId]);
      }
      for (const [table, columns] of tables) {
        if (columns.has('school_id')) continue;
        if (columns.has('encounter_id') && tables.has('encounter'))
          await db.query(`delete from "${table}" t where not exists (select 1 from encounter e where e.id = t.encounter_id)`);
        else if (columns.has('pupil_id')) await db.query(`delete from "${table}" where not (pupil_id = any($1::uuid[]))`, [pupilIds]);
      }
      await db.query('commit');
      await db.query('vacuum analyze');
    }
    const { rows } = await encountersDb.query<{ n: string }>('select count(*) as n from participation');
    return { pupils: pupilIds.length, participations: Number(rows[0].n) };
  } finally {
    await Promise.all([pupilsDb.end(), encountersDb.end()]);
  }
}

/** Replaces every table's rows in a stopped PGlite stack's service folder with the PostgreSQL database's. */
async function copyIntoPglite(databaseUrl: string, database: string, folder: string): Promise<Map<string, number>> {
  const source = await connect(databaseUrl, database);
  const target = await PGlite.create(folder);
  const copied = new Map<string, number>();
  try {
    // The service's own tables (the generator also leaves tables of its own for the floors).
    const ownTables = await tablesWith(target);
    const tables = [...(await tablesWith(source)).keys()].filter((table) => ownTables.has(table));
    await target.exec('begin; set local session_replication_role = replica;');
    await target.exec(`truncate ${tables.map((table) => `"${table}"`).join(', ')}`);
    for (const table of tables) {
      // In slices, so no one JSON text grows past what either side holds comfortably.
      for (let offset = 0; ; offset += 20_000) {
        const { rows } = await source.query<{ rows: string | null; n: number }>(
          `select json_agg(t)::text as rows, count(*)::int as n from (select * from "${table}" order by ctid offset $1 limit 20000) t`,
          [offset],
        );
        if (!rows[0].rows || rows[0].n === 0) break;
        await target.query(`insert into "${table}" select * from json_populate_recordset(null::"${table}", $1::json)`, [rows[0].rows]);
        copied.set(table, (copied.get(table) ?? 0) + rows[0].n);
        if (rows[0].n < 20_000) break;
      }
    }
    // Sequences carry on after the copied rows.
    const { rows: sequences } = await source.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_schema = 'public' and column_default like 'nextval(%'`,
    );
    for (const { table_name: table, column_name: column } of sequences) {
      if (!ownTables.has(table)) continue;
      await target.query(`select setval(pg_get_serial_sequence('"${table}"', '${column}'), coalesce((select max("${column}") from "${table}"), 0) + 1, false)`);
    }
    await target.exec('commit');
    await target.exec('vacuum analyze');
    return copied;
  } finally {
    await target.close();
    await source.end();
  }
}

export async function embeddedDbScenarios(
  root: string,
  databaseUrl: string,
  log: (line: string) => void = (line) => console.log(line),
): Promise<{ results: Result[]; notes: string[] }> {
  const prefix = `waymark_bench_embed_${randomBytes(3).toString('hex')}_`;
  const work = mkdtempSync(join(tmpdir(), 'waymark-bench-embed-'));
  const pgliteDir = join(work, 'pglite');
  let postgresStack: RunningStack | null = null;
  let pgliteStack: RunningStack | null = null;
  const notes: string[] = [];
  try {
    const school = demoData().schools[0];
    const stackOptions = { root, env: { NODE_ENV: 'production' }, log: () => {} };
    // One stack at a time: two starting at once on a busy two-core machine can miss the start-up deadline.
    log('embedded-db: starting the PGlite stack once, to migrate and seed its folders…');
    pgliteStack = await startStack({ ...stackOptions, port: 4756, subgraphBasePort: 4856, dataDir: pgliteDir, seedDemo: true });
    // Its data is replaced while it is stopped.
    await pgliteStack.stop();
    pgliteStack = null;
    log('embedded-db: starting the PostgreSQL stack…');
    postgresStack = await startStack({
      ...stackOptions,
      port: 4746,
      subgraphBasePort: 4846,
      dataDir: join(work, 'postgres'),
      databaseUrl,
      databasePrefix: prefix,
      seedDemo: true,
    });

    const asOf = todayInEngland();
    log('embedded-db: generating the trust on PostgreSQL, then keeping one school…');
    const data = await generateDashboardData({ databaseUrl, prefix, asOf, log: (line) => log(`embedded-db: ${line}`) });
    const kept = await keepOneSchool(databaseUrl, prefix, school.id);
    const copied = new Map<string, number>();
    for (const service of COPIED_SERVICES)
      for (const [table, n] of await copyIntoPglite(databaseUrl, `${prefix}${service}`, join(pgliteDir, service))) copied.set(`${service}.${table}`, n);
    const total = [...copied.values()].reduce((sum, n) => sum + n, 0);
    const largest = [...copied]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([table, n]) => `${table} ${n}`)
      .join(', ');
    notes.push(
      `embedded-db data: ${school.name} alone, ${data.leaderSchool.onRoll} on roll (${kept.pupils} pupils with its leavers and joiners), ${kept.participations} participations over academic years ${data.academicYear - 2} to ${data.academicYear}; ${total} rows copied into PGlite (most in ${largest})`,
    );
    log('embedded-db: restarting the PGlite stack on the copied data…');
    pgliteStack = await startStack({ ...stackOptions, port: 4756, subgraphBasePort: 4856, dataDir: pgliteDir, seedDemo: false });

    const onPostgres = await gatewayClient(postgresStack.url);
    const onPglite = await gatewayClient(pgliteStack.url);
    const [postgresLeader, pgliteLeader] = await Promise.all([onPostgres.signIn('leader@northfield.test'), onPglite.signIn('leader@northfield.test')]);
    const scenarios = [
      { label: 'school dashboard', query: SCHOOL_DASHBOARD_QUERY, variables: { asOf } },
      { label: 'school overview', query: OVERVIEW, variables: {} },
    ];
    const results: Result[] = [];
    for (const { label, query, variables } of scenarios) {
      const viaPglite = () => onPglite.query(pgliteLeader, query, variables);
      const viaPostgres = () => onPostgres.query(postgresLeader, query, variables);
      // The same data, so the same answer: a copy that lost rows would time something else.
      const [fromPglite, fromPostgres] = [await viaPglite(), await viaPostgres()];
      const same = JSON.stringify(fromPglite) === JSON.stringify(fromPostgres);
      if (!same) notes.push(`FAIL embedded-db: the ${label} differs between PGlite and PostgreSQL`);
      log(`embedded-db: ${label}, ${WARMUP} warm-up and ${ROUNDS} measured rounds on each…`);
      const [pgliteTimes, postgresTimes] = await sideBySide(viaPglite, viaPostgres, ROUNDS, WARMUP);
      const value = percentile(pgliteTimes, 95);
      const floor = percentile(postgresTimes, 95);
      results.push({
        name: `${label} on PGlite vs PostgreSQL (p95, one school)`,
        value: round(value),
        floor: round(floor),
        ratio: round(value / floor),
        target: '≤ 2.5 × PostgreSQL, same answer',
        unit: 'ms',
        pass: same && value <= 2.5 * floor,
      });
      notes.push(`embedded-db ${label}: median PGlite ${round(percentile(pgliteTimes, 50))} ms, PostgreSQL ${round(percentile(postgresTimes, 50))} ms`);
    }
    return { results, notes };
  } catch (error) {
    return groupFailed('embedded-db', error, notes);
  } finally {
    await pgliteStack?.stop();
    await postgresStack?.stop();
    await dropStackDatabases(databaseUrl, prefix);
    rmSync(work, { recursive: true, force: true });
  }
}
