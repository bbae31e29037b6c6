import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, verifyPassword, type Principal } from '@waymark/auth';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData, DEMO_PASSWORD } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';
import { Account } from '../account/account.entity.js';

// The seeds (identity's and the pupils subgraph's) use today's demo data; so do the expectations.
const data = demoData();
const [northfield, southbank] = data.schools;
const account = (email: string) => data.accounts.find((a) => a.email === email)!;
const grace = account('parent@northfield.test');
const pupilAccount = account('pupil@northfield.test');
const southLeaderAccount = account('leader@southbank.test');
const maya = data.pupils.find((p) => p.id === pupilAccount.pupilId)!;
const onRoll = (schoolId: string) => data.pupils.filter((p) => p.schoolId === schoolId && p.leftOn === null && p.id !== maya.id);
const [northPupil, northSibling, northThird] = onRoll(northfield.id);
const [southPupil] = onRoll(southbank.id);

const staff = (roles: Principal['roles'], schoolId: string) => makePrincipal({ roles, schoolId, trustId: data.trust.id });
const leaderNorth = staff(['careers_leader'], northfield.id);
const staffNorth = staff(['staff'], northfield.id);
const leaderSouth = staff(['careers_leader'], southbank.id);

type AccountView = { id: string; email: string; displayName: string; roles: string[] };
type MutationError = { code: string; message: string; fields: { field: string; message: string }[] };
type Linked = { linkParentAccount: { account: AccountView | null; temporaryPassword: string | null; error: MutationError | null } };
type Unlinked = { unlinkParentAccount: { accountId: string | null; error: MutationError | null } };

