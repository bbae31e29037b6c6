import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import type { MikroORM, Options } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator, type Migration } from '@mikro-orm/migrations';
import { MikroORM as PostgresORM } from '@mikro-orm/postgresql';
import { MikroORM as PgliteORM } from '@mikro-orm/pglite';
import type { EntityManager } from '@mikro-orm/sql';
import { APP_ROLE } from './tenancy.js';

export type MigrationClass = new (...args: never[]) => Migration;

export interface DatabaseOptions {
  /** Service name: the PostgreSQL database is `<prefix><service>`, the PGlite folder `<dataDir>/<service>`. */
  service: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  migrations: { name: string; class: MigrationClass }[];
  /** A PostgreSQL server URL. Absent → embedded PGlite. */
  databaseUrl?: string;
  /** PostgreSQL database name prefix (tests use a throwaway one). */
  databasePrefix?: string;
  /** PGlite parent folder; `memory://` keeps everything in memory. */
  dataDir?: string;
  /**
   * `true` (the default): apply pending migrations, one replica at a time. `false`: leave them (a test
   * that migrates step by step). `'refuse-pending'`: apply none, and refuse to open while any is
   * pending (the replicas of a deployment whose migrations run as a job of their own).
   */
  migrate?: boolean | 'refuse-pending';
  /**
   * Tests only (WAYMARK_TEST_DATABASE_TEMPLATES=1, which `@waymark/config/vitest` sets): on PostgreSQL, a
   * database this call creates starts as a copy of a template that already holds every migration
   * (`migrationTemplate`), so the migrations are not run again for each test database. Only with
   * `migrate` true: a test that migrates step by step, or refuses pending ones, gets an empty database.
   */
  fromTemplate?: boolean;
}

export type Orm = MikroORM & { em: EntityManager };

