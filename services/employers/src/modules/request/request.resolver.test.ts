import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType } from 'graphql';
import { type SubgraphTestClient, makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { demoData } from '@waymark/demo-data';
import { addDays, todayInEngland } from '@waymark/domain';
import { createApp, employersService } from '../../app.js';
import { DEMO_REQUEST_IDS } from '../../seed.js';
import { Volunteer } from '../volunteer/volunteer.entity.js';
import { EncounterOutbox, OutboxStatus, VolunteerOffer, VolunteerRequest } from './request.entity.js';
import { FILLED_OFFER, LAPSED_OFFER, LAPSED_REQUEST, RequestService } from './request.service.js';

const data = demoData();
const [northfield, southbank] = data.schools;
const [sam, jordan, ruth] = data.volunteers;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId: data.trust.id });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: data.trust.id });
const pupilNorth = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: data.pupils[0].id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const employee = makePrincipal({ roles: ['employer_volunteer'], volunteerId: sam.id, employerId: sam.employerId });
const alumni = makePrincipal({ roles: ['alumni'], volunteerId: jordan.id, employerId: jordan.employerId });
const nurse = makePrincipal({ roles: ['employer_volunteer'], volunteerId: ruth.id, employerId: ruth.employerId });

// Nothing listens here: the encounters subgraph is down for every test in this file (the gateway's
// test, gateway/test/requests.test.ts, makes the encounter through the real one).
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
const REQUEST = 'id activity dateFrom dateTo yearGroups volunteersWanted sectors virtual postcode district details status closedReason encounterPending';
const POST = `mutation ($input: PostVolunteerRequestInput!) { postVolunteerRequest(input: $input) { request { ${REQUEST} } ${ERROR} } }`;
const OFFER = `mutation ($input: OfferVolunteerHelpInput!) { offerVolunteerHelp(input: $input) { offer { id status message response } ${ERROR} } }`;
const RESPOND = `mutation ($input: RespondToVolunteerOfferInput!) { respondToVolunteerOffer(input: $input) { offer { id status response responseByWaymark } ${ERROR} } }`;
const CONFIRM = `mutation ($input: ConfirmVolunteerRequestInput!) { confirmVolunteerRequest(input: $input) { request { id status encounterPending encounter { id } } ${ERROR} } }`;
const PROFILE = `mutation ($input: UpdateMyVolunteerProfileInput!) { updateMyVolunteerProfile(input: $input) { ${ERROR} } }`;

type Problem = { code: string; message: string; fields: { field: string; message: string }[] } | null;
type Request = { id: string; status: string; encounterPending: boolean; district: string | null; postcode: string | null; closedReason: string | null };
type Offer = { id: string; status: string; message: string; response: string | null };

const valid = (changes: Record<string, unknown> = {}) => ({
  activity: 'TALK',
  dateFrom: addDays(today, 7),
  dateTo: addDays(today, 30),
  yearGroups: [10, 9],
  volunteersWanted: 2,
  sectors: [],
  virtual: false,
  postcode: 'ls6 2ab',
  details: 'Careers week talks',
  ...changes,
});

