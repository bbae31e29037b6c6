import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';

/*
 * A pupil's subject-access export by a school's data protection lead (docs/security.md, "The data
 * protection lead"): they find one pupil of their own school by exact UPN, and get the export and the
 * pupil's name, nothing else. Written as the attacks first: another school's lead, a UPN at another
 * school, a pupil, a parent, a volunteer, a trust analyst and an API key.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const account = (email: string) => data.accounts.find((a) => a.email === email)!;
const pupilAccount = account('pupil@northfield.test');
const parentAccount = account('parent@northfield.test');
const volunteerAccount = account('employer@acme.test');
const maya = data.pupils.find((p) => p.id === pupilAccount.pupilId)!;
const southPupil = data.pupils.find((p) => p.schoolId === southbank.id && p.leftOn === null)!;

const person = (partial: Partial<Principal> & Pick<Principal, 'roles'>) => makePrincipal({ accountId: randomUUID(), ...partial });
const dplNorth = person({ roles: ['data_protection_lead'], schoolId: northfield.id, trustId, displayName: 'Helen Brooks' });
const dplSouth = person({ roles: ['data_protection_lead'], schoolId: southbank.id, trustId });
const leaderNorth = person({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const staffNorth = person({ roles: ['staff'], schoolId: northfield.id, trustId });
const pupil = person({ roles: ['pupil'], accountId: pupilAccount.id, pupilId: maya.id, schoolId: northfield.id, trustId });
const parent = person({ roles: ['parent'], accountId: parentAccount.id, childPupilIds: [maya.id], schoolId: northfield.id, trustId });
const volunteer = person({ roles: ['employer_volunteer'], accountId: volunteerAccount.id, volunteerId: volunteerAccount.volunteerId });
const analyst = person({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true });
const apiKey = person({ kind: 'api', roles: ['careers_leader', 'data_protection_lead'], schoolId: northfield.id, trustId });
const OUTSIDERS = { pupil, parent, volunteer, analyst, apiKey, staffNorth };

interface Part {
  source: string;
  sections: { title: string; rows: Record<string, unknown>[] }[];
}
const BY_UPN = 'query ($upn: String!) { pupilByUpn(upn: $upn) { id displayName } }';
const EXPORT = 'query ($upn: String!) { pupilByUpn(upn: $upn) { id displayName pupilsSubjectAccess } }';
const MAY_EXPORT = 'query ($id: ID!) { mayExportPupilData(pupilId: $id) }';
const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id displayName pupilsSubjectAccess } } }';
const RECORD = 'mutation ($input: RecordAuditEventsInput!) { recordAuditEvents(input: $input) { recorded error { code } } }';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
});

afterAll(() => subgraph?.close());

const byUpn = (who: Principal, upn: string) => subgraph.client.query<{ pupilByUpn: { id: string; displayName: string } | null }>(who, BY_UPN, { upn });

async function eventsBy(who: Principal): Promise<{ pupil_id: string | null; school_id: string; action: string; fields: string[] }[]> {
  return subgraph.orm.em.fork().execute(
    `select e.pupil_id, e.school_id, e.action, array(select f.field from audit_event_field f where f.event_id = e.id order by f.field) as fields
     from audit_event e where e.actor_account_id = ? order by e.occurred_at`,
    [who.accountId],
  );
}

describe('pupilByUpn: the attacks', () => {
  it("answers another school's lead, and a UPN at another school, exactly as a UPN nobody has", async () => {
    const unknown = await byUpn(dplNorth, 'A999999999999');
    const elsewhere = await byUpn(dplNorth, southPupil.upn);
    const otherLead = await byUpn(dplSouth, maya.upn);
    for (const res of [unknown, elsewhere, otherLead]) {
      expect(res.data?.pupilByUpn ?? null).toBeNull();
      expect(res.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([['No pupil at your school has that UPN.', 'NOT_FOUND']]);
    }
  });

  it('refuses pupils, parents, volunteers, staff, trust analysts and API keys', async () => {
    for (const [name, who] of Object.entries(OUTSIDERS)) {
      const res = await byUpn(who, maya.upn);
      expect(res.data?.pupilByUpn ?? null, name).toBeNull();
      expect(res.errors?.[0].extensions?.code, name).toBe('FORBIDDEN');
    }
  });

  it('finds nothing but an exact UPN (no partial match, no pattern)', async () => {
    for (const upn of [maya.upn.slice(0, 12), `${maya.upn.slice(0, 5)}%`, '%', '']) {
      const res = await byUpn(dplNorth, upn);
      expect(res.errors?.[0].extensions?.code, upn).toBe('NOT_FOUND');
    }
  });
});

describe('pupilByUpn: a data protection lead gets the name and the export, nothing else', () => {
  it("finds a pupil of the lead's own school (and the careers leader's), ignoring case and spaces", async () => {
    for (const who of [dplNorth, leaderNorth]) {
      const res = await byUpn(who, ` ${maya.upn.toLowerCase()} `);
      expect(res.errors).toBeUndefined();
      expect(res.data!.pupilByUpn).toEqual({ id: maya.id, displayName: `${maya.preferredName ?? maya.legalForename} ${maya.legalSurname}` });
    }
  });

  it('keeps every other field of the pupil closed, and writes no read to the log', async () => {
    const res = await subgraph.client.query<{ pupilByUpn: Record<string, unknown> }>(
      dplNorth,
      `query ($upn: String!) { pupilByUpn(upn: $upn) { upn dateOfBirth yearGroup tutorGroup leftOn school { id } enrolments { startedOn }
         recordAccess { current } consent { destinationTracking } comments { body } } }`,
      { upn: maya.upn },
    );
    expect(res.errors).toBeUndefined();
    expect(Object.values(res.data!.pupilByUpn).every((value) => value === null)).toBe(true);
    for (const field of ['flags { ehcp }', 'flagHistory { group }']) {
      const refused = await subgraph.client.query(dplNorth, `query ($upn: String!) { pupilByUpn(upn: $upn) { ${field} } }`, { upn: maya.upn });
      expect(refused.errors?.[0].extensions?.code, field).toBe('FORBIDDEN');
    }
    expect(await eventsBy(dplNorth)).toEqual([]);
  });

  it('gives the lead no pupil by id, no pupil list and no entity', async () => {
    const one = await subgraph.client.query<{ pupil: unknown }>(dplNorth, 'query ($id: ID!) { pupil(id: $id) { id } }', { id: maya.id });
    expect(one.data?.pupil ?? null).toBeNull();
    const list = await subgraph.client.query(dplNorth, '{ pupils(first: 5) { edges { node { id } } } }');
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const entity = await subgraph.client.query<{ _entities: unknown[] }>(dplNorth, ENTITIES, { r: [{ __typename: 'Pupil', id: maya.id }] });
    expect(entity.data?._entities).toEqual([null]);
  });
});

describe('Pupil.pupilsSubjectAccess for a data protection lead', () => {
  it("gives the lead the same export as the careers leader, recorded as one EXPORT in the pupil's school's log", async () => {
    const lead = await subgraph.client.query<{ pupilByUpn: { pupilsSubjectAccess: Part } }>(dplNorth, EXPORT, { upn: maya.upn });
    const leader = await subgraph.client.query<{ pupilByUpn: { pupilsSubjectAccess: Part } }>(leaderNorth, EXPORT, { upn: maya.upn });
    expect(lead.errors).toBeUndefined();
    const part = lead.data!.pupilByUpn.pupilsSubjectAccess;
    expect(part.sections[0].rows).toEqual([expect.objectContaining({ id: maya.id, upn: maya.upn })]);
    // The log's own section differs by the leader's export, written between the two; the rest is the same.
    const withoutLog = (p: Part) => p.sections.filter((s) => !s.title.startsWith('Who has looked'));
    expect(withoutLog(part)).toEqual(withoutLog(leader.data!.pupilByUpn.pupilsSubjectAccess));
    expect(await eventsBy(dplNorth)).toEqual([{ pupil_id: maya.id, school_id: northfield.id, action: 'EXPORT', fields: ['subjectAccess'] }]);
  });

  it("never reaches another school's pupil: not by UPN, not through _entities", async () => {
    const res = await subgraph.client.query<{ pupilByUpn: unknown }>(dplNorth, EXPORT, { upn: southPupil.upn });
    expect(res.data?.pupilByUpn ?? null).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    for (const who of [dplNorth, dplSouth]) {
      const entity = await subgraph.client.query<{ _entities: unknown[] }>(who, ENTITIES, {
        r: [{ __typename: 'Pupil', id: who === dplNorth ? southPupil.id : maya.id }],
      });
      expect(entity.data?._entities).toEqual([null]);
    }
    expect((await eventsBy(dplSouth)).length).toBe(0);
  });
});

describe('mayExportPupilData (asked by the other subgraphs with the caller credential)', () => {
  it("is true for the pupil's own school's lead, careers leader and staff only", async () => {
    const ask = async (who: Principal, id: string) =>
      (await subgraph.client.query<{ mayExportPupilData: boolean }>(who, MAY_EXPORT, { id })).data?.mayExportPupilData;
    for (const who of [dplNorth, leaderNorth, staffNorth]) expect(await ask(who, maya.id)).toBe(true);
    // An API key is refused before the resolver runs (an error, no answer): not true either way.
    for (const [name, who] of Object.entries({ dplSouth, pupil, parent, volunteer, analyst, apiKey })) expect(await ask(who, maya.id), name).not.toBe(true);
    expect(await ask(dplNorth, southPupil.id)).toBe(false);
    expect(await ask(dplNorth, 'not-an-id')).toBe(false);
    expect(await ask(dplNorth, randomUUID())).toBe(false);
  });
});

describe("recordAuditEvents: another subgraph's share of a lead's export", () => {
  const record = (who: Principal, entries: { pupilId: string; action: string; fields: string[] }[]) =>
    subgraph.client.query<{ recordAuditEvents: { recorded: number; error: { code: string } | null } }>(who, RECORD, {
      input: { source: 'encounters', entries },
    });

  it("accepts the lead's subject-access export of a pupil of their school, and nothing else", async () => {
    const lead = person({ roles: ['data_protection_lead'], schoolId: northfield.id, trustId });
    const refused = [
      [{ pupilId: southPupil.id, action: 'EXPORT', fields: ['subjectAccess'] }],
      [{ pupilId: maya.id, action: 'READ', fields: ['guidanceNotes'] }],
      [{ pupilId: maya.id, action: 'EXPORT', fields: ['subjectAccess', 'auditLog'] }],
      [
        { pupilId: maya.id, action: 'EXPORT', fields: ['subjectAccess'] },
        { pupilId: southPupil.id, action: 'EXPORT', fields: ['subjectAccess'] },
      ],
    ];
    for (const entries of refused) {
      const res = await record(lead, entries);
      expect(res.data!.recordAuditEvents, JSON.stringify(entries)).toEqual({ recorded: 0, error: { code: 'AUDIT_PUPIL_NOT_VISIBLE' } });
    }
    expect(await eventsBy(lead)).toEqual([]);
    const southLead = await record(dplSouth, [{ pupilId: maya.id, action: 'EXPORT', fields: ['subjectAccess'] }]);
    expect(southLead.data!.recordAuditEvents.recorded).toBe(0);
    const ok = await record(lead, [{ pupilId: maya.id, action: 'EXPORT', fields: ['subjectAccess'] }]);
    expect(ok.data!.recordAuditEvents).toEqual({ recorded: 1, error: null });
    expect(await eventsBy(lead)).toEqual([{ pupil_id: maya.id, school_id: northfield.id, action: 'EXPORT', fields: ['subjectAccess'] }]);
  });
});
