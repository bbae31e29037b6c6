import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseName, dropPostgresDatabase, openDatabase, type Orm } from './database.js';

/*
 * A transaction whose connection the database ends (a restart, a network cut, an administrator)
 * must still give its connection back to the pool: otherwise every such failure takes one of the
 * pool's ten connections away for good, and the service hangs once they are gone. This needs a real
 * PostgreSQL server (PGlite has no connection to end): DATABASE_URL, or the machine's own at
 * 127.0.0.1:5432, as the benchmarks use.
 */
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const prefix = `waymark_k${randomBytes(3).toString('hex')}_`;
let orm: Orm;
let admin: pg.Client;

beforeAll(async () => {
  orm = await openDatabase({ service: 'kit', entities: [], migrations: [], databaseUrl: serverUrl, databasePrefix: prefix });
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
});

afterAll(async () => {
  await orm?.close(true);
  await admin?.end();
  await dropPostgresDatabase(serverUrl, databaseName(prefix, 'kit'));
});

describe('a transaction whose connection is ended', () => {
  it('fails, and gives the connection back: more such failures than the pool has connections leave it working', async () => {
    const failures: unknown[] = [];
    for (let i = 0; i < 14; i += 1) {
      try {
        await orm.em.fork().transactional(async (tx) => {
          const [{ pid }] = await tx.execute<{ pid: number }[]>('select pg_backend_pid() as pid');
          await admin.query('select pg_terminate_backend($1)', [pid]);
          // The backend ends a moment after the signal: wait until it is gone.
          while ((await admin.query('select 1 from pg_stat_activity where pid = $1', [pid])).rowCount) await new Promise((resolve) => setTimeout(resolve, 10));
          await tx.execute('select 1');
        });
      } catch (error) {
        failures.push(error);
      }
    }
    expect(failures).toHaveLength(14);
    const answer = await Promise.race([
      orm.em.fork().getConnection().execute<{ ok: number }[]>('select 1 as ok'),
      new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 20_000)),
    ]);
    expect(answer).toEqual([{ ok: 1 }]);
  });
});
