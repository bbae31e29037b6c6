import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal, type SubgraphTestClient } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { academicYearOfDay, todayInEngland } from '@waymark/domain';
import { startHarness, type Harness } from '../../../test/harness.js';

/*
 * yearGroupSectorCoverage, asking the real (seeded) pupils subgraph for the cohort: refusals first,
 * then what the caller's own school gets (and only that school).
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;
const [sam] = data.volunteers;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const staffSouth = makePrincipal({ roles: ['staff'], schoolId: southbank.id, trustId: data.trust.id });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId: data.trust.id });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: maya.id });
const parent = makePrincipal({ roles: ['parent'], trustId: data.trust.id, schoolId: northfield.id, childPupilIds: [maya.id] });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const strayLeader = makePrincipal({ roles: ['careers_leader'], schoolId: randomUUID(), trustId: randomUUID() });

const COVERAGE = `{ yearGroupSectorCoverage { yearGroup pupils employerIds volunteerIds interests { sector pupils } } }`;
type Coverage = { yearGroup: number; pupils: number; employerIds: string[]; volunteerIds: string[]; interests: { sector: string; pupils: number }[] };

let harness: Harness;
let client: SubgraphTestClient;

beforeAll(async () => {
  harness = await startHarness();
  client = harness.client;
});

afterAll(async () => {
  await harness?.close();
});

async function coverage(who: ReturnType<typeof makePrincipal>): Promise<Coverage[]> {
  const res = await client.query<{ yearGroupSectorCoverage: Coverage[] }>(who, COVERAGE);
  expect(res.errors).toBeUndefined();
  return res.data!.yearGroupSectorCoverage;
}

describe('yearGroupSectorCoverage', () => {
  it('refuses advisers, pupils, parents, volunteers and trust analysts', async () => {
    for (const who of [adviserNorth, pupil, parent, volunteer, analyst]) {
      const res = await client.query(who, COVERAGE);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.yearGroupSectorCoverage ?? null).toBeNull();
    }
  });

  it("gives a leader of another school nothing of Northfield's", async () => {
    const rows = await coverage(strayLeader);
    expect(rows.every((r) => r.pupils === 0 && r.employerIds.length === 0 && r.volunteerIds.length === 0 && r.interests.length === 0)).toBe(true);
  });

  it("answers the leader's own school: pupils per year group and who delivered its encounters this year", async () => {
    const rows = await coverage(leaderNorth);
    expect(rows.map((r) => r.yearGroup)).toEqual([7, 8, 9, 10, 11, 12, 13]);
    const onRoll = data.pupils.filter((p) => p.schoolId === northfield.id && !p.leftOn && p.yearGroup !== null);
    for (const row of rows) expect(row.pupils).toBe(onRoll.filter((p) => p.yearGroup === row.yearGroup).length);
    const year = academicYearOfDay(todayInEngland());
    const thisYear = data.encounters.filter((e) => e.schoolId === northfield.id && academicYearOfDay(e.date.slice(0, 10)) === year && e.employerIds.length > 0);
    const expected = [...new Set(thisYear.filter((e) => e.yearGroups.includes(10)).flatMap((e) => e.employerIds))].sort();
    expect(rows.find((r) => r.yearGroup === 10)!.employerIds).toEqual(expected);
    // Volunteers who delivered only at Southbank never show on Northfield's rows.
    const northVolunteers = new Set(rows.flatMap((r) => r.volunteerIds));
    const southOnly = data.volunteers.filter((v) => !v.schoolIds.includes(northfield.id) && v.schoolIds.includes(southbank.id));
    for (const v of southOnly) expect(northVolunteers.has(v.id)).toBe(false);
  });

  it("counts pupils' interests by sector for their own year group, and only for their own school's staff", async () => {
    const set = await client.query(pupil, 'mutation { setInterests(hashtags: ["engineering", "nursing", "unicorns"]) { error { code } } }');
    expect(set.errors).toBeUndefined();
    const year10 = (await coverage(leaderNorth)).find((r) => r.yearGroup === maya.yearGroup)!;
    expect(year10.interests).toEqual(
      expect.arrayContaining([
        { sector: 'C', pupils: expect.any(Number) },
        { sector: 'Q', pupils: expect.any(Number) },
      ]),
    );
    const before = year10.interests.find((i) => i.sector === 'F')!.pupils;
    await client.query(pupil, 'mutation { setInterests(hashtags: ["nursing"]) { error { code } } }');
    const after = (await coverage(leaderNorth)).find((r) => r.yearGroup === maya.yearGroup)!;
    expect(after.interests.find((i) => i.sector === 'F')?.pupils ?? 0).toBe(before - 1);
    // Southbank's staff get Southbank's pupils: Maya is not among them.
    const south = await coverage(staffSouth);
    const southPupils = data.pupils.filter((p) => p.schoolId === southbank.id && !p.leftOn && p.yearGroup === maya.yearGroup).length;
    expect(south.find((r) => r.yearGroup === maya.yearGroup)!.pupils).toBe(southPupils);
  });
});