async function post(input: Record<string, unknown>, who = leaderNorth) {
  const res = await client.query<{ postVolunteerRequest: { request: Request | null; error: Problem } }>(who, POST, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.postVolunteerRequest;
}
async function offer(who: typeof employee, requestId: string, message = 'I can help') {
  const res = await client.query<{ offerVolunteerHelp: { offer: Offer | null; error: Problem } }>(who, OFFER, { input: { requestId, message } });
  expect(res.errors).toBeUndefined();
  return res.data!.offerVolunteerHelp;
}
async function respond(who: typeof leaderNorth, offerId: string, accept: boolean, message: string) {
  const res = await client.query<{ respondToVolunteerOffer: { offer: Offer | null; error: Problem } }>(who, RESPOND, { input: { offerId, accept, message } });
  return res.data!.respondToVolunteerOffer;
}
async function openFor(who: typeof employee): Promise<string[]> {
  const res = await client.query<{ openVolunteerRequests: { id: string }[] }>(who, '{ openVolunteerRequests { id } }');
  expect(res.errors).toBeUndefined();
  return res.data!.openVolunteerRequests.map((r) => r.id);
}
const profile = (changes: Record<string, unknown> = {}) => ({
  activities: ['TALK', 'MOCK_INTERVIEW'],
  sectors: ['C'],
  homePostcode: 'LS11 5AA',
  reach: 'DISTRICTS',
  districts: ['LS6'],
  ...changes,
});
const countRows = async () => {
  const em = subgraph.orm.em.fork();
  return { requests: await em.count(VolunteerRequest, {}), offers: await em.count(VolunteerOffer, {}) };
};

describe('postVolunteerRequest', () => {
  it("posts a request for the leader's own school, the postcode written the usual way", async () => {
    const { request, error } = await post(valid());
    expect(error).toBeNull();
    expect(request).toMatchObject({ activity: 'TALK', yearGroups: [9, 10], postcode: 'LS6 2AB', district: 'LS6', status: 'OPEN', encounterPending: false });
  });

  it('names each problem clearly and saves nothing', async () => {
    const before = await countRows();
    const past = await post(valid({ dateFrom: addDays(today, -1) }));
    expect(past.error!.fields).toEqual([{ field: 'dateFrom', message: 'The first day cannot be in the past' }]);
    const backwards = await post(valid({ dateTo: addDays(today, 6) }));
    expect(backwards.error!.fields).toEqual([{ field: 'dateTo', message: 'The last day must be the same as or after the first day' }]);
    const none = await post(valid({ volunteersWanted: 0, postcode: 'Leeds' }));
    expect(none.error!.fields.map((f) => f.field)).toEqual(['volunteersWanted', 'postcode']);
    expect(none.request).toBeNull();
    expect(await countRows()).toEqual(before);
  });

  it('refuses careers advisers, volunteers, pupils and trust analysts', async () => {
    for (const who of [adviserNorth, employee, pupilNorth, analyst]) {
      const res = await client.query(who, POST, { input: valid() });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('what volunteers see and offer', () => {
  it('shows a volunteer only the open requests that fit their profile', async () => {
    expect(await openFor(employee)).toEqual([]);
    expect(
      (await client.query<{ updateMyVolunteerProfile: { error: Problem } }>(employee, PROFILE, { input: profile() })).data!.updateMyVolunteerProfile.error,
    ).toBeNull();
    const open = await openFor(employee);
    expect(open).toContain(DEMO_REQUEST_IDS.northfieldTalk);
    // Southbank's mock interviews are online: they fit everyone who offers mock interviews.
    expect(open).toContain(DEMO_REQUEST_IDS.southbankInterviews);
    // A virtual-only volunteer does not see Northfield's in-person talk.
    await client.query(alumni, PROFILE, { input: profile({ reach: 'VIRTUAL_ONLY', activities: ['TALK'] }) });
    expect(await openFor(alumni)).not.toContain(DEMO_REQUEST_IDS.northfieldTalk);
    // Sectors: a request for health volunteers does not reach an engineer.
    const health = (await post(valid({ sectors: ['Q'] }))).request!;
    expect(await openFor(employee)).not.toContain(health.id);
  });

  it("reads every field of a request in the volunteer's list as the school reads it in its own", async () => {
    const FIELDS =
      'id activity dateFrom dateTo yearGroups volunteersWanted sectors virtual postcode district details unsupervised regular status closedReason createdAt confirmedAt encounterPending school { id }';
    const { request } = await post(valid({ sectors: ['C', 'F'], yearGroups: [11, 9], details: 'Bridges and tunnels' }));
    const theirs = await client.query<{ openVolunteerRequests: Record<string, unknown>[] }>(employee, `{ openVolunteerRequests { ${FIELDS} myOffer { id } } }`);
    expect(theirs.errors).toBeUndefined();
    const ours = await client.query<{ volunteerRequests: Record<string, unknown>[] }>(leaderNorth, `{ volunteerRequests { ${FIELDS} } }`);
    const seen = theirs.data!.openVolunteerRequests.find((r) => r.id === request!.id);
    expect(seen).toEqual({ ...ours.data!.volunteerRequests.find((r) => r.id === request!.id), myOffer: null });
    expect(seen).toMatchObject({ dateFrom: addDays(today, 7), yearGroups: [9, 11], sectors: ['C', 'F'], district: 'LS6', school: { id: northfield.id } });
    expect(typeof seen!.createdAt).toBe('string');
  });

  it('takes one offer per volunteer with a message, and refuses one that does not fit', async () => {
    const first = await offer(employee, DEMO_REQUEST_IDS.northfieldTalk, 'Happy to talk about engineering apprenticeships');
    expect(first.error).toBeNull();
    expect(first.offer).toMatchObject({ status: 'OPEN', message: 'Happy to talk about engineering apprenticeships', response: null });
    expect((await offer(employee, DEMO_REQUEST_IDS.northfieldTalk)).error!.code).toBe('VOLUNTEER_OFFER_EXISTS');
    expect((await offer(employee, DEMO_REQUEST_IDS.northfieldTalk, '  ')).error!.fields).toEqual([
      { field: 'message', message: 'Write a message to the school' },
    ]);
    expect((await offer(alumni, DEMO_REQUEST_IDS.northfieldTalk)).error!.code).toBe('VOLUNTEER_REQUEST_NOT_FOUND');
    // Without a profile there is nothing to match.
    expect((await offer(nurse, DEMO_REQUEST_IDS.southbankInterviews)).error!.code).toBe('VOLUNTEER_PROFILE_MISSING');
  });

  it('lets staff of the school read the offers and who made them, never another school', async () => {
    const QUERY = `{ volunteerRequests { id offers { id status message volunteer { id displayName email } } } }`;
    type Listed = { volunteerRequests: { id: string; offers: (Offer & { volunteer: { id: string; displayName: string; email: string | null } })[] }[] };
    const res = await client.query<Listed>(adviserNorth, QUERY);
    expect(res.errors).toBeUndefined();
    const talk = res.data!.volunteerRequests.find((r) => r.id === DEMO_REQUEST_IDS.northfieldTalk)!;
    expect(talk.offers).toHaveLength(1);
    expect(talk.offers[0].volunteer).toEqual({ id: sam.id, displayName: 'Sam Patel', email: sam.email });
    const south = await client.query<Listed>(leaderSouth, '{ volunteerRequests { id } }');
    expect(south.data!.volunteerRequests.map((r) => r.id)).not.toContain(DEMO_REQUEST_IDS.northfieldTalk);
    for (const who of [employee, pupilNorth, analyst]) {
      expect((await client.query(who, '{ volunteerRequests { id } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const offerId = talk.offers[0].id;
    expect((await respond(leaderSouth, offerId, true, 'Yes please')).error!.code).toBe('VOLUNTEER_OFFER_NOT_FOUND');
  });
});

describe('answering and confirming', () => {
  it('declines with a message the volunteer reads in their offers', async () => {
    const { request } = await post(valid({ virtual: true, postcode: null }));
    const made = await offer(employee, request!.id, 'I could do a video call');
    const declined = await respond(leaderNorth, made.offer!.id, false, 'Thank you, we have found someone nearer');
    expect(declined.offer).toMatchObject({ status: 'DECLINED', response: 'Thank you, we have found someone nearer', responseByWaymark: false });
    expect((await respond(leaderNorth, made.offer!.id, true, 'Actually yes')).error!.code).toBe('VOLUNTEER_OFFER_ANSWERED');
    const mine = await client.query<{ myVolunteerOffers: (Offer & { request: { id: string; school: { id: string } } })[] }>(
      employee,
      '{ myVolunteerOffers { id status response request { id school { id } } } }',
    );
    expect(mine.data!.myVolunteerOffers.find((o) => o.id === made.offer!.id)).toMatchObject({
      status: 'DECLINED',
      response: 'Thank you, we have found someone nearer',
      request: { id: request!.id, school: { id: northfield.id } },
    });
  });

  it('confirms accepted volunteers in one transaction: offers waiting are closed, the encounter waits in the outbox while encounters is down', async () => {
    const { request } = await post(valid({ virtual: true, postcode: null }));
    const noneYet = await client.query<{ confirmVolunteerRequest: { error: Problem } }>(leaderNorth, CONFIRM, { input: { requestId: request!.id } });
    expect(noneYet.data!.confirmVolunteerRequest.error!.code).toBe('VOLUNTEER_REQUEST_NONE_ACCEPTED');

    await client.query(nurse, PROFILE, { input: profile({ activities: ['TALK'], sectors: [] }) });
    const samOffer = (await offer(employee, request!.id)).offer!;
    const ruthOffer = (await offer(nurse, request!.id)).offer!;
    await respond(leaderNorth, samOffer.id, true, 'Yes please, see you then');
    const confirmed = await client.query<{ confirmVolunteerRequest: { request: Request & { encounter: { id: string } | null }; error: Problem } }>(
      leaderNorth,
      CONFIRM,
      { input: { requestId: request!.id } },
    );
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmVolunteerRequest.request).toMatchObject({ status: 'CONFIRMED', encounterPending: true, encounter: null });

    const em = subgraph.orm.em.fork();
    const row = await em.findOneOrFail(EncounterOutbox, { requestId: request!.id });
    expect(row).toMatchObject({ status: OutboxStatus.PENDING, attempts: 1, idempotencyKey: `volunteer-request:${request!.id}` });
    expect(row.lastError).toMatch(/failed/);
    expect(row.payload).toMatchObject({ kind: 'EMPLOYER_TALK', volunteerIds: [sam.id], register: [], yearGroups: [9, 10], hasTime: false });
    expect(await em.findOneOrFail(VolunteerOffer, { id: ruthOffer.id })).toMatchObject({ status: 'CLOSED', response: FILLED_OFFER, responseByWaymark: true });
    expect((await em.findOneOrFail(Volunteer, { id: sam.id })).schoolIds).toContain(northfield.id);

    // A second confirmation waits behind it: its own dispatch tries the oldest row first and stops there.
    const second = (await post(valid({ virtual: true, postcode: null }))).request!;
    await respond(leaderNorth, (await offer(employee, second.id)).offer!.id, true, 'Yes please');
    await client.query(leaderNorth, CONFIRM, { input: { requestId: second.id } });
    const attempts = async () => {
      const rows = await subgraph.orm.em.fork().find(EncounterOutbox, { requestId: { $in: [request!.id, second.id] } });
      return [request!.id, second.id].map((id) => rows.find((r) => r.requestId === id)!.attempts);
    };
    expect(await attempts()).toEqual([2, 0]);

    // Reading the requests tries again (still down): the oldest row gets one more attempt, and the
    // dispatcher stops there rather than wait on each row in turn; both stay waiting.
    await client.query(leaderNorth, '{ volunteerRequests { id } }');
    expect(await attempts()).toEqual([3, 0]);
    expect(await subgraph.orm.em.fork().count(EncounterOutbox, { status: OutboxStatus.PENDING, requestId: { $in: [request!.id, second.id] } })).toBe(2);

    expect((await offer(alumni, request!.id)).error!.code).toBe('VOLUNTEER_REQUEST_CLOSED');
    const again = await client.query<{ confirmVolunteerRequest: { error: Problem } }>(leaderNorth, CONFIRM, { input: { requestId: request!.id } });
    expect(again.data!.confirmVolunteerRequest.error!.code).toBe('VOLUNTEER_REQUEST_CLOSED');
    expect(await subgraph.orm.em.fork().count(EncounterOutbox, { requestId: request!.id })).toBe(1);
  });
});

describe('what volunteers can never reach through requests', () => {
  it('names no pupil type anywhere a request or offer leads', async () => {
    const schema = await employersService.buildSchema();
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      const type = schema.getType(name);
      if (!type || !('getFields' in type)) return;
      for (const field of Object.values(type.getFields())) visit(String(getNamedType(field.type)));
    };
    visit('VolunteerRequest');
    visit('VolunteerOffer');
    expect([...seen].filter((name) => /pupil|participation/i.test(name))).toEqual([]);
    expect(seen).toContain('Volunteer');
  });

  it('refuses a volunteer the offers other volunteers made', async () => {
    const res = await client.query<{ openVolunteerRequests: unknown }>(employee, '{ openVolunteerRequests { id offers { id message } } }');
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });
});

describe('requests whose dates pass', () => {
  it('closes them and the offers still waiting, each with a message, by the clock it is given', async () => {
    const { request } = await post(valid({ virtual: true, postcode: null, dateTo: addDays(today, 8) }));
    const made = (await offer(employee, request!.id)).offer!;
    const service = new RequestService(subgraph.orm.em.fork());
    expect(await service.closeLapsed(new Date())).toBe(0);
    const later = new Date(Date.now() + 10 * 86_400_000);
    expect(await service.closeLapsed(later)).toBeGreaterThanOrEqual(1);
    const em = subgraph.orm.em.fork();
    expect(await em.findOneOrFail(VolunteerRequest, { id: request!.id })).toMatchObject({ status: 'CLOSED', closedReason: LAPSED_REQUEST });
    expect(await em.findOneOrFail(VolunteerOffer, { id: made.id })).toMatchObject({ status: 'CLOSED', response: LAPSED_OFFER, responseByWaymark: true });
    expect((await offer(alumni, request!.id)).error!.code).toBe('VOLUNTEER_REQUEST_CLOSED');
  });
});