export function databaseName(prefix: string, service: string): string {
  return `${prefix}${service}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
}

/** The URL of the service's own database on the server `databaseUrl` points at. */
export function serviceDatabaseUrl(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Session settings for every subgraph connection (sent as the connection's startup `options`): JIT
 * off (it costs more than it saves on the short, repeated statements of an API) and random reads
 * priced for SSD storage (the default, 4, dates from spinning disks and steers the planner away from
 * the index lookups a school's dashboard needs).
 */
export const SESSION_OPTIONS = '-c jit=off -c random_page_cost=1.1';

/**
 * Creates the database unless it exists. With `template` (a database `migrationTemplate` built), it
 * starts as a copy of it; should the copy fail (the template dropped meanwhile, or someone connected
 * to it), it starts empty as without, and the migrations run as usual.
 */
export async function ensurePostgresDatabase(databaseUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        if (template) {
          try {
            await client.query(`create database "${name}" template "${template}"`);
            return;
          } catch (error) {
            if ((error as { code?: string }).code === '42P04') throw error;
          }
        }
        await client.query(`create database "${name}"`);
      } catch (error) {
        // Another process created it between the check and the create: 42P04, or 23505 when both
        // passed the catalogue check at the same moment (replicas starting together).
        if (!['42P04', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
      }
    }
  } finally {
    await client.end();
  }
}

export async function dropPostgresDatabase(databaseUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}

function baseOptions(options: DatabaseOptions): Partial<Options> {
  return {
    entities: options.entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    allowGlobalContext: false,
    migrations: {
      migrationsList: options.migrations as never,
      snapshot: false,
      silent: true,
      transactional: true,
      allOrNothing: true,
    },
    discovery: { warnWhenNoEntities: false },
    // Database functions other than triggers' are written by hand in a service's migrations (identity's
    // `api_key_take`); no entity declares them, so the schema check (tool.js check) leaves them alone.
    schemaGenerator: { ignoreRoutines: true },
    debug: false,
  };
}

function openPostgres(
  options: DatabaseOptions,
  sessionOptions: string,
  name = databaseName(options.databasePrefix ?? 'waymark_', options.service),
): Promise<MikroORM> {
  return PostgresORM.init({
    ...(baseOptions(options) as object),
    clientUrl: serviceDatabaseUrl(options.databaseUrl ?? '', name),
    pool: { min: 0, max: 10 },
    // MikroORM reads only host, port, user, password and database from the URL; the rest goes to pg's pool.
    driverOptions: { options: sessionOptions },
  });
}

/** Opens the service's own database (PostgreSQL or PGlite) and applies its migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<Orm> {
  let orm: MikroORM;
  if (options.databaseUrl) {
    const migrateAll = options.migrate === undefined || options.migrate === true;
    const template = options.fromTemplate && migrateAll ? await migrationTemplate({ ...options, databaseUrl: options.databaseUrl }) : undefined;
    await ensurePostgresDatabase(options.databaseUrl, databaseName(options.databasePrefix ?? 'waymark_', options.service), template);
    orm = await openPostgres(options, SESSION_OPTIONS);
  } else {
    const parent = options.dataDir ?? 'memory://';
    const dbName = parent === 'memory://' ? 'memory://' : `${parent}/${options.service}`;
    if (dbName !== 'memory://') mkdirSync(dbName, { recursive: true });
    orm = await PgliteORM.init({ ...(baseOptions(options) as object), dbName });
  }
  try {
    if (options.migrate === 'refuse-pending') await refuseIfPending(orm);
    else if (options.migrate === false) return orm as Orm;
    else if (options.databaseUrl)
      await oneAtATime(serviceDatabaseUrl(options.databaseUrl, databaseName(options.databasePrefix ?? 'waymark_', options.service)), () => orm.migrator.up());
    else await orm.migrator.up();
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm as Orm;
}

/**
 * The name of the template database holding exactly these migrations: `waymark_template_<service>_`
 * and a digest of each migration's name and code, so a changed or added migration makes a new one.
 */
export function migrationTemplateName(service: string, migrations: DatabaseOptions['migrations']): string {
  const digest = createHash('sha256');
  for (const migration of migrations) digest.update(`${migration.name}\n${migration.class.toString()}\n`);
  return databaseName('waymark_template_', `${service}_${digest.digest('hex').slice(0, 16)}`);
}

/**
 * Tests only (`fromTemplate`): the template database with the service's migrations applied, built
 * the first time any process asks for it, one builder at a time (an advisory lock on the server's
 * maintenance database). A finished template takes no connections (`allow_connections false`), which
 * is also how a builder that died halfway is told from a finished one. Templates stay for later runs;
 * dropping them (`waymark_template_%`) is always safe, they are built again when missing.
 */
export async function migrationTemplate(options: DatabaseOptions & { databaseUrl: string }): Promise<string> {
  const name = migrationTemplateName(options.service, options.migrations);
  const admin = new pg.Client({ connectionString: options.databaseUrl });
  await admin.connect();
  try {
    const finished = async () => ((await admin.query('select 1 from pg_database where datname = $1 and not datallowconn', [name])).rowCount ?? 0) > 0;
    if (await finished()) return name;
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    if (await finished()) return name;
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    const orm = await openPostgres(options, SESSION_OPTIONS, name);
    try {
      await orm.migrator.up();
    } finally {
      await orm.close(true);
    }
    // A copy needs the template to have no connection: wait for the pool's last one to be gone.
    for (let wait = 0; wait < 100; wait += 1) {
      const open = await admin.query('select 1 from pg_stat_activity where datname = $1', [name]);
      if (open.rowCount === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await admin.query(`alter database "${name}" allow_connections false`);
    return name;
  } finally {
    await admin.end();
  }
}

/** The advisory lock replicas of one service take to migrate its database (advisory locks are per database). */
const MIGRATION_LOCK = 0x57594d4d;

/**
 * Runs `work` holding the database's migration lock, on a connection of its own: replicas that start
 * together migrate one after the other, and the later ones find nothing left to do.
 */
async function oneAtATime(databaseUrl: string, work: () => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await work();
  } finally {
    await client.end();
  }
}

async function refuseIfPending(orm: MikroORM): Promise<void> {
  const pending = (await orm.migrator.getPending()).map((migration) => migration.name);
  if (pending.length === 0) return;
  const count = pending.length === 1 ? '1 migration has' : `${pending.length} migrations have`;
  throw new Error(`${count} not run yet (${pending.join(', ')}): run the service once with WAYMARK_MIGRATE=only first`);
}

/**
 * From here on every connection of the service acts as the application role (docs/security.md,
 * "Row-level security"): on PostgreSQL a new pool whose connections start as it (the owner's pool,
 * which ran the migrations, is closed); on PGlite, its one connection switches. Only for a service
 * whose migrations made the role and granted it its tables; its own start-up (migrations, demo data)
 * is done by then.
 */
export async function actAsAppRole(orm: Orm, options: DatabaseOptions): Promise<Orm> {
  if (options.databaseUrl) {
    const app = await openPostgres(options, `${SESSION_OPTIONS} -c role=${APP_ROLE}`);
    // A first statement opens the pool (until then MikroORM reports it unconnected, and /ready would
    // say so for ever) and proves the role can be taken before the owner's pool goes.
    await app.em.getConnection().execute('select 1');
    await orm.close(true);
    return app as Orm;
  }
  await orm.em.getConnection().execute(`set role "${APP_ROLE}"`);
  return orm;
}
