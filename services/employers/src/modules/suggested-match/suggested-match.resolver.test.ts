import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SubgraphTestClient, makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { addDays, todayInEngland } from '@waymark/domain';
import { createApp, employersService } from '../../app.js';
import { Volunteer, VolunteerKind } from '../volunteer/volunteer.entity.js';

const data = demoData();
const [northfield, southbank] = data.schools;
const acme = data.employers.find((e) => e.name === 'Acme Engineering')!;
const [sam] = data.volunteers;
const trustId = data.trust.id;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: data.pupils[0].id });
const parent = makePrincipal({ roles: ['parent'], schoolId: northfield.id, trustId, childPupilIds: [data.pupils[0].id] });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });

/*
 * The encounters subgraph stands in as a small server with a fixed answer: Year 9 (100 pupils) had an
 * encounter with Acme Engineering (Manufacturing and Construction by its words), 12 of its pupils are
 * interested in health and 5 in manufacturing; Year 10 has no pupils. It counts who asked.
 */
let asked: string[] = [];
const COVERAGE = [
  {
    yearGroup: 9,
    pupils: 100,
    employerIds: [acme.id],
    volunteerIds: [],
    interests: [
      { sector: 'C', pupils: 5 },
      { sector: 'Q', pupils: 12 },
    ],
  },
  { yearGroup: 10, pupils: 0, employerIds: [], volunteerIds: [], interests: [] },
];
let encounters: Server;
let client: SubgraphTestClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  encounters = createServer((req, res) => {
    asked.push(String(req.headers['x-request-id'] ?? ''));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { yearGroupSectorCoverage: COVERAGE } }));
  });
  await new Promise<void>((resolve) => encounters.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(encounters.address() as AddressInfo).port}/graphql`;
  subgraph = await startTestSubgraph(employersService, ({ env, orm }) => createApp({ env: { ...env, encountersUrl: url }, orm }), { appRole: true });
  client = subgraph.client;
});

afterAll(async () => {
  await subgraph?.close();
  await new Promise((resolve) => encounters?.close(resolve));
});

beforeEach(() => {
  asked = [];
});

const QUERY = `{ suggestedMatches { postcode suggestions { yearGroup sector sectorName pupils interestedPupils volunteersInPerson volunteersOnline activity sentence } } }`;
type Match = {
  yearGroup: number;
  sector: string;
  interestedPupils: number;
  volunteersInPerson: number;
  volunteersOnline: number;
  activity: string;
  sentence: string;
};
type Answer = { postcode: string | null; suggestions: Match[] };

async function matches(who = leaderNorth): Promise<Answer> {
  const res = await client.query<{ suggestedMatches: Answer }>(who, QUERY);
  expect(res.errors).toBeUndefined();
  return res.data!.suggestedMatches;
}
const find = (answer: Answer, yearGroup: number, sector: string) => answer.suggestions.find((m) => m.yearGroup === yearGroup && m.sector === sector);

async function addVolunteer(profile: Partial<Volunteer>): Promise<void> {
  const em = subgraph.orm.em.fork();
  em.create(Volunteer, {
    id: randomUUID(),
    employerId: null,
    kind: VolunteerKind.EMPLOYEE,
    firstName: 'Test',
    lastName: 'Volunteer',
    jobTitle: 'Nurse',
    email: `${randomUUID()}@example.org`,
    alumniOfSchoolId: null,
    leftSchoolYear: null,
    schoolIds: [],
    activities: ['TALK'],
    sectors: ['Q'],
    homePostcode: 'LS11 5AA',
    reach: 'DISTRICTS',
    reachDistricts: ['LS6'],
    ...profile,
  });
  await em.flush();
}

describe('suggestedMatches: who may ask', () => {
  it('refuses advisers, pupils, parents, trust analysts and volunteers, without asking the encounters subgraph', async () => {
    for (const who of [adviserNorth, pupil, parent, analyst, volunteer]) {
      const res = await client.query(who, QUERY);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.suggestedMatches ?? null).toBeNull();
    }
    expect(asked).toEqual([]);
  });

  it('answers careers leaders and staff, asking the encounters subgraph once', async () => {
    await matches(staffNorth);
    expect(asked).toHaveLength(1);
  });
});

describe('suggestedMatches: need and supply', () => {
  it("judges reach against the school's own latest in-person request, not another school's", async () => {
    const posted = await client.query<{ postVolunteerRequest: { error: unknown } }>(
      leaderNorth,
      `mutation ($input: PostVolunteerRequestInput!) { postVolunteerRequest(input: $input) { error { code } } }`,
      {
        input: {
          activity: 'TALK',
          dateFrom: addDays(todayInEngland(), 7),
          dateTo: addDays(todayInEngland(), 30),
          yearGroups: [9],
          volunteersWanted: 1,
          virtual: false,
          postcode: 'LS6 2AB',
        },
      },
    );
    expect(posted.data!.postVolunteerRequest.error).toBeNull();
    expect((await matches()).postcode).toBe('LS6 2AB');
    // Southbank has posted only online requests: nobody counts in person for it.
    const south = await matches(leaderSouth);
    expect(south.postcode).toBeNull();
    expect(south.suggestions.every((m) => m.volunteersInPerson === 0 && m.activity === 'VIRTUAL_SESSION')).toBe(true);
  });

  it('counts volunteers in reach in person, and everyone in the sector online (virtual-only included)', async () => {
    const before = find(await matches(), 9, 'Q') ?? { volunteersInPerson: 0, volunteersOnline: 0 };
    await addVolunteer({}); // named LS6
    await addVolunteer({ reach: 'RADIUS', reachDistricts: [], radiusMiles: 10, homePostcode: 'LS17 9AA' }); // same area
    await addVolunteer({ reachDistricts: ['BD1'] }); // out of reach
    await addVolunteer({ reach: 'RADIUS', reachDistricts: [], radiusMiles: 10, homePostcode: 'BD4 8TE' }); // another area
    await addVolunteer({ reach: 'VIRTUAL_ONLY', reachDistricts: [] });
    await addVolunteer({ activities: [] }); // offers nothing: not counted
    const after = find(await matches(), 9, 'Q')!;
    expect(after.volunteersInPerson - before.volunteersInPerson).toBe(2);
    expect(after.volunteersOnline - before.volunteersOnline).toBe(5);
  });

  it('leaves out sectors an encounter covered and year groups without pupils, and puts the most interested first', async () => {
    await addVolunteer({ sectors: ['C', 'F', 'J'] });
    const answer = await matches();
    expect(find(answer, 9, 'C')).toBeUndefined();
    expect(find(answer, 9, 'F')).toBeUndefined();
    expect(find(answer, 9, 'J')).toBeDefined();
    expect(answer.suggestions.some((m) => m.yearGroup === 10)).toBe(false);
    expect(answer.suggestions[0]).toMatchObject({ yearGroup: 9, sector: 'Q', interestedPupils: 12, activity: 'TALK' });
    expect(answer.suggestions[0].sentence).toMatch(
      /^Year 9 has had no encounter in Health and social care this year\. 12 pupils are interested\. \d+ volunteers? in Health/,
    );
  });

  it('names nobody: no volunteer names, emails or home postcodes in the answer', async () => {
    const text = JSON.stringify(await matches());
    expect(text).not.toMatch(/Test|Volunteer|example\.org|LS11|LS17|BD4/);
  });
});
