import { describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * A school's request for volunteers, through the real gateway and subgraphs: the leader posts it, a
 * volunteer offers, the leader accepts and confirms, and the encounter appears in the encounters
 * subgraph with the volunteer attached (and in the volunteer's engagements). Then the same with the
 * encounters subgraph stopped between the confirmation and the encounter: the confirmation stands,
 * the encounter waits in the employers subgraph's outbox, and once encounters is back the dispatcher
 * makes it, exactly once, however often it runs.
 */
const data = demoData();
const [northfield] = data.schools;
const [sam, jordan] = data.volunteers;

// Encounters is frozen for longer than the employers subgraph waits for it (10 s): the gateway waits longer.
const stack = useTestStack({ name: 'requests', env: { WAYMARK_SUBGRAPH_TIMEOUT_MS: '30000', WAYMARK_SESSION_CACHE_MS: '0' } });

async function as(email: string): Promise<GatewayClient> {
  const client = new GatewayClient(stack.url);
  expect((await client.signIn(email)).status).toBe(200);
  return client;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function ok<T>(res: { data?: T | null; errors?: unknown[] }): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

const ERROR = 'error { code message }';
/** A day `days` from now, YYYY-MM-DD (far enough from midnight in England either way). */
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function postRequest(leader: GatewayClient, details: string): Promise<string> {
  const res = await leader.query<{ postVolunteerRequest: { request: { id: string } | null; error: unknown } }>(
    `mutation ($input: PostVolunteerRequestInput!) { postVolunteerRequest(input: $input) { request { id } ${ERROR} } }`,
    {
      input: { activity: 'TALK', dateFrom: dayAhead(10), dateTo: dayAhead(20), yearGroups: [10], volunteersWanted: 1, virtual: true, details },
    },
  );
  const answer = ok(res).postVolunteerRequest;
  expect(answer.error).toBeNull();
  return answer.request!.id;
}

async function saveProfile(volunteer: GatewayClient, reach: string): Promise<void> {
  const res = await volunteer.query<{ updateMyVolunteerProfile: { error: unknown } }>(
    `mutation ($input: UpdateMyVolunteerProfileInput!) { updateMyVolunteerProfile(input: $input) { ${ERROR} } }`,
    { input: { activities: ['TALK'], sectors: ['C'], homePostcode: 'LS11 5AA', reach, districts: reach === 'DISTRICTS' ? ['LS6'] : null } },
  );
  expect(ok(res).updateMyVolunteerProfile.error).toBeNull();
}

async function offerAndAccept(volunteer: GatewayClient, leader: GatewayClient, requestId: string): Promise<void> {
  const open = ok(
    await volunteer.query<{ openVolunteerRequests: { id: string; school: { name: string } }[] }>('{ openVolunteerRequests { id school { name } } }'),
  );
  expect(open.openVolunteerRequests.find((r) => r.id === requestId)?.school.name).toBe(northfield.name);
  const offered = ok(
    await volunteer.query<{ offerVolunteerHelp: { offer: { id: string } | null; error: unknown } }>(
      `mutation ($input: OfferVolunteerHelpInput!) { offerVolunteerHelp(input: $input) { offer { id } ${ERROR} } }`,
      { input: { requestId, message: 'I would be glad to help' } },
    ),
  ).offerVolunteerHelp;
  expect(offered.error).toBeNull();
  const answered = ok(
    await leader.query<{ respondToVolunteerOffer: { offer: { status: string } | null; error: unknown } }>(
      `mutation ($input: RespondToVolunteerOfferInput!) { respondToVolunteerOffer(input: $input) { offer { status } ${ERROR} } }`,
      { input: { offerId: offered.offer!.id, accept: true, message: 'Thank you, see you then' } },
    ),
  ).respondToVolunteerOffer;
  expect(answered).toEqual({ offer: { status: 'ACCEPTED' }, error: null });
}

const CONFIRM = `mutation ($input: ConfirmVolunteerRequestInput!) { confirmVolunteerRequest(input: $input) { request { id status encounterPending encounter { id } } ${ERROR} } }`;
type Confirmed = {
  confirmVolunteerRequest: { request: { status: string; encounterPending: boolean; encounter: { id: string } | null } | null; error: unknown };
};

type Listed = { volunteerRequests: { id: string; encounterPending: boolean; encounter: { id: string; title: string; volunteers: { id: string }[] } | null }[] };
const LIST = '{ volunteerRequests { id encounterPending encounter { id title volunteers { id } } } }';

/** The school's encounters with this volunteer on them, as the leader reads them through the gateway. */
async function encountersWith(leader: GatewayClient, volunteerId: string): Promise<string[]> {
  const res = ok(
    await leader.query<{ encounters: { edges: { node: { id: string; volunteers: { id: string }[] } }[] } }>(
      '{ encounters(first: 100) { edges { node { id volunteers { id } } } } }',
    ),
  );
  return res.encounters.edges.filter((e) => e.node.volunteers.some((v) => v.id === volunteerId)).map((e) => e.node.id);
}

describe('a request for volunteers becomes an encounter', () => {
  it('request → offer → accept → confirm makes the encounter with the volunteer attached, in their engagements too', async () => {
    const leader = await as('leader@northfield.test');
    const volunteer = await as('employer@acme.test');
    await saveProfile(volunteer, 'DISTRICTS');
    const requestId = await postRequest(leader, 'Online talk for Year 10');
    await offerAndAccept(volunteer, leader, requestId);

    const before = await encountersWith(leader, sam.id);
    const confirmed = ok(await leader.query<Confirmed>(CONFIRM, { input: { requestId } })).confirmVolunteerRequest;
    expect(confirmed.error).toBeNull();
    expect(confirmed.request).toMatchObject({ status: 'CONFIRMED', encounterPending: false });
    const encounterId = confirmed.request!.encounter!.id;

    const listed = ok(await leader.query<Listed>(LIST)).volunteerRequests.find((r) => r.id === requestId)!;
    expect(listed.encounter).toEqual({ id: encounterId, title: 'Talk to a class or assembly (volunteers)', volunteers: [{ id: sam.id }] });
    expect(await encountersWith(leader, sam.id)).toEqual([encounterId, ...before].filter((id, i, all) => all.indexOf(id) === i));

    const mine = ok(await volunteer.query<{ myVolunteerProfile: { engagements: { id: string }[] } }>('{ myVolunteerProfile { engagements { id } } }'));
    expect(mine.myVolunteerProfile.engagements.map((e) => e.id)).toContain(encounterId);
  });

  it('keeps the confirmation when the encounters subgraph is down, and makes exactly one encounter once it is back', async () => {
    const leader = await as('leader@northfield.test');
    const volunteer = await as('alumni@northfield.test');
    await saveProfile(volunteer, 'VIRTUAL_ONLY');
    const requestId = await postRequest(leader, 'Online talk, second group');
    await offerAndAccept(volunteer, leader, requestId);
    const before = await encountersWith(leader, jordan.id);

    // Frozen, the encounters subgraph takes the connection but never answers: the employers
    // subgraph gives up on it after its own timeout, with the acceptance already committed.
    const frozen = stack.servicePid('encounters')!;
    process.kill(frozen, 'SIGSTOP');
    let confirmed: Confirmed['confirmVolunteerRequest'];
    try {
      confirmed = ok(await leader.query<Confirmed>(CONFIRM, { input: { requestId } })).confirmVolunteerRequest;
    } finally {
      // Killed while frozen, it never handles what it was sent; the runner starts it again.
      process.kill(frozen, 'SIGKILL');
    }
    expect(confirmed.error).toBeNull();
    expect(confirmed.request).toMatchObject({ status: 'CONFIRMED', encounterPending: true, encounter: null });

    await waitFor(async () => {
      const pid = stack.servicePid('encounters');
      if (pid === undefined || pid === frozen) return false;
      return fetch(new URL('/ready', stack.subgraphUrl('encounters'))).then(
        (r) => r.ok,
        () => false,
      );
    }, 'the encounters subgraph to be running again');
    expect(await encountersWith(leader, jordan.id)).toEqual(before);

    // The school's next look at its requests sends the waiting encounter; later looks find nothing to send.
    const first = ok(await leader.query<Listed>(LIST)).volunteerRequests.find((r) => r.id === requestId)!;
    expect(first.encounterPending).toBe(false);
    expect(first.encounter!.volunteers).toEqual([{ id: jordan.id }]);
    ok(await leader.query<Listed>(LIST));
    const after = await encountersWith(leader, jordan.id);
    expect(after.filter((id) => !before.includes(id))).toEqual([first.encounter!.id]);
  });
});
