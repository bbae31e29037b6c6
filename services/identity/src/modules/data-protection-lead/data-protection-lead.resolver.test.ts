import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData, DEMO_PASSWORD } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';
import { Account } from '../account/account.entity.js';

/*
 * A careers leader names the school's data protection leads (docs/security.md, "The data protection
 * lead"): the attacks first, then the leader's own use.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const byEmail = (email: string) => data.accounts.find((a) => a.email === email)!;
const dplAccount = byEmail('dpl@northfield.test');
const leaderNorthAccount = byEmail('leader@northfield.test');

function principalOf(email: string): Principal {
  const a = byEmail(email);
  return makePrincipal({
    accountId: a.id,
    roles: [...a.roles] as Principal['roles'],
    schoolId: a.schoolId,
    trustId: a.trustId,
    pupilId: a.pupilId,
    volunteerId: a.volunteerId,
    childPupilIds: [...a.childPupilIds],
  });
}

const leaderNorth = principalOf('leader@northfield.test');
const leaderSouth = principalOf('leader@southbank.test');

const LIST = '{ dataProtectionLeads { accountId displayName email you } }';
const GRANT = `mutation ($input: GrantDataProtectionLeadInput!) {
  grantDataProtectionLead(input: $input) { lead { accountId displayName email you } error { code message fields { field message } } }
}`;
const REMOVE = `mutation ($input: RemoveDataProtectionLeadInput!) {
  removeDataProtectionLead(input: $input) { accountId error { code message fields { field message } } }
}`;

interface Lead {
  accountId: string;
  displayName: string;
  email: string;
  you: boolean;
}
interface Failure {
  code: string;
  message: string;
  fields: { field: string; message: string }[];
}

let h: IdentityHarness;
const staffNorth = { id: randomUUID(), email: 'teacher@northfield.test', displayName: 'Ola Teacher' };
const staffSouth = { id: randomUUID(), email: 'teacher@southbank.test', displayName: 'Sam Teacher' };
const disabledNorth = { id: randomUUID(), email: 'gone@northfield.test', displayName: 'Gone Teacher' };

beforeAll(async () => {
  h = await IdentityHarness.start();
  const em = h.orm.em.fork();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staff = (who: { id: string; email: string; displayName: string }, schoolId: string, disabledAt: Date | null = null) =>
    em.create(Account, { ...who, passwordHash, roles: ['staff'], schoolId, trustId: data.trust.id, createdAt: new Date(), disabledAt });
  staff(staffNorth, northfield.id);
  staff(staffSouth, southbank.id);
  staff(disabledNorth, northfield.id, new Date());
  await em.flush();
});

afterAll(() => h?.close());

const list = async (who: Principal) => h.query<{ dataProtectionLeads: Lead[] | null }>(who, LIST);
const grant = async (who: Principal, email: string) =>
  h.query<{ grantDataProtectionLead: { lead: Lead | null; error: Failure | null } }>(who, GRANT, { input: { email } });
const remove = async (who: Principal, accountId: string) =>
  h.query<{ removeDataProtectionLead: { accountId: string | null; error: Failure | null } }>(who, REMOVE, { input: { accountId } });
const rolesOf = async (id: string) => (await h.orm.em.fork().findOneOrFail(Account, { id })).roles;

describe('who may name data protection leads', () => {
  it('refuses staff, data protection leads, pupils, parents, volunteers, analysts, API keys and the gateway, changing nothing', async () => {
    const apiKey: Principal = { ...makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id }), kind: 'api', scopes: ['benchmarks:read'] };
    const refused: [string, Principal][] = [
      ['staff', makePrincipal({ accountId: staffNorth.id, roles: ['staff'], schoolId: northfield.id, trustId: data.trust.id })],
      ['careers adviser', makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId: data.trust.id })],
      ['data protection lead', principalOf('dpl@northfield.test')],
      ['pupil', principalOf('pupil@northfield.test')],
      ['parent', principalOf('parent@northfield.test')],
      ['employer volunteer', principalOf('employer@acme.test')],
      ['trust analyst', principalOf('trust@waymark-trust.test')],
      ['API key', apiKey],
      ['a careers leader with no school', makePrincipal({ roles: ['careers_leader'], trustId: data.trust.id })],
      ['gateway', SYSTEM_PRINCIPAL],
    ];
    for (const [who, principal] of refused) {
      expect((await list(principal)).errors?.[0].extensions?.code, who).toBe('FORBIDDEN');
      expect((await grant(principal, staffNorth.email)).errors?.[0].extensions?.code, who).toBe('FORBIDDEN');
      expect((await remove(principal, dplAccount.id)).errors?.[0].extensions?.code, who).toBe('FORBIDDEN');
    }
    expect(await rolesOf(staffNorth.id)).toEqual(['staff']);
    expect(await rolesOf(dplAccount.id)).toEqual(['data_protection_lead']);
  });

  it("gives another school's careers leader none of the school's leads, and changes none", async () => {
    const listed = await list(leaderSouth);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.dataProtectionLeads).toEqual([]);
    const removed = await remove(leaderSouth, dplAccount.id);
    const unknown = await remove(leaderSouth, randomUUID());
    expect(removed.data!.removeDataProtectionLead).toEqual(unknown.data!.removeDataProtectionLead);
    expect(removed.data!.removeDataProtectionLead.error!.code).toBe('DATA_PROTECTION_LEAD_NOT_FOUND');
    expect(await rolesOf(dplAccount.id)).toEqual(['data_protection_lead']);
  });

  it("answers an email at another school exactly as an unknown one, and as a pupil's or parent's of the school", async () => {
    const otherSchool = await grant(leaderSouth, staffNorth.email);
    const unknown = await grant(leaderSouth, 'nobody@example.test');
    expect(otherSchool.data!.grantDataProtectionLead).toEqual(unknown.data!.grantDataProtectionLead);
    expect(otherSchool.data!.grantDataProtectionLead.error!.code).toBe('DATA_PROTECTION_LEAD_STAFF_NOT_FOUND');
    for (const email of ['pupil@northfield.test', 'parent@northfield.test', 'leader@southbank.test', 'employer@acme.test', disabledNorth.email]) {
      expect((await grant(leaderNorth, email)).data!.grantDataProtectionLead, email).toEqual(unknown.data!.grantDataProtectionLead);
    }
    expect(await rolesOf(staffNorth.id)).toEqual(['staff']);
    expect(await rolesOf(byEmail('pupil@northfield.test').id)).toEqual(['pupil']);
  });
});

describe("a careers leader names their school's data protection leads", () => {
  it('lists the school’s leads', async () => {
    const res = await list(leaderNorth);
    expect(res.errors).toBeUndefined();
    expect(res.data!.dataProtectionLeads).toEqual([{ accountId: dplAccount.id, displayName: dplAccount.displayName, email: dplAccount.email, you: false }]);
  });

  it('gives the role to a member of staff by email (any case), who has it at their next sign-in', async () => {
    const res = await grant(leaderNorth, '  Teacher@Northfield.TEST ');
    expect(res.data!.grantDataProtectionLead).toEqual({
      lead: { accountId: staffNorth.id, displayName: staffNorth.displayName, email: staffNorth.email, you: false },
      error: null,
    });
    expect(await rolesOf(staffNorth.id)).toEqual(['staff', 'data_protection_lead']);
    const signedIn = await h.internal<{ principal: Principal }>('/internal/sign-in', {
      email: staffNorth.email,
      password: DEMO_PASSWORD,
      address: '192.0.2.40',
    });
    expect(signedIn.body.principal.roles).toEqual(['staff', 'data_protection_lead']);
    expect((await list(leaderNorth)).data!.dataProtectionLeads!.map((lead) => lead.email)).toEqual([dplAccount.email, staffNorth.email].sort());
  });

  it('refuses a second grant to the same person, and a malformed email, in words', async () => {
    const again = await grant(leaderNorth, staffNorth.email);
    expect(again.data!.grantDataProtectionLead.error).toMatchObject({
      code: 'DATA_PROTECTION_LEAD_ALREADY',
      message: `${staffNorth.displayName} is already a data protection lead for your school.`,
    });
    const malformed = await grant(leaderNorth, 'not an email');
    expect(malformed.data!.grantDataProtectionLead.error).toMatchObject({ code: 'DATA_PROTECTION_LEAD_INVALID', fields: [{ field: 'email' }] });
  });

  it('takes the role away, leaving the staff role; a lead with no other role keeps an account with none, and can be named again', async () => {
    const res = await remove(leaderNorth, staffNorth.id);
    expect(res.data!.removeDataProtectionLead).toEqual({ accountId: staffNorth.id, error: null });
    expect(await rolesOf(staffNorth.id)).toEqual(['staff']);

    expect((await remove(leaderNorth, dplAccount.id)).data!.removeDataProtectionLead.error).toBeNull();
    expect(await rolesOf(dplAccount.id)).toEqual([]);
    expect((await list(leaderNorth)).data!.dataProtectionLeads).toEqual([]);
    expect((await grant(leaderNorth, dplAccount.email)).data!.grantDataProtectionLead.error).toBeNull();
    expect(await rolesOf(dplAccount.id)).toEqual(['data_protection_lead']);
  });

  it('lets the careers leader name themself and step down again, keeping their own role (which carries the same powers)', async () => {
    const named = await grant(leaderNorth, leaderNorthAccount.email);
    expect(named.data!.grantDataProtectionLead.lead).toMatchObject({ accountId: leaderNorthAccount.id, you: true });
    expect((await remove(leaderNorth, leaderNorthAccount.id)).data!.removeDataProtectionLead.error).toBeNull();
    expect(await rolesOf(leaderNorthAccount.id)).toEqual(['careers_leader']);
  });

  it('refuses to remove someone who is not a lead, or an id that is not one, with the same answer', async () => {
    const notLead = await remove(leaderNorth, staffNorth.id);
    const malformed = await remove(leaderNorth, 'not-an-id');
    expect(notLead.data!.removeDataProtectionLead).toEqual(malformed.data!.removeDataProtectionLead);
    expect(notLead.data!.removeDataProtectionLead.error!.code).toBe('DATA_PROTECTION_LEAD_NOT_FOUND');
  });
});
