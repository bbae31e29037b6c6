import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { boundSql, withSystemAccess } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, employersService } from '../../app.js';
import { PSEUDONYMISED } from '@waymark/domain';

/*
 * pseudonymisePupil in the employers subgraph (docs/domain-rules.md, "Retention"): the retention job
 * alone, with the system credential; everyone else is refused and nothing changes. Then the pupil's
 * placement applications lose their first name, statement and the words of the response and
 * feedback (whether there was one stays), and keep what is counted; a second call changes nothing.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield] = data.schools;
const job: Principal = { ...SYSTEM_PRINCIPAL, accountId: 'retention' };
const MUTATION = 'mutation ($id: ID!) { pseudonymisePupil(pupilId: $id) }';

let subgraph: TestSubgraph;
let pupilId: string;

interface Row {
  pupil_id: string;
  first_name: string;
  statement: string;
  response: string | null;
  feedback: string | null;
  status: string;
  year_group: number;
  school_id: string;
  placement_id: string;
  created_at: Date;
}
const rows = () =>
  withSystemAccess(
    subgraph.orm,
    'test: reading applications',
    async (em) => (await boundSql<Row>(em, 'select * from placement_application order by id', [])).rows,
  );

beforeAll(async () => {
  subgraph = await startTestSubgraph(employersService, createApp);
  const [maya, sam] = data.pupils.filter((p) => p.schoolId === northfield.id && p.yearGroup === 10);
  pupilId = maya.id;
  await withSystemAccess(subgraph.orm, 'test: two applications, one answered', async (em) => {
    const { rows: placements } = await boundSql<{ id: string }>(em, 'select id from placement order by id limit 1', []);
    expect(placements).toHaveLength(1);
    for (const [pupil, response] of [
      [maya, 'See you Monday, Maya'],
      [sam, null],
    ] as const)
      await boundSql(
        em,
        `insert into placement_application (id, placement_id, pupil_id, school_id, first_name, year_group, statement, status, response, feedback, created_at)
         values (gen_random_uuid(), $1, $2, $3, $4, 10, $5, 'PENDING', $6, $7, now())`,
        [
          placements[0].id,
          pupil.id,
          northfield.id,
          pupil.preferredName ?? pupil.legalForename,
          `I would love to learn about design, ${pupil.legalForename}`,
          response,
          response && 'Was great',
        ],
      );
  });
});

afterAll(() => subgraph?.close());

describe('pseudonymisePupil (employers)', () => {
  it('refuses people and API keys, whatever their roles, and changes nothing', async () => {
    const before = await rows();
    for (const who of [
      makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId }),
      makePrincipal({ roles: ['platform_admin'] }),
      makePrincipal({ roles: ['pupil'], pupilId, schoolId: northfield.id, trustId }),
      makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['roster:write', 'reports:read'] }),
    ]) {
      const res = await subgraph.client.query(who, MUTATION, { id: pupilId });
      expect(res.data?.pseudonymisePupil ?? null, who.roles.join()).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await rows()).toEqual(before);
  });

  it('with the system credential clears the pupil’s words and name, keeps the rest, and is a no-op the second time', async () => {
    const before = await rows();
    const res = await subgraph.client.query<{ pseudonymisePupil: boolean }>(job, MUTATION, { id: pupilId });
    expect(res.errors).toBeUndefined();
    expect(res.data?.pseudonymisePupil).toBe(true);
    const after = await rows();
    const theirs = after.filter((row) => row.pupil_id === pupilId);
    expect(theirs.length).toBeGreaterThan(0);
    for (const row of theirs)
      expect(row).toMatchObject({ first_name: PSEUDONYMISED.name, statement: PSEUDONYMISED.text, response: PSEUDONYMISED.text, feedback: PSEUDONYMISED.text });
    // What is counted stays: status, year group, school, placement and dates; other pupils untouched.
    const keep = ({ first_name: _f, statement: _s, response: _r, feedback: _b, ...rest }: Row) => rest;
    expect(after.map(keep)).toEqual(before.map(keep));
    expect(after.filter((row) => row.pupil_id !== pupilId)).toEqual(before.filter((row) => row.pupil_id !== pupilId));

    const again = await subgraph.client.query<{ pseudonymisePupil: boolean }>(job, MUTATION, { id: pupilId });
    expect(again.data?.pseudonymisePupil).toBe(true);
    expect(await rows()).toEqual(after);
  });

  it('answers a clear error for an id that is not one', async () => {
    const res = await subgraph.client.query(job, MUTATION, { id: 'not-an-id' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
