import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Migration } from '@mikro-orm/migrations';
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

describe('replicas of a service starting together', () => {
  /** A migration slow enough that every replica is inside it at once, as when pods start together. */
  class SlowTable extends Migration {
    override async up(): Promise<void> {
      this.addSql('select pg_sleep(0.3)');
      this.addSql('create table "replica_check" ("id" int primary key)');
    }
  }
  class SecondStep extends Migration {
    override async up(): Promise<void> {
      this.addSql('insert into "replica_check" values (1)');
    }
  }
  const migrations = [
    { name: 'Migration20990101000000', class: SlowTable },
    { name: 'Migration20990101000001', class: SecondStep },
  ];
  const replicaPrefix = `waymark_r${randomBytes(3).toString('hex')}_`;
  const opened: Orm[] = [];

  afterAll(async () => {
    await Promise.all(opened.map((each) => each.close(true)));
    await dropPostgresDatabase(serverUrl, databaseName(replicaPrefix, 'replicas'));
  });

  it('migrate once: each migration runs one time, and every replica starts', async () => {
    const replicas = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ service: 'replicas', entities: [], migrations, databaseUrl: serverUrl, databasePrefix: replicaPrefix })),
    );
    opened.push(...replicas);
    const [first] = replicas;
    const executed = await first.em.fork().execute<{ name: string }[]>('select name from mikro_orm_migrations order by name');
    expect(executed.map((row) => row.name)).toEqual(migrations.map((migration) => migration.name));
    expect(await first.em.fork().execute('select id from "replica_check"')).toEqual([{ id: 1 }]);
  });

  it('a replica told not to migrate refuses to start while a migration is pending, and says what to run', async () => {
    const later = [...migrations, { name: 'Migration20990101000002', class: SecondStep }];
    await expect(
      openDatabase({ service: 'replicas', entities: [], migrations: later, databaseUrl: serverUrl, databasePrefix: replicaPrefix, migrate: 'refuse-pending' }),
    ).rejects.toThrow('1 migration has not run yet (Migration20990101000002): run the service once with WAYMARK_MIGRATE=only first');
    const current = await openDatabase({
      service: 'replicas',
      entities: [],
      migrations,
      databaseUrl: serverUrl,
      databasePrefix: replicaPrefix,
      migrate: 'refuse-pending',
    });
    opened.push(current);
  });
});
