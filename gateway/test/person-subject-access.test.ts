import { describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * A subject-access export that a school's careers leader or data protection lead starts for a parent,
 * carer or volunteer connected to the school, through the real gateway and subgraphs: one request
 * gathers each subgraph's part, the school's data access log records who exported whom, and nobody
 * outside that school (or without those roles) gets any of it.
 */
const data = demoData();
const account = (email: string) => data.accounts.find((a) => a.email === email)!;
const parentAccount = account('parent@northfield.test');
const dplAccount = account('dpl@northfield.test');
const jordanAccount = account('alumni@northfield.test');
const maya = data.pupils.find((p) => p.id === account('pupil@northfield.test').pupilId)!;
const [, southbank] = data.schools;
const southPupil = data.pupils.find((p) => p.schoolId === southbank.id && p.yearGroup === 9)!;

const stack = useTestStack({ name: 'person_export', shared: true });

async function as(email: string, password?: string): Promise<GatewayClient> {
  const client = new GatewayClient(stack.url);
  expect((await client.signIn(email, password)).status).toBe(200);
  return client;
}

interface Part {
  source: string;
  sections: { title: string; rows: Record<string, unknown>[] }[];
}
interface Export {
  id: string;
  displayName: string;
  kind: string;
  identitySubjectAccess: Part;
  pupilsSubjectAccess: Part | null;
  employersSubjectAccess: Part | null;
  encountersSubjectAccess: Part | null;
}
const EXPORT = `query ($email: String!) { personSubjectAccess(email: $email) {
  id displayName kind exportedAt identitySubjectAccess pupilsSubjectAccess employersSubjectAccess encountersSubjectAccess } }`;

const rowsOf = (part: Part | null, title: string) => part?.sections.find((s) => s.title === title)?.rows;

const LOG = `query ($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 100) {
  edges { node { action fields pupilId schoolId actorAccountId actorRoles credentialKind detail } } } }`;
type Log = { auditEvents: { edges: { node: Record<string, unknown> }[] } };

describe('a staff-started subject-access export of a parent or volunteer', () => {
  it("gathers a parent's data from every subgraph in one request for the data protection lead, recorded in the school's log", async () => {
    const dpl = await as('dpl@northfield.test');
    const res = await dpl.query<{ personSubjectAccess: Export }>(EXPORT, { email: 'Parent@Northfield.test' });
    expect(res.errors).toBeUndefined();
    const person = res.data!.personSubjectAccess;
    expect(person).toMatchObject({ id: parentAccount.id, displayName: 'Grace Okafor', kind: 'PARENT_OR_CARER' });
    expect(
      [person.identitySubjectAccess, person.pupilsSubjectAccess, person.employersSubjectAccess, person.encountersSubjectAccess].map((p) => p?.source),
    ).toEqual(['identity', 'pupils', 'employers', 'encounters']);
    expect(rowsOf(person.identitySubjectAccess, 'Your account')).toEqual([expect.objectContaining({ email: 'parent@northfield.test' })]);
    expect(rowsOf(person.identitySubjectAccess, 'Children you are linked to as a parent or carer')).toEqual([{ pupil_id: maya.id }]);
    expect(JSON.stringify(person)).not.toMatch(/password_hash|\$argon|\$scrypt/);
    expect(person.employersSubjectAccess!.sections).toEqual([]);

    const log = await dpl.query<Log>(LOG, { filter: { actorAccountId: dplAccount.id, action: 'EXPORT' } });
    expect(log.errors).toBeUndefined();
    expect(log.data!.auditEvents.edges.map((e) => e.node)).toEqual([
      {
        action: 'EXPORT',
        fields: ['personSubjectAccess'],
        pupilId: null,
        schoolId: data.schools[0].id,
        actorAccountId: dplAccount.id,
        actorRoles: ['data_protection_lead'],
        credentialKind: 'SESSION',
        detail: `Subject-access export of a parent or carer: Grace Okafor (account ${parentAccount.id})`,
      },
    ]);
  });

  it("gives the careers leader a volunteer's profile and the school's activities they helped with, and no pupil's data", async () => {
    const leader = await as('leader@northfield.test');
    const res = await leader.query<{ personSubjectAccess: Export }>(EXPORT, { email: 'alumni@northfield.test' });
    expect(res.errors).toBeUndefined();
    const person = res.data!.personSubjectAccess;
    expect(person).toMatchObject({ id: jordanAccount.id, kind: 'VOLUNTEER' });
    expect(rowsOf(person.employersSubjectAccess, 'Volunteer profile')).toEqual([
      expect.objectContaining({ id: jordanAccount.volunteerId, first_name: 'Jordan' }),
    ]);
    const helped = rowsOf(person.encountersSubjectAccess, 'Careers activities they helped with at this school')!;
    expect(helped.length).toBeGreaterThan(0);
    const text = JSON.stringify(person);
    // No pupil is named, and nothing of a pupil's record (their ids, names, flags or date of birth) is in it.
    for (const pupil of data.pupils) {
      expect(text).not.toContain(pupil.id);
      expect(text).not.toContain(pupil.upn);
    }
    expect(text).not.toMatch(/date_of_birth|sen_support|looked_after|disadvantaged|flags/);
  });

  it('refuses a parent linked only at another school, and a volunteer who does not volunteer there, with the same answer as an unknown email', async () => {
    // Southbank links a parent to one of its own pupils.
    const southLeader = await as('leader@southbank.test');
    const linked = await southLeader.query<{ linkParentAccount: { account: { id: string } | null; error: unknown } }>(
      `mutation ($input: LinkParentAccountInput!) { linkParentAccount(input: $input) { account { id } error { code } } }`,
      { input: { email: 'only-south@example.test', displayName: 'Sol Bank', pupilId: southPupil.id } },
    );
    expect(linked.data!.linkParentAccount.error).toBeNull();

    for (const email of ['leader@northfield.test', 'dpl@northfield.test']) {
      const north = await as(email);
      for (const target of ['only-south@example.test', 'nobody@example.test', 'pupil@northfield.test', 'leader@southbank.test']) {
        const res = await north.query<{ personSubjectAccess: Export | null }>(EXPORT, { email: target });
        expect(res.data?.personSubjectAccess ?? null, `${email} exporting ${target}`).toBeNull();
        expect(
          res.errors?.map((e) => e.extensions?.code),
          `${email} exporting ${target}`,
        ).toEqual(['NOT_FOUND']);
      }
    }
    // Jordan volunteers with Northfield only.
    const refused = await southLeader.query<{ personSubjectAccess: Export | null }>(EXPORT, { email: 'alumni@northfield.test' });
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    // Southbank's own leader may export the parent linked there.
    const own = await southLeader.query<{ personSubjectAccess: Export }>(EXPORT, { email: 'only-south@example.test' });
    expect(own.errors).toBeUndefined();
    expect(own.data!.personSubjectAccess.kind).toBe('PARENT_OR_CARER');

    // Refusals are not exports: Northfield's log holds none of Sol Bank, and only the leader's earlier export of Jordan.
    const dpl = await as('dpl@northfield.test');
    const log = await dpl.query<Log>(LOG, { filter: { action: 'EXPORT' } });
    const details = log.data!.auditEvents.edges.map((e) => String(e.node.detail));
    expect(details.filter((d) => d.includes('Sol Bank'))).toEqual([]);
    expect(details.filter((d) => d.includes('Jordan Reid'))).toHaveLength(1);
  });

  it('refuses pupils, parents, volunteers and trust analysts outright', async () => {
    for (const email of ['pupil@northfield.test', 'parent@northfield.test', 'employer@acme.test', 'trust@waymark-trust.test']) {
      const client = await as(email);
      const res = await client.query<{ personSubjectAccess: Export | null }>(EXPORT, { email: 'parent@northfield.test' });
      expect(res.data?.personSubjectAccess ?? null, email).toBeNull();
      expect(res.errors?.[0].extensions?.code, email).toBe('FORBIDDEN');
    }
  });
});
