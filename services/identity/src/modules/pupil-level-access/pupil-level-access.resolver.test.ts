import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData, DEMO_PASSWORD } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';
import { Account } from '../account/account.entity.js';
import { PupilLevelAccessChange } from './pupil-level-access.entity.js';

/*
 * Trust analysts grant and withdraw each other's pupil-level access (docs/security.md, "Pupil-level
 * access for trust analysts"): the attacks first, then the holder's own use.
 */
const data = demoData();
const [northfield] = data.schools;
const byEmail = (email: string) => data.accounts.find((a) => a.email === email)!;
const holderAccount = byEmail('lead.analyst@waymark-trust.test');
const analystAccount = byEmail('trust@waymark-trust.test');

function principalOf(email: string, extra: Partial<Principal> = {}): Principal {
  const a = byEmail(email);
  return makePrincipal({
    accountId: a.id,
    displayName: a.displayName,
    roles: [...a.roles] as Principal['roles'],
    schoolId: a.schoolId,
    trustId: a.trustId,
    pupilId: a.pupilId,
    volunteerId: a.volunteerId,
    childPupilIds: [...a.childPupilIds],
    pupilLevelAccess: a.pupilLevelAccess,
    ...extra,
  });
}

const holder = principalOf('lead.analyst@waymark-trust.test');
const analyst = principalOf('trust@waymark-trust.test');

const FIELDS = 'accountId displayName email you pupilLevelAccess lastChange { granted changedByName changedAt }';
const LIST = `{ trustAnalysts { ${FIELDS} } }`;
const GRANT = `mutation ($input: GrantPupilLevelAccessInput!) {
  grantPupilLevelAccess(input: $input) { analyst { ${FIELDS} } error { code message fields { field message } } }
}`;
const WITHDRAW = `mutation ($input: WithdrawPupilLevelAccessInput!) {
  withdrawPupilLevelAccess(input: $input) { analyst { ${FIELDS} } error { code message fields { field message } } }
}`;

interface Analyst {
  accountId: string;
  displayName: string;
  email: string;
  you: boolean;
  pupilLevelAccess: boolean;
  lastChange: { granted: boolean; changedByName: string; changedAt: string } | null;
}
interface Failure {
  code: string;
  message: string;
}
interface Outcome {
  analyst: Analyst | null;
  error: Failure | null;
}

let h: IdentityHarness;
const otherTrustId = randomUUID();
const otherTrustHolder = { id: randomUUID(), email: 'lead@other-trust.test', displayName: 'Olu Other' };
const otherTrustAnalyst = { id: randomUUID(), email: 'analyst@other-trust.test', displayName: 'Ola Other' };
const disabledAnalyst = { id: randomUUID(), email: 'gone@waymark-trust.test', displayName: 'Gone Analyst' };

beforeAll(async () => {
  h = await IdentityHarness.start();
  const em = h.orm.em.fork();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const make = (who: { id: string; email: string; displayName: string }, trustId: string, pupilLevelAccess: boolean, disabledAt: Date | null = null) =>
    em.create(Account, { ...who, passwordHash, roles: ['trust_analyst'], trustId, pupilLevelAccess, createdAt: new Date(), disabledAt });
  make(otherTrustHolder, otherTrustId, true);
  make(otherTrustAnalyst, otherTrustId, false);
  make(disabledAnalyst, data.trust.id, false, new Date());
  await em.flush();
});

afterAll(() => h?.close());

const list = (who: Principal) => h.query<{ trustAnalysts: Analyst[] | null }>(who, LIST);
const grant = (who: Principal, accountId: string) => h.query<{ grantPupilLevelAccess: Outcome }>(who, GRANT, { input: { accountId } });
const withdraw = (who: Principal, accountId: string) => h.query<{ withdrawPupilLevelAccess: Outcome }>(who, WITHDRAW, { input: { accountId } });
const accessOf = async (id: string) => (await h.orm.em.fork().findOneOrFail(Account, { id })).pupilLevelAccess;
const changeCount = async () => h.orm.em.fork().count(PupilLevelAccessChange, {});

/** Signs the analyst in (as the gateway does) and returns a function that reads the principal their session carries now. */
async function sessionOf(email: string): Promise<() => Promise<Principal>> {
  const signedIn = await h.internal<{ token: string }>('/internal/sign-in', { email, password: DEMO_PASSWORD, address: '192.0.2.41' });
  expect(signedIn.status).toBe(200);
  return async () => (await h.internal<{ principal: Principal }>('/internal/session', { token: signedIn.body.token })).body.principal;
}

