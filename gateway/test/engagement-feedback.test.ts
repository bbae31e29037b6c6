import { describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * Feedback after an engagement through the real gateway (docs/domain-rules.md, "Feedback after an
 * engagement"). Two paths cross subgraphs: the volunteer's list of pupils who attended (encounters asks
 * the pupils subgraph's volunteerPupilNames, which the gateway itself never offers), and a pupil's
 * record (pupils) carrying the volunteer's words on each register row (encounters). The volunteer gets
 * first names and year groups and nothing else; the pupil and their school's staff read the words, a
 * parent does not; and the gateway refuses the pupils subgraph's lookup to every caller.
 */
const data = demoData();
const [sam] = data.volunteers;
const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;

const stack = useTestStack({ name: 'engagement_feedback', shared: true });

async function as(email: string): Promise<GatewayClient> {
  const client = new GatewayClient(stack.url);
  expect((await client.signIn(email)).status).toBe(200);
  return client;
}

function ok<T>(res: { data?: T | null; errors?: unknown[] }): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

const RECORD = `query ($id: ID!) { pupil(id: $id) { participations { encounter { id } volunteerFeedback { text } } } }`;
const OWN_RECORD = `{ myPupilRecord { participations { encounter { id } volunteerFeedback { text } } } }`;
type Rows = { encounter: { id: string } | null; volunteerFeedback: { text: string }[] }[] | null;

describe('feedback after an engagement across the subgraphs', () => {
  it("tells the volunteer first names and year groups only, and carries their words to the pupil's record for the pupil and staff", async () => {
    const leader = await as('leader@northfield.test');
    const employer = await as('employer@acme.test');
    const pupil = await as('pupil@northfield.test');
    const parent = await as('parent@northfield.test');

    const created = ok(
      await leader.query<{ createEncounter: { encounter: { id: string } | null; error: unknown } }>(
        'mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } error { message } } }',
        {
          input: {
            kind: 'WORK_SHADOWING',
            title: 'Gateway test: shadowing an engineer',
            date: new Date(Date.now() - 2 * 86_400_000).toISOString(),
            hours: 4,
            inSchoolDay: true,
            employerIds: [],
            volunteerIds: [sam.id],
            yearGroups: [10],
            register: [{ pupilId: maya.id, attended: true }],
          },
        },
      ),
    ).createEncounter;
    expect(created.error).toBeNull();
    const id = created.encounter!.id;

    // The volunteer's list: what the pupils subgraph gave, and nothing more.
    const mine = ok(
      await employer.query<{ myEngagement: { feedbackPupils: Record<string, unknown>[] | null } | null }>(
        'query ($id: ID!) { myEngagement(id: $id) { feedbackPupils { participationId firstName yearGroup feedback } } }',
        { id },
      ),
    ).myEngagement!;
    expect(mine.feedbackPupils).toEqual([
      { participationId: expect.any(String), firstName: maya.preferredName ?? maya.legalForename, yearGroup: maya.yearGroup, feedback: null },
    ]);
    expect(JSON.stringify(mine)).not.toContain(maya.legalSurname);

    const given = ok(
      await employer.query<{ givePupilFeedback: { error: unknown } }>(
        'mutation ($input: GivePupilFeedbackInput!) { givePupilFeedback(input: $input) { error { code message } } }',
        { input: { encounterId: id, feedback: [{ participationId: mine.feedbackPupils![0].participationId, text: 'A natural at testing.' }] } },
      ),
    ).givePupilFeedback;
    expect(given.error).toBeNull();

    const wordsIn = (rows: Rows) => rows?.find((row) => row.encounter?.id === id)?.volunteerFeedback ?? null;
    expect(wordsIn(ok(await pupil.query<{ myPupilRecord: { participations: Rows } }>(OWN_RECORD)).myPupilRecord.participations)).toEqual([
      { text: 'A natural at testing.' },
    ]);
    expect(wordsIn(ok(await leader.query<{ pupil: { participations: Rows } }>(RECORD, { id: maya.id })).pupil.participations)).toEqual([
      { text: 'A natural at testing.' },
    ]);
    const parentsView = await parent.query<{ pupil: { participations: Rows } | null }>(RECORD, { id: maya.id });
    expect([null, []]).toContainEqual(wordsIn(parentsView.data?.pupil?.participations ?? null));

    // The pupils subgraph's lookup is not in the public API: the gateway refuses it to everyone.
    for (const client of [employer, leader]) {
      const res = await client.query('query ($ids: [ID!]!) { volunteerPupilNames(pupilIds: $ids) { firstName } }', { ids: [maya.id] });
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.length).toBeGreaterThan(0);
    }
  });
});
