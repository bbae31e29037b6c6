import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { Migration } from '@mikro-orm/migrations';
import type { EntityManager } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAsAppRole, databaseName, dropPostgresDatabase, openDatabase, type Orm } from './database.js';
import {
  appRoleSqlV1,
  beginRequestTransaction,
  flushSystemAccessSummary,
  permitPupils,
  permitSchools,
  setSystemAccessLog,
  tenantPolicySqlV1,
  withRequestBypass,
  withSystemAccess,
} from './tenancy.js';
import type { Principal } from '@waymark/auth';
import { asRequest as asRequestOf, countStatements, makePrincipal } from './testing.js';

/*
 * The tenant backstop on a real database, PGlite and PostgreSQL alike: a query with no `where` at
 * all, run the way a request runs it, returns only the caller's rows, and nothing without a tenant.
 */

class CreateNotes extends Migration {
  override up(): void {
    this.addSql(
      `create table "note" ("id" uuid not null primary key, "school_id" uuid not null, "trust_id" uuid null, "pupil_id" uuid not null, "body" text not null);`,
    );
    this.addSql(`create table "school_plan" ("id" uuid not null primary key, "school_id" uuid not null, "trust_id" uuid null, "body" text not null);`);
    for (const sql of appRoleSqlV1()) this.addSql(sql);
    for (const sql of tenantPolicySqlV1('note', { kind: 'pupil', trust: true })) this.addSql(sql);
    for (const sql of tenantPolicySqlV1('school_plan', { kind: 'school', trust: true })) this.addSql(sql);
  }
}

const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const trustA = randomUUID();
const schoolA = randomUUID();
const schoolB = randomUUID();
const pupilA1 = randomUUID();
const pupilA2 = randomUUID();
const pupilB1 = randomUUID();

const staffA = makePrincipal({ roles: ['staff'], schoolId: schoolA, trustId: trustA });
const analystA = makePrincipal({ roles: ['trust_analyst'], trustId: trustA });
const pupil1 = makePrincipal({ roles: ['pupil'], pupilId: pupilA1, schoolId: schoolA, trustId: trustA });
const gateway = { ...makePrincipal({ roles: [] }), kind: 'system' as const };

