import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { addDays, requestFitsVolunteer, todayInEngland, type SicSection, type VolunteerActivity } from '@waymark/domain';
import { createApp, employersService } from '../../app.js';
import { Volunteer, VolunteerKind } from '../volunteer/volunteer.entity.js';
import { VolunteerOffer, VolunteerRequest, VolunteerRequestStatus } from './request.entity.js';

/*
 * Matching both ways on a real database: a volunteer's open requests (openVolunteerRequests) and a
 * request's suggested volunteers (suggestedVolunteers) follow @waymark/domain's requestFitsVolunteer,
 * and only careers leaders and staff of the request's school may ask who could help.
 */
const data = demoData();
const [northfield] = data.schools;
const acme = data.employers[0];
// A school of the test's own, far from the demo's (postcode area ZE), so the demo's volunteers stay out of its in-person lists.
const school = randomUUID();
const otherSchool = randomUUID();
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: school });
const staff = makePrincipal({ roles: ['staff'], schoolId: school });
const adviser = makePrincipal({ roles: ['careers_adviser'], schoolId: school });
const otherLeader = makePrincipal({ roles: ['careers_leader'], schoolId: otherSchool });
const northLeader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: school, pupilId: randomUUID() });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });

const today = todayInEngland();
const SUGGESTED = `query ($requestId: ID!, $first: Int) {
  suggestedVolunteers(requestId: $requestId, first: $first) {
    total volunteers { id displayName jobTitle employerName alumnus leftSchoolYear worksWithSchool sectorsInCommon }
  }
}`;
type Suggested = {
  total: number;
  volunteers: {
    id: string;
    displayName: string;
    jobTitle: string;
    employerName: string | null;
    alumnus: boolean;
    leftSchoolYear: number | null;
    worksWithSchool: boolean;
    sectorsInCommon: string[];
  }[];
};

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(employersService, ({ env, orm }) => createApp({ env: { ...env, encountersUrl: 'http://127.0.0.1:9/graphql' }, orm }));
});

afterAll(() => subgraph?.close());

type Profile = Partial<Pick<Volunteer, 'kind' | 'activities' | 'sectors' | 'homePostcode' | 'reach' | 'reachDistricts' | 'alumniOfSchoolId' | 'schoolIds'>> & {
  name: string;
};
async function volunteer(profile: Profile): Promise<string> {
  const em = subgraph.orm.em.fork();
  const id = randomUUID();
  em.create(Volunteer, {
    id,
    employerId: profile.kind === VolunteerKind.ALUMNI ? null : acme.id,
    kind: profile.kind ?? VolunteerKind.EMPLOYEE,
    firstName: profile.name,
    lastName: 'Tester',
    jobTitle: 'Engineer',
    email: `${id}@example.org`,
    alumniOfSchoolId: profile.alumniOfSchoolId ?? null,
    leftSchoolYear: profile.alumniOfSchoolId ? 2015 : null,
    schoolIds: profile.schoolIds ?? [],
    activities: profile.activities ?? ['ENTERPRISE_CHALLENGE'],
    sectors: profile.sectors ?? ['C'],
    homePostcode: profile.homePostcode ?? 'ZE1 0AA',
    reach: profile.reach ?? 'RADIUS',
    reachDistricts: profile.reachDistricts ?? [],
  });
  await em.flush();
  return id;
}

type RequestValues = Partial<Pick<VolunteerRequest, 'activity' | 'sectors' | 'virtual' | 'postcode' | 'district' | 'status' | 'dateTo'>>;
async function request(values: RequestValues = {}, schoolId = school): Promise<string> {
  const em = subgraph.orm.em.fork();
  const id = randomUUID();
  const virtual = values.virtual ?? false;
  em.create(VolunteerRequest, {
    id,
    schoolId,
    trustId: null,
    activity: values.activity ?? 'ENTERPRISE_CHALLENGE',
    dateFrom: today,
    dateTo: values.dateTo ?? addDays(today, 30),
    yearGroups: [10],
    volunteersWanted: 3,
    sectors: values.sectors ?? [],
    virtual,
    postcode: virtual ? null : (values.postcode ?? 'ZE1 0QR'),
    district: virtual ? null : (values.district ?? 'ZE1'),
    details: '',
    status: values.status ?? VolunteerRequestStatus.OPEN,
    createdById: 'test',
  });
  await em.flush();
  return id;
}

