import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isRequestFraming, type Orm } from '@waymark/subgraph-kit';
import { SubgraphTestClient, makePrincipal, startTestSubgraph, testKeys, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { demoData, demoId, type DemoDestination } from '@waymark/demo-data';
import { DESTINATION_KINDS, type DestinationKind } from '@waymark/domain';
import { MASKED_MESSAGE, type Principal } from '@waymark/auth';
import { createApp, destinationsService } from '../../app.js';
import { fixtureFromDemo, startPupilsStandIn, unreachableUrl, type PupilsStandIn } from '@waymark/subgraph-kit/testing';
import { Destination } from './destination.entity.js';

// The same call the seed makes: which pupils have a destination follows from today's date.
const data = demoData();
const [northfield, southbank] = data.schools;
const north = (d: { schoolId: string }) => d.schoolId === northfield.id;
const south = (d: { schoolId: string }) => d.schoolId === southbank.id;
const plannerRow = data.destinations.find((d) => north(d) && d.stage === 'INTENDED')!;
const otherNorthRow = data.destinations.find((d) => north(d) && d.pupilId !== plannerRow.pupilId)!;
const northLeaverRow = data.destinations.find((d) => north(d) && d.stage === 'IMMEDIATE')!;
const southRow = data.destinations.find((d) => south(d))!;
const maya = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 10)!;

// Rows the demo data lacks: an earlier intention for the planner, and a leaver's destination a year on.
const earlierPlan: DemoDestination = {
  ...plannerRow,
  id: demoId('test', 'earlier-plan'),
  kind: 'FE_COLLEGE',
  provider: 'Aire Valley College',
  recordedOn: '2024-06-14',
};
const yearOn: Omit<DemoDestination, 'stage'> & { stage: 'YEAR_1' } = {
  ...northLeaverRow,
  id: demoId('test', 'year-on'),
  stage: 'YEAR_1',
  kind: 'EMPLOYMENT',
  provider: null,
  recordedOn: '2099-10-01',
};
/*
 * A transfer: `mover` was at Southbank until they left on LEFT_ON, and is now at Northfield. Their
 * destinations: three recorded by Southbank (before, on and after the leaving day), one by Northfield.
 */
const LEFT_ON = '2025-06-02';
const mover = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 9)!;
const moved = (key: string, schoolId: string, kind: DestinationKind, recordedOn: string): DemoDestination => ({
  id: demoId('test', 'moved', key),
  pupilId: mover.id,
  schoolId,
  trustId: data.trust.id,
  stage: 'INTENDED',
  kind,
  provider: null,
  recordedOn,
});
const southBefore = moved('south-before', southbank.id, 'FE_COLLEGE', '2025-03-10');
const southOnLeaving = moved('south-on-leaving-day', southbank.id, 'APPRENTICESHIP', LEFT_ON);
const southAfter = moved('south-after', southbank.id, 'SIXTH_FORM_COLLEGE', '2025-10-01');
const northSince = moved('north-since', northfield.id, 'SCHOOL_SIXTH_FORM', '2025-11-05');
const moverRows = [southBefore, southOnLeaving, southAfter, northSince];
const allRows = [...data.destinations, earlierPlan, yearOn, ...moverRows];
const pupilsOf = (schoolId: string) => new Set(data.pupils.filter((p) => p.schoolId === schoolId).map((p) => p.id));

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const staffSouth = makePrincipal({ roles: ['staff'], schoolId: southbank.id, trustId: data.trust.id });
const planner = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: plannerRow.pupilId });
const employee = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id, employerId: data.volunteers[0].employerId });
const alumni = makePrincipal({ roles: ['alumni'], volunteerId: data.volunteers[1].id });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id });
const analystWithPupils = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const otherTrustAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: demoId('trust', 'elsewhere'), pupilLevelAccess: true });
const gateway = makePrincipal({ kind: 'system', roles: [] });
// Northfield lets parents read their children's records; Southbank does not.
const plannersParent = makePrincipal({ roles: ['parent'], childPupilIds: [plannerRow.pupilId, southRow.pupilId] });
const moversParent = makePrincipal({ roles: ['parent'], childPupilIds: [mover.id] });

let orm: Orm;
let client: SubgraphTestClient;
let subgraph: TestSubgraph;
/** The pupils subgraph's contract stand-in for `Pupil.recordAccess` (see test/pupils-stand-in.ts). */
let standIn: PupilsStandIn;

