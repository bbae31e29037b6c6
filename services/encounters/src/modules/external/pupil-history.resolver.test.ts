import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrincipal, type SubgraphTestClient } from '@waymark/subgraph-kit/testing';
import { MASKED_MESSAGE, type Principal } from '@waymark/auth';
import { demoData, demoId } from '@waymark/demo-data';
import { countStatements, startHarness, type Harness } from '../../../test/harness.js';
import { fixtureFromDemo, unreachableUrl } from '@waymark/subgraph-kit/testing';
import { Encounter, Participation } from '../encounter/encounter.entity.js';
import { recordScopeOf, startOfSchoolDay } from '@waymark/subgraph-kit';

/*
 * A pupil's register rows follow them from school to school, as far as the pupils subgraph's
 * `Pupil.recordAccess` allows the caller (here: its contract stand-in, see test/pupils-stand-in.ts).
 * The story: `mover` was at Southbank until they left on 2 June 2025 (in BST), and is now at
 * Northfield, where the demo data has their current rows.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const LEFT_ON = '2025-06-02';
const mover = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 10 && data.participations.some((r) => r.pupilId === p.id))!;
const southPupil = data.pupils.find((p) => p.schoolId === southbank.id && p.yearGroup === 10)!;
const northPupil = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 10 && p.id !== mover.id)!;

/** Southbank's encounters with the mover on the register, before and after they left. */
const southbankHistory = [
  { key: 'spring', title: 'Southbank spring fair', date: '2025-03-12T10:00:00.000Z', beforeLeaving: true },
  { key: 'eve', title: 'Late revision evening (23:30 BST on 1 June)', date: '2025-06-01T22:30:00.000Z', beforeLeaving: true },
  { key: 'midnight', title: 'Prom night talk (00:30 BST on 2 June)', date: '2025-06-01T23:30:00.000Z', beforeLeaving: false },
  { key: 'autumn', title: 'Autumn talk, recorded after the move', date: '2025-09-15T09:30:00.000Z', beforeLeaving: false },
].map((e) => ({ ...e, id: demoId('test-encounter', e.key), rowId: demoId('test-participation', e.key) }));
const rowIds = (when: (e: (typeof southbankHistory)[number]) => boolean) => southbankHistory.filter(when).map((e) => e.rowId);
const demoRowsOf = (pupilId: string) => data.participations.filter((p) => p.pupilId === pupilId).map((p) => p.id);

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
const staffSouth = makePrincipal({ roles: ['staff'], schoolId: southbank.id, trustId: data.trust.id });
const analystWithPupils = makePrincipal({ roles: ['trust_analyst'], trustId: data.trust.id, pupilLevelAccess: true });
const moversParent = makePrincipal({ roles: ['parent'], childPupilIds: [mover.id] });
const moverThemself = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId: data.trust.id, pupilId: mover.id });

let harness: Harness;
let standInClient: SubgraphTestClient;

beforeAll(async () => {
  harness = await startHarness(
    fixtureFromDemo(data, { transfers: [{ pupilId: mover.id, fromSchoolId: southbank.id, leftOn: LEFT_ON }], parentAccessSchoolIds: [northfield.id] }),
  );
  standInClient = harness.standInClient;
  const em = harness.orm.em.fork();
  for (const e of southbankHistory) {
    const encounter = em.create(Encounter, {
      id: e.id,
      schoolId: southbank.id,
      trustId: data.trust.id,
      kind: 'EMPLOYER_TALK',
      title: e.title,
      date: new Date(e.date),
      inSchoolDay: true,
      hours: 1,
      benchmarks: [5],
      yearGroups: [9],
      employerIds: [],
      volunteerIds: [],
      createdAt: new Date(),
    });
    em.create(Participation, { id: e.rowId, encounter, pupilId: mover.id, schoolId: southbank.id, trustId: data.trust.id, attended: true });
  }
  await em.flush();
});

afterAll(async () => {
  await harness?.close();
});