async function suggested(who: typeof leader, requestId: string, first?: number) {
  const res = await subgraph.client.query<{ suggestedVolunteers: Suggested | null }>(who, SUGGESTED, { requestId, first });
  return res;
}
async function suggestedIds(requestId: string, who = leader): Promise<string[]> {
  const res = await suggested(who, requestId, 50);
  expect(res.errors).toBeUndefined();
  return res.data!.suggestedVolunteers!.volunteers.map((v) => v.id);
}
async function openFor(volunteerId: string): Promise<string[]> {
  const who = makePrincipal({ roles: ['employer_volunteer'], volunteerId });
  const res = await subgraph.client.query<{ openVolunteerRequests: { id: string }[] }>(who, '{ openVolunteerRequests { id } }');
  expect(res.errors).toBeUndefined();
  return res.data!.openVolunteerRequests.map((r) => r.id);
}

describe('who may ask which volunteers could help', () => {
  it("refuses volunteers, pupils, analysts and advisers, and answers null to another school's leader", async () => {
    const asked = await request();
    const helper = await volunteer({ name: 'Helper' });
    const volunteerCaller = makePrincipal({ roles: ['employer_volunteer'], volunteerId: helper });
    const alumniCaller = makePrincipal({ roles: ['alumni'], volunteerId: helper });
    for (const who of [volunteerCaller, alumniCaller, pupil, analyst, adviser]) {
      const res = await suggested(who, asked);
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
      expect(res.data?.suggestedVolunteers ?? null).toBeNull();
    }
    for (const who of [otherLeader, northLeader]) {
      const res = await suggested(who, asked);
      expect(res.errors).toBeUndefined();
      expect(res.data!.suggestedVolunteers).toBeNull();
    }
    // The school's own leader and staff are answered.
    expect(await suggestedIds(asked)).toContain(helper);
    expect(await suggestedIds(asked, staff)).toContain(helper);
    // An id that is no request, or not an id at all: null too.
    expect((await suggested(leader, randomUUID())).data!.suggestedVolunteers).toBeNull();
    expect((await suggested(leader, 'not-an-id')).data!.suggestedVolunteers).toBeNull();
  });

  it('shows a leader what the offers list shows of a volunteer, and no contact details or home', async () => {
    const types = await employersService.buildSchema();
    const fields = Object.keys((types.getType('SuggestedVolunteer') as unknown as { getFields: () => Record<string, unknown> }).getFields());
    expect(fields.sort()).toEqual(['alumnus', 'displayName', 'employerName', 'id', 'jobTitle', 'leftSchoolYear', 'sectorsInCommon', 'worksWithSchool']);
  });
});

describe('which volunteers could help with a request', () => {
  it('applies the activity, sector and reach rules, in person and online, and leaves out who has offered', async () => {
    const engineering = await request({ sectors: ['C', 'F'] });
    const online = await request({ virtual: true, sectors: ['C'] });
    const fits = await volunteer({ name: 'Fits', sectors: ['F'] });
    const byDistrict = await volunteer({ name: 'ByDistrict', reach: 'DISTRICTS', reachDistricts: ['ZE1'], homePostcode: 'LS6 2AB' });
    const otherDistrict = await volunteer({ name: 'OtherDistrict', reach: 'DISTRICTS', reachDistricts: ['ZE2'] });
    const farAway = await volunteer({ name: 'FarAway', homePostcode: 'LS6 2AB' });
    const onlineOnly = await volunteer({ name: 'OnlineOnly', reach: 'VIRTUAL_ONLY' });
    const wrongActivity = await volunteer({ name: 'WrongActivity', activities: ['TALK'] });
    const wrongSector = await volunteer({ name: 'WrongSector', sectors: ['Q'] });
    const offered = await volunteer({ name: 'Offered' });
    const em = subgraph.orm.em.fork();
    em.create(VolunteerOffer, {
      id: randomUUID(),
      request: em.getReference(VolunteerRequest, engineering),
      volunteerId: offered,
      schoolId: school,
      message: 'Hi',
    });
    await em.flush();

    const inPerson = await suggestedIds(engineering);
    expect(inPerson).toEqual(expect.arrayContaining([fits, byDistrict]));
    for (const out of [otherDistrict, farAway, onlineOnly, wrongActivity, wrongSector, offered]) expect(inPerson).not.toContain(out);

    const virtual = await suggestedIds(online);
    expect(virtual).toEqual(expect.arrayContaining([byDistrict, otherDistrict, farAway, onlineOnly, offered]));
    // Online: reach no longer matters, the activity and sectors still do ('Fits' works in F, not C).
    for (const out of [fits, wrongActivity, wrongSector]) expect(virtual).not.toContain(out);
  });

  it("puts the school's own alumni first, then most sectors in common, then those who work with the school; counts them all", async () => {
    const asked = await request({ sectors: ['C', 'F'], activity: 'CV_WORKSHOP' });
    const one = await volunteer({ name: 'Aaron', activities: ['CV_WORKSHOP'], sectors: ['C'] });
    const two = await volunteer({ name: 'Beth', activities: ['CV_WORKSHOP'], sectors: ['C', 'F', 'Q'] });
    const known = await volunteer({ name: 'Cara', activities: ['CV_WORKSHOP'], sectors: ['F'], schoolIds: [school] });
    const alumnus = await volunteer({ name: 'Dev', kind: VolunteerKind.ALUMNI, activities: ['CV_WORKSHOP'], sectors: ['F'], alumniOfSchoolId: school });
    const otherAlumnus = await volunteer({
      name: 'Eve',
      kind: VolunteerKind.ALUMNI,
      activities: ['CV_WORKSHOP'],
      sectors: ['F'],
      alumniOfSchoolId: otherSchool,
    });
    const res = await suggested(leader, asked, 50);
    const answer = res.data!.suggestedVolunteers!;
    expect(answer.volunteers.map((v) => v.id)).toEqual([alumnus, two, known, one, otherAlumnus]);
    expect(answer.total).toBe(5);
    expect(answer.volunteers[0]).toMatchObject({ displayName: 'Dev Tester', alumnus: true, leftSchoolYear: 2015, employerName: null, sectorsInCommon: ['F'] });
    expect(answer.volunteers[1]).toMatchObject({ alumnus: false, leftSchoolYear: null, employerName: acme.name, sectorsInCommon: ['C', 'F'] });
    expect(answer.volunteers[2]).toMatchObject({ worksWithSchool: true });
    expect(answer.volunteers[4]).toMatchObject({ alumnus: false, leftSchoolYear: null });

    const firstTwo = (await suggested(leader, asked, 2)).data!.suggestedVolunteers!;
    expect(firstTwo.volunteers.map((v) => v.id)).toEqual([alumnus, two]);
    expect(firstTwo.total).toBe(5);
  });

  it('suggests nobody for a request that is confirmed or whose dates have passed', async () => {
    const confirmed = await request({ status: VolunteerRequestStatus.CONFIRMED });
    const lapsed = await request({ dateTo: addDays(today, -1) });
    await volunteer({ name: 'Ready' });
    for (const id of [confirmed, lapsed]) {
      const res = await suggested(leader, id);
      expect(res.data!.suggestedVolunteers).toEqual({ total: 0, volunteers: [] });
    }
  });
});

