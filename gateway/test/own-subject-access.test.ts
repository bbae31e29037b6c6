import { describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * "Download my data" through the real gateway and subgraphs: one request for `me` gathers every
 * subgraph's part of what Waymark holds about the signed-in person (a pupil, a parent, a volunteer),
 * the school's data access log records a pupil's or parent's export as one EXPORT, and nobody else
 * gets any of it, even staff handed the person's account by a mutation.
 */
const data = demoData();
const account = (email: string) => data.accounts.find((a) => a.email === email)!;
const pupilAccount = account('pupil@northfield.test');
const parentAccount = account('parent@northfield.test');
const samAccount = account('employer@acme.test');
const maya = data.pupils.find((p) => p.id === pupilAccount.pupilId)!;

const stack = useTestStack({ name: 'own', shared: true });

async function as(email: string): Promise<GatewayClient> {
  const client = new GatewayClient(stack.url);
  expect((await client.signIn(email)).status).toBe(200);
  return client;
}

interface Part {
  source: string;
  sections: { title: string; rows: Record<string, unknown>[] }[];
}
const PARTS = ['identitySubjectAccess', 'pupilsSubjectAccess', 'employersSubjectAccess', 'encountersSubjectAccess', 'destinationsSubjectAccess'] as const;
type Parts = Record<(typeof PARTS)[number], Part | null>;
const MY_DATA = `{ me { id ${PARTS.join(' ')} } }`;

/** Everything about the caller, in one gateway request; every part must be there. */
async function myData(client: GatewayClient): Promise<Parts & { id: string }> {
  const res = await client.query<{ me: Parts & { id: string } }>(MY_DATA);
  expect(res.errors).toBeUndefined();
  const me = res.data!.me;
  expect(PARTS.map((field) => me[field]?.source)).toEqual(['identity', 'pupils', 'employers', 'encounters', 'destinations']);
  return me;
}

const rowsOf = (part: Part | null, title: string) => part!.sections.find((s) => s.title === title)?.rows;

const LOG = `query ($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 100) {
  edges { node { action fields pupilId actorAccountId actorRoles } } } }`;
type Log = { auditEvents: { edges: { node: { action: string; fields: string[]; pupilId: string | null; actorAccountId: string; actorRoles: string[] } }[] } };

async function exportsLoggedBy(accountId: string) {
  const leader = await as('leader@northfield.test');
  const log = await leader.query<Log>(LOG, { filter: { actorAccountId: accountId, action: 'EXPORT' } });
  expect(log.errors).toBeUndefined();
  return log.data!.auditEvents.edges.map((e) => e.node);
}

describe('Download my data through the gateway', () => {
  it("gathers everything about a pupil from every subgraph in one request, as one EXPORT in their school's log", async () => {
    const me = await myData(await as('pupil@northfield.test'));
    expect(me.id).toBe(pupilAccount.id);
    expect(rowsOf(me.identitySubjectAccess, 'Your account')).toEqual([expect.objectContaining({ email: 'pupil@northfield.test' })]);
    expect(rowsOf(me.pupilsSubjectAccess, 'Pupil record')).toEqual([expect.objectContaining({ id: maya.id, upn: maya.upn })]);
    expect(rowsOf(me.encountersSubjectAccess, 'Careers activities you were invited to, and your reflections')!.length).toBeGreaterThan(0);
    expect(rowsOf(me.encountersSubjectAccess, 'Your personal guidance meetings')!.length).toBeGreaterThan(0);
    expect(JSON.stringify(me)).not.toContain('Keen on engineering');
    expect(me.destinationsSubjectAccess!.sections.map((s) => s.title)).toEqual(['Your plans and destinations after school']);
    // The demo pupil has applied for no placement: the section is there, empty.
    expect(me.employersSubjectAccess!.sections).toEqual([{ title: 'Your work experience applications', rows: [] }]);

    expect(await exportsLoggedBy(pupilAccount.id)).toEqual([
      { action: 'EXPORT', fields: ['ownSubjectAccess'], pupilId: maya.id, actorAccountId: pupilAccount.id, actorRoles: ['pupil'] },
    ]);
  });

  it("gathers a parent's own data with their child's name only, logged at the child's school", async () => {
    const me = await myData(await as('parent@northfield.test'));
    expect(rowsOf(me.identitySubjectAccess, 'Children you are linked to as a parent or carer')).toEqual([{ pupil_id: maya.id }]);
    expect(rowsOf(me.pupilsSubjectAccess, 'Your children (their names only)')).toEqual([
      { pupil_id: maya.id, legal_forename: maya.legalForename, legal_surname: maya.legalSurname, preferred_name: maya.preferredName },
    ]);
    const text = JSON.stringify(me);
    expect(text).not.toContain(maya.upn);
    expect(text).not.toContain(maya.dateOfBirth);
    for (const part of [me.employersSubjectAccess, me.encountersSubjectAccess, me.destinationsSubjectAccess]) expect(part!.sections).toEqual([]);

    expect(await exportsLoggedBy(parentAccount.id)).toEqual([
      { action: 'EXPORT', fields: ['ownSubjectAccess'], pupilId: maya.id, actorAccountId: parentAccount.id, actorRoles: ['parent'] },
    ]);
  });

  it("gathers a volunteer's profile and engagements, without a pupil, and puts nothing in any school's log", async () => {
    const me = await myData(await as('employer@acme.test'));
    expect(rowsOf(me.employersSubjectAccess, 'Your volunteer profile')).toEqual([expect.objectContaining({ email: 'employer@acme.test', first_name: 'Sam' })]);
    const engagements = rowsOf(me.encountersSubjectAccess, 'Careers activities you helped with')!;
    expect(engagements.length).toBe(data.encounters.filter((e) => e.volunteerIds.includes(samAccount.volunteerId!)).length);
    const text = JSON.stringify(me);
    for (const pupil of data.pupils) expect(text).not.toContain(pupil.id);
    expect(me.pupilsSubjectAccess!.sections.every((s) => s.rows.length === 0)).toBe(true);
    expect(await exportsLoggedBy(samAccount.id)).toEqual([]);
  });
});

describe("nobody else gets a person's data", () => {
  it("refuses every part of a parent's account to the careers leader whose mutation hands it back", async () => {
    const leader = await as('leader@northfield.test');
    const res = await leader.query<{ linkParentAccount: { account: (Parts & { id: string }) | null } }>(
      `mutation ($input: LinkParentAccountInput!) { linkParentAccount(input: $input) { account { id ${PARTS.join(' ')} } error { code } } }`,
      { input: { email: parentAccount.email, displayName: parentAccount.displayName, pupilId: maya.id } },
    );
    const account = res.data!.linkParentAccount.account!;
    expect(account.id).toBe(parentAccount.id);
    for (const field of PARTS) expect(account[field], field).toBeNull();
    // One refusal per subgraph: identity's on its field, the others' on the account their entity reference refused.
    const refused = (res.errors ?? []).map((e) => `${e.path?.join('.')} ${e.extensions?.code}`).sort();
    expect(refused).toEqual([...Array<string>(4).fill('linkParentAccount.account FORBIDDEN'), 'linkParentAccount.account.identitySubjectAccess FORBIDDEN']);
    expect(await exportsLoggedBy((await leader.query<{ me: { id: string } }>('{ me { id } }')).data!.me.id)).toEqual([]);
  });

  it("gives another person (the pupil's own parent, a leader, another volunteer) only their own data", async () => {
    const others: [string, string][] = [
      ['parent@northfield.test', maya.upn],
      ['leader@northfield.test', maya.upn],
      ['alumni@northfield.test', 'employer@acme.test'],
    ];
    for (const [email, notTheirs] of others) {
      const me = await myData(await as(email));
      expect(me.id, email).toBe(account(email).id);
      expect(JSON.stringify(me), email).not.toContain(notTheirs);
      expect(rowsOf(me.pupilsSubjectAccess, 'Pupil record'), email).toBeUndefined();
    }
  });

  it('keeps the entities door shut: a client cannot ask for an account by id', async () => {
    const leader = await as('leader@northfield.test');
    const res = await leader.query('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Account { pupilsSubjectAccess } } }', {
      r: [{ __typename: 'Account', id: pupilAccount.id }],
    });
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.data ?? null).toBeNull();
  });
});
