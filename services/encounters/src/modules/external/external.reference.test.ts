import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal, type SubgraphTestClient } from '@waymark/subgraph-kit/testing';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { countStatements, startHarness, type Harness } from '../../../test/harness.js';
import { fixtureFromDemo } from '@waymark/subgraph-kit/testing';

// The seeds use today's demo data; so do the expectations.
const data = demoData();
const [northfield, southbank] = data.schools;
const [sam, jordan, ruth, marek] = data.volunteers;
const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;
const otherNorthPupil = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 11)!;
const southPupil = data.pupils.find((p) => p.schoolId === southbank.id && p.yearGroup === 10)!;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: maya.id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });
const alumni = makePrincipal({ roles: ['alumni'], volunteerId: jordan.id, employerId: jordan.employerId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id });
const analystWithPupils = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const otherTrustAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID(), pupilLevelAccess: true });
// Northfield lets parents read their children's records; Southbank does not.
const mayasParent = makePrincipal({ roles: ['parent'], childPupilIds: [maya.id, southPupil.id] });

const participationsOf = (pupilId: string) => data.participations.filter((p) => p.pupilId === pupilId);
const engagementsOf = (volunteerId: string, schoolId?: string) =>
  data.encounters.filter((e) => e.volunteerIds.includes(volunteerId) && (!schoolId || e.schoolId === schoolId));
const encountersAt = (schoolId: string) => data.encounters.filter((e) => e.schoolId === schoolId).length;

let harness: Harness;
/** Asks the real pupils subgraph (registers, the pupil themself, volunteers: no recordAccess needed). */
let client: SubgraphTestClient;
/** Asks the pupils subgraph's contract stand-in for `recordAccess` (staff, analysts, parents). */
let standInClient: SubgraphTestClient;

beforeAll(async () => {
  harness = await startHarness(fixtureFromDemo(data, { parentAccessSchoolIds: [northfield.id] }));
  ({ client, standInClient } = harness);
});

afterAll(async () => {
  await harness?.close();
});

