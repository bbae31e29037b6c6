import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { DEMO_PASSWORD } from '@waymark/demo-data';
import { boundSql } from '@waymark/subgraph-kit';
import { IdentityHarness } from '../../../test/harness.js';
import { NOT_A_VOLUNTEER, SIGNED_OUT, WRONG_PASSWORD } from './volunteer-erasure.routes.js';

/*
 * Identity's side of a volunteer deleting their account (docs/domain-rules.md, "A volunteer deletes
 * their account"), on a real identity database through the gateway's internal routes. Attacks first:
 * a careers leader's session cannot ask, a wrong password changes nothing, and a volunteer's session
 * deletes only that volunteer. Then: the request disables the account and ends its sessions at once;
 * the account keeps its name and email until every other subgraph's step is recorded, then loses
 * them; recording a step again, or the last step twice, changes nothing.
 */
let h: IdentityHarness;

beforeAll(async () => {
  h = await IdentityHarness.start();
});
afterAll(() => h?.close());

const signIn = async (email: string) => {
  const res = await h.internal<{ token: string; principal: Principal }>('/internal/sign-in', { email, password: DEMO_PASSWORD, address: '198.51.100.20' });
  expect(res.status).toBe(200);
  return res.body;
};
const account = async (email: string) => (await boundSql(h.orm.em.fork(), 'select * from account where email = $1 or id::text = $1', [email])).rows[0];
const count = async (sql: string, id: string) => Number((await boundSql<{ n: string }>(h.orm.em.fork(), sql, [id])).rows[0].n);

describe('a volunteer deleting their account (identity)', () => {
  it('refuses a careers leader, and a wrong password, and changes nothing', async () => {
    const leader = await signIn('leader@northfield.test');
    expect(await h.internal('/internal/volunteer-erasure', { token: leader.token, password: DEMO_PASSWORD })).toEqual({
      status: 403,
      body: { error: NOT_A_VOLUNTEER },
    });
    const volunteer = await signIn('employer@acme.test');
    expect(await h.internal('/internal/volunteer-erasure', { token: volunteer.token, password: 'not my password' })).toEqual({
      status: 401,
      body: { error: WRONG_PASSWORD },
    });
    expect(await h.internal('/internal/volunteer-erasure', { token: 'not-a-session', password: DEMO_PASSWORD })).toEqual({
      status: 401,
      body: { error: SIGNED_OUT },
    });
    expect((await h.internal('/internal/session', { token: volunteer.token })).status).toBe(200);
    expect((await h.internal('/internal/session', { token: leader.token })).status).toBe(200);
    expect(await count('select count(*) as n from volunteer_erasure where account_id = $1', volunteer.principal.accountId)).toBe(0);
  });

  it("erases only the signed-in volunteer's own account: at once disabled and signed out everywhere; name and email go once every subgraph answered", async () => {
    const alumnus = await signIn('alumni@northfield.test');
    const first = await signIn('employer@acme.test');
    const second = await signIn('employer@acme.test');
    const { accountId, volunteerId } = first.principal;
    const res = await h.internal('/internal/volunteer-erasure', { token: first.token, password: DEMO_PASSWORD });
    expect(res).toEqual({ status: 200, body: { accountId, volunteerId } });
    // Every session of theirs has ended, and they cannot sign in; the other volunteer is untouched.
    for (const token of [first.token, second.token]) expect((await h.internal('/internal/session', { token })).status).toBe(401);
    expect((await h.internal('/internal/sign-in', { email: 'employer@acme.test', password: DEMO_PASSWORD, address: '198.51.100.21' })).status).toBe(401);
    expect((await h.internal('/internal/session', { token: alumnus.token })).status).toBe(200);
    expect(await account('alumni@northfield.test')).toMatchObject({ display_name: 'Jordan Reid', disabled_at: null });

    expect(await h.internal('/internal/volunteer-erasures', {})).toEqual({ status: 200, body: { erasures: [{ accountId, volunteerId, done: [] }] } });
    expect(await h.internal('/internal/volunteer-erasure/step', { accountId, subgraph: 'employers' })).toEqual({ status: 200, body: { complete: false } });
    expect(await h.internal('/internal/volunteer-erasure/step', { accountId, subgraph: 'employers' })).toEqual({ status: 200, body: { complete: false } });
    expect(await h.internal('/internal/volunteer-erasure/step', { accountId, subgraph: 'encounters' })).toEqual({ status: 200, body: { complete: false } });
    // Until the last subgraph answers, identity keeps its part (the name shows who it is about).
    expect(await account(accountId)).toMatchObject({ email: 'employer@acme.test', display_name: 'Sam Patel' });
    expect(await h.internal('/internal/volunteer-erasure/step', { accountId, subgraph: 'destinations' })).toEqual({ status: 200, body: { complete: true } });

    const erased = await account(accountId);
    expect(erased).toMatchObject({
      email: `former-volunteer-${accountId}@erased.invalid`,
      display_name: 'Former volunteer',
      password_hash: '!',
      volunteer_id: volunteerId,
    });
    expect(erased.disabled_at).not.toBeNull();
    expect(JSON.stringify(erased)).not.toMatch(/Sam|Patel|acme/);
    expect(await count('select count(*) as n from session where account_id = $1', accountId)).toBe(0);
    expect((await h.internal('/internal/volunteer-erasures', {})).body).toEqual({ erasures: [] });
    expect(await count("select count(*) as n from volunteer_erasure_step where account_id = $1 and subgraph = 'identity'", accountId)).toBe(1);

    // Twice is the same as once.
    expect(await h.internal('/internal/volunteer-erasure/step', { accountId, subgraph: 'destinations' })).toEqual({ status: 200, body: { complete: true } });
    expect(await account(accountId)).toEqual(erased);
  });

  it('refuses a step that is not one', async () => {
    expect((await h.internal('/internal/volunteer-erasure/step', { accountId: 'x', subgraph: 'employers' })).status).toBe(400);
    expect((await h.internal('/internal/volunteer-erasure/step', { accountId: '6b1f3c1e-8a55-4f0e-9d1b-2f3a4b5c6d7e', subgraph: 'pupils' })).status).toBe(400);
    expect((await h.internal('/internal/volunteer-erasure/step', { accountId: '6b1f3c1e-8a55-4f0e-9d1b-2f3a4b5c6d7e', subgraph: 'employers' })).status).toBe(
      404,
    );
  });
});