describe.each([
  { backend: 'PGlite', url: undefined },
  { backend: 'PostgreSQL', url: serverUrl },
])('row-level security on $backend', ({ url }) => {
  const prefix = `waymark_r${randomBytes(3).toString('hex')}_`;
  let orm: Orm;

  const options = {
    service: 'tenancy',
    entities: [],
    migrations: [{ name: 'CreateNotes', class: CreateNotes }],
    ...(url ? { databaseUrl: url, databasePrefix: prefix } : { dataDir: 'memory://' }),
  };

  beforeAll(async () => {
    orm = await openDatabase(options);
    // Fixtures, written as the owner (as the tests' fixtures are).
    const em = orm.em.fork();
    await em.execute(`insert into "note" values (?, ?, ?, ?, 'a1'), (?, ?, ?, ?, 'a2'), (?, ?, null, ?, 'b1')`, [
      ...[randomUUID(), schoolA, trustA, pupilA1],
      ...[randomUUID(), schoolA, trustA, pupilA2],
      ...[randomUUID(), schoolB, pupilB1],
    ]);
    await em.execute(`insert into "school_plan" values (?, ?, ?, 'plan A'), (?, ?, null, 'plan B')`, [randomUUID(), schoolA, trustA, randomUUID(), schoolB]);
  });

  afterAll(async () => {
    await orm?.close(true);
    if (url) await dropPostgresDatabase(url, databaseName(prefix, 'tenancy'));
  });

  /** Runs `work` as a request of `principal` runs: its own transaction, its tenant, then rolled back. */
  const asRequest = <T>(principal: Principal, work: (em: EntityManager) => Promise<T>): Promise<T> => asRequestOf(orm, principal, work, { commit: false });

  const bodies = async (em: EntityManager, table: string) => (await em.execute<{ body: string }[]>(`select * from "${table}"`)).map((row) => row.body).sort();

  it('the application role is neither a superuser nor able to bypass row-level security', async () => {
    const [role] = await orm.em
      .fork()
      .execute<{ rolsuper: boolean; rolbypassrls: boolean }[]>(`select rolsuper, rolbypassrls from pg_roles where rolname = 'waymark_app'`);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('a query with no where, as school A staff, returns only school A rows', async () => {
    expect(await asRequest(staffA, (em) => bodies(em, 'note'))).toEqual(['a1', 'a2']);
    expect(await asRequest(staffA, (em) => bodies(em, 'school_plan'))).toEqual(['plan A']);
  });

  it('the same query with no tenant (the gateway itself) returns nothing', async () => {
    expect(await asRequest(gateway, (em) => bodies(em, 'note'))).toEqual([]);
    expect(await asRequest(gateway, (em) => bodies(em, 'school_plan'))).toEqual([]);
  });

  it('a pupil gets their own rows and their school-level rows, never another pupil’s', async () => {
    expect(await asRequest(pupil1, (em) => bodies(em, 'note'))).toEqual(['a1']);
    expect(await asRequest(pupil1, (em) => bodies(em, 'school_plan'))).toEqual(['plan A']);
  });

  it('a trust analyst gets the rows of the trust’s schools', async () => {
    expect(await asRequest(analystA, (em) => bodies(em, 'note'))).toEqual(['a1', 'a2']);
  });

  it('writing another school’s row is refused, and so is changing or deleting one', async () => {
    await expect(
      asRequest(staffA, (em) => em.execute(`insert into "note" values (?, ?, null, ?, 'sneaky')`, [randomUUID(), schoolB, pupilB1])),
    ).rejects.toThrow(/row-level security/);
    expect(await asRequest(staffA, (em) => em.execute(`update "note" set "body" = 'changed' where "body" = 'b1'`, [], 'run'))).toMatchObject({
      affectedRows: 0,
    });
    expect(await asRequest(staffA, (em) => em.execute(`delete from "note"`, [], 'run'))).toMatchObject({ affectedRows: 2 });
    // Rolled back with the request: everything is still there.
    expect(await withSystemAccess(orm, 'test: count every note', (em) => bodies(em, 'note'))).toEqual(['a1', 'a2', 'b1']);
  });

  it('pupils the resolvers permit are added for the rest of the request, and only for it', async () => {
    expect(
      await asRequest(staffA, async (em) => {
        await permitPupils({ em }, [pupilB1]);
        return bodies(em, 'note');
      }),
    ).toEqual(['a1', 'a2', 'b1']);
    expect(await asRequest(staffA, (em) => bodies(em, 'note'))).toEqual(['a1', 'a2']);
  });

  it('schools the resolvers permit (one of an analyst’s trust, checked) are added for the rest of the request', async () => {
    expect(
      await asRequest(analystA, async (em) => {
        await permitSchools({ em }, [schoolB]);
        return bodies(em, 'school_plan');
      }),
    ).toEqual(['plan A', 'plan B']);
    expect(await asRequest(analystA, (em) => bodies(em, 'school_plan'))).toEqual(['plan A']);
  });

  it('the tenant is local to the request’s transaction: the connection afterwards has neither the role nor the settings', async () => {
    await asRequest(staffA, (em) => bodies(em, 'note'));
    const [after] = await orm.em
      .fork()
      .execute<{ role: string; school: string | null }[]>(`select current_user as role, nullif(current_setting('waymark.schools', true), '') as school`);
    expect(after.role).not.toBe('waymark_app');
    expect(after.school).toBeNull();
  });

  it('opens a request with its tenant named: with BEGIN in one round trip on PostgreSQL, a statement of its own on PGlite', async () => {
    // Every statement MikroORM sends, framing included.
    const { result: opened, statements: sent } = await countStatements(
      orm,
      async () => {
        const transaction = await beginRequestTransaction(orm.em.fork(), analystA);
        const [seen] = await transaction.em.execute<{ trust: string; role: string }[]>(
          `select current_setting('waymark.trust', true) as trust, current_user as role`,
        );
        await transaction.end(true);
        return seen;
      },
      { framing: true },
    );
    expect(opened).toEqual({ trust: trustA, role: 'waymark_app' });
    expect(sent.filter((statement) => statement.includes('set_config'))).toHaveLength(url ? 0 : 1);
    // A snapshot's isolation goes first, with the settings.
    const snapshot = await beginRequestTransaction(orm.em.fork(), analystA, { snapshot: true });
    const [isolation] = await snapshot.em.execute<{ level: string; trust: string }[]>(
      `select current_setting('transaction_isolation') as level, current_setting('waymark.trust', true) as trust`,
    );
    await snapshot.end(false);
    expect(isolation).toEqual({ level: 'repeatable read', trust: trustA });
  });

  it('a fork of the request’s entity manager stays in its transaction, under its tenant', async () => {
    expect(await asRequest(staffA, (em) => bodies(em.fork(), 'note'))).toEqual(['a1', 'a2']);
    expect(await asRequest(staffA, (em) => bodies(em.fork().fork({ clear: true }), 'note'))).toEqual(['a1', 'a2']);
  });

  it('nested transactions inside a request are savepoints of its transaction, under the same tenant', async () => {
    const transaction = await beginRequestTransaction(orm.em.fork(), staffA);
    const id = randomUUID();
    await transaction.em.transactional(async (tx) => {
      await tx.execute(`insert into "note" values (?, ?, ?, ?, 'nested')`, [id, schoolA, trustA, pupilA1]);
      expect(await bodies(tx, 'note')).toEqual(['a1', 'a2', 'nested']);
    });
    await expect(
      transaction.em.transactional((tx) => tx.execute(`insert into "note" values (?, ?, null, ?, 'x')`, [randomUUID(), schoolB, pupilB1])),
    ).rejects.toThrow();
    await transaction.end(true);
    expect(await withSystemAccess(orm, 'test: read the nested note', (em) => em.execute(`select "body" from "note" where "id" = ?`, [id]))).toEqual([
      { body: 'nested' },
    ]);
    await withSystemAccess(orm, 'test: remove the nested note', (em) => em.execute(`delete from "note" where "id" = ?`, [id], 'run'));
  });

  it('system access and a request’s bypass see every school’s rows, and are logged with their reason', async () => {
    const lines: string[] = [];
    // A reason this process has not used yet (a reason's first use is the one logged in full).
    const reason = `test: match a UPN (${randomUUID()})`;
    const previous = setSystemAccessLog((line) => lines.push(line));
    try {
      expect(await withSystemAccess(orm, 'test: every note', (em) => bodies(em, 'note'))).toEqual(['a1', 'a2', 'b1']);
      expect(
        await asRequest(staffA, async (em) => {
          const all = await withRequestBypass({ em, requestId: 'req-1' }, reason, (bypassed) => bodies(bypassed, 'note'));
          return { all, after: await bodies(em, 'note') };
        }),
      ).toEqual({ all: ['a1', 'a2', 'b1'], after: ['a1', 'a2'] });
      // Later requests with the same reason are counted, not logged one by one, and summed up.
      for (const requestId of ['req-2', 'req-3']) {
        await asRequest(staffA, (em) => withRequestBypass({ em, requestId }, reason, (bypassed) => bodies(bypassed, 'note')));
      }
      expect(lines).toHaveLength(2);
      flushSystemAccessSummary();
      flushSystemAccessSummary();
    } finally {
      setSystemAccessLog(previous);
    }
    expect(lines).toEqual(['[system access] test: every note', `[system access] request req-1: ${reason}`, `[system access] 2 more requests: ${reason}`]);
  });

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('a bypass lifts the check for its own statements only: a statement the request sends while it runs still sees only the caller’s rows', async () => {
    // The attack: one resolver of a request lifts the check (say, to count a volunteer's attendees)
    // while another resolver of the same request reads a table it leans on row-level security to narrow.
    const { inside, beside } = await asRequest(staffA, async (em) => {
      const bypass = withRequestBypass({ em, requestId: 'req-beside' }, 'test: a slow lifted read', async (bypassed) => {
        const first = await bodies(bypassed, 'note');
        await pause(40);
        return [first, await bodies(bypassed, 'note')];
      });
      await pause(10);
      const [inside, beside, besideOnFork] = await Promise.all([bypass, bodies(em, 'note'), bodies(em.fork(), 'note')]);
      return { inside, beside: [beside, besideOnFork] };
    });
    expect(inside).toEqual([
      ['a1', 'a2', 'b1'],
      ['a1', 'a2', 'b1'],
    ]);
    expect(beside).toEqual([
      ['a1', 'a2'],
      ['a1', 'a2'],
    ]);
  });

  it('a statement the request sends from inside a savepoint while a bypass runs is held back the same way', async () => {
    const beside = await asRequest(staffA, async (em) => {
      const bypass = withRequestBypass({ em, requestId: 'req-savepoint' }, 'test: a slow lifted read', async (bypassed) => {
        await bodies(bypassed, 'note');
        await pause(30);
        return bodies(bypassed, 'note');
      });
      await pause(10);
      const [, inSavepoint] = await Promise.all([bypass, em.transactional((tx) => bodies(tx, 'note'))]);
      return inSavepoint;
    });
    expect(beside).toEqual(['a1', 'a2']);
  });

  it('two bypasses at once in one request, and one inside another, each keep the check lifted until their own work ends', async () => {
    const slowLift = (em: EntityManager, requestId: string) =>
      withRequestBypass({ em, requestId }, 'test: a slow lifted read', async (bypassed) => {
        const first = await bodies(bypassed, 'note');
        await pause(20);
        return [first, await bodies(bypassed, 'note')];
      });
    const all = ['a1', 'a2', 'b1'];
    expect(await asRequest(staffA, (em) => Promise.all([slowLift(em, 'req-one'), slowLift(em, 'req-two')]))).toEqual([
      [all, all],
      [all, all],
    ]);
    expect(
      await asRequest(staffA, (em) =>
        withRequestBypass({ em, requestId: 'req-outer' }, 'test: an outer lift', async (bypassed) => {
          const inner = await slowLift(bypassed, 'req-inner');
          return { inner, after: await bodies(bypassed, 'note') };
        }),
      ),
    ).toEqual({ inner: [all, all], after: all });
    // And once they have ended, the request is back under its tenant.
    expect(
      await asRequest(staffA, async (em) => {
        await Promise.all([slowLift(em, 'req-three'), slowLift(em, 'req-four')]);
        return bodies(em, 'note');
      }),
    ).toEqual(['a1', 'a2']);
  });

  it('a recurring system access (a poll) is logged in full once, then counted and summed up', async () => {
    const lines: string[] = [];
    const reason = `test: poll every school's outbox (${randomUUID()})`;
    const previous = setSystemAccessLog((line) => lines.push(line));
    try {
      for (let poll = 0; poll < 4; poll += 1) {
        expect(await withSystemAccess(orm, reason, (em) => bodies(em, 'note'), { recurring: true })).toEqual(['a1', 'a2', 'b1']);
      }
      await withSystemAccess(orm, 'test: a one-off access', (em) => bodies(em, 'note'));
      await withSystemAccess(orm, 'test: a one-off access', (em) => bodies(em, 'note'));
      flushSystemAccessSummary();
    } finally {
      setSystemAccessLog(previous);
    }
    expect(lines).toEqual([
      `[system access] ${reason}`,
      '[system access] test: a one-off access',
      '[system access] test: a one-off access',
      `[system access] 3 more times: ${reason}`,
    ]);
  });

  it('requests at the same time each see their own tenant', async () => {
    const results = await Promise.all(
      [staffA, gateway, pupil1, staffA, gateway].map((principal) =>
        asRequest(principal, async (em) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return bodies(em, 'note');
        }),
      ),
    );
    expect(results).toEqual([['a1', 'a2'], [], ['a1'], ['a1', 'a2'], []]);
  });

  // Last: from here on the connections act as the application role, as in a running service.
  it('a running service’s own connections act as the application role: outside a request and without system access they read nothing', async () => {
    orm = await actAsAppRole(orm, options);
    const [who] = await orm.em.fork().execute<{ role: string }[]>('select current_user as role');
    expect(who.role).toBe('waymark_app');
    expect(await bodies(orm.em.fork(), 'note')).toEqual([]);
    await expect(orm.em.fork().execute('create table "sneaky" ("id" int)')).rejects.toThrow(/permission denied/);
    expect(await asRequest(staffA, (em) => bodies(em, 'note'))).toEqual(['a1', 'a2']);
    expect(await withSystemAccess(orm, 'test: every note, as the application role', (em) => bodies(em, 'note'))).toEqual(['a1', 'a2', 'b1']);
  });
});
