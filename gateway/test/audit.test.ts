import { describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * The data access audit trail across subgraphs, through the real gateway: a leader's read of a
 * pupil's date of birth and flags (pupils subgraph) and guidance notes (encounters subgraph) in one
 * request is one event in the pupils subgraph's trail, which only that school's careers leader sees.
 */
const data = demoData();
const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;

const stack = useTestStack({ name: 'audit', shared: true });

async function as(email: string): Promise<GatewayClient> {
  const client = new GatewayClient(stack.url);
  expect((await client.signIn(email)).status).toBe(200);
  return client;
}

const LOG = `query ($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 100) {
  totalCount edges { node { action fields pupilId pupilName actorName actorRoles credentialKind requestId source } } } }`;
interface LogNode {
  action: string;
  fields: string[];
  pupilId: string | null;
  pupilName: string | null;
  actorName: string;
  actorRoles: string[];
  credentialKind: string;
  requestId: string;
  source: string;
}
type Log = { auditEvents: { totalCount: number; edges: { node: LogNode }[] } | null };

describe('audit trail through the gateway', () => {
  it('records a read across pupils and encounters as ONE event, with the guidance notes among its fields', async () => {
    const leader = await as('leader@northfield.test');
    const read = await leader.query<{ pupil: { dateOfBirth: string; flags: { eal: boolean }; guidanceMeetings: { notes: string | null }[] } }>(
      'query ($id: ID!) { pupil(id: $id) { dateOfBirth flags { eal } guidanceMeetings { notes } } }',
      { id: maya.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.pupil.guidanceMeetings.some((m) => m.notes !== null)).toBe(true);

    const log = await leader.query<Log>(LOG, { filter: { pupilId: maya.id, action: 'READ' } });
    expect(log.errors).toBeUndefined();
    const events = log.data!.auditEvents!.edges.map((e) => e.node);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'READ',
      fields: ['dateOfBirth', 'flags', 'guidanceNotes'],
      pupilId: maya.id,
      pupilName: 'Maya Okafor',
      actorRoles: ['careers_leader'],
      credentialKind: 'SESSION',
      source: 'pupils',
    });

    // A second request is a second event.
    await leader.query('query ($id: ID!) { pupil(id: $id) { guidanceMeetings { notes } } }', { id: maya.id });
    const after = await leader.query<Log>(LOG, { filter: { pupilId: maya.id, action: 'READ' } });
    const nodes = after.data!.auditEvents!.edges.map((e) => e.node);
    expect(nodes).toHaveLength(2);
    expect(nodes[0]).toMatchObject({ fields: ['guidanceNotes'], source: 'encounters' });
    expect(nodes[0].requestId).not.toBe(nodes[1].requestId);
  });

  it('adds nothing to the trail for a dashboard', async () => {
    const leader = await as('leader@northfield.test');
    const before = (await leader.query<Log>(LOG, {})).data!.auditEvents!.totalCount;
    const dashboard = await leader.query('{ schoolDashboard { cells { measure yearGroup eligible met } } }');
    expect(dashboard.errors).toBeUndefined();
    expect((await leader.query<Log>(LOG, {})).data!.auditEvents!.totalCount).toBe(before);
  });

  it("shows the log to no one but the school's careers leader", async () => {
    const south = await as('leader@southbank.test');
    const theirs = await south.query<Log>(LOG, { filter: { pupilId: maya.id } });
    expect(theirs.data!.auditEvents!.totalCount).toBe(0);
    for (const email of ['pupil@northfield.test', 'employer@acme.test', 'alumni@northfield.test', 'parent@northfield.test', 'trust@waymark-trust.test']) {
      const res = await (await as(email)).query<Log>(LOG, {});
      expect(res.errors?.[0].extensions?.code, email).toBe('FORBIDDEN');
      expect(res.data?.auditEvents ?? null).toBeNull();
    }
  });
});

describe('subject-access export through the gateway', () => {
  const EXPORT = 'query ($id: ID!) { pupil(id: $id) { id pupilsSubjectAccess encountersSubjectAccess destinationsSubjectAccess } }';
  interface Part {
    source: string;
    sections: { title: string; rows: Record<string, unknown>[] }[];
  }
  type Exported = { pupil: { pupilsSubjectAccess: Part | null; encountersSubjectAccess: Part | null; destinationsSubjectAccess: Part | null } | null };

  it('gathers what every subgraph holds about a pupil in one request, recorded as one EXPORT', async () => {
    const leader = await as('leader@northfield.test');
    const res = await leader.query<Exported>(EXPORT, { id: maya.id });
    expect(res.errors).toBeUndefined();
    const { pupilsSubjectAccess: pupils, encountersSubjectAccess: encounters } = res.data!.pupil!;
    const section = (part: Part | null, title: string) => part!.sections.find((s) => s.title === title)!.rows;
    expect(section(pupils, 'Pupil record')).toEqual([expect.objectContaining({ upn: maya.upn, legal_surname: 'Okafor' })]);
    expect(section(pupils, 'Who has looked at, downloaded or changed this record').length).toBeGreaterThan(0);
    expect(section(encounters, 'Personal guidance meetings').some((row) => String(row.notes).includes('Keen on engineering'))).toBe(true);
    expect(section(encounters, 'Encounters and registers').length).toBeGreaterThan(0);
    expect(res.data!.pupil!.destinationsSubjectAccess!.sections.map((s) => s.title)).toEqual(['Destinations']);

    const log = await leader.query<Log>(LOG, { filter: { pupilId: maya.id, action: 'EXPORT' } });
    expect(log.data!.auditEvents!.edges.map((e) => e.node)).toEqual([expect.objectContaining({ fields: ['subjectAccess'], action: 'EXPORT' })]);
  });

  it("is for staff of the pupil's school only", async () => {
    for (const email of ['pupil@northfield.test', 'parent@northfield.test', 'leader@southbank.test', 'trust@waymark-trust.test']) {
      const res = await (await as(email)).query<Exported>(EXPORT, { id: maya.id });
      expect(res.data?.pupil?.pupilsSubjectAccess ?? null, email).toBeNull();
      expect(res.data?.pupil?.encountersSubjectAccess ?? null, email).toBeNull();
      expect(res.data?.pupil?.destinationsSubjectAccess ?? null, email).toBeNull();
    }
  });
});
