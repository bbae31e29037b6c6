import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, tablesWithoutRowSecurity, type Orm } from '@waymark/subgraph-kit';
import { makePrincipal, testDatabase, unscopedRead } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { encountersService } from './app.js';

/*
 * The database's own tenant check on every encounters table (docs/security.md, "Row-level
 * security"): a query with no `where`, run as a request runs, returns one school's rows at most.
 */

const data = demoData();
const [northfield, southbank] = data.schools;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: northfield.trustId });
const gateway = { ...makePrincipal({ roles: [] }), kind: 'system' as const };
const TABLES = ['encounter', 'participation', 'own_activity', 'agreed_action', 'pupil_outlook', 'self_evaluation_override'];

let orm: Orm;
const db = testDatabase('encounters');

beforeAll(async () => {
  orm = await openDatabase({ service: 'encounters', entities: encountersService.entities, migrations: encountersService.migrations, ...db.options });
  await encountersService.seed!(orm, { secondTrust: false });
});

afterAll(async () => {
  await orm?.close(true);
  await db.dispose();
});

describe('row-level security in encounters', () => {
  it('covers every table that holds a school’s or a pupil’s rows', async () => {
    expect(await tablesWithoutRowSecurity(orm.em.fork())).toEqual([]);
  });

  it('an unscoped select as Northfield’s careers leader returns only Northfield’s rows', async () => {
    const seeded = await unscopedRead(orm, leaderNorth, 'encounter');
    expect(seeded.rows).toBeGreaterThan(0);
    for (const table of TABLES) {
      const { schools } = await unscopedRead(orm, leaderNorth, table);
      expect(
        schools.filter((id) => id !== northfield.id),
        table,
      ).toEqual([]);
    }
    // Southbank's rows are there: the owner, who bypasses, sees them.
    const [{ count }] = await orm.em.fork().execute<{ count: string }[]>('select count(*) as count from "encounter" where "school_id" = ?', [southbank.id]);
    expect(Number(count)).toBeGreaterThan(0);
  });

  it('the same select with no tenant returns nothing', async () => {
    for (const table of TABLES) expect((await unscopedRead(orm, gateway, table)).rows, table).toBe(0);
  });
});