beforeAll(async () => {
  standIn = await startPupilsStandIn(
    fixtureFromDemo(data, { transfers: [{ pupilId: mover.id, fromSchoolId: southbank.id, leftOn: LEFT_ON }], parentAccessSchoolIds: [northfield.id] }),
  );
  subgraph = await startTestSubgraph(destinationsService, (deps) => createApp({ ...deps, env: { ...deps.env, pupilsUrl: standIn.url } }));
  ({ orm, client } = subgraph);
  const em = orm.em.fork();
  for (const row of [earlierPlan, yearOn, ...moverRows]) em.create(Destination, row);
  await em.flush();
});

afterAll(async () => {
  await subgraph?.close();
  await standIn?.close();
});

/** The SQL statements run while `fn` runs (the server is in this process, on the same connection). */
async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(orm.em.getConnection(), 'execute');
  try {
    await fn();
    return spy.mock.calls.map((call) => String(call[0])).filter((sql) => !isRequestFraming(sql));
  } finally {
    spy.mockRestore();
  }
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

describe('destinationSummary', () => {
  const SUMMARY = `query ($schoolId: ID) { destinationSummary(schoolId: $schoolId) { kind kindLabel count } }`;
  type Count = { kind: string; kindLabel: string; count: number };
  const summarise = (who: Principal, schoolId?: string) => client.query<{ destinationSummary: Count[] }>(who, SUMMARY, { schoolId });
  const expected = (rows: DemoDestination[]) =>
    (Object.keys(DESTINATION_KINDS) as DestinationKind[]).map((kind) => ({
      kind,
      kindLabel: DESTINATION_KINDS[kind],
      count: rows.filter((d) => d.stage === 'IMMEDIATE' && d.kind === kind).length,
    }));
  const total = (counts: Count[]) => counts.reduce((sum, c) => sum + c.count, 0);

  it("counts the staff member's own school's leavers by kind, every kind listed, in one GROUP BY", async () => {
    let res: Awaited<ReturnType<typeof summarise>> | undefined;
    const statements = await statementsDuring(async () => {
      res = await summarise(leaderNorth);
    });
    expect(res!.errors).toBeUndefined();
    expect(res!.data!.destinationSummary).toEqual(expected(data.destinations.filter(north)));
    // 30 leavers per demo school; the YEAR_1 row and the intentions are not immediate destinations.
    expect(total(res!.data!.destinationSummary)).toBe(30);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/group by/i);
    const named = await summarise(leaderNorth, northfield.id);
    expect(named.data!.destinationSummary).toEqual(res!.data!.destinationSummary);
  });

  it("refuses staff another school's figures", async () => {
    const res = await summarise(staffSouth, northfield.id);
    expect(res.data?.destinationSummary ?? null).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DESTINATION_OTHER_SCHOOL' });
  });

  it('gives trust analysts, with or without pupil-level access, the trust or one of its schools', async () => {
    for (const who of [analyst, analystWithPupils]) {
      const trust = await summarise(who);
      expect(trust.data!.destinationSummary).toEqual(expected(data.destinations));
      expect(total(trust.data!.destinationSummary)).toBe(60);
      const one = await summarise(who, southbank.id);
      expect(one.data!.destinationSummary).toEqual(expected(data.destinations.filter(south)));
    }
  });

  it("refuses an analyst of another trust this trust's school, rather than answering with zeros", async () => {
    const res = await summarise(otherTrustAnalyst, northfield.id);
    expect(res.data?.destinationSummary ?? null).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DESTINATION_OTHER_TRUST' });
  });

  it('tells an analyst a school id that is not one is bad input, not a server error', async () => {
    const res = await summarise(analyst, 'northfield');
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses pupils, volunteers, alumni and the gateway itself', async () => {
    for (const who of [planner, employee, alumni, gateway]) {
      const res = await summarise(who);
      expect(res.data?.destinationSummary ?? null).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

type DestinationView = {
  id: string;
  stage: string;
  kind: string;
  kindLabel: string;
  provider: string | null;
  recordedOn: string;
  pupil: { id: string } | null;
};
const DESTINATION_FIELDS = 'id stage kind kindLabel provider recordedOn pupil { id }';

describe('_entities for Pupil', () => {
  const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id destinations { ${DESTINATION_FIELDS} } intendedDestination { id kind } } } }`;
  type PupilView = { id: string; destinations: DestinationView[]; intendedDestination: { id: string; kind: string } | null };
  const resolve = (who: Principal, pupilIds: string[]) =>
    client.query<{ _entities: (PupilView | null)[] }>(who, ENTITIES, { r: pupilIds.map((id) => ({ __typename: 'Pupil', id })) });
  const everyPupil = data.pupils.map((p) => p.id);

  it("gives staff every row of their own school's pupils, for every pupil in one statement and one request to the pupils subgraph", async () => {
    let res: Awaited<ReturnType<typeof resolve>> | undefined;
    const asked = standIn.requests.length;
    const statements = await statementsDuring(async () => {
      res = await resolve(leaderNorth, everyPupil);
    });
    expect(res!.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    expect(standIn.requests.length - asked).toBe(1);
    expect(standIn.requests.at(-1)!.pupilIds).toEqual(everyPupil);
    const pupils = res!.data!._entities;
    expect(pupils.map((p) => p?.id)).toEqual(everyPupil);
    // Their pupils' rows from any school: the mover's Southbank rows included.
    expect(ids(pupils.flatMap((p) => p!.destinations))).toEqual(ids(allRows.filter((row) => pupilsOf(northfield.id).has(row.pupilId))));
    expect(
      pupils
        .filter((p) => data.pupils.find((d) => d.id === p!.id)!.schoolId === southbank.id)
        .every((p) => p!.destinations.length === 0 && p!.intendedDestination === null),
    ).toBe(true);
  });

  it("lists a pupil's destinations oldest first and picks the latest intention", async () => {
    const res = await resolve(leaderNorth, [plannerRow.pupilId, maya.id, northLeaverRow.pupilId]);
    const [plans, none, leaver] = res.data!._entities;
    expect(plans!.destinations.map((d) => d.id)).toEqual([earlierPlan.id, plannerRow.id]);
    expect(plans!.destinations[0]).toEqual({
      id: earlierPlan.id,
      stage: 'INTENDED',
      kind: 'FE_COLLEGE',
      kindLabel: 'Further education college',
      provider: 'Aire Valley College',
      recordedOn: '2024-06-14',
      pupil: { id: plannerRow.pupilId },
    });
    expect(plans!.intendedDestination).toEqual({ id: plannerRow.id, kind: plannerRow.kind });
    expect(none).toEqual({ id: maya.id, destinations: [], intendedDestination: null });
    expect(leaver!.destinations.map((d) => d.stage)).toEqual(['IMMEDIATE', 'YEAR_1']);
    expect(leaver!.intendedDestination).toBeNull();
  });

  it('gives staff of another school an empty list, never the rows', async () => {
    const res = await resolve(staffSouth, [plannerRow.pupilId, southRow.pupilId]);
    expect(res.data!._entities[0]).toEqual({ id: plannerRow.pupilId, destinations: [], intendedDestination: null });
    expect(res.data!._entities[1]!.destinations.map((d) => d.id)).toEqual([southRow.id]);
  });

  it("resolves a pupil's own record only, not another pupil's, without asking the pupils subgraph", async () => {
    const asked = standIn.requests.length;
    const res = await resolve(planner, [plannerRow.pupilId, otherNorthRow.pupilId, maya.id]);
    expect(standIn.requests.length).toBe(asked);
    expect(res.data!._entities[0]!.destinations.map((d) => d.id)).toEqual([earlierPlan.id, plannerRow.id]);
    expect(res.data!._entities.slice(1)).toEqual([null, null]);
  });

  it("gives trust analysts with pupil-level access their trust's rows, and an analyst of another trust none", async () => {
    const res = await resolve(analystWithPupils, everyPupil);
    expect(ids(res.data!._entities.flatMap((p) => p!.destinations))).toEqual(ids(allRows));
    const other = await resolve(otherTrustAnalyst, [plannerRow.pupilId, southRow.pupilId]);
    expect(other.data!._entities.map((p) => p!.destinations)).toEqual([[], []]);
  });

  it('resolves no pupils for analysts without pupil-level access, volunteers, alumni or the gateway', async () => {
    const asked = standIn.requests.length;
    for (const who of [analyst, employee, alumni, gateway]) {
      const res = await resolve(who, [plannerRow.pupilId, southRow.pupilId]);
      expect(res.data!._entities).toEqual([null, null]);
    }
    expect(standIn.requests.length).toBe(asked);
  });

  it("gives a parent their linked child's rows where the school allows it, and nobody else's", async () => {
    const res = await resolve(plannersParent, [plannerRow.pupilId, southRow.pupilId, otherNorthRow.pupilId]);
    expect(res.errors).toBeUndefined();
    const [child, otherChild, stranger] = res.data!._entities;
    expect(child!.destinations.map((d) => d.id)).toEqual([earlierPlan.id, plannerRow.id]);
    expect(child!.intendedDestination).toEqual({ id: plannerRow.id, kind: plannerRow.kind });
    // Linked, but Southbank does not let parents in: the pupils subgraph answers null.
    expect(otherChild).toEqual({ id: southRow.pupilId, destinations: [], intendedDestination: null });
    // Not their child: not even the stub, and not asked about.
    expect(stranger).toBeNull();
    expect(standIn.requests.at(-1)!.pupilIds).toEqual([plannerRow.pupilId, southRow.pupilId]);
  });
});

describe('_entities for Pupil after a transfer', () => {
  const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id destinations { id } intendedDestination { id } } } }`;
  type PupilView = { id: string; destinations: { id: string }[] | null; intendedDestination: { id: string } | null };
  const resolve = (who: Principal, pupilIds: string[], via: SubgraphTestClient = client) =>
    via.query<{ _entities: (PupilView | null)[] }>(who, ENTITIES, { r: pupilIds.map((id) => ({ __typename: 'Pupil', id })) });
  const history = async (who: Principal) => {
    const res = await resolve(who, [mover.id]);
    expect(res.errors).toBeUndefined();
    return res.data!._entities[0];
  };

  it("gives the new school's staff, pupil-level analysts and a linked parent the old school's rows too, oldest first", async () => {
    for (const who of [leaderNorth, analystWithPupils, moversParent]) {
      expect(await history(who)).toEqual({ id: mover.id, destinations: moverRows.map((row) => ({ id: row.id })), intendedDestination: { id: northSince.id } });
    }
  });

  it("gives the old school's staff only their own rows recorded before the leaving day, and nothing after", async () => {
    expect(await history(staffSouth)).toEqual({ id: mover.id, destinations: [{ id: southBefore.id }], intendedDestination: { id: southBefore.id } });
    expect(standIn.requests.at(-1)).toMatchObject({ principal: { accountId: staffSouth.accountId }, pupilIds: [mover.id] });
  });

  it('gives the pupil themself every row, without asking the pupils subgraph', async () => {
    const asked = standIn.requests.length;
    const self = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: mover.id });
    expect((await history(self))!.destinations).toEqual(moverRows.map((row) => ({ id: row.id })));
    expect(standIn.requests.length).toBe(asked);
  });

  it('gives a caller the pupils subgraph answers null for nothing', async () => {
    const stranger = makePrincipal({ roles: ['careers_leader'], schoolId: randomUUID(), trustId: randomUUID() });
    for (const who of [stranger, otherTrustAnalyst]) {
      expect(await history(who)).toEqual({ id: mover.id, destinations: [], intendedDestination: null });
    }
  });

  it('answers 1,000 pupils in one statement and one request to the pupils subgraph, transfers included', async () => {
    const pupilIds = data.pupils.map((p) => p.id);
    while (pupilIds.length < 1000) pupilIds.push(randomUUID());
    const asked = standIn.requests.length;
    let res: Awaited<ReturnType<typeof resolve>> | undefined;
    const statements = await statementsDuring(async () => {
      res = await resolve(staffSouth, pupilIds);
    });
    expect(res!.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    expect(standIn.requests.length - asked).toBe(1);
    expect(standIn.requests.at(-1)!.pupilIds).toHaveLength(1000);
    const seen = res!.data!._entities.flatMap((p) => p!.destinations!);
    expect(ids(seen)).toEqual(ids([...allRows.filter((row) => pupilsOf(southbank.id).has(row.pupilId)), southBefore]));
  });

  it('fails closed when the pupils subgraph cannot be reached: no rows and a masked error', async () => {
    const app = await createApp({ env: { publicKeyPem: testKeys().publicKeyPem, nodeEnv: 'test', pupilsUrl: await unreachableUrl() }, orm });
    try {
      const down = await SubgraphTestClient.start(app);
      let res: Awaited<ReturnType<typeof resolve>> | undefined;
      const statements = await statementsDuring(async () => {
        res = await resolve(leaderNorth, [mover.id, plannerRow.pupilId], down);
      });
      expect(statements).toEqual([]);
      expect(res!.data!._entities).toEqual([
        { id: mover.id, destinations: null, intendedDestination: null },
        { id: plannerRow.pupilId, destinations: null, intendedDestination: null },
      ]);
      expect(res!.errors!.length).toBeGreaterThan(0);
      for (const error of res!.errors!) {
        expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        expect(error.message).toBe(MASKED_MESSAGE);
      }
      expect(JSON.stringify(res!.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed/i);
      // The pupil themself asks nobody, so still gets their rows.
      const self = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: mover.id });
      const own = await resolve(self, [mover.id], down);
      expect(own.errors).toBeUndefined();
      expect(own.data!._entities[0]!.destinations).toHaveLength(moverRows.length);
    } finally {
      await app.close();
    }
  });

  it('fails closed when the pupils subgraph answers with errors instead of recordAccess: no rows', async () => {
    standIn.failing = true;
    try {
      const res = await resolve(leaderNorth, [mover.id]);
      expect(res.data!._entities[0]).toEqual({ id: mover.id, destinations: null, intendedDestination: null });
      expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      standIn.failing = false;
    }
  });

  it("never sent the stand-in anything but the contract's recordAccess request", () => {
    expect(standIn.refused).toEqual([]);
  });
});