const LINK = `mutation ($input: LinkParentAccountInput!) {
  linkParentAccount(input: $input) { account { id email displayName roles } temporaryPassword error { code message fields { field message } } }
}`;
const UNLINK = `mutation ($input: UnlinkParentAccountInput!) { unlinkParentAccount(input: $input) { accountId error { code message } } }`;
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id email } } }`;
const TEMPORARY_PASSWORD = /^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/;

let h: IdentityHarness;

beforeAll(async () => {
  h = await IdentityHarness.start({ pupils: true });
});

afterAll(async () => {
  await h?.close();
});

const link = (who: Principal, email: string, displayName: string, pupilId: string) => h.query<Linked>(who, LINK, { input: { email, displayName, pupilId } });
const unlink = (who: Principal, accountId: string, pupilId: string) => h.query<Unlinked>(who, UNLINK, { input: { accountId, pupilId } });
const row = (where: { id: string } | { email: string }) => h.orm.em.fork().findOne(Account, where);
const childrenOf = async (id: string) => (await row({ id }))!.childPupilIds;
const signIn = (email: string, password: string) => h.internal<{ token: string; principal: Principal }>('/internal/sign-in', { email, password });

describe('linkParentAccount for a new parent', () => {
  let created: AccountView;
  let temporaryPassword: string;

  it("creates a parent account of the caller's school linked to the pupil, showing a temporary password once", async () => {
    const res = await link(leaderNorth, '  Olu.Adeyemi@Example.TEST ', '  Olu Adeyemi ', northPupil.id);
    expect(res.errors).toBeUndefined();
    const result = res.data!.linkParentAccount;
    expect(result.error).toBeNull();
    created = result.account!;
    temporaryPassword = result.temporaryPassword!;
    expect(created).toMatchObject({ email: 'olu.adeyemi@example.test', displayName: 'Olu Adeyemi', roles: ['parent'] });
    expect(temporaryPassword).toMatch(TEMPORARY_PASSWORD);

    const stored = (await row({ id: created.id }))!;
    expect(stored).toMatchObject({ schoolId: northfield.id, trustId: data.trust.id, pupilId: null, childPupilIds: [northPupil.id], disabledAt: null });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain(temporaryPassword);
    expect(await verifyPassword(temporaryPassword, stored.passwordHash)).toBe(true);
  });

  it('lets the parent sign in with it, as a parent carrying the child and nothing more', async () => {
    const res = await signIn('olu.adeyemi@example.test', temporaryPassword);
    expect(res.status).toBe(200);
    expect(res.body.principal).toMatchObject({
      kind: 'user',
      accountId: created.id,
      roles: ['parent'],
      schoolId: northfield.id,
      pupilId: null,
      childPupilIds: [northPupil.id],
      pupilLevelAccess: false,
    });
    const me = await h.query<{ me: AccountView }>(res.body.principal, '{ me { id email } }');
    expect(me.data!.me).toEqual({ id: created.id, email: 'olu.adeyemi@example.test' });
  });

  it("never shows the parent's account to staff afterwards, the ones who linked them included", async () => {
    for (const who of [leaderNorth, staffNorth, leaderSouth]) {
      const res = await h.query<{ _entities: unknown[] }>(who, ENTITIES, { r: [{ __typename: 'Account', id: created.id }] });
      expect(res.data!._entities).toEqual([null]);
    }
  });

  it('adds a second child, by a colleague, to the same account without a new password', async () => {
    const res = await link(staffNorth, 'olu.adeyemi@example.test', 'Olu Adeyemi', northSibling.id);
    const result = res.data!.linkParentAccount;
    expect(result.error).toBeNull();
    expect(result.account!.id).toBe(created.id);
    expect(result.temporaryPassword).toBeNull();
    expect(await childrenOf(created.id)).toEqual([northPupil.id, northSibling.id]);
    expect((await signIn('olu.adeyemi@example.test', temporaryPassword)).body.principal.childPupilIds).toEqual([northPupil.id, northSibling.id]);
  });

  it("unlinks a child, and the parent's next session no longer carries it", async () => {
    const res = await unlink(leaderNorth, created.id, northPupil.id);
    expect(res.errors).toBeUndefined();
    expect(res.data!.unlinkParentAccount).toEqual({ accountId: created.id, error: null });
    expect(await childrenOf(created.id)).toEqual([northSibling.id]);
    expect((await signIn('olu.adeyemi@example.test', temporaryPassword)).body.principal.childPupilIds).toEqual([northSibling.id]);

    const again = await unlink(leaderNorth, created.id, northPupil.id);
    expect(again.data!.unlinkParentAccount.accountId).toBeNull();
    expect(again.data!.unlinkParentAccount.error!.code).toBe('PARENT_LINK_NOT_FOUND');
  });
});

describe('linkParentAccount for an email that already has an account', () => {
  it('adds the child to an existing parent account, keeping its name and password, and only once', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await link(leaderNorth, 'PARENT@northfield.test', 'Someone Else', northThird.id);
      const result = res.data!.linkParentAccount;
      expect(result.error).toBeNull();
      expect(result.account).toEqual({ id: grace.id, email: 'parent@northfield.test', displayName: 'Grace Okafor', roles: ['parent'] });
      expect(result.temporaryPassword).toBeNull();
    }
    expect(await childrenOf(grace.id)).toEqual([maya.id, northThird.id]);
    expect((await signIn(grace.email, DEMO_PASSWORD)).body.principal.childPupilIds).toEqual([maya.id, northThird.id]);
  });

  it('adds a child at another school too: each school links only its own pupils', async () => {
    const res = await link(leaderSouth, grace.email, 'Grace Okafor', southPupil.id);
    expect(res.data!.linkParentAccount.error).toBeNull();
    expect(await childrenOf(grace.id)).toEqual([maya.id, northThird.id, southPupil.id]);
    // The account stays with the school that created it.
    expect((await row({ id: grace.id }))!.schoolId).toBe(northfield.id);

    // Each school unlinks only its own pupils.
    const refused = await unlink(leaderNorth, grace.id, southPupil.id);
    expect(refused.data!.unlinkParentAccount.error!.code).toBe('PARENT_LINK_NOT_FOUND');
    const res2 = await unlink(leaderSouth, grace.id, southPupil.id);
    expect(res2.data!.unlinkParentAccount.error).toBeNull();
    await unlink(leaderNorth, grace.id, northThird.id);
    expect(await childrenOf(grace.id)).toEqual([maya.id]);
  });

  it('makes one account when two staff link the same new email at once, with both children', async () => {
    const email = 'ada.nowak@example.test';
    const [first, second] = await Promise.all([link(leaderNorth, email, 'Ada Nowak', northPupil.id), link(staffNorth, email, 'Ada Nowak', northThird.id)]);
    const results = [first.data!.linkParentAccount, second.data!.linkParentAccount];
    expect(results.map((r) => r.error)).toEqual([null, null]);
    expect(results[0].account!.id).toBe(results[1].account!.id);
    // Only the request that created the account shows a password.
    expect(results.filter((r) => r.temporaryPassword !== null)).toHaveLength(1);
    expect(await h.orm.em.fork().count(Account, { email })).toBe(1);
    expect((await childrenOf(results[0].account!.id)).sort()).toEqual([northPupil.id, northThird.id].sort());
  });

  it("refuses an email whose account is anyone but a parent's, changing nothing", async () => {
    for (const email of ['leader@southbank.test', 'pupil@northfield.test', 'trust@waymark-trust.test', 'employer@acme.test']) {
      const before = (await row({ email }))!;
      const res = await link(leaderNorth, email, 'A Parent', northPupil.id);
      const result = res.data!.linkParentAccount;
      expect(result.account).toBeNull();
      expect(result.temporaryPassword).toBeNull();
      expect(result.error!.code).toBe('PARENT_LINK_NOT_A_PARENT_ACCOUNT');
      expect(result.error!.fields.map((f) => f.field)).toEqual(['email']);
      const after = (await row({ email }))!;
      expect(after.roles).toEqual(before.roles);
      expect(after.childPupilIds).toEqual([]);
      expect(after.passwordHash).toBe(before.passwordHash);
    }
  });

  it('refuses a disabled parent account', async () => {
    await h.orm.em.fork().nativeUpdate(Account, { id: grace.id }, { disabledAt: new Date() });
    try {
      const res = await link(leaderNorth, grace.email, 'Grace Okafor', northPupil.id);
      expect(res.data!.linkParentAccount.error!.code).toBe('PARENT_LINK_ACCOUNT_DISABLED');
      expect(await childrenOf(grace.id)).toEqual([maya.id]);
    } finally {
      await h.orm.em.fork().nativeUpdate(Account, { id: grace.id }, { disabledAt: null });
    }
  });
});

describe('pupils the caller cannot see', () => {
  it("refuses an unknown pupil, another school's pupil and an id that is not one, saving nothing", async () => {
    const before = await h.orm.em.fork().count(Account, {});
    for (const pupilId of [randomUUID(), southPupil.id, 'not-a-uuid']) {
      const res = await link(leaderNorth, 'stranger@example.test', 'A Stranger', pupilId);
      expect(res.errors).toBeUndefined();
      const result = res.data!.linkParentAccount;
      expect(result).toMatchObject({ account: null, temporaryPassword: null });
      expect(result.error!.code).toBe('PARENT_LINK_PUPIL_NOT_FOUND');
      expect(result.error!.fields.map((f) => f.field)).toEqual(['pupilId']);
      // Nor to an existing parent.
      const existing = await link(leaderNorth, grace.email, 'Grace Okafor', pupilId);
      expect(existing.data!.linkParentAccount.error!.code).toBe('PARENT_LINK_PUPIL_NOT_FOUND');
    }
    expect(await row({ email: 'stranger@example.test' })).toBeNull();
    expect(await h.orm.em.fork().count(Account, {})).toBe(before);
    expect(await childrenOf(grace.id)).toEqual([maya.id]);
  });

  it('does not let another school unlink, answering as for an account that does not exist', async () => {
    const res = await unlink(leaderSouth, grace.id, maya.id);
    expect(res.data!.unlinkParentAccount).toEqual({ accountId: null, error: { code: 'PARENT_LINK_NOT_FOUND', message: expect.any(String) } });
    const unknown = await unlink(leaderSouth, randomUUID(), southPupil.id);
    expect(unknown.data!.unlinkParentAccount.error!.message).toBe(res.data!.unlinkParentAccount.error!.message);
    expect(await childrenOf(grace.id)).toEqual([maya.id]);
  });

  it("does not unlink from an account that is not a parent's", async () => {
    const res = await unlink(leaderNorth, pupilAccount.id, maya.id);
    expect(res.data!.unlinkParentAccount.error!.code).toBe('PARENT_LINK_NOT_FOUND');
    const bad = await unlink(leaderNorth, 'not-a-uuid', maya.id);
    expect(bad.data!.unlinkParentAccount.error!.code).toBe('PARENT_LINK_NOT_FOUND');
  });
});

describe('what linkParentAccount checks first', () => {
  it('explains a bad email and a missing name without asking about the pupil or saving anything', async () => {
    const before = await h.orm.em.fork().count(Account, {});
    const res = await link(leaderNorth, 'not an email', '   ', northPupil.id);
    const result = res.data!.linkParentAccount;
    expect(result.error!.code).toBe('PARENT_LINK_INVALID');
    expect(result.error!.fields.map((f) => f.field).sort()).toEqual(['displayName', 'email']);
    expect(await h.orm.em.fork().count(Account, {})).toBe(before);
  });
});

describe('who may link and unlink parents', () => {
  it('refuses pupils, parents, employers, alumni, careers advisers, analysts, integrations, staff without a school and the gateway', async () => {
    const before = await h.orm.em.fork().count(Account, {});
    const callers = [
      makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: maya.id }),
      makePrincipal({ roles: ['parent'], schoolId: northfield.id, trustId: data.trust.id, childPupilIds: [maya.id] }),
      makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id, employerId: data.volunteers[0].employerId }),
      makePrincipal({ roles: ['alumni'], volunteerId: data.volunteers[1].id }),
      staff(['careers_adviser'], northfield.id),
      makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true }),
      makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: data.trust.id, scopes: ['roster:write'] }),
      makePrincipal({ kind: 'api', roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id }),
      makePrincipal({ roles: ['staff'] }),
      SYSTEM_PRINCIPAL,
    ];
    for (const who of callers) {
      const linked = await link(who, 'sneaky@example.test', 'Sneaky', maya.id);
      expect(linked.errors?.[0].extensions?.code, JSON.stringify(who.roles)).toBe('FORBIDDEN');
      expect(linked.data ?? null).toBeNull();
      const unlinked = await unlink(who, grace.id, maya.id);
      expect(unlinked.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await h.query(null, LINK, { input: { email: 'sneaky@example.test', displayName: 'Sneaky', pupilId: maya.id } })).toMatchObject({ status: 401 });
    expect(await row({ email: 'sneaky@example.test' })).toBeNull();
    expect(await h.orm.em.fork().count(Account, {})).toBe(before);
    expect(await childrenOf(grace.id)).toEqual([maya.id]);
    expect((await row({ id: southLeaderAccount.id }))!.childPupilIds).toEqual([]);
  });

  it('never puts a stored hash in a GraphQL response', async () => {
    const secrets = await h.storedSecrets();
    for (const body of h.responses) for (const value of secrets) expect(body).not.toContain(value);
  });
});

describe('Pupil.linkedParents', () => {
  const PARENTS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id linkedParents { accountId displayName email } } } }`;
  const parentsOf = (who: Principal, pupilId: string) =>
    h.query<{ _entities: ({ id: string; linkedParents: { accountId: string; displayName: string; email: string }[] | null } | null)[] }>(who, PARENTS, {
      r: [{ __typename: 'Pupil', id: pupilId }],
    });

  it("lists the parents linked to a pupil for staff of the pupil's school, and follows a link and an unlink", async () => {
    const linked = await link(leaderNorth, 'carer.for.third@example.test', 'Sam Carer', northThird.id);
    expect(linked.data!.linkParentAccount.error).toBeNull();
    const accountId = linked.data!.linkParentAccount.account!.id;
    const listed = (await parentsOf(staffNorth, northThird.id)).data!._entities[0]!.linkedParents!;
    expect(listed).toContainEqual({ accountId, displayName: 'Sam Carer', email: 'carer.for.third@example.test' });
    expect(listed.map((parent) => parent.displayName)).toEqual([...listed.map((parent) => parent.displayName)].sort());
    await unlink(leaderNorth, accountId, northThird.id);
    const after = (await parentsOf(leaderNorth, northThird.id)).data!._entities[0]!.linkedParents!;
    expect(after.map((parent) => parent.accountId)).not.toContain(accountId);
    expect(after).toHaveLength(listed.length - 1);
  });

  it("tells nobody else: another school's staff, the pupil, a parent, an adviser or an integration get nothing", async () => {
    expect((await parentsOf(leaderNorth, maya.id)).data!._entities[0]!.linkedParents!.map((p) => p.accountId)).toEqual([grace.id]);
    const others = [
      leaderSouth,
      makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: maya.id }),
      makePrincipal({ roles: ['parent'], schoolId: northfield.id, trustId: data.trust.id, childPupilIds: [maya.id] }),
      staff(['careers_adviser'], northfield.id),
      makePrincipal({ kind: 'api', roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id }),
    ];
    for (const who of others) {
      const answer = await parentsOf(who, maya.id);
      const entity = answer.data?._entities[0] ?? null;
      expect(entity?.linkedParents ?? null, JSON.stringify(who.roles)).toBeNull();
    }
  });
});
