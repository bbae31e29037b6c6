import { describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * A work-experience placement through the real gateway and subgraphs: an employer volunteer offers
 * it, a pupil applies (the employers subgraph asks the real pupils subgraph for their first name
 * and year group), their careers leader approves, the employer sees only the pupil's first name and
 * year group, and on its last day marks it done with feedback. The leader's next look at the
 * applications sends the pupil's work experience to the real encounters subgraph, which the pupil
 * then reads on their record; read again, it is still one encounter.
 *
 * A placement can be marked as done from its last day, so the test's placement is one day long,
 * today (in England), and runs the same on PostgreSQL and PGlite.
 */
const todayInEngland = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
const data = demoData();
const [northfield] = data.schools;
const [sam] = data.volunteers;
const NAME = 'placements';

const stack = useTestStack({ name: NAME, shared: true });

async function as(email: string): Promise<GatewayClient> {
  const client = new GatewayClient(stack.url);
  expect((await client.signIn(email)).status).toBe(200);
  return client;
}

function ok<T>(res: { data?: T | null; errors?: unknown[] }): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

const ERROR = 'error { code message fields { field message } }';
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type Application = {
  id: string;
  firstName: string;
  yearGroup: number;
  statement: string | null;
  status: string;
  feedback: string | null;
  encounterPending: boolean;
  encounter: { id: string; kind: string; title: string; hours: number; benchmarks: number[]; checklist: { employerFeedback: boolean } } | null;
};
const LEADER_LIST = `{ placementApplications { id firstName yearGroup statement status feedback encounterPending
  encounter { id kind title hours benchmarks checklist { employerFeedback } } placement { id title } } }`;

describe('a work-experience placement becomes the pupil’s workplace experience', () => {
  it('offer → apply → approve → complete → recorded once on the pupil’s record', async () => {
    const employer = await as('employer@acme.test');
    const pupil = await as('pupil@northfield.test');
    const leader = await as('leader@northfield.test');

    const offered = ok(
      await employer.query<{ offerPlacement: { placement: { id: string; days: number } | null; error: unknown } }>(
        `mutation ($input: OfferPlacementInput!) { offerPlacement(input: $input) { placement { id days } ${ERROR} } }`,
        {
          input: {
            title: 'Gateway test workshop week',
            tasks: 'Test parts and draw a bracket.',
            // One day, today: it can be applied for, approved and marked as done in one run.
            dateFrom: todayInEngland(),
            dateTo: todayInEngland(),
            hoursPerDay: 6,
            capacity: 2,
            yearGroups: [10],
            schoolIds: [northfield.id],
          },
        },
      ),
    ).offerPlacement;
    expect(offered.error).toBeNull();
    const placementId = offered.placement!.id;

    const open = ok(
      await pupil.query<{ openPlacements: { id: string; employerName: string; schools: { name: string }[] }[] }>(
        '{ openPlacements { id employerName schools { name } } }',
      ),
    );
    expect(open.openPlacements.find((p) => p.id === placementId)).toEqual({
      id: placementId,
      employerName: data.employers.find((e) => e.id === sam.employerId)!.name,
      schools: [{ name: northfield.name }],
    });
    const applied = ok(
      await pupil.query<{ applyForPlacement: { application: { id: string; firstName: string; yearGroup: number; status: string } | null; error: unknown } }>(
        `mutation ($input: ApplyForPlacementInput!) { applyForPlacement(input: $input) { application { id firstName yearGroup status } ${ERROR} } }`,
        { input: { placementId, statement: 'I want to be an engineer and I like fixing bikes.' } },
      ),
    ).applyForPlacement;
    expect(applied).toEqual({ application: { id: applied.application!.id, firstName: 'Maya', yearGroup: 10, status: 'PENDING' }, error: null });
    const applicationId = applied.application!.id;

    // The employer hears nothing of the pupil until the school approves, and may never list the school's applications.
    const EMPLOYER_VIEW = '{ myPlacements { id applications { id firstName yearGroup statement status } } }';
    type EmployerView = { myPlacements: { id: string; applications: Pick<Application, 'id' | 'firstName' | 'yearGroup' | 'statement' | 'status'>[] }[] };
    expect(ok(await employer.query<EmployerView>(EMPLOYER_VIEW)).myPlacements.find((p) => p.id === placementId)!.applications).toEqual([]);
    expect((await employer.query(LEADER_LIST)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Another school's leader neither reads nor answers it; a parent and another volunteer may not list the school's applications.
    const otherLeader = await as('leader@southbank.test');
    expect(ok(await otherLeader.query<{ placementApplications: Application[] }>(LEADER_LIST)).placementApplications.map((a) => a.id)).not.toContain(
      applicationId,
    );
    const foreign = ok(
      await otherLeader.query<{ answerPlacementApplication: { error: { code: string } | null } }>(
        `mutation ($input: AnswerPlacementApplicationInput!) { answerPlacementApplication(input: $input) { ${ERROR} } }`,
        { input: { applicationId, approve: true, message: 'Yes' } },
      ),
    ).answerPlacementApplication;
    expect(foreign.error!.code).toBe('PLACEMENT_APPLICATION_NOT_FOUND');
    for (const email of ['parent@northfield.test', 'alumni@northfield.test']) {
      expect((await (await as(email)).query(LEADER_LIST)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }

    const listed = ok(await leader.query<{ placementApplications: Application[] }>(LEADER_LIST)).placementApplications.find((a) => a.id === applicationId)!;
    expect(listed).toMatchObject({ firstName: 'Maya', statement: 'I want to be an engineer and I like fixing bikes.', status: 'PENDING' });
    const approved = ok(
      await leader.query<{ answerPlacementApplication: { application: { status: string } | null; error: unknown } }>(
        `mutation ($input: AnswerPlacementApplicationInput!) { answerPlacementApplication(input: $input) { application { status } ${ERROR} } }`,
        { input: { applicationId, approve: true, message: 'Approved: bring your safety boots.' } },
      ),
    ).answerPlacementApplication;
    expect(approved).toEqual({ application: { status: 'APPROVED' }, error: null });
    expect(ok(await employer.query<EmployerView>(EMPLOYER_VIEW)).myPlacements.find((p) => p.id === placementId)!.applications).toEqual([
      { id: applicationId, firstName: 'Maya', yearGroup: 10, statement: null, status: 'APPROVED' },
    ]);

    const COMPLETE = `mutation ($input: CompletePlacementInput!) { completePlacement(input: $input) { placement { status } ${ERROR} } }`;
    type Completed = { completePlacement: { placement: { status: string } | null; error: { code: string } | null } };
    // A placement whose last day is still to come cannot be marked as done yet.
    const later = ok(
      await employer.query<{ offerPlacement: { placement: { id: string } | null } }>(
        `mutation ($input: OfferPlacementInput!) { offerPlacement(input: $input) { placement { id } ${ERROR} } }`,
        {
          input: {
            title: 'Gateway test later week',
            tasks: 'Later.',
            dateFrom: dayAhead(10),
            dateTo: dayAhead(10),
            hoursPerDay: 6,
            capacity: 1,
            yearGroups: [10],
            schoolIds: [northfield.id],
          },
        },
      ),
    ).offerPlacement.placement!.id;
    const early = ok(await employer.query<Completed>(COMPLETE, { input: { placementId: later } })).completePlacement;
    expect(early.error!.code).toBe('PLACEMENT_NOT_OVER');
    const done = ok(
      await employer.query<Completed>(COMPLETE, { input: { placementId, feedback: [{ applicationId, feedback: 'Maya asked great questions.' }] } }),
    ).completePlacement;
    expect(done).toEqual({ placement: { status: 'COMPLETED' }, error: null });

    // The pupil reads the feedback at once; the encounter is made when the school's staff next read the applications.
    const mine = ok(await pupil.query<{ myPlacementApplications: Application[] }>('{ myPlacementApplications { id status feedback encounterPending } }'));
    expect(mine.myPlacementApplications.find((a) => a.id === applicationId)).toEqual({
      id: applicationId,
      status: 'COMPLETED',
      feedback: 'Maya asked great questions.',
      encounterPending: true,
    });
    const sent = ok(await leader.query<{ placementApplications: Application[] }>(LEADER_LIST)).placementApplications.find((a) => a.id === applicationId)!;
    expect(sent).toMatchObject({
      status: 'COMPLETED',
      encounterPending: false,
      encounter: {
        kind: 'WORK_EXPERIENCE',
        title: 'Work experience: Gateway test workshop week',
        hours: 6,
        benchmarks: [6],
        checklist: { employerFeedback: true },
      },
    });
    const encounterId = sent.encounter!.id;

    // Read again, the application keeps its one encounter (the outbox row is done; the key would answer the same one).
    const again = ok(await leader.query<{ placementApplications: Application[] }>(LEADER_LIST)).placementApplications.find((a) => a.id === applicationId)!;
    expect(again.encounter!.id).toBe(encounterId);

    const record = ok(
      await pupil.query<{ myPupilRecord: { participations: { attended: boolean; encounter: { id: string; kind: string; hours: number } }[] } }>(
        '{ myPupilRecord { participations { attended encounter { id kind hours } } } }',
      ),
    );
    expect(record.myPupilRecord.participations.filter((p) => p.encounter.id === encounterId)).toEqual([
      { attended: true, encounter: { id: encounterId, kind: 'WORK_EXPERIENCE', hours: 6 } },
    ]);
    const leaderEncounters = ok(
      await leader.query<{ encounters: { edges: { node: { id: string; title: string } }[] } }>('{ encounters(first: 100) { edges { node { id title } } } }'),
    );
    expect(leaderEncounters.encounters.edges.filter((e) => e.node.title === 'Work experience: Gateway test workshop week')).toHaveLength(1);
  }, 120_000);
});
