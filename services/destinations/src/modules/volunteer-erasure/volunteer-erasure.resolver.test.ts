import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { boundSql, withSystemAccess } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, destinationsService } from '../../app.js';

/*
 * eraseVolunteer in the destinations subgraph (docs/domain-rules.md, "A volunteer deletes their
 * account"): the gateway alone; the alumnus themself, a careers leader and an API key are refused and
 * nothing changes. Then every report of theirs is deleted (another alumnus's stay, and the spells a
 * match made stay), and a second call changes nothing. On a real database.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield] = data.schools;
const [leaving, staying] = data.volunteers.filter((v) => v.kind === 'ALUMNI').concat(data.volunteers);
const gateway: Principal = { ...SYSTEM_PRINCIPAL, accountId: 'gateway' };
const MUTATION = 'mutation ($id: ID!) { eraseVolunteer(volunteerId: $id) }';

let subgraph: TestSubgraph;
const read = <T extends object>(sql: string, params: unknown[] = []) =>
  withSystemAccess(subgraph.orm, 'test: reading', async (em) => (await boundSql<T>(em, sql, params)).rows);
const reports = () =>
  read<{ volunteer_id: string; name: string; status: string }>('select volunteer_id, name, status from alumni_report order by volunteer_id, status');
const spells = () => read('select * from activity_spell order by id');

beforeAll(async () => {
  // Erasing asks no other subgraph: an address where nothing answers stands in for the pupils subgraph.
  subgraph = await startTestSubgraph(destinationsService, ({ env, orm }) => createApp({ env: { ...env, pupilsUrl: 'http://127.0.0.1:9/graphql' }, orm }));
  await withSystemAccess(subgraph.orm, 'test: reports from two alumni', async (em) => {
    for (const [volunteer, status] of [
      [leaving, 'PENDING'],
      [leaving, 'MATCHED'],
      [staying, 'PENDING'],
    ] as const)
      await boundSql(
        em,
        `insert into alumni_report (id, volunteer_id, school_id, name, year_left, status, submitted_at, activity, starts_on)
         values (gen_random_uuid(), $1, $2, $3, 2015, $4, now(), 'EMPLOYMENT_WITH_TRAINING', '2024-09-01')`,
        [volunteer.id, northfield.id, `${volunteer.firstName} ${volunteer.lastName}`, status],
      );
  });
});

afterAll(() => subgraph?.close());

describe('eraseVolunteer (destinations)', () => {
  it('refuses the alumnus themself, a careers leader and an API key, and changes nothing', async () => {
    const before = await reports();
    for (const who of [
      makePrincipal({ roles: ['alumni'], volunteerId: leaving.id }),
      makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId }),
      makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['roster:write', 'reports:read'] }),
    ]) {
      const res = await subgraph.client.query(who, MUTATION, { id: leaving.id });
      expect(res.data?.eraseVolunteer ?? null, who.roles.join()).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await reports()).toEqual(before);
  });

  it('with the system credential deletes every report of theirs, keeps others’ and the spells, and is a no-op the second time', async () => {
    const before = await reports();
    const spellsBefore = await spells();
    expect(before.filter((row) => row.volunteer_id === leaving.id)).toHaveLength(2);
    const res = await subgraph.client.query<{ eraseVolunteer: boolean }>(gateway, MUTATION, { id: leaving.id });
    expect(res.errors).toBeUndefined();
    expect(res.data?.eraseVolunteer).toBe(true);
    const after = await reports();
    expect(after).toEqual(before.filter((row) => row.volunteer_id !== leaving.id));
    expect(after).toHaveLength(1);
    expect(await spells()).toEqual(spellsBefore);
    expect((await subgraph.client.query<{ eraseVolunteer: boolean }>(gateway, MUTATION, { id: leaving.id })).data?.eraseVolunteer).toBe(true);
    expect(await reports()).toEqual(after);
  });
});
