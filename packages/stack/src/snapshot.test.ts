import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreData, snapshotData, type SqlRunner } from './snapshot.js';

// On the PostgreSQL server DATABASE_URL names (a throwaway database), else on an in-memory PGlite.
const databaseUrl = process.env.DATABASE_URL || undefined;
const name = `waymark_snapshot_${randomBytes(3).toString('hex')}`;
let db: SqlRunner & { close(): Promise<void> };

beforeAll(async () => {
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    db = { query: (sql) => client.query(sql), close: () => client.end() };
  } else {
    const lite = new PGlite();
    db = { query: (sql) => lite.query(sql), close: () => lite.close() };
  }
  await db.query(`create table school (id int primary key, name text not null)`);
  await db.query(`create table pupil (
    id int generated always as identity primary key,
    school_id int not null references school (id),
    given text not null,
    family text not null,
    full_name text generated always as (given || ' ' || family) stored)`);
  await db.query(`create sequence ticket`);
  await db.query(`create table log (at int not null)`);
  // An append-only table, as the audit trail is: a restore still puts it back.
  await db.query(`create function refuse() returns trigger language plpgsql as $$ begin raise exception 'append-only'; end $$`);
  await db.query(`create trigger log_no_truncate before truncate on log for each statement execute function refuse()`);
  await db.query(`create table mikro_orm_migrations (name text)`);
  await db.query(`insert into school values (1, 'Northfield'), (2, 'Southgate')`);
  await db.query(`insert into pupil (school_id, given, family) values (1, 'Ada', 'Obi'), (2, 'Ben', 'Li')`);
  await db.query(`insert into log values (1)`);
  await db.query(`insert into mikro_orm_migrations values ('first')`);
  await db.query(`select nextval('ticket')`);
  await db.query(`select nextval('ticket')`);
}, 60_000);

afterAll(async () => {
  await db?.close();
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});

const rows = async (sql: string) => (await db.query(sql)).rows;

describe('saving and restoring a database', () => {
  it('puts back every row, generated column and sequence as saved, whatever happened since', async () => {
    await snapshotData(db);
    await db.query(`insert into school values (3, 'Eastbrook')`);
    await db.query(`update school set name = 'Renamed' where id = 1`);
    await db.query(`insert into pupil (school_id, given, family) values (3, 'Cy', 'Ng')`);
    await db.query(`delete from pupil where given = 'Ben'`);
    await db.query(`insert into log values (2)`);
    await db.query(`select nextval('ticket')`);
    await db.query(`insert into mikro_orm_migrations values ('second')`);

    await restoreData(db);

    expect(await rows(`select id, name from school order by id`)).toEqual([
      { id: 1, name: 'Northfield' },
      { id: 2, name: 'Southgate' },
    ]);
    expect(await rows(`select id, school_id, full_name from pupil order by id`)).toEqual([
      { id: 1, school_id: 1, full_name: 'Ada Obi' },
      { id: 2, school_id: 2, full_name: 'Ben Li' },
    ]);
    expect(await rows(`select at from log`)).toEqual([{ at: 1 }]);
    // The migration log is the schema's, not the data's: left as it is.
    expect(await rows(`select name from mikro_orm_migrations order by name`)).toEqual([{ name: 'first' }, { name: 'second' }]);
    expect(await rows(`select nextval('ticket')::int as next`)).toEqual([{ next: 3 }]);
    // The identity column carries on after the restored rows, and the guards are back on.
    expect(await rows(`insert into pupil (school_id, given, family) values (1, 'Di', 'Ek') returning id`)).toEqual([{ id: 3 }]);
    await expect(db.query(`insert into pupil (school_id, given, family) values (9, 'No', 'School')`)).rejects.toThrow(/foreign key/);
    await expect(db.query(`truncate log`)).rejects.toThrow(/append-only/);
  });

  it('restores again and again from the same copy', async () => {
    await db.query(`delete from pupil`);
    await restoreData(db);
    await db.query(`delete from pupil`);
    await restoreData(db);
    expect(await rows(`select count(*)::int as n from pupil`)).toEqual([{ n: 2 }]);
  });
});
