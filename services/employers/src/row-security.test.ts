import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, tablesWithoutRowSecurity, type Orm } from '@waymark/subgraph-kit';
import { makePrincipal, testDatabase, unscopedRead } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { employersService } from './app.js';

/*
 * The database's own tenant check on every employers table (docs/security.md, "Row-level
 * security"): a query with no `where`, run as a request runs, returns one school's rows at most.
 */

const data = demoData();
const [northfield, southbank] = data.schools;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: northfield.trustId });
const gateway = { ...makePrincipal({ roles: [] }), kind: 'system' as const };
const TABLES = ['volunteer_request', 'volunteer_offer', 'encounter_outbox', 'placement_application', 'placement_outbox'];

let orm: Orm;
const db = testDatabase('employers');

beforeAll(async () => {
  orm = await openDatabase({ service: 'employers', entities: employersService.entities, migrations: employersService.migrations, ...db.options });
  await employersService.seed!(orm, { secondTrust: false });
});

afterAll(async () => {
  await orm?.close(true);
  await db.dispose();
});

describe('row-level security in employers', () => {
  it('covers every table that holds a school’s or a pupil’s rows', async () => {
    expect(await tablesWithoutRowSecurity(orm.em.fork())).toEqual([]);
  });

  it('an unscoped select as Northfield’s careers leader returns only Northfield’s rows', async () => {
    const seeded = await unscopedRead(orm, leaderNorth, 'volunteer_request');
    expect(seeded.rows).toBeGreaterThan(0);
    for (const table of TABLES) {
      const { schools } = await unscopedRead(orm, leaderNorth, table);
      expect(
        schools.filter((id) => id !== northfield.id),
        table,
      ).toEqual([]);
    }
    // Southbank's rows are there: the owner, who bypasses, sees them.
    const [{ count }] = await orm.em
      .fork()
      .execute<{ count: string }[]>('select count(*) as count from "volunteer_request" where "school_id" = ?', [southbank.id]);
    expect(Number(count)).toBeGreaterThan(0);
  });

  it('the same select with no tenant returns nothing', async () => {
    for (const table of TABLES) expect((await unscopedRead(orm, gateway, table)).rows, table).toBe(0);
  });
});