describe('who may grant or withdraw pupil-level access', () => {
  it("refuses the trust's careers leaders, staff, data protection leads, pupils, parents, volunteers, API keys and the gateway, changing nothing", async () => {
    const apiKey: Principal = {
      ...makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, accountId: holderAccount.id }),
      kind: 'api',
      scopes: ['reports:read'],
    };
    const refused: [string, Principal][] = [
      ['careers leader of a school of the trust', principalOf('leader@northfield.test')],
      ['staff', makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId: data.trust.id })],
      ['data protection lead', principalOf('dpl@northfield.test')],
      ['pupil', principalOf('pupil@northfield.test')],
      ['parent', principalOf('parent@northfield.test')],
      ['employer volunteer', principalOf('employer@acme.test')],
      ['alumni volunteer', principalOf('alumni@northfield.test')],
      ['API key of the trust, with the holder’s account id', apiKey],
      ['an analyst with no trust', makePrincipal({ roles: ['trust_analyst'], pupilLevelAccess: true })],
      ['gateway', SYSTEM_PRINCIPAL],
    ];
    for (const [who, principal] of refused) {
      expect((await list(principal)).errors?.[0].extensions?.code, who).toBe('FORBIDDEN');
      expect((await grant(principal, analystAccount.id)).errors?.[0].extensions?.code, who).toBe('FORBIDDEN');
      expect((await withdraw(principal, holderAccount.id)).errors?.[0].extensions?.code, who).toBe('FORBIDDEN');
    }
    expect(await accessOf(analystAccount.id)).toBe(false);
    expect(await accessOf(holderAccount.id)).toBe(true);
    expect(await changeCount()).toBe(0);
  });

  it('refuses an analyst without pupil-level access, for themself or anyone, even when their principal claims it', async () => {
    const claiming = principalOf('trust@waymark-trust.test', { pupilLevelAccess: true });
    for (const principal of [analyst, claiming]) {
      for (const res of [await grant(principal, analystAccount.id), await grant(principal, disabledAnalyst.id), await withdraw(principal, holderAccount.id)]) {
        expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(res.errors?.[0].message).toBe('Only an analyst of your trust who has pupil-level access can give it to someone or take it away.');
      }
    }
    expect(await accessOf(analystAccount.id)).toBe(false);
    expect(await accessOf(holderAccount.id)).toBe(true);
    expect(await changeCount()).toBe(0);
  });

  it('refuses a holder changing their own access, either way', async () => {
    const granted = await grant(holder, holderAccount.id);
    const withdrawn = await withdraw(holder, holderAccount.id);
    expect(granted.data!.grantPupilLevelAccess).toMatchObject({ analyst: null, error: { code: 'PUPIL_LEVEL_ACCESS_NOT_YOURSELF' } });
    expect(withdrawn.data!.withdrawPupilLevelAccess).toMatchObject({ analyst: null, error: { code: 'PUPIL_LEVEL_ACCESS_NOT_YOURSELF' } });
    expect(await accessOf(holderAccount.id)).toBe(true);
    expect(await changeCount()).toBe(0);
  });

  it("gives another trust's holder none of the trust's analysts, and the same answer for them as for an unknown id", async () => {
    const otherHolder = makePrincipal({ accountId: otherTrustHolder.id, roles: ['trust_analyst'], trustId: otherTrustId, pupilLevelAccess: true });
    const listed = await list(otherHolder);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.trustAnalysts!.map((a) => a.email)).toEqual([otherTrustAnalyst.email, otherTrustHolder.email]);
    const unknown = await grant(otherHolder, randomUUID());
    expect(unknown.data!.grantPupilLevelAccess.error!.code).toBe('PUPIL_LEVEL_ACCESS_ANALYST_NOT_FOUND');
    expect((await grant(otherHolder, analystAccount.id)).data!.grantPupilLevelAccess).toEqual(unknown.data!.grantPupilLevelAccess);
    expect((await withdraw(otherHolder, holderAccount.id)).data!.withdrawPupilLevelAccess).toEqual(unknown.data!.grantPupilLevelAccess);
    expect(await accessOf(analystAccount.id)).toBe(false);
    expect(await accessOf(holderAccount.id)).toBe(true);
  });

  it("answers a careers leader's, a pupil's or a disabled analyst's account of the trust, or a malformed id, as not an analyst", async () => {
    const unknown = (await grant(holder, randomUUID())).data!.grantPupilLevelAccess;
    for (const id of [byEmail('leader@northfield.test').id, byEmail('pupil@northfield.test').id, disabledAnalyst.id, 'not-an-id', otherTrustAnalyst.id]) {
      expect((await grant(holder, id)).data!.grantPupilLevelAccess, id).toEqual(unknown);
    }
    expect(await accessOf(byEmail('leader@northfield.test').id)).toBe(false);
    expect(await accessOf(disabledAnalyst.id)).toBe(false);
    expect(await changeCount()).toBe(0);
  });
});

