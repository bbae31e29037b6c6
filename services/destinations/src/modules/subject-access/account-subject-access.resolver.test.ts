import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { makePrincipal, startTestSubgraph, unreachableUrl, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, destinationsService } from '../../app.js';
import { ownDestinationsSubjectAccess } from './subject-access.service.js';

/*
 * Account.destinationsSubjectAccess ("Download my data"): a pupil's own destinations, for them alone.
 * Their export must reach their school's data access log (in the pupils subgraph) before it is shown:
 * here the pupils subgraph cannot be reached, so a pupil gets an error and no rows, while a volunteer,
 * whose export belongs to no school's log, still gets their (empty) part.
 */
const data = demoData();
const [northfield] = data.schools;
const account = (email: string) => data.accounts.find((a) => a.email === email)!;
const samAccount = account('employer@acme.test');
// A Year 11 pupil or leaver with destinations recorded, signed in with an account of their own.
const leaver = data.pupils.find((p) => p.schoolId === northfield.id && data.destinations.some((d) => d.pupilId === p.id))!;
const leaverDestinations = data.destinations.filter((d) => d.pupilId === leaver.id);
const pupilAccount = { id: randomUUID() };

const pupil = makePrincipal({ roles: ['pupil'], accountId: pupilAccount.id, pupilId: leaver.id, schoolId: northfield.id, trustId: data.trust.id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], accountId: samAccount.id, volunteerId: samAccount.volunteerId });
const leader = makePrincipal({ roles: ['careers_leader'], accountId: randomUUID(), schoolId: northfield.id, trustId: data.trust.id });
const parent = makePrincipal({ roles: ['parent'], accountId: randomUUID(), childPupilIds: [leaver.id] });

const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id destinationsSubjectAccess } } }';
const reps = (id: string) => ({ r: [{ __typename: 'Account', id }] });

let subgraph: TestSubgraph;

beforeAll(async () => {
  const pupilsUrl = await unreachableUrl();
  subgraph = await startTestSubgraph(destinationsService, (deps) => createApp({ ...deps, env: { ...deps.env, pupilsUrl } }));
});

afterAll(() => subgraph?.close());

function ask(who: Principal, accountId = who.accountId) {
  return subgraph.client.query<{ _entities: ({ destinationsSubjectAccess: unknown } | null)[] }>(who, ENTITIES, reps(accountId));
}

describe('Account.destinationsSubjectAccess', () => {
  it("is shown to a pupil only once their school's log has it: with the log out of reach, an error and none of their destinations", async () => {
    expect(leaverDestinations.length).toBeGreaterThan(0);
    const res = await ask(pupil);
    expect(res.errors?.length).toBeGreaterThan(0);
    const text = JSON.stringify(res);
    for (const destination of leaverDestinations) expect(text).not.toContain(destination.id);
  });

  it("reads a pupil's own destinations, and nobody else's", async () => {
    // The statement itself, on the subgraph's database (the field needs the log, out of reach here; the gateway test has it).
    const part = await ownDestinationsSubjectAccess(subgraph.orm.em.fork(), pupil);
    expect(part.sections[0].title).toBe('Your plans and destinations after school');
    expect(part.sections[0].rows.map((row) => row.id).sort()).toEqual(leaverDestinations.map((d) => d.id).sort());
    for (const section of part.sections) expect(section.rows.every((row) => row.pupil_id === leaver.id)).toBe(true);
  });

  it('adds their plans, hopes and spells after Year 11 when there are any, and leaves those sections out when there are none', async () => {
    const em = subgraph.orm.em.fork();
    const withSpells = data.destinations.find((d) => d.schoolId === northfield.id && d.stage === 'IMMEDIATE')!.pupilId;
    const spells = await ownDestinationsSubjectAccess(em, makePrincipal({ roles: ['pupil'], pupilId: withSpells, schoolId: northfield.id }));
    expect(spells.sections.find((s) => s.title === 'What you did after Year 11')!.rows.length).toBeGreaterThan(0);
    const planner = data.destinations.find((d) => d.schoolId === northfield.id && d.stage === 'INTENDED' && d.kind === 'FE_COLLEGE')!.pupilId;
    const plans = await ownDestinationsSubjectAccess(em, makePrincipal({ roles: ['pupil'], pupilId: planner, schoolId: northfield.id }));
    expect(plans.sections.find((s) => s.title === 'Your plans for after Year 11 and Year 13')!.rows).toEqual([
      expect.objectContaining({ pupil_id: planner, kind: 'FE_COLLEGE' }),
    ]);
    const maya = data.accounts.find((a) => a.email === 'pupil@northfield.test')!.pupilId!;
    const nothing = await ownDestinationsSubjectAccess(em, makePrincipal({ roles: ['pupil'], pupilId: maya, schoolId: northfield.id }));
    expect(nothing.sections.map((s) => s.title)).toEqual(['Your plans and destinations after school']);
  });

  it("holds nothing about a volunteer, and answers them without any school's log", async () => {
    const res = await ask(volunteer);
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([{ id: samAccount.id, destinationsSubjectAccess: { source: 'destinations', sections: [] } }]);
  });

  it("is FORBIDDEN to staff of the pupil's school, their parent, a volunteer and the gateway", async () => {
    for (const who of [leader, parent, volunteer, SYSTEM_PRINCIPAL]) {
      const res = await ask(who, pupilAccount.id);
      expect(
        res.errors?.map((e) => e.extensions?.code),
        who.roles.join(),
      ).toEqual(['FORBIDDEN']);
      expect(res.data?._entities ?? [null]).toEqual([null]);
    }
  });
});
