import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { startHarness, type Harness } from '../../../test/harness.js';

/*
 * Pupil.encountersSubjectAccess: the encounters subgraph's part of a pupil's export, for staff of
 * the pupil's current school and for its careers leader or data protection lead (docs/security.md, "The
 * data protection lead"). The pupils subgraph says whether the pupil is at the caller's school, with the
 * caller's own credential. Written as the attacks first: another school's lead, a pupil, a parent, a
 * volunteer, a trust analyst and an API key; and a lead gets nothing else of the pupil here.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const pupilOf = (schoolId: string) => data.pupils.find((p) => p.schoolId === schoolId && data.participations.some((d) => d.pupilId === p.id))!;
const north = pupilOf(northfield.id);
const south = pupilOf(southbank.id);

const person = (partial: Partial<Principal> & Pick<Principal, 'roles'>) => makePrincipal({ accountId: randomUUID(), ...partial });
const dplNorth = person({ roles: ['data_protection_lead'], schoolId: northfield.id, trustId });
const dplSouth = person({ roles: ['data_protection_lead'], schoolId: southbank.id, trustId });
const leaderNorth = person({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const attackers = {
  dplSouth,
  pupil: person({ roles: ['pupil'], pupilId: north.id, schoolId: northfield.id, trustId }),
  parent: person({ roles: ['parent'], childPupilIds: [north.id], schoolId: northfield.id, trustId }),
  volunteer: person({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id }),
  analyst: person({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true }),
  apiKey: person({ kind: 'api', roles: ['careers_leader', 'data_protection_lead'], schoolId: northfield.id, trustId }),
};

interface Part {
  source: string;
  sections: { title: string; rows: Record<string, unknown>[] }[];
}
const PART = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id encountersSubjectAccess } } }';
const OTHERS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id participations { id } ownActivities { id }
  interests consideringHigherEducation upcomingEncounters { id } guidanceMeetings { id } } } }`;
const PROGRESS = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id benchmarkProgress { asOf } } } }';
const rep = (id: string) => ({ r: [{ __typename: 'Pupil', id }] });

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h?.close());

const part = (who: Principal, id: string) => h.client.query<{ _entities: ({ encountersSubjectAccess: Part | null } | null)[] }>(who, PART, rep(id));

/** The subject-access exports the school's log (in the pupils subgraph) shows by this person. */
async function exportsLogged(who: Principal, schoolLeader = leaderNorth): Promise<string[]> {
  const res = await h.pupils.query<{ auditEvents: { edges: { node: { fields: string[]; pupilId: string } }[] } }>(
    schoolLeader,
    'query ($by: String!) { auditEvents(first: 100, filter: { action: EXPORT, actorAccountId: $by }) { edges { node { fields pupilId } } } }',
    { by: who.accountId },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.auditEvents.edges.filter(({ node }) => node.fields.includes('subjectAccess')).map(({ node }) => node.pupilId);
}

describe('Pupil.encountersSubjectAccess: the attacks', () => {
  it("refuses another school's lead, a pupil, a parent, a volunteer, a trust analyst and an API key", async () => {
    for (const [name, who] of Object.entries(attackers)) {
      const res = await part(who, north.id);
      // Refused at the entity (null) or at the field (FORBIDDEN): no rows either way, and nothing logged.
      expect(res.data?._entities?.[0]?.encountersSubjectAccess ?? null, name).toBeNull();
      if (res.data?._entities?.[0]) expect(res.errors?.[0].extensions?.code, name).toBe('FORBIDDEN');
      expect(await exportsLogged(who), name).toEqual([]);
    }
  });

  it('refuses a lead asking about a pupil at another school', async () => {
    const res = await part(dplNorth, south.id);
    expect(res.data?._entities?.[0]?.encountersSubjectAccess ?? null).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("gives a lead none of the pupil's other fields here", async () => {
    const res = await h.client.query<{ _entities: Record<string, unknown>[] }>(dplNorth, OTHERS, rep(north.id));
    const { id, ...fields } = res.data!._entities[0];
    expect(id).toBe(north.id);
    for (const [name, value] of Object.entries(fields)) expect(value === null || (Array.isArray(value) && value.length === 0), name).toBe(true);
    const progress = await h.client.query(dplNorth, PROGRESS, rep(north.id));
    expect(progress.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe("Pupil.encountersSubjectAccess for the lead of the pupil's school", () => {
  it("gives the same part as the careers leader's, recorded in the school's log", async () => {
    const lead = await part(dplNorth, north.id);
    expect(lead.errors).toBeUndefined();
    const leader = await part(leaderNorth, north.id);
    const rows = lead.data!._entities[0]!.encountersSubjectAccess!.sections[0].rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBe(data.participations.filter((p) => p.pupilId === north.id).length);
    expect(lead.data!._entities[0]!.encountersSubjectAccess).toEqual(leader.data!._entities[0]!.encountersSubjectAccess);
    expect(await exportsLogged(dplNorth)).toEqual([north.id]);
  });
});