describe('_entities for Destination', () => {
  const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Destination { ${DESTINATION_FIELDS} } } }`;
  const unknownId = '00000000-0000-4000-8000-000000000000';
  const asked = [plannerRow.id, otherNorthRow.id, southRow.id, unknownId];
  const resolve = (who: Principal) =>
    client.query<{ _entities: (DestinationView | null)[] }>(who, ENTITIES, { r: asked.map((id) => ({ __typename: 'Destination', id })) });
  const seen = (res: Awaited<ReturnType<typeof resolve>>) => res.data!._entities.map((d) => d?.id ?? null);

  it("resolves for staff only their school's rows, in one statement", async () => {
    let res: Awaited<ReturnType<typeof resolve>> | undefined;
    const statements = await statementsDuring(async () => {
      res = await resolve(leaderNorth);
    });
    expect(seen(res!)).toEqual([plannerRow.id, otherNorthRow.id, null, null]);
    expect(statements).toHaveLength(1);
    expect(res!.data!._entities[0]).toMatchObject({
      stage: 'INTENDED',
      kind: plannerRow.kind,
      kindLabel: DESTINATION_KINDS[plannerRow.kind],
      pupil: { id: plannerRow.pupilId },
    });
    expect(res!.data!._entities[0]!.recordedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(seen(await resolve(staffSouth))).toEqual([null, null, southRow.id, null]);
  });

  it("resolves for a pupil only their own rows, and for pupil-level analysts the trust's", async () => {
    expect(seen(await resolve(planner))).toEqual([plannerRow.id, null, null, null]);
    expect(seen(await resolve(analystWithPupils))).toEqual([plannerRow.id, otherNorthRow.id, southRow.id, null]);
  });

  it('treats an id that is not a UUID as unknown, not as a database error', async () => {
    const res = await client.query<{ _entities: (DestinationView | null)[] }>(leaderNorth, ENTITIES, {
      r: ['not-an-id', plannerRow.id].map((id) => ({ __typename: 'Destination', id })),
    });
    expect(res.errors).toBeUndefined();
    expect(seen(res)).toEqual([null, plannerRow.id]);
  });

  it('resolves nothing for analysts without pupil-level access, volunteers, alumni or the gateway', async () => {
    for (const who of [analyst, otherTrustAnalyst, employee, alumni, gateway]) {
      expect(seen(await resolve(who))).toEqual([null, null, null, null]);
    }
  });

  it("filters a destination's pupil's other destinations by the caller's scope too", async () => {
    const nested = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Destination { id pupil { id destinations { id } } } } }`;
    const res = await client.query<{ _entities: { id: string; pupil: { destinations: { id: string }[] } }[] }>(planner, nested, {
      r: [{ __typename: 'Destination', id: plannerRow.id }],
    });
    expect(res.data!._entities[0].pupil.destinations.map((d) => d.id)).toEqual([earlierPlan.id, plannerRow.id]);
  });
});

describe('the gateway credential', () => {
  it('refuses calls without a valid credential, _service and _entities included', async () => {
    const queries = [
      '{ _service { sdl } }',
      '{ destinationSummary { count } }',
      `{ _entities(representations: [{ __typename: "Pupil", id: "${plannerRow.pupilId}" }]) { ... on Pupil { destinations { id } } } }`,
    ];
    for (const query of queries) {
      const res = await client.query(null, query);
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data).toBeUndefined();
    }
    const forged = await fetch(`${client.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-waymark-credential': 'eyJhbGciOiJub25lIn0.eyJwIjp7fX0.' },
      body: JSON.stringify({ query: '{ destinationSummary { count } }' }),
    });
    expect(forged.status).toBe(401);
  });
});
