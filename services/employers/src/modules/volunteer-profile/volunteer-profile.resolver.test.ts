import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SubgraphTestClient, makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { createApp, employersService } from '../../app.js';
import { Volunteer } from '../volunteer/volunteer.entity.js';

const data = demoData();
const [northfield, southbank] = data.schools;
const [sam, jordan] = data.volunteers;
const employee = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });
const alumni = makePrincipal({ roles: ['alumni'], volunteerId: jordan.id, employerId: jordan.employerId });
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const pupilNorth = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: data.pupils[0].id });

let client: SubgraphTestClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(employersService, createApp);
  client = subgraph.client;
});

afterAll(() => subgraph?.close());

const UPDATE = `mutation ($input: UpdateMyVolunteerProfileInput!) {
  updateMyVolunteerProfile(input: $input) {
    volunteer { id activitiesOffered sectors homePostcode availability reach { kind districts radiusMiles } roleModel { jobTitle route characteristics } }
    error { code message fields { field message } }
  }
}`;
const PROFILE = '{ myVolunteerProfile { activitiesOffered sectors homePostcode availability reach { kind districts radiusMiles } roleModel { jobTitle } } }';

type Answer = {
  updateMyVolunteerProfile: {
    volunteer: { activitiesOffered: string[]; sectors: string[]; homePostcode: string | null; reach: { kind: string; districts: string[] } | null } | null;
    error: { code: string; fields: { field: string; message: string }[] } | null;
  };
};

const complete = {
  activities: ['TALK', 'MOCK_INTERVIEW'],
  sectors: ['C', 'F'],
  homePostcode: 'ls11 5aa',
  reach: 'DISTRICTS',
  districts: ['ls6', 'LS11'],
  availability: 'Tuesday afternoons in term time',
  roleModel: {
    jobTitle: 'Mechanical engineer',
    route: 'BTEC, then an apprenticeship',
    characteristics: 'First in my family to work in engineering',
    consent: true,
  },
};

describe('updateMyVolunteerProfile', () => {
  it('saves the whole profile for the volunteer themself, with the postcode and districts written the usual way', async () => {
    const res = await client.query<Answer>(employee, UPDATE, { input: complete });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateMyVolunteerProfile.error).toBeNull();
    expect(res.data!.updateMyVolunteerProfile.volunteer).toEqual({
      id: sam.id,
      activitiesOffered: ['TALK', 'MOCK_INTERVIEW'],
      sectors: ['C', 'F'],
      homePostcode: 'LS11 5AA',
      availability: 'Tuesday afternoons in term time',
      reach: { kind: 'DISTRICTS', districts: ['LS6', 'LS11'], radiusMiles: null },
      roleModel: { jobTitle: 'Mechanical engineer', route: 'BTEC, then an apprenticeship', characteristics: 'First in my family to work in engineering' },
    });
    const again = await client.query<{ myVolunteerProfile: { homePostcode: string } }>(employee, PROFILE);
    expect(again.data!.myVolunteerProfile.homePostcode).toBe('LS11 5AA');
  });

  it('refuses a malformed postcode with a clear message and saves nothing', async () => {
    const res = await client.query<Answer>(employee, UPDATE, { input: { ...complete, homePostcode: 'LS11', activities: ['MENTORING'], roleModel: null } });
    expect(res.data!.updateMyVolunteerProfile.volunteer).toBeNull();
    expect(res.data!.updateMyVolunteerProfile.error).toMatchObject({
      code: 'VOLUNTEER_PROFILE_INVALID',
      fields: [{ field: 'homePostcode', message: 'Enter a UK postcode like LS11 5AA' }],
    });
    const row = await subgraph.orm.em.fork().findOneOrFail(Volunteer, { id: sam.id });
    expect(row.activities).toEqual(['TALK', 'MOCK_INTERVIEW']);
    expect(row.roleModelJob).toBe('Mechanical engineer');
  });

  it('keeps no role-model profile without consent, and lists every problem at once', async () => {
    const res = await client.query<Answer>(employee, UPDATE, {
      input: { ...complete, activities: [], reach: 'RADIUS', radiusMiles: 0, roleModel: { ...complete.roleModel, consent: false } },
    });
    expect(res.data!.updateMyVolunteerProfile.error!.fields.map((f) => f.field)).toEqual(['activities', 'radiusMiles', 'roleModel']);
  });

  it('lets an alumnus save a virtual-only profile, clearing districts', async () => {
    const res = await client.query<Answer>(alumni, UPDATE, { input: { ...complete, reach: 'VIRTUAL_ONLY', roleModel: null } });
    expect(res.data!.updateMyVolunteerProfile.volunteer!.reach).toEqual({ kind: 'VIRTUAL_ONLY', districts: [], radiusMiles: null });
  });

  it('refuses staff, pupils and a volunteer account without a profile', async () => {
    for (const who of [leaderNorth, pupilNorth]) {
      const res = await client.query(who, UPDATE, { input: complete });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const unlinked = makePrincipal({ roles: ['employer_volunteer'] });
    const res = await client.query(unlinked, UPDATE, { input: complete });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('who reads which part of the profile', () => {
  const VOLUNTEERS = '{ volunteers { id activitiesOffered homePostcode availability reach { kind } roleModel { jobTitle } } }';
  type Row = { id: string; activitiesOffered: string[]; homePostcode: string | null; availability: string | null; roleModel: { jobTitle: string } | null };

  it("gives staff of the volunteer's school what they offer and their reach, never their home postcode", async () => {
    await client.query<Answer>(employee, UPDATE, { input: complete });
    const res = await client.query<{ volunteers: Row[] }>(leaderNorth, VOLUNTEERS);
    const row = res.data!.volunteers.find((v) => v.id === sam.id)!;
    expect(row).toMatchObject({ activitiesOffered: ['TALK', 'MOCK_INTERVIEW'], homePostcode: null, availability: 'Tuesday afternoons in term time' });
    expect(row.roleModel).toEqual({ jobTitle: 'Mechanical engineer' });
  });

  it('gives pupils the consented role-model profile but not the reach or availability', async () => {
    const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Volunteer { id availability reach { kind } homePostcode roleModel { jobTitle } } } }`;
    const res = await client.query<{ _entities: ({ availability: string | null; reach: unknown; homePostcode: string | null; roleModel: unknown } | null)[] }>(
      pupilNorth,
      ENTITIES,
      { r: [{ __typename: 'Volunteer', id: sam.id }] },
    );
    expect(res.data!._entities[0]).toMatchObject({ availability: null, reach: null, homePostcode: null, roleModel: { jobTitle: 'Mechanical engineer' } });
    const south = await client.query<{ volunteers: Row[] }>(leaderSouth, '{ volunteers { id } }');
    expect(south.data!.volunteers.map((v) => v.id)).not.toContain(jordan.id);
  });
});
