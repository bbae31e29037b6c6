import { describe, expect, it } from 'vitest';
import { demoData, DEMO_PASSWORD } from '@waymark/demo-data';
import { destinationsService } from '@waymark/destinations';
import { employersService } from '@waymark/employers';
import { encountersService } from '@waymark/encounters';
import { identityService } from '@waymark/identity';
import { boundSql, openDatabase, withSystemAccess, type ServiceDefinition } from '@waymark/subgraph-kit';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * A volunteer deletes their own account through the real gateway and every subgraph
 * (docs/domain-rules.md, "A volunteer deletes their account"). Attacks first: a careers leader
 * cannot delete an account this way, another volunteer cannot delete Sam's (naming Sam in the
 * request changes nothing: only the signed-in account is ever asked about, with its own password),
 * and a cross-site form is refused. Then Sam deletes theirs: the cookie is cleared, the old session
 * no longer works, Sam cannot sign in, and (on PostgreSQL, where the test reads each subgraph's
 * database) no row of identity, employers, encounters or destinations holds Sam's name or email,
 * while the encounters Sam delivered are still there for the school. Sam's booked engagement at
 * Northfield (an accepted offer) is withdrawn, and Northfield's careers leader gets one email about it
 * through the mail catcher, Southbank's none; Jordan's, deleted with identity (which sends the mail)
 * killed at once, still reaches the leader once identity is back, and only once.
 */
// The relay and identity's mail worker run every half second here (5 s in a deployment), so waiting for
// a few more runs of each to show nothing more is sent takes seconds, not half a minute.
const stack = useTestStack({ name: 'volunteer_erasure', env: { WAYMARK_WEBHOOK_RELAY_MS: '500', WAYMARK_LEADER_MAIL_MS: '500' } });
const data = demoData();
const sam = data.volunteers.find((v) => v.email === 'employer@acme.test') ?? data.volunteers[0];
const SAM = { email: 'employer@acme.test', name: 'Sam Patel' };

