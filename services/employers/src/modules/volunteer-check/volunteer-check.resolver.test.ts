import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SubgraphTestClient, makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { addDays, todayInEngland } from '@waymark/domain';
import { createApp, employersService } from '../../app.js';
import { DEMO_PLACEMENT_IDS, DEMO_REQUEST_IDS } from '../../seed.js';
import { Placement, PlacementApplication } from '../placement/placement.entity.js';
import { VolunteerCheck } from './volunteer-check.entity.js';

// Checks on volunteers are each school's own decision (docs/domain-rules.md, "Checks on volunteers";
// docs/security.md, "Checks on volunteers").
const data = demoData();
const [northfield, southbank] = data.schools;
// Sam works with both schools, Jordan with Northfield only, Marek with Southbank only.
const [sam, jordan, , marek] = data.volunteers;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id, displayName: 'Priya Shah' });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId: data.trust.id });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const staffSouth = makePrincipal({ roles: ['staff'], schoolId: southbank.id, trustId: data.trust.id });
const pupilNorth = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: data.pupils[0].id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const samSelf = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });
const jordanSelf = makePrincipal({ roles: ['alumni'], volunteerId: jordan.id, employerId: jordan.employerId });
const gateway = makePrincipal({ kind: 'system', roles: [] });

const UNREACHABLE = 'http://127.0.0.1:9/graphql';
let client: SubgraphTestClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(employersService, ({ env, orm }) => createApp({ env: { ...env, encountersUrl: UNREACHABLE }, orm }));
  client = subgraph.client;
});

afterAll(() => subgraph?.close());

