import { describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * A pupil's subject-access export by the school's data protection lead, through the real gateway and
 * subgraphs (docs/security.md, "The data protection lead"): the lead finds one pupil of their own
 * school by exact UPN and gets, in one request, the same parts as the pupil's record page gives staff,
 * recorded as one EXPORT in the school's log. They get nothing else of the pupil, and nobody outside
 * the school (or without the role) finds the pupil at all.
 */
const data = demoData();
const account = (email: string) => data.accounts.find((a) => a.email === email)!;
const dplAccount = account('dpl@northfield.test');
const maya = data.pupils.find((p) => p.id === account('pupil@northfield.test').pupilId)!;
const [northfield, southbank] = data.schools;
const southPupil = data.pupils.find((p) => p.schoolId === southbank.id && p.leftOn === null)!;

const stack = useTestStack({ name: 'pupil_export', shared: true });

async function as(email: string): Promise<GatewayClient> {
  const client = new GatewayClient(stack.url);
  expect((await client.signIn(email)).status).toBe(200);
  return client;
}

interface Part {
  source: string;
  sections: { title: string; rows: Record<string, unknown>[] }[];
}
interface Exported {
  id: string;
  displayName: string;
  pupilsSubjectAccess: Part | null;
  encountersSubjectAccess: Part | null;
  destinationsSubjectAccess: Part | null;
}
const PARTS = 'id displayName pupilsSubjectAccess encountersSubjectAccess destinationsSubjectAccess';
const BY_UPN = `query ($upn: String!) { pupilByUpn(upn: $upn) { ${PARTS} } }`;
const BY_ID = `query ($id: ID!) { pupil(id: $id) { ${PARTS} } }`;
const LOG = `query ($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 100) {
  edges { node { action fields pupilId schoolId actorAccountId credentialKind } } } }`;
type Log = { auditEvents: { edges: { node: Record<string, unknown> }[] } };

/** The pupil subject-access exports Northfield's log shows, as its careers leader reads it. */
async function northExports(): Promise<Record<string, unknown>[]> {
  const leader = await as('leader@northfield.test');
  const log = await leader.query<Log>(LOG, { filter: { action: 'EXPORT' } });
  expect(log.errors).toBeUndefined();
  return log.data!.auditEvents.edges.map((e) => e.node).filter((node) => (node.fields as string[]).includes('subjectAccess'));
}

const withoutLog = (part: Part | null) => part?.sections.filter((section) => !section.title.startsWith('Who has looked'));

describe("a data protection lead's export of a pupil, by UPN", () => {
  it("gathers every subgraph's part in one request, the same as staff get, recorded as one EXPORT in the school's log", async () => {
    const dpl = await as('dpl@northfield.test');
    const res = await dpl.query<{ pupilByUpn: Exported }>(BY_UPN, { upn: maya.upn.toLowerCase() });
    expect(res.errors).toBeUndefined();
    const pupil = res.data!.pupilByUpn;
    expect(pupil.id).toBe(maya.id);
    expect([pupil.pupilsSubjectAccess, pupil.encountersSubjectAccess, pupil.destinationsSubjectAccess].map((p) => p?.source)).toEqual([
      'pupils',
      'encounters',
      'destinations',
    ]);
    expect(pupil.pupilsSubjectAccess!.sections[0].rows).toEqual([expect.objectContaining({ id: maya.id, upn: maya.upn })]);

    const events = await northExports();
    expect(events).toEqual([
      { action: 'EXPORT', fields: ['subjectAccess'], pupilId: maya.id, schoolId: northfield.id, actorAccountId: dplAccount.id, credentialKind: 'SESSION' },
    ]);

    const leader = await as('leader@northfield.test');
    const staff = await leader.query<{ pupil: Exported }>(BY_ID, { id: maya.id });
    expect(staff.errors).toBeUndefined();
    expect(pupil.encountersSubjectAccess).toEqual(staff.data!.pupil.encountersSubjectAccess);
    expect(pupil.destinationsSubjectAccess).toEqual(staff.data!.pupil.destinationsSubjectAccess);
    expect(withoutLog(pupil.pupilsSubjectAccess)).toEqual(withoutLog(staff.data!.pupil.pupilsSubjectAccess));
  });

  it('gives the lead the name and the export only: every other field of the pupil, in every subgraph, stays closed', async () => {
    const dpl = await as('dpl@northfield.test');
    const res = await dpl.query<{ pupilByUpn: Record<string, unknown> }>(
      `query ($upn: String!) { pupilByUpn(upn: $upn) { id upn dateOfBirth yearGroup tutorGroup school { id } enrolments { startedOn }
        consent { destinationTracking } comments { body } participations { id } ownActivities { id } interests guidanceMeetings { id }
        destinations { id } intentions { id } aspirations { id } activitySpells { id } linkedParents { displayName } } }`,
      { upn: maya.upn },
    );
    const { id, ...rest } = res.data!.pupilByUpn;
    expect(id).toBe(maya.id);
    for (const [field, value] of Object.entries(rest)) expect(value === null || (Array.isArray(value) && value.length === 0), field).toBe(true);
    for (const field of ['flags { ehcp }', 'flagHistory { group }', 'benchmarkProgress { asOf }']) {
      const refused = await dpl.query<{ pupilByUpn: Record<string, unknown> | null }>(`query ($upn: String!) { pupilByUpn(upn: $upn) { ${field} } }`, {
        upn: maya.upn,
      });
      expect(
        refused.errors?.map((e) => e.extensions?.code),
        field,
      ).toContain('FORBIDDEN');
    }
    const byId = await dpl.query<{ pupil: unknown }>('query ($id: ID!) { pupil(id: $id) { id displayName } }', { id: maya.id });
    expect(byId.data?.pupil ?? null).toBeNull();
    const list = await dpl.query('{ pupils(first: 5) { edges { node { id } } } }');
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('nobody else finds the pupil', () => {
  it("answers a UPN at another school, another school's lead and an unknown UPN the same way, and logs nothing", async () => {
    const before = (await northExports()).length;
    const northDpl = await as('dpl@northfield.test');
    const southLeader = await as('leader@southbank.test');
    const asked: [GatewayClient, string][] = [
      [northDpl, southPupil.upn],
      [northDpl, 'A000000000000'],
      [southLeader, maya.upn],
    ];
    for (const [client, upn] of asked) {
      const res = await client.query<{ pupilByUpn: Exported | null }>(BY_UPN, { upn });
      expect(res.data?.pupilByUpn ?? null, upn).toBeNull();
      expect(
        res.errors?.map((e) => [e.message, e.extensions?.code]),
        upn,
      ).toEqual([['No pupil at your school has that UPN.', 'NOT_FOUND']]);
    }
    expect((await northExports()).length).toBe(before);
  });

  it('refuses a pupil, a parent, a volunteer, a trust analyst and an API key outright', async () => {
    for (const email of ['pupil@northfield.test', 'parent@northfield.test', 'employer@acme.test', 'trust@waymark-trust.test']) {
      const client = await as(email);
      const res = await client.query<{ pupilByUpn: Exported | null }>(BY_UPN, { upn: maya.upn });
      expect(res.data?.pupilByUpn ?? null, email).toBeNull();
      expect(res.errors?.[0].extensions?.code, email).toBe('FORBIDDEN');
    }
    const analyst = await as('trust@waymark-trust.test');
    const created = await analyst.query<{ createApiCredential: { secret: string } }>(
      'mutation ($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { secret } }',
      { input: { name: 'subject access attempt', scopes: ['reports:read', 'roster:write'] } },
    );
    const key = await new GatewayClient(stack.url).query<{ pupilByUpn: Exported | null }>(
      BY_UPN,
      { upn: maya.upn },
      {
        authorization: `Bearer ${created.data!.createApiCredential.secret}`,
      },
    );
    expect(key.data?.pupilByUpn ?? null).toBeNull();
    expect(key.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
