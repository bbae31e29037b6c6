import pg from 'pg';
import { SERVICES } from './stack.js';

/**
 * Saving and restoring a seeded stack's data, so test files can share one running stack and still
 * each start from the demo data as seeded: starting a stack (six Node processes loading their
 * modules) costs far more than putting a few thousand rows back.
 *
 * The copy lives in the same database, in a schema of its own that no service reads. Restoring
 * empties every table and refills it in one transaction, with triggers and foreign keys switched
 * off for that transaction only (`session_replication_role = replica`, which needs a superuser, as
 * the tests' PostgreSQL connection is). Sequences go back to their saved values.
 */

/** What the functions below need of a connection: one statement at a time, rows back. */
export interface SqlRunner {
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
}

const COPY = 'waymark_snapshot';
const SEQUENCES = `${COPY}.sequence_values`;
const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

async function publicTables(db: SqlRunner): Promise<string[]> {
  const { rows } = await db.query(
    `select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations'
      order by table_name`,
  );
  return rows.map((row) => String(row.table_name));
}

/** Saves every table's rows (but the migration log) and every sequence's position. Replaces an earlier copy. */
export async function snapshotData(db: SqlRunner): Promise<void> {
  await db.query(`drop schema if exists ${COPY} cascade`);
  await db.query(`create schema ${COPY}`);
  for (const table of await publicTables(db)) await db.query(`create table ${COPY}.${quote(table)} as table public.${quote(table)}`);
  await db.query(`create table ${SEQUENCES} (name text primary key, last_value bigint not null, is_called boolean not null)`);
  const { rows } = await db.query(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'S'`,
  );
  for (const row of rows) {
    const name = String(row.name);
    await db.query(`insert into ${SEQUENCES} select ${literal(name)}, last_value, is_called from public.${quote(name)}`);
  }
}

/** Puts back what `snapshotData` saved: every saved table emptied and refilled, sequences reset, in one transaction. */
export async function restoreData(db: SqlRunner): Promise<void> {
  const { rows: saved } = await db.query(
    `select table_name from information_schema.tables where table_schema = '${COPY}' and table_name <> 'sequence_values' order by table_name`,
  );
  const tables = saved.map((row) => String(row.table_name));
  if (tables.length === 0) throw new Error('There is no saved copy of this database to restore (snapshotData first).');
  const { rows: columnRows } = await db.query(
    `select table_name, string_agg(quote_ident(column_name), ', ' order by ordinal_position) as columns
       from information_schema.columns
      where table_schema = 'public' and is_generated = 'NEVER'
      group by table_name`,
  );
  const columns = new Map(columnRows.map((row) => [String(row.table_name), String(row.columns)]));
  const { rows: sequences } = await db.query(`select name, last_value, is_called from ${SEQUENCES}`);
  await db.query('begin');
  try {
    await db.query('set local session_replication_role = replica');
    await db.query(`truncate ${tables.map((table) => `public.${quote(table)}`).join(', ')}`);
    for (const table of tables) {
      const list = columns.get(table);
      if (!list) throw new Error(`Table ${table} was saved but no longer exists.`);
      await db.query(`insert into public.${quote(table)} (${list}) overriding system value select ${list} from ${COPY}.${quote(table)}`);
    }
    for (const sequence of sequences) {
      const name = literal(`public.${quote(String(sequence.name))}`);
      await db.query(`select setval(${name}, ${Number(sequence.last_value)}, ${sequence.is_called === true})`);
    }
    await db.query('commit');
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

/** Runs `work` on each of a stack's PostgreSQL databases (the stack was started with `databasePrefix`). */
async function eachStackDatabase(databaseUrl: string, databasePrefix: string, work: (db: SqlRunner) => Promise<void>): Promise<void> {
  await Promise.all(
    SERVICES.map(async (service) => {
      const url = new URL(databaseUrl);
      url.pathname = `/${databasePrefix}${service}`;
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        await work(client);
      } finally {
        await client.end();
      }
    }),
  );
}

/** Saves a freshly seeded stack's data, every service's database (PostgreSQL only). */
export const snapshotStackData = (databaseUrl: string, databasePrefix: string): Promise<void> => eachStackDatabase(databaseUrl, databasePrefix, snapshotData);

/** Puts a stack's data back as `snapshotStackData` saved it, while the stack runs. */
export const restoreStackData = (databaseUrl: string, databasePrefix: string): Promise<void> => eachStackDatabase(databaseUrl, databasePrefix, restoreData);