const deleteAccount = (client: GatewayClient, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${stack.url}/auth/delete-account`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: client.cookieHeader, ...headers },
    body: JSON.stringify(body),
  });
const signedInAs = async (email: string) => {
  const client = new GatewayClient(stack.url);
  expect((await client.signIn(email, DEMO_PASSWORD)).status).toBe(200);
  return client;
};
const ME = '{ me { id displayName } }';

/** Every text, name or JSON column of every table in one subgraph's database that mentions `needle`, as "table.column". */
async function mentions(definition: ServiceDefinition, needles: string[]): Promise<string[]> {
  const orm = await openDatabase({
    service: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    databaseUrl: process.env.DATABASE_URL,
    databasePrefix: stack.databasePrefix!,
    migrate: false,
  });
  try {
    return await withSystemAccess(orm, 'test: looking for a deleted volunteer anywhere', async (em) => {
      const columns = (
        await boundSql<{ table_name: string; column_name: string }>(
          em,
          `select table_name, column_name from information_schema.columns c where table_schema = 'public'
             and data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')
             and exists (select 1 from information_schema.tables t where t.table_name = c.table_name and t.table_schema = 'public' and t.table_type = 'BASE TABLE')
           order by 1, 2`,
          [],
        )
      ).rows;
      const found: string[] = [];
      for (const { table_name, column_name } of columns) {
        const { rows } = await boundSql<{ n: string }>(em, `select count(*) as n from "${table_name}" where "${column_name}"::text ilike any($1::text[])`, [
          `{${needles.map((needle) => `"%${needle}%"`).join(',')}}`,
        ]);
        if (Number(rows[0].n) > 0) found.push(`${definition.name}.${table_name}.${column_name}`);
      }
      return found;
    });
  } finally {
    await orm.close(true);
  }
}

describe('a volunteer deleting their account', () => {
  it('is refused to a careers leader, whose session goes on working', async () => {
    const leader = await signedInAs('leader@northfield.test');
    const res = await deleteAccount(leader, { password: DEMO_PASSWORD });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/Only a volunteer/);
    expect((await leader.query<{ me: { displayName: string } }>(ME)).data?.me.displayName).toBe('Priya Shah');
  });

  it("never deletes another volunteer's account: naming Sam with Sam's password from Jordan's session deletes nobody", async () => {
    const jordan = await signedInAs('alumni@northfield.test');
    const res = await deleteAccount(jordan, { password: 'not jordans password', email: SAM.email, volunteerId: sam.id, accountId: sam.id });
    expect(res.status).toBe(401);
    // Sam's own password from Jordan's session is Jordan's wrong password, not a key to Sam's account.
    expect((await deleteAccount(jordan, { password: `${DEMO_PASSWORD}x`, email: SAM.email })).status).toBe(401);
    expect((await jordan.query<{ me: { displayName: string } }>(ME)).data?.me.displayName).toBe('Jordan Reid');
    const samClient = await signedInAs(SAM.email);
    expect((await samClient.query<{ me: { displayName: string } }>(ME)).data?.me.displayName).toBe(SAM.name);
  });

  it('refuses a cross-site form and a request with no session', async () => {
    const samClient = await signedInAs(SAM.email);
    expect((await deleteAccount(samClient, { password: DEMO_PASSWORD }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await deleteAccount(new GatewayClient(stack.url), { password: DEMO_PASSWORD })).status).toBe(401);
    expect((await samClient.query<{ me: { displayName: string } }>(ME)).data?.me.displayName).toBe(SAM.name);
  });

  it("books Sam: Sam offers to help with one of Northfield's requests, and the school accepts", async () => {
    samsBooking = await offerAccepted(await signedInAs(SAM.email), await signedInAs(NORTHFIELD_LEADER), 'Mock interviews with Sam');
  });

  it('deletes Sam: signed out, cannot sign in, and no subgraph holds their name or email; a second request is refused', async () => {
    const needles = [SAM.name, SAM.email, `${sam.firstName} ${sam.lastName}`];
    const definitions = [identityService, employersService, encountersService, destinationsService];
    // Before: Sam hosts two placements, one still to come and one that started today, each with Maya approved on it,
    // and answers Northfield's named employers' survey; Sam's name and email are in the words of each.
    const { samClient: host, leader, applications, surveyId } = await samHostsAndAnswers();
    if (stack.databasePrefix) {
      // The search finds Sam before: in identity's accounts, the employers subgraph's volunteers and placements, and survey answers.
      const before: string[] = [];
      for (const definition of definitions) before.push(...(await mentions(definition, needles)));
      expect(before).toEqual(
        expect.arrayContaining([
          'identity.account.email',
          'identity.account.display_name',
          'employers.volunteer.email',
          'employers.placement.tasks',
          'encounters.programme_survey_answer.comment',
        ]),
      );
    }
    expect((await host.query<{ me: { displayName: string } }>(ME)).data?.me.displayName).toBe(SAM.name);
    const samClient = await signedInAs(SAM.email);
    const other = await signedInAs(SAM.email);
    const res = await deleteAccount(samClient, { password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join()).toMatch(/waymark_session=;.*Max-Age=0/);
    // Both of Sam's sessions have ended (the other browser's too), and the password no longer signs in.
    expect((await samClient.query<{ me: unknown }>(ME)).data?.me ?? null).toBeNull();
    expect((await other.query<{ me: unknown }>(ME)).data?.me ?? null).toBeNull();
    expect((await new GatewayClient(stack.url).signIn(SAM.email, DEMO_PASSWORD)).status).toBe(401);
    expect((await deleteAccount(samClient, { password: DEMO_PASSWORD })).status).toBe(401);

    expect((await host.query<{ me: unknown }>(ME)).data?.me ?? null).toBeNull();

    // The school still sees what Sam delivered, by a "Former volunteer".
    const encounters = await leader.query<{ encounters: { edges: { node: { volunteers: { id: string; firstName: string; lastName: string }[] } }[] } }>(
      '{ encounters(first: 100) { edges { node { volunteers { id firstName lastName } } } } }',
    );
    expect(encounters.errors).toBeUndefined();
    const delivered = (encounters.data?.encounters.edges ?? []).flatMap((e) => e.node.volunteers).filter((v) => v.id === sam.id);
    expect(delivered.length).toBeGreaterThan(0);
    for (const volunteer of delivered) expect(volunteer).toMatchObject({ firstName: 'Former', lastName: 'volunteer' });

    // The placement still to come is withdrawn, and Maya's school reads why; the one that started is done, and Maya's
    // work experience is recorded for the school. The survey's ratings stay in the school's results.
    const after = await leader.query<{ placementApplications: { id: string; status: string; response: string | null; placement: { status: string } }[] }>(
      '{ placementApplications { id status response placement { status } } }',
    );
    expect(after.errors).toBeUndefined();
    const answer = (id: string) => after.data!.placementApplications.find((a) => a.id === id);
    expect(answer(applications.toCome)).toMatchObject({ status: 'DECLINED', placement: { status: 'WITHDRAWN' } });
    expect(answer(applications.toCome)?.response).toMatch(/^Withdrawn: the person at the employer who offered this placement deleted their Waymark account/);
    expect(answer(applications.started)).toMatchObject({ status: 'COMPLETED', placement: { status: 'COMPLETED' } });
    const surveys = await leader.query<{ evaluationResults: { surveys: { id: string; answers: number; comments: string[] }[] } }>(
      '{ evaluationResults { surveys { id answers comments } } }',
    );
    expect(surveys.errors).toBeUndefined();
    expect(surveys.data!.evaluationResults.surveys.find((survey) => survey.id === surveyId)).toMatchObject({ answers: 1 });

    if (stack.databasePrefix) {
      const found: string[] = [];
      for (const definition of definitions) found.push(...(await mentions(definition, needles)));
      expect(found).toEqual([]);
    }
  });

  it("emails Northfield's careers leaders about Sam's booked engagement across SMTP, once, and no other school's", async () => {
    const leader = await signedInAs(NORTHFIELD_LEADER);
    // The leader reads why where they read the offer.
    const offers = await leader.query<{ volunteerRequests: { id: string; offers: { status: string; response: string | null }[] }[] }>(
      '{ volunteerRequests { id offers { status response } } }',
    );
    expect(offers.data!.volunteerRequests.find((request) => request.id === samsBooking)?.offers).toEqual([
      { status: 'CLOSED', response: expect.stringMatching(/^Withdrawn: the volunteer deleted their Waymark account/) as unknown },
    ]);
    const mail = await stack.mail!.waitFor(NORTHFIELD_LEADER, /A volunteer can no longer come/, 60_000);
    expect(mail.text).toContain(`between ${longDay(addDays(todayInEngland(), 20))} and ${longDay(addDays(todayInEngland(), 21))}`);
    expect(mail.text).toContain('has left Waymark');
    expect(mail.text).not.toContain(SAM.name);
    await settled();
    expect(leaderMail(NORTHFIELD_LEADER)).toHaveLength(1);
    expect(leaderMail(SOUTHBANK_LEADER)).toEqual([]);
  }, 120_000);

  it('still emails the leader when identity, which sends the mail, dies straight after the deletion; once, and never again', async () => {
    const leader = await signedInAs(NORTHFIELD_LEADER);
    const jordan = await signedInAs('alumni@northfield.test');
    await offerAccepted(jordan, leader, 'Mock interviews with Jordan');
    const before = leaderMail(NORTHFIELD_LEADER).length;
    expect((await deleteAccount(jordan, { password: DEMO_PASSWORD })).status).toBe(200);
    // The deletion has committed, with the notice in the employers subgraph's outbox; identity is killed at once.
    const killed = stack.servicePid('identity')!;
    process.kill(killed, 'SIGKILL');
    await waitUntil(async () => {
      const pid = stack.servicePid('identity');
      if (pid === undefined || pid === killed) return false;
      return fetch(new URL('/ready', stack.subgraphUrl('identity'))).then(
        (r) => r.ok,
        () => false,
      );
    }, 'identity to be running again');
    await waitUntil(async () => Promise.resolve(leaderMail(NORTHFIELD_LEADER).length > before), 'the mail to the leader', 60_000);
    await settled();
    expect(leaderMail(NORTHFIELD_LEADER)).toHaveLength(before + 1);
    expect(leaderMail(SOUTHBANK_LEADER)).toEqual([]);
  }, 180_000);
});

let samsBooking = '';
const NORTHFIELD_LEADER = 'leader@northfield.test';
const SOUTHBANK_LEADER = 'leader@southbank.test';
const leaderMail = (to: string) => stack.mail!.messages().filter((mail) => mail.to.includes(to) && /A volunteer can no longer come/.test(mail.subject));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Long enough for the gateway's relay and identity's mail worker (each every 0.5 s here) to have run at least four more times. */
const settled = () => sleep(3_000);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDay = (day: string) => `${Number(day.slice(8))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Northfield asks for mock interviews three weeks ahead; the volunteer offers and the leader accepts. Answers the request's id. */
async function offerAccepted(volunteer: GatewayClient, leader: GatewayClient, details: string): Promise<string> {
  const ok = <T>(res: { data?: T | null; errors?: unknown[] }): T => {
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  const today = todayInEngland();
  const { updateMyVolunteerProfile } = ok(
    await volunteer.query<Result<'updateMyVolunteerProfile', object>>(
      `mutation ($input: UpdateMyVolunteerProfileInput!) { updateMyVolunteerProfile(input: $input) { ${ERROR} } }`,
      { input: { activities: ['MOCK_INTERVIEW'], sectors: ['C'], homePostcode: 'LS11 5AA', reach: 'VIRTUAL_ONLY', districts: null } },
    ),
  );
  expect(updateMyVolunteerProfile.error).toBeNull();
  const { postVolunteerRequest } = ok(
    await leader.query<Result<'postVolunteerRequest', { request: { id: string } | null }>>(
      `mutation ($input: PostVolunteerRequestInput!) { postVolunteerRequest(input: $input) { request { id } ${ERROR} } }`,
      {
        input: {
          activity: 'MOCK_INTERVIEW',
          dateFrom: addDays(today, 20),
          dateTo: addDays(today, 21),
          yearGroups: [11],
          volunteersWanted: 1,
          virtual: true,
          details,
        },
      },
    ),
  );
  expect(postVolunteerRequest.error).toBeNull();
  const requestId = postVolunteerRequest.request!.id;
  const { offerVolunteerHelp } = ok(
    await volunteer.query<Result<'offerVolunteerHelp', { offer: { id: string } | null }>>(
      `mutation ($input: OfferVolunteerHelpInput!) { offerVolunteerHelp(input: $input) { offer { id } ${ERROR} } }`,
      { input: { requestId, message: 'Glad to help' } },
    ),
  );
  expect(offerVolunteerHelp.error).toBeNull();
  const { respondToVolunteerOffer } = ok(
    await leader.query<Result<'respondToVolunteerOffer', { offer: { status: string } | null }>>(
      `mutation ($input: RespondToVolunteerOfferInput!) { respondToVolunteerOffer(input: $input) { offer { status } ${ERROR} } }`,
      { input: { offerId: offerVolunteerHelp.offer!.id, accept: true, message: 'Thank you, see you then' } },
    ),
  );
  expect(respondToVolunteerOffer).toEqual({ offer: { status: 'ACCEPTED' }, error: null });
  return requestId;
}

const ERROR = 'error { code message }';
const todayInEngland = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The academic year (named by the calendar year it starts in, 1 September) of today in England. */
const academicYearNow = () => {
  const [year, month] = todayInEngland().split('-').map(Number);
  return month >= 9 ? year : year - 1;
};
type Result<K extends string, V> = Record<K, V & { error: { code: string; message: string } | null }>;

/** Sam offers two placements (one a fortnight ahead, one today), Maya applies to both and Northfield approves her, and Sam answers the employers' survey. */
async function samHostsAndAnswers() {
  const samClient = await signedInAs(SAM.email);
  const pupil = await signedInAs('pupil@northfield.test');
  const leader = await signedInAs('leader@northfield.test');
  const ok = <T>(res: { data?: T | null; errors?: unknown[] }): T => {
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  const northfield = data.schools[0];
  const place = async (dateFrom: string, dateTo: string) => {
    const { offerPlacement } = ok(
      await samClient.query<Result<'offerPlacement', { placement: { id: string } | null }>>(
        `mutation ($input: OfferPlacementInput!) { offerPlacement(input: $input) { placement { id } ${ERROR} } }`,
        {
          input: {
            title: 'Workshop placement',
            tasks: `Work beside ${SAM.name} in the workshop; ask for ${SAM.email} at reception.`,
            dateFrom,
            dateTo,
            hoursPerDay: 6,
            capacity: 2,
            yearGroups: [10],
            schoolIds: [northfield.id],
          },
        },
      ),
    );
    expect(offerPlacement.error).toBeNull();
    const { applyForPlacement } = ok(
      await pupil.query<Result<'applyForPlacement', { application: { id: string } | null }>>(
        `mutation ($input: ApplyForPlacementInput!) { applyForPlacement(input: $input) { application { id } ${ERROR} } }`,
        { input: { placementId: offerPlacement.placement!.id, statement: 'I like making things.' } },
      ),
    );
    expect(applyForPlacement.error).toBeNull();
    const { answerPlacementApplication } = ok(
      await leader.query<Result<'answerPlacementApplication', { application: { status: string } | null }>>(
        `mutation ($input: AnswerPlacementApplicationInput!) { answerPlacementApplication(input: $input) { application { status } ${ERROR} } }`,
        { input: { applicationId: applyForPlacement.application!.id, approve: true, message: 'Approved: enjoy it.' } },
      ),
    );
    expect(answerPlacementApplication).toEqual({ application: { status: 'APPROVED' }, error: null });
    return applyForPlacement.application!.id;
  };
  const today = todayInEngland();
  const applications = { toCome: await place(addDays(today, 14), addDays(today, 15)), started: await place(today, today) };

  // Northfield's named employers' survey this year (the first term not already opened), answered by Sam, who worked with the school.
  let surveyId: string | null = null;
  for (const term of ['AUTUMN', 'SPRING', 'SUMMER']) {
    const { openProgrammeSurvey } = ok(
      await leader.query<Result<'openProgrammeSurvey', { survey: { id: string } | null }>>(
        `mutation ($input: OpenProgrammeSurveyInput!) { openProgrammeSurvey(input: $input) { survey { id } ${ERROR} } }`,
        { input: { audience: 'EMPLOYERS', academicYear: academicYearNow(), term, anonymous: false } },
      ),
    );
    surveyId = openProgrammeSurvey.survey?.id ?? null;
    if (surveyId) break;
  }
  expect(surveyId).not.toBeNull();
  const { answerProgrammeSurvey } = ok(
    await samClient.query<Result<'answerProgrammeSurvey', { answered: boolean }>>(
      `mutation ($input: AnswerProgrammeSurveyInput!) { answerProgrammeSurvey(input: $input) { answered ${ERROR} } }`,
      { input: { surveyId, helps: 4, informed: 3, comment: `${SAM.name} here (${SAM.email}): happy to come back.` } },
    ),
  );
  expect(answerProgrammeSurvey).toEqual({ answered: true, error: null });
  return { samClient, leader, applications, surveyId };
}