describe('both directions follow the domain rule', () => {
  it("lists exactly the pairs requestFitsVolunteer accepts, from the volunteer's side and the request's", async () => {
    const activity: VolunteerActivity = 'WORK_SHADOWING';
    const requests: { id: string; values: { activity: VolunteerActivity; sectors: SicSection[]; virtual: boolean; postcode: string | null } }[] = [];
    for (const [virtual, postcode, district] of [
      [false, 'ZE2 1AA', 'ZE2'],
      [false, 'HS1 2AB', 'HS1'],
      [true, null, null],
    ] as const) {
      for (const sectors of [[], ['C'], ['Q', 'F']] as SicSection[][]) {
        for (const kind of [activity, 'MENTORING'] as VolunteerActivity[]) {
          const values = { activity: kind, sectors, virtual, postcode };
          requests.push({ id: await request({ ...values, district }), values });
        }
      }
    }
    const volunteers: { id: string; profile: Parameters<typeof requestFitsVolunteer>[1] }[] = [];
    for (const [reach, districts, homePostcode] of [
      ['DISTRICTS', ['ZE2'], 'HS1 1AA'],
      ['DISTRICTS', ['HS2', 'HS1'], 'ZE1 1AA'],
      ['RADIUS', [], 'ZE3 9ZZ'],
      ['RADIUS', [], 'HS9 1AA'],
      ['VIRTUAL_ONLY', [], 'ZE2 1AA'],
    ] as const) {
      for (const sectors of [['C'], ['F', 'R'], []]) {
        const profile = { activities: [activity], sectors, homePostcode, reach, districts };
        volunteers.push({ id: await volunteer({ name: 'Grid', ...profile, reachDistricts: [...districts], activities: [activity] }), profile });
      }
    }
    for (const v of volunteers) {
      const listed = new Set(await openFor(v.id));
      for (const r of requests)
        expect(listed.has(r.id), `${JSON.stringify(v.profile)} ${JSON.stringify(r.values)}`).toBe(requestFitsVolunteer(r.values, v.profile));
    }
    for (const r of requests) {
      const listed = new Set(await suggestedIds(r.id));
      for (const v of volunteers)
        expect(listed.has(v.id), `${JSON.stringify(r.values)} ${JSON.stringify(v.profile)}`).toBe(requestFitsVolunteer(r.values, v.profile));
    }
  });
});