type Row = { id: string; attended: boolean; encounter: { id: string; title: string; school: { id: string } } | null };
type PupilView = { id: string; participations: Row[] | null };
const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id participations { id attended encounter { id title school { id } } } } } }`;

async function participations(who: Principal, pupilIds: string[], via: SubgraphTestClient = standInClient) {
  return via.query<{ _entities: (PupilView | null)[] }>(who, QUERY, { r: pupilIds.map((id) => ({ __typename: 'Pupil', id })) });
}

async function rowsOf(who: Principal, pupilIds: string[]): Promise<(Row[] | null)[]> {
  const res = await participations(who, pupilIds);
  expect(res.errors).toBeUndefined();
  return res.data!._entities.map((pupil) => pupil?.participations ?? null);
}

const sorted = (ids: string[]) => [...ids].sort();
const idsOf = (rows: Row[] | null) => sorted((rows ?? []).map((r) => r.id));

describe('Pupil.participations after a transfer', () => {
  it("gives the new school's staff every row of the pupil, the old school's included, with their encounters", async () => {
    const [rows] = await rowsOf(leaderNorth, [mover.id]);
    expect(idsOf(rows)).toEqual(sorted([...demoRowsOf(mover.id), ...rowIds(() => true)]));
    const fromSouthbank = rows!.filter((r) => r.encounter?.school.id === southbank.id);
    expect(sorted(fromSouthbank.map((r) => r.encounter!.title))).toEqual(sorted(southbankHistory.map((e) => e.title)));
    // Newest first, across both schools.
    const dates = rows!
      .map((r) => r.encounter!.id)
      .map((id) => southbankHistory.find((e) => e.id === id)?.date ?? data.encounters.find((e) => e.id === id)!.date);
    expect(dates.map(Date.parse)).toEqual(dates.map(Date.parse).sort((a, b) => b - a));
  });

  it("gives the old school's staff only their own rows from before the leaving day (in England's time), and nothing after", async () => {
    const [rows] = await rowsOf(staffSouth, [mover.id]);
    expect(idsOf(rows)).toEqual(sorted(rowIds((e) => e.beforeLeaving)));
    expect(rows!.every((r) => r.encounter?.school.id === southbank.id)).toBe(true);
    const last = harness.standIn.requests.at(-1)!;
    expect(last.principal.accountId).toBe(staffSouth.accountId);
    expect(last.pupilIds).toEqual([mover.id]);
  });

  it("keeps the old school's own pupils whole for its staff, alongside the one who left", async () => {
    const [left, stayed, never] = await rowsOf(staffSouth, [mover.id, southPupil.id, northPupil.id]);
    expect(idsOf(left)).toEqual(sorted(rowIds((e) => e.beforeLeaving)));
    expect(idsOf(stayed)).toEqual(sorted(demoRowsOf(southPupil.id)));
    expect(never).toEqual([]);
  });

  it("gives trust analysts with pupil-level access of the current school's trust the whole history", async () => {
    const [rows] = await rowsOf(analystWithPupils, [mover.id]);
    expect(idsOf(rows)).toEqual(sorted([...demoRowsOf(mover.id), ...rowIds(() => true)]));
  });

  it("gives a linked parent the whole history, and another child's nothing", async () => {
    const before = harness.standIn.requests.length;
    const [child, other] = await rowsOf(moversParent, [mover.id, northPupil.id]);
    expect(idsOf(child)).toEqual(sorted([...demoRowsOf(mover.id), ...rowIds(() => true)]));
    expect(child!.every((r) => r.encounter !== null)).toBe(true);
    expect(other).toBeNull();
    // Only the linked child is asked about.
    expect(harness.standIn.requests.slice(before).map((r) => r.pupilIds)).toEqual([[mover.id]]);
  });

  it('gives the pupil themself all their rows at both schools, without asking the pupils subgraph', async () => {
    const before = harness.standIn.requests.length;
    const [rows] = await rowsOf(moverThemself, [mover.id]);
    expect(idsOf(rows)).toEqual(sorted([...demoRowsOf(mover.id), ...rowIds(() => true)]));
    expect(harness.standIn.requests.length).toBe(before);
  });

  it('gives a caller the pupils subgraph answers null for nothing', async () => {
    const stranger = makePrincipal({ roles: ['careers_leader'], schoolId: randomUUID(), trustId: randomUUID() });
    const otherTrust = makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID(), pupilLevelAccess: true });
    for (const who of [stranger, otherTrust]) {
      expect(await rowsOf(who, [mover.id, southPupil.id])).toEqual([[], []]);
    }
  });

  it('answers 1,000 pupils with one SQL statement and one request to the pupils subgraph, transfers included', async () => {
    const ids = data.pupils.map((p) => p.id);
    while (ids.length < 1000) ids.push(randomUUID());
    const before = harness.standIn.requests.length;
    const { result, statements } = await countStatements(harness.orm, () => rowsOf(staffSouth, ids));
    expect(statements).toHaveLength(1);
    expect(harness.standIn.requests.length - before).toBe(1);
    expect(harness.standIn.requests.at(-1)!.pupilIds).toHaveLength(1000);
    const seen = result.flatMap((rows) => (rows ?? []).map((r) => r.id));
    const southRows = data.participations.filter((p) => p.schoolId === southbank.id).map((p) => p.id);
    expect(sorted(seen)).toEqual(sorted([...southRows, ...rowIds((e) => e.beforeLeaving)]));
  });
});

describe('when the pupils subgraph cannot say', () => {
  it('fails closed when it cannot be reached: no rows, a masked error, and the pupil themself unaffected', async () => {
    const down = await harness.clientFor(await unreachableUrl());
    const { result: res, statements } = await countStatements(harness.orm, () => participations(leaderNorth, [mover.id, northPupil.id], down));
    expect(res.data!._entities).toEqual([
      { id: mover.id, participations: null },
      { id: northPupil.id, participations: null },
    ]);
    expect(res.errors?.length).toBe(2);
    for (const error of res.errors!) {
      expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error.message).toBe(MASKED_MESSAGE);
    }
    expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed/i);
    expect(statements).toEqual([]);
    const own = await participations(moverThemself, [mover.id], down);
    expect(own.errors).toBeUndefined();
    expect(own.data!._entities[0]!.participations).toHaveLength(demoRowsOf(mover.id).length + southbankHistory.length);
  });

  it('fails closed when it answers with errors instead of recordAccess: no rows and a masked error', async () => {
    harness.standIn.failing = true;
    try {
      const res = await participations(leaderNorth, [mover.id]);
      expect(res.data!._entities).toEqual([{ id: mover.id, participations: null }]);
      expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      harness.standIn.failing = false;
    }
  });

  it("never sent the stand-in anything but the contract's recordAccess request", () => {
    expect(harness.standIn.refused).toEqual([]);
  });
});

describe('reading recordAccess', () => {
  it('acts only on well-formed answers', () => {
    expect(recordScopeOf({ current: true, schoolId: null, until: null })).toEqual({ all: true });
    expect(recordScopeOf({ current: false, schoolId: southbank.id, until: LEFT_ON })).toEqual({ all: false, schoolId: southbank.id, until: LEFT_ON });
    for (const broken of [
      null,
      undefined,
      { current: false, schoolId: null, until: LEFT_ON },
      { current: false, schoolId: southbank.id, until: null },
      { current: false, schoolId: southbank.id, until: '2025-02-30' },
      { current: false, schoolId: 'not-a-school', until: LEFT_ON },
      { current: 'yes' as unknown as boolean, schoolId: null, until: null },
    ]) {
      expect(recordScopeOf(broken)).toBeNull();
    }
  });

  it('starts a leaving day at midnight in England, summer or winter', () => {
    expect(startOfSchoolDay('2025-06-02').toISOString()).toBe('2025-06-01T23:00:00.000Z');
    expect(startOfSchoolDay('2025-01-06').toISOString()).toBe('2025-01-06T00:00:00.000Z');
    // The days the clocks change.
    expect(startOfSchoolDay('2025-03-30').toISOString()).toBe('2025-03-30T00:00:00.000Z');
    expect(startOfSchoolDay('2025-10-26').toISOString()).toBe('2025-10-25T23:00:00.000Z');
  });
});