const today = todayInEngland();
const ERROR = 'error { code message fields { field message } }';
const CHECK = 'id kind kindLabel doneOn expiresOn expired recordedBy recordedAt school { id }';
const RECORD = `mutation ($input: RecordVolunteerCheckInput!) { recordVolunteerCheck(input: $input) { check { ${CHECK} } ${ERROR} } }`;
const CHECKS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Volunteer { id checks { ${CHECK} } } } }`;

type Problem = { code: string; message: string; fields: { field: string; message: string }[] } | null;
type Check = {
  id: string;
  kind: string;
  kindLabel: string;
  doneOn: string;
  expiresOn: string;
  expired: boolean;
  recordedBy: string | null;
  school: { id: string };
};
type Who = typeof leaderNorth;

const identity = (volunteerId: string, changes: Record<string, unknown> = {}) => ({
  volunteerId,
  kind: 'IDENTITY',
  doneOn: addDays(today, -10),
  expiresOn: addDays(today, 365),
  ...changes,
});

async function record(who: Who, input: Record<string, unknown>) {
  return client.query<{ recordVolunteerCheck: { check: Check | null; error: Problem } | null }>(who, RECORD, { input });
}
async function checksOf(who: Who, volunteerId: string) {
  return client.query<{ _entities: ({ id: string; checks: Check[] | null } | null)[] }>(who, CHECKS, { r: [{ __typename: 'Volunteer', id: volunteerId }] });
}
const rows = () => subgraph.orm.em.fork().count(VolunteerCheck, {});

describe('another school never reads or records a school’s checks', () => {
  it('Southbank staff cannot record a check on a volunteer who works only with Northfield, and nothing is saved', async () => {
    const before = await rows();
    for (const who of [leaderSouth, staffSouth]) {
      const res = await record(who, identity(jordan.id));
      expect(res.errors).toBeUndefined();
      expect(res.data!.recordVolunteerCheck).toMatchObject({ check: null, error: { code: 'VOLUNTEER_NOT_FOUND' } });
    }
    expect(await rows()).toBe(before);
  });

  it("Southbank staff do not see Northfield's check on a volunteer both schools work with, nor who recorded it", async () => {
    const north = await record(leaderNorth, identity(sam.id));
    expect(north.data!.recordVolunteerCheck!.error).toBeNull();
    const checkId = north.data!.recordVolunteerCheck!.check!.id;
    for (const who of [leaderSouth, staffSouth]) {
      const res = await checksOf(who, sam.id);
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities[0]!.checks!.map((c) => c.id)).not.toContain(checkId);
    }
    // A check Southbank records is Southbank's alone, and Northfield does not see it either.
    const south = await record(leaderSouth, identity(sam.id, { kind: 'ENHANCED_DBS' }));
    const southId = south.data!.recordVolunteerCheck!.check!.id;
    expect(south.data!.recordVolunteerCheck!.check!.school.id).toBe(southbank.id);
    const northView = await checksOf(leaderNorth, sam.id);
    expect(northView.data!._entities[0]!.checks!.map((c) => c.id)).toContain(checkId);
    expect(northView.data!._entities[0]!.checks!.map((c) => c.id)).not.toContain(southId);
  });

  it('refuses to record for advisers, pupils, volunteers, analysts and the gateway itself', async () => {
    const before = await rows();
    for (const who of [adviserNorth, pupilNorth, samSelf, analyst, gateway]) {
      const res = await record(who, identity(sam.id));
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.recordVolunteerCheck ?? null).toBeNull();
    }
    expect(await rows()).toBe(before);
  });

  it('refuses to show checks to pupils, analysts, other volunteers and the gateway itself', async () => {
    // Pupils can resolve role models linked to their school, but never their checks.
    const pupil = await checksOf(pupilNorth, sam.id);
    expect(pupil.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(pupil.data!._entities[0]?.checks ?? null).toBeNull();
    const other = await checksOf(jordanSelf, sam.id);
    expect(other.data!._entities[0]).toBeNull();
    for (const who of [analyst, gateway]) {
      const res = await checksOf(who, sam.id);
      expect(res.data!._entities[0]).toBeNull();
    }
  });
});

describe('recordVolunteerCheck', () => {
  it('records a check with who recorded it and when, which advisers of the school may read', async () => {
    const res = await record(leaderNorth, identity(jordan.id, { doneOn: addDays(today, -400), expiresOn: addDays(today, 30) }));
    expect(res.errors).toBeUndefined();
    const check = res.data!.recordVolunteerCheck!.check!;
    expect(check).toMatchObject({
      kind: 'IDENTITY',
      kindLabel: 'Identity check',
      doneOn: addDays(today, -400),
      expiresOn: addDays(today, 30),
      expired: false,
      recordedBy: 'Priya Shah',
      school: { id: northfield.id },
    });
    const adviser = await checksOf(adviserNorth, jordan.id);
    expect(adviser.data!._entities[0]!.checks!.find((c) => c.id === check.id)).toMatchObject({ recordedBy: 'Priya Shah' });
  });

  it('names each problem clearly and saves nothing', async () => {
    const before = await rows();
    const backwards = await record(staffNorth, identity(jordan.id, { doneOn: addDays(today, -5), expiresOn: addDays(today, -6) }));
    expect(backwards.data!.recordVolunteerCheck).toEqual({
      check: null,
      error: {
        code: 'VOLUNTEER_CHECK_INVALID',
        message: 'Some details need changing.',
        fields: [{ field: 'expiresOn', message: 'The expiry date must be after the date the check was done' }],
      },
    });
    const both = await record(staffNorth, identity(jordan.id, { doneOn: addDays(today, 1), expiresOn: 'soon' }));
    expect(both.data!.recordVolunteerCheck!.error!.fields).toEqual([
      { field: 'doneOn', message: 'The date the check was done cannot be in the future' },
      { field: 'expiresOn', message: 'Enter the date the check expires' },
    ]);
    const unknown = await record(staffNorth, identity('not-an-id'));
    expect(unknown.data!.recordVolunteerCheck!.error!.code).toBe('VOLUNTEER_NOT_FOUND');
    expect(await rows()).toBe(before);
  });

  it('shows a volunteer their own checks at every school, without who recorded them', async () => {
    const res = await client.query<{ myVolunteerProfile: { checks: Check[] } }>(samSelf, `{ myVolunteerProfile { checks { ${CHECK} } } }`);
    expect(res.errors).toBeUndefined();
    const checks = res.data!.myVolunteerProfile.checks;
    expect(new Set(checks.map((c) => c.school.id))).toEqual(new Set([northfield.id, southbank.id]));
    expect(checks.every((c) => c.recordedBy === null)).toBe(true);
  });
});

describe('warnings on offers', () => {
  const OFFERS = `{ volunteerRequests { id offers { id checksNeeded checkWarnings { kind expiresOn message } volunteer { id } } } }`;
  type Warning = { kind: string; expiresOn: string | null; message: string };
  type OfferView = { id: string; checksNeeded: string[]; checkWarnings: Warning[]; volunteer: { id: string } };
  type Offers = { volunteerRequests: { id: string; offers: OfferView[] }[] };
  const PROFILE = `mutation ($input: UpdateMyVolunteerProfileInput!) { updateMyVolunteerProfile(input: $input) { ${ERROR} } }`;
  const OFFER = `mutation ($input: OfferVolunteerHelpInput!) { offerVolunteerHelp(input: $input) { offer { id } ${ERROR} } }`;
  const POST = `mutation ($input: PostVolunteerRequestInput!) { postVolunteerRequest(input: $input) { request { id unsupervised regular } ${ERROR} } }`;
  const marekSelf = makePrincipal({ roles: ['employer_volunteer'], volunteerId: marek.id, employerId: marek.employerId });

  async function offerAs(who: Who, requestId: string, profile: Record<string, unknown>): Promise<void> {
    const saved = await client.query<{ updateMyVolunteerProfile: { error: Problem } }>(who, PROFILE, { input: { sectors: [], availability: '', ...profile } });
    expect(saved.data!.updateMyVolunteerProfile.error).toBeNull();
    const offered = await client.query<{ offerVolunteerHelp: { error: Problem } }>(who, OFFER, { input: { requestId, message: 'I would be glad to help.' } });
    expect(offered.data!.offerVolunteerHelp.error).toBeNull();
  }
  async function offerOn(who: Who, requestId: string, volunteerId: string): Promise<OfferView> {
    const res = await client.query<Offers>(who, OFFERS);
    expect(res.errors).toBeUndefined();
    return res.data!.volunteerRequests.find((r) => r.id === requestId)!.offers.find((o) => o.volunteer.id === volunteerId)!;
  }

  it("warns of a needed check that is missing or runs out before the request's last day, and stops once it is recorded", async () => {
    // Marek works only with Southbank; he offers on Northfield's in-person talk, which needs an identity check.
    await offerAs(marekSelf, DEMO_REQUEST_IDS.northfieldTalk, { activities: ['TALK'], homePostcode: 'LS11 5AA', reach: 'DISTRICTS', districts: ['LS6'] });
    const name = `${marek.firstName} ${marek.lastName}`;
    const missing = await offerOn(adviserNorth, DEMO_REQUEST_IDS.northfieldTalk, marek.id);
    expect(missing.checksNeeded).toEqual(['IDENTITY']);
    expect(missing.checkWarnings).toEqual([{ kind: 'IDENTITY', expiresOn: null, message: `${name} has no identity check recorded at your school` }]);

    // Southbank cannot read the warnings on Northfield's offers (it never sees the offer at all).
    const south = await client.query<Offers>(leaderSouth, OFFERS);
    expect(south.data!.volunteerRequests.flatMap((r) => r.offers.map((o) => o.volunteer.id))).not.toContain(marek.id);

    // An offer is enough for Northfield to record a check on him, though he does not work with it yet.
    const expired = await record(leaderNorth, identity(marek.id, { doneOn: addDays(today, -800), expiresOn: addDays(today, -1) }));
    expect(expired.data!.recordVolunteerCheck!.check!.expired).toBe(true);
    expect((await offerOn(leaderNorth, DEMO_REQUEST_IDS.northfieldTalk, marek.id)).checkWarnings).toEqual([
      {
        kind: 'IDENTITY',
        expiresOn: addDays(today, -1),
        message: expect.stringMatching(new RegExp(`^${name}'s identity check at your school expired on \\d+ \\w+ \\d{4}$`)) as string,
      },
    ]);

    // One that runs out before the request's last day (42 days ahead) still warns.
    await record(leaderNorth, identity(marek.id, { expiresOn: addDays(today, 20) }));
    expect((await offerOn(leaderNorth, DEMO_REQUEST_IDS.northfieldTalk, marek.id)).checkWarnings[0].message).toMatch(
      /expires on .*, before the activity's last day$/,
    );

    await record(leaderNorth, identity(marek.id));
    expect((await offerOn(leaderNorth, DEMO_REQUEST_IDS.northfieldTalk, marek.id)).checkWarnings).toEqual([]);
  });

  it('asks nothing for an online session with a teacher present, and an enhanced DBS check only for unsupervised, regular mentoring', async () => {
    // Southbank's demo request is online mock interviews, supervised.
    await offerAs(marekSelf, DEMO_REQUEST_IDS.southbankInterviews, {
      activities: ['MOCK_INTERVIEW', 'MENTORING'],
      homePostcode: 'LS11 5AA',
      reach: 'VIRTUAL_ONLY',
    });
    const interviews = await offerOn(leaderSouth, DEMO_REQUEST_IDS.southbankInterviews, marek.id);
    expect(interviews).toMatchObject({ checksNeeded: [], checkWarnings: [] });

    const posted = await client.query<{ postVolunteerRequest: { request: { id: string; unsupervised: boolean; regular: boolean }; error: Problem } }>(
      leaderSouth,
      POST,
      {
        input: {
          activity: 'MENTORING',
          dateFrom: addDays(today, 7),
          dateTo: addDays(today, 60),
          yearGroups: [11],
          volunteersWanted: 1,
          virtual: true,
          unsupervised: true,
          regular: true,
        },
      },
    );
    const mentoring = posted.data!.postVolunteerRequest.request;
    expect(mentoring).toMatchObject({ unsupervised: true, regular: true });
    const jordanProfile = { activities: ['MENTORING'], homePostcode: 'LS6 1AA', reach: 'VIRTUAL_ONLY' };
    await offerAs(marekSelf, mentoring.id, { activities: ['MOCK_INTERVIEW', 'MENTORING'], homePostcode: 'LS11 5AA', reach: 'VIRTUAL_ONLY' });
    await offerAs(jordanSelf, mentoring.id, jordanProfile);
    const marekOffer = await offerOn(leaderSouth, mentoring.id, marek.id);
    expect(marekOffer.checksNeeded).toEqual(['IDENTITY', 'ENHANCED_DBS']);
    expect(marekOffer.checkWarnings.map((w) => w.kind)).toEqual(['IDENTITY', 'ENHANCED_DBS']);
    // Southbank may record checks on Jordan once he has offered to help it.
    const dbs = await record(staffSouth, identity(jordan.id, { kind: 'ENHANCED_DBS' }));
    expect(dbs.data!.recordVolunteerCheck!.error).toBeNull();
    expect((await offerOn(leaderSouth, mentoring.id, jordan.id)).checkWarnings.map((w) => w.kind)).toEqual(['IDENTITY']);
  });

  it('refuses the warnings to the volunteer who offered', async () => {
    const res = await client.query(marekSelf, '{ myVolunteerOffers { id checkWarnings { kind } } }');
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe("warnings on a placement's host", () => {
  const APPS = '{ placementApplications { id host { id displayName } hostCheckWarnings { kind message } } }';
  type Apps = {
    placementApplications: { id: string; host: { id: string; displayName: string } | null; hostCheckWarnings: { kind: string; message: string }[] | null }[];
  };

  it("warns the pupil's school of the host's missing identity check and employer assurance until recorded, and nobody else reads them", async () => {
    // A Northfield pupil has applied for Sam's demo placement (applying asks the pupils subgraph, so the row is written here).
    const em = subgraph.orm.em.fork();
    const applicationId = randomUUID();
    em.create(PlacementApplication, {
      id: applicationId,
      placement: em.getReference(Placement, DEMO_PLACEMENT_IDS.acmeWorkshop),
      pupilId: data.pupils[0].id,
      schoolId: northfield.id,
      firstName: 'Maya',
      yearGroup: 10,
      statement: 'I would like to be an engineer.',
    });
    await em.flush();
    const read = async (who: Who) => {
      const res = await client.query<Apps>(who, APPS);
      expect(res.errors).toBeUndefined();
      return res.data!.placementApplications.find((a) => a.id === applicationId)!;
    };
    // Earlier tests recorded an identity check on Sam at Northfield; only the employer's assurance is missing.
    const before = await read(adviserNorth);
    expect(before.host).toEqual({ id: sam.id, displayName: 'Sam Patel' });
    expect(before.hostCheckWarnings).toEqual([{ kind: 'EMPLOYER_ASSURANCE', message: 'Sam Patel has no employer assurance recorded at your school' }]);
    // A warning, never a bar: the leader approves all the same.
    const approved = await client.query<{ answerPlacementApplication: { application: { status: string } | null } }>(
      leaderNorth,
      'mutation ($input: AnswerPlacementApplicationInput!) { answerPlacementApplication(input: $input) { application { status } } }',
      { input: { applicationId, approve: true, message: 'Enjoy the week, Maya.' } },
    );
    expect(approved.data!.answerPlacementApplication.application).toEqual({ status: 'APPROVED' });
    await record(leaderNorth, identity(sam.id, { kind: 'EMPLOYER_ASSURANCE' }));
    expect((await read(leaderNorth)).hostCheckWarnings).toEqual([]);

    // Southbank never sees Northfield's pupils' applications; Sam reads neither the host nor the warnings.
    const south = await client.query<Apps>(leaderSouth, APPS);
    expect(south.data!.placementApplications.map((a) => a.id)).not.toContain(applicationId);
    const own = await client.query(samSelf, '{ myPlacements { applications { id hostCheckWarnings { kind } } } }');
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const pupil = await client.query(pupilNorth, '{ myPlacementApplications { id host { id } } }');
    expect(pupil.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