describe("a holder grants and withdraws another analyst's pupil-level access", () => {
  it("lists the trust's analysts to any of them, with their access and no recorded change yet", async () => {
    const res = await list(analyst);
    expect(res.errors).toBeUndefined();
    expect(res.data!.trustAnalysts).toEqual([
      { accountId: analystAccount.id, displayName: 'Alex Morgan', email: analystAccount.email, you: true, pupilLevelAccess: false, lastChange: null },
      { accountId: holderAccount.id, displayName: 'Nadia Rahman', email: holderAccount.email, you: false, pupilLevelAccess: true, lastChange: null },
    ]);
  });

  it('grants it, keeping who and when, and the analyst’s next request carries it without signing in again', async () => {
    const principalNow = await sessionOf(analystAccount.email);
    expect((await principalNow()).pupilLevelAccess).toBe(false);
    const before = Date.now();
    const res = await grant(holder, analystAccount.id.toUpperCase());
    const outcome = res.data!.grantPupilLevelAccess;
    expect(outcome.error).toBeNull();
    expect(outcome.analyst).toMatchObject({
      accountId: analystAccount.id,
      pupilLevelAccess: true,
      lastChange: { granted: true, changedByName: 'Nadia Rahman' },
    });
    expect(Date.parse(outcome.analyst!.lastChange!.changedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(await accessOf(analystAccount.id)).toBe(true);
    expect((await principalNow()).pupilLevelAccess).toBe(true);

    const listed = (await list(holder)).data!.trustAnalysts!.find((a) => a.accountId === analystAccount.id)!;
    expect(listed.lastChange).toEqual(outcome.analyst!.lastChange);
    const rows = await h.orm.em.fork().find(PupilLevelAccessChange, {});
    expect(rows.map(({ trustId, accountId, granted, changedById }) => ({ trustId, accountId, granted, changedById }))).toEqual([
      { trustId: data.trust.id, accountId: analystAccount.id, granted: true, changedById: holderAccount.id },
    ]);
  });

  it('refuses to grant it twice, in words', async () => {
    const again = await grant(holder, analystAccount.id);
    expect(again.data!.grantPupilLevelAccess.error).toMatchObject({
      code: 'PUPIL_LEVEL_ACCESS_ALREADY_GRANTED',
      message: 'Alex Morgan already has pupil-level access.',
    });
    expect(await changeCount()).toBe(1);
  });

  it('withdraws it, keeping who and when beside the grant, and the next request no longer carries it', async () => {
    const principalNow = await sessionOf(analystAccount.email);
    expect((await principalNow()).pupilLevelAccess).toBe(true);
    const res = await withdraw(holder, analystAccount.id);
    expect(res.data!.withdrawPupilLevelAccess).toMatchObject({
      analyst: { accountId: analystAccount.id, pupilLevelAccess: false, lastChange: { granted: false, changedByName: 'Nadia Rahman' } },
      error: null,
    });
    expect(await accessOf(analystAccount.id)).toBe(false);
    expect((await principalNow()).pupilLevelAccess).toBe(false);
    const trail = await h.orm.em.fork().find(PupilLevelAccessChange, { accountId: analystAccount.id }, { orderBy: { changedAt: 'asc' } });
    expect(trail.map((change) => change.granted)).toEqual([true, false]);
  });

  it('refuses to withdraw what is not held, in words', async () => {
    const res = await withdraw(holder, analystAccount.id);
    expect(res.data!.withdrawPupilLevelAccess.error).toMatchObject({
      code: 'PUPIL_LEVEL_ACCESS_NOT_GRANTED',
      message: 'Alex Morgan does not have pupil-level access.',
    });
    expect(await changeCount()).toBe(2);
  });

  it('lets an analyst who was given it give it on, and take it from the one who gave it (who cannot take their own)', async () => {
    expect((await grant(holder, analystAccount.id)).data!.grantPupilLevelAccess.error).toBeNull();
    const alexNow = principalOf('trust@waymark-trust.test', { pupilLevelAccess: true });
    const res = await withdraw(alexNow, holderAccount.id);
    expect(res.data!.withdrawPupilLevelAccess).toMatchObject({
      analyst: { pupilLevelAccess: false, lastChange: { granted: false, changedByName: 'Alex Morgan' } },
      error: null,
    });
    // Nadia no longer holds it, whatever her principal says, so she cannot take Alex's in return.
    expect((await withdraw(holder, analystAccount.id)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await accessOf(analystAccount.id)).toBe(true);
  });

  it('lets exactly one of two holders withdrawing each other at once succeed, so the trust keeps someone who can grant it', async () => {
    const alexNow = principalOf('trust@waymark-trust.test', { pupilLevelAccess: true });
    expect((await grant(alexNow, holderAccount.id)).data!.grantPupilLevelAccess.error).toBeNull();
    const [byAlex, byNadia] = await Promise.all([withdraw(alexNow, holderAccount.id), withdraw(holder, analystAccount.id)]);
    const succeeded = [byAlex, byNadia].filter((res) => res.data?.withdrawPupilLevelAccess.error === null);
    const refused = [byAlex, byNadia].filter((res) => res.errors?.[0].extensions?.code === 'FORBIDDEN');
    expect([succeeded.length, refused.length]).toEqual([1, 1]);
    expect([await accessOf(analystAccount.id), await accessOf(holderAccount.id)].filter(Boolean)).toHaveLength(1);
  });
});