async function entities<T>(who: Principal, typename: string, selection: string, ids: string[], via: SubgraphTestClient = client): Promise<(T | null)[]> {
  const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id ${selection} } } }`;
  const res = await via.query<{ _entities: (T | null)[] }>(who, query, { r: ids.map((id) => ({ __typename: typename, id })) });
  expect(res.errors).toBeUndefined();
  return res.data!._entities;
}

type PupilStub = { id: string; participations: { id: string; attended: boolean; pupil: { id: string }; encounter: { id: string; title: string } | null }[] };
const PARTICIPATIONS = 'participations { id attended pupil { id } encounter { id title } }';

describe('Pupil.participations', () => {
  const asked = () => harness.standIn.requests.length;

  it("gives staff of the pupil's school their rows, with the encounter and pupil of each, asking the pupils subgraph once", async () => {
    const before = asked();
    const [own, other] = await entities<PupilStub>(leaderNorth, 'Pupil', PARTICIPATIONS, [maya.id, southPupil.id], standInClient);
    expect(asked() - before).toBe(1);
    expect(harness.standIn.requests.at(-1)).toMatchObject({ principal: { accountId: leaderNorth.accountId }, pupilIds: [maya.id, southPupil.id] });
    const expected = participationsOf(maya.id);
    expect(own!.participations.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
    expect(own!.participations.every((p) => p.pupil.id === maya.id && p.encounter !== null)).toBe(true);
    // Newest encounter first.
    const dates = own!.participations.map((p) => Date.parse(data.encounters.find((e) => e.id === p.encounter!.id)!.date));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(other!.participations).toEqual([]);
  });

  it('gives staff of another school none of them (the pupils subgraph gives them no access)', async () => {
    const [north] = await entities<PupilStub>(leaderSouth, 'Pupil', PARTICIPATIONS, [maya.id], standInClient);
    expect(north!.participations).toEqual([]);
  });

  it("gives a pupil their own rows and nobody else's, without asking the pupils subgraph", async () => {
    for (const via of [client, standInClient]) {
      const before = asked();
      const [own, other] = await entities<PupilStub>(pupil, 'Pupil', PARTICIPATIONS, [maya.id, otherNorthPupil.id], via);
      expect(asked()).toBe(before);
      expect(own!.participations.length).toBe(participationsOf(maya.id).length);
      expect(own!.participations.every((p) => p.encounter !== null)).toBe(true);
      expect(other).toBeNull();
    }
  });

  it("gives analysts their trust's pupils' rows only with pupil-level access", async () => {
    const [granted] = await entities<PupilStub>(analystWithPupils, 'Pupil', PARTICIPATIONS, [maya.id], standInClient);
    expect(granted!.participations.length).toBe(participationsOf(maya.id).length);
    expect(granted!.participations.every((p) => p.encounter !== null)).toBe(true);
    const before = asked();
    expect(await entities<PupilStub>(analyst, 'Pupil', PARTICIPATIONS, [maya.id], standInClient)).toEqual([null]);
    expect(asked()).toBe(before);
    const [otherTrust] = await entities<PupilStub>(otherTrustAnalyst, 'Pupil', PARTICIPATIONS, [maya.id], standInClient);
    expect(otherTrust!.participations).toEqual([]);
  });

  it("gives a parent their linked child's rows where the school allows it, and nobody else's", async () => {
    const [child, otherChild, stranger] = await entities<PupilStub>(
      mayasParent,
      'Pupil',
      PARTICIPATIONS,
      [maya.id, southPupil.id, otherNorthPupil.id],
      standInClient,
    );
    expect(child!.participations.map((p) => p.id).sort()).toEqual(
      participationsOf(maya.id)
        .map((p) => p.id)
        .sort(),
    );
    // Parents read no encounters of their own, but those of their child's rows come with them.
    expect(child!.participations.every((p) => p.encounter !== null && p.encounter.title.length > 0)).toBe(true);
    // Linked, but Southbank does not let parents in: the pupils subgraph answers null.
    expect(otherChild!.participations).toEqual([]);
    // Not their child: not even the stub.
    expect(stranger).toBeNull();
    expect(harness.standIn.requests.at(-1)!.pupilIds).toEqual([maya.id, southPupil.id]);
  });

  it('gives volunteers and alumni nothing, not even for pupils on their encounters', async () => {
    for (const who of [volunteer, alumni]) {
      expect(await entities<PupilStub>(who, 'Pupil', PARTICIPATIONS, [maya.id], standInClient)).toEqual([null]);
    }
  });

  it('answers 1,000 pupil representations with one SQL statement and one request to the pupils subgraph', async () => {
    const ids = [...data.pupils.map((p) => p.id)];
    while (ids.length < 1000) ids.push(randomUUID());
    const before = asked();
    const { result, statements } = await countStatements(harness.orm, () =>
      entities<{ id: string; participations: { id: string; attended: boolean; encounter: { title: string } }[] }>(
        leaderNorth,
        'Pupil',
        'participations { id attended encounter { title } }',
        ids,
        standInClient,
      ),
    );
    expect(statements).toHaveLength(1);
    expect(asked() - before).toBe(1);
    expect(harness.standIn.requests.at(-1)!.pupilIds).toHaveLength(1000);
    expect(result).toHaveLength(1000);
    const northRows = data.participations.filter((p) => p.schoolId === northfield.id).length;
    expect(result.reduce((sum, pupil) => sum + pupil!.participations.length, 0)).toBe(northRows);
  });

  it("never sent the stand-in anything but the contract's recordAccess request", () => {
    expect(harness.standIn.refused).toEqual([]);
  });
});

type VolunteerStub = { id: string; engagements: { id: string; title: string }[] };

describe('Volunteer.engagements', () => {
  it('gives the volunteer all of their own, at every school', async () => {
    const [own, other] = await entities<VolunteerStub>(volunteer, 'Volunteer', 'engagements { id title }', [sam.id, ruth.id]);
    expect(own!.engagements.map((e) => e.id).sort()).toEqual(
      engagementsOf(sam.id)
        .map((e) => e.id)
        .sort(),
    );
    expect(new Set(engagementsOf(sam.id).map((e) => e.schoolId)).size).toBe(2);
    expect(other).toBeNull();
    const [alumnus] = await entities<VolunteerStub>(alumni, 'Volunteer', 'engagements { id }', [jordan.id]);
    expect(alumnus!.engagements.map((e) => e.id).sort()).toEqual(
      engagementsOf(jordan.id)
        .map((e) => e.id)
        .sort(),
    );
  });

  it("tells the volunteer how many pupils attended each of their engagements (a count only), as the school's register says", async () => {
    const [own] = await entities<{ id: string; engagements: { id: string; attendedCount: number; invitedCount: number }[] }>(
      volunteer,
      'Volunteer',
      'engagements { id attendedCount invitedCount }',
      [sam.id],
    );
    const expected = engagementsOf(sam.id).map((e) => {
      const register = data.participations.filter((p) => p.encounterId === e.id);
      return { id: e.id, attendedCount: register.filter((p) => p.attended).length, invitedCount: register.length };
    });
    expect(expected.some((e) => e.attendedCount > 0)).toBe(true);
    expect([...own!.engagements].sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected.sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('gives staff those at their own school', async () => {
    const [samNorth, marekNorth] = await entities<VolunteerStub>(leaderNorth, 'Volunteer', 'engagements { id }', [sam.id, marek.id]);
    expect(samNorth!.engagements.map((e) => e.id).sort()).toEqual(
      engagementsOf(sam.id, northfield.id)
        .map((e) => e.id)
        .sort(),
    );
    expect(marekNorth!.engagements).toEqual([]);
    const [jordanSouth] = await entities<VolunteerStub>(leaderSouth, 'Volunteer', 'engagements { id }', [jordan.id]);
    expect(jordanSouth!.engagements).toEqual([]);
  });

  it('gives pupils and analysts nothing', async () => {
    for (const who of [pupil, analyst]) {
      expect(await entities<VolunteerStub>(who, 'Volunteer', 'engagements { id }', [sam.id])).toEqual([null]);
    }
  });
});

type SchoolStub = { id: string; encounterCount: number | null };

describe('School.encounterCount', () => {
  it('counts for staff of that school only', async () => {
    expect(await entities<SchoolStub>(leaderNorth, 'School', 'encounterCount', [northfield.id, southbank.id])).toEqual([
      { id: northfield.id, encounterCount: encountersAt(northfield.id) },
      null,
    ]);
  });

  it("counts for analysts of the school's trust only", async () => {
    expect(await entities<SchoolStub>(analyst, 'School', 'encounterCount', [northfield.id, southbank.id])).toEqual([
      { id: northfield.id, encounterCount: encountersAt(northfield.id) },
      { id: southbank.id, encounterCount: encountersAt(southbank.id) },
    ]);
    const [other] = await entities<SchoolStub>(otherTrustAnalyst, 'School', 'encounterCount', [northfield.id]);
    expect(other!.encounterCount).toBeNull();
  });

  it('is nothing for pupils, volunteers and alumni', async () => {
    for (const who of [pupil, volunteer, alumni]) {
      expect(await entities<SchoolStub>(who, 'School', 'encounterCount', [northfield.id])).toEqual([null]);
    }
  });

  it("is answered on an encounter's school too, as far as the caller may count", async () => {
    const res = await client.query<{ encounters: { edges: { node: { school: SchoolStub } }[] } }>(
      leaderNorth,
      '{ encounters(first: 3) { edges { node { school { id encounterCount } } } } }',
    );
    expect(res.data!.encounters.edges.map((e) => e.node.school.encounterCount)).toEqual([1, 2, 3].map(() => encountersAt(northfield.id)));
  });
});
