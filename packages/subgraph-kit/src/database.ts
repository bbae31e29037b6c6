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

export async function ensurePostgresDatabase(databaseUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
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
    debug: false,
  };
}

function openPostgres(options: DatabaseOptions, sessionOptions: string): Promise<MikroORM> {
  const name = databaseName(options.databasePrefix ?? 'waymark_', options.service);
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
    await ensurePostgresDatabase(options.databaseUrl, databaseName(options.databasePrefix ?? 'waymark_', options.service));
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
