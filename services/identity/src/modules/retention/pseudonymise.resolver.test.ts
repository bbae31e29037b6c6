import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { boundSql, withSystemAccess } from '@waymark/subgraph-kit';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { IdentityHarness } from '../../../test/harness.js';
import { PSEUDONYMISED } from '@waymark/domain';

/*
 * pseudonymisePupil in the identity subgraph (docs/domain-rules.md, "Retention"): the retention job
 * alone, with the system credential. Maya's own account keeps its id, roles and school but loses her
 * email, name, password and sessions and cannot sign in; her parent keeps their account without the
 * link to her. A second call changes nothing; nobody else's account is touched.
 */
const data = demoData();
const trustId = data.trust.id;
const maya = data.accounts.find((a) => a.email === 'pupil@northfield.test')!;
const grace = data.accounts.find((a) => a.email === 'parent@northfield.test')!;
const job: Principal = { ...SYSTEM_PRINCIPAL, accountId: 'retention' };
const MUTATION = 'mutation ($id: ID!) { pseudonymisePupil(pupilId: $id) }';

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  school_id: string | null;
  pupil_id: string | null;
  child_pupil_ids: string[];
  disabled_at: Date | null;
}

let h: IdentityHarness;
const accounts = () =>
  withSystemAccess(h.orm, 'test: reading accounts', async (em) => (await boundSql<AccountRow>(em, 'select * from account order by id', [])).rows);
const sessionsOf = (accountId: string) =>
  withSystemAccess(
    h.orm,
    'test: reading sessions',
    async (em) => (await boundSql(em, 'select id from session where account_id = $1', [accountId])).rows.length,
  );

beforeAll(async () => {
  h = await IdentityHarness.start();
  await withSystemAccess(h.orm, 'test: a session of Maya’s', (em) =>
    boundSql(
      em,
      `insert into session (id, token_hash, account_id, created_at, last_seen_at, expires_at) values (gen_random_uuid(), 'x', $1, now(), now(), now() + interval '1 day')`,
      [maya.id],
    ),
  );
});

afterAll(() => h?.close());

describe('pseudonymisePupil (identity)', () => {
  it('refuses people and API keys and changes nothing', async () => {
    const before = await accounts();
    for (const who of [
      makePrincipal({ roles: ['careers_leader'], schoolId: maya.schoolId, trustId }),
      makePrincipal({ roles: ['platform_admin'] }),
      makePrincipal({ roles: ['pupil'], accountId: maya.id, pupilId: maya.pupilId, schoolId: maya.schoolId, trustId }),
      makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['roster:write', 'reports:read'] }),
    ]) {
      const res = await h.query(who, MUTATION, { id: maya.pupilId });
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
    }
    expect(await accounts()).toEqual(before);
  });

  it('with the system credential pseudonymises the pupil’s account and unlinks parents, once', async () => {
    const before = await accounts();
    expect(await sessionsOf(maya.id)).toBe(1);
    const res = await h.query<{ pseudonymisePupil: boolean }>(job, MUTATION, { id: maya.pupilId });
    expect(res.errors).toBeUndefined();
    expect(res.data?.pseudonymisePupil).toBe(true);
    const after = await accounts();
    const mine = after.find((a) => a.id === maya.id)!;
    expect(mine).toMatchObject({ display_name: PSEUDONYMISED.name, pupil_id: maya.pupilId, school_id: maya.schoolId, roles: ['pupil'] });
    expect(mine.email).not.toContain('northfield');
    expect(mine.password_hash).toBe('!');
    expect(mine.disabled_at).not.toBeNull();
    expect(await sessionsOf(maya.id)).toBe(0);
    expect(after.find((a) => a.id === grace.id)!.child_pupil_ids).not.toContain(maya.pupilId);
    expect(after.find((a) => a.id === grace.id)!.display_name).toBe('Grace Okafor');
    const others = (rows: AccountRow[]) => rows.filter((a) => a.id !== maya.id && a.id !== grace.id);
    expect(others(after)).toEqual(others(before));

    const again = await h.query<{ pseudonymisePupil: boolean }>(job, MUTATION, { id: maya.pupilId });
    expect(again.data?.pseudonymisePupil).toBe(true);
    expect(await accounts()).toEqual(after);
  });
});
