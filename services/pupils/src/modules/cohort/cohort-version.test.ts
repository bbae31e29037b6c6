import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { setSystemAccessLog } from '@waymark/subgraph-kit';
import { asRequest, makePrincipal, startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';

/*
 * `cohortVersion`: whether the caller may read a school's cohort, and the school's counter, which moves
 * with every change to what `packedCohort` reads (and with nothing else), whoever makes it.
 */
const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const onRoll = (schoolId: string) => data.pupils.filter((p) => p.schoolId === schoolId && !p.leftOn && p.yearGroup !== null);
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId });
const otherAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID() });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: onRoll(northfield.id)[0].id });

const VERSION = 'query ($schoolId: ID!) { cohortVersion(schoolId: $schoolId) { schoolsAllowed version } }';
type Answer = { cohortVersion: { schoolsAllowed: string[]; version: string } };

let subgraph: TestSubgraph;
let client: SubgraphTestClient;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  client = subgraph.client;
});

afterAll(() => subgraph?.close());

async function versionOf(who = leaderNorth, schoolId = northfield.id) {
  const res = await client.query<Answer>(who, VERSION, { schoolId });
  expect(res.errors).toBeUndefined();
  return res.data!.cohortVersion;
}
const sql = (text: string, params: unknown[] = []) => subgraph.orm.em.fork().getConnection().execute(text, params);

describe('cohortVersion', () => {
  it('answers staff for their own school and analysts for a school of their trust, and no one else', async () => {
    expect((await versionOf(leaderNorth)).schoolsAllowed).toEqual([northfield.id]);
    expect((await versionOf(analyst)).schoolsAllowed).toEqual([northfield.id]);
    for (const who of [leaderSouth, otherAnalyst, pupil]) expect(await versionOf(who)).toEqual({ schoolsAllowed: [], version: '0' });
    expect(await versionOf(leaderNorth, 'not-a-school')).toEqual({ schoolsAllowed: [], version: '0' });
  });

  it("lets a trust's analysts read their schools' counters under the row check, with nothing lifted, and no one else", async () => {
    const counters = (who: Parameters<typeof asRequest>[1]) =>
      asRequest(subgraph.orm, who, async (em) =>
        (await em.execute<{ school_id: string }[]>('select school_id from cohort_version order by school_id')).map((row) => row.school_id),
      );
    const theirs = data.schools.filter((school) => school.trustId === trustId).map((school) => school.id);
    // A change at each school of the trust, undone: each has a counter row.
    for (const schoolId of [northfield.id, southbank.id]) {
      const [one] = onRoll(schoolId);
      await sql('update pupil set year_group = year_group + 1 where id = ?', [one.id]);
      await sql('update pupil set year_group = year_group - 1 where id = ?', [one.id]);
    }
    const logged: string[] = [];
    const restore = setSystemAccessLog((line) => logged.push(line));
    try {
      const rows = (await sql('select school_id from cohort_version where school_id in (?)', [theirs])) as { school_id: string }[];
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect((await counters(analyst)).sort()).toEqual(rows.map((row) => row.school_id).sort());
      expect(await versionOf(analyst)).toMatchObject({ schoolsAllowed: [northfield.id] });
    } finally {
      setSystemAccessLog(restore);
    }
    expect(logged.filter((line) => line.includes('cohort counters'))).toEqual([]);
    expect(await counters(otherAnalyst)).toEqual([]);
    expect(await counters(pupil)).toEqual([]);
    expect(await counters(leaderSouth)).toEqual([southbank.id]);
  });

  const cases: { name: string; write: (pupilId: string) => Promise<unknown>; moves: boolean }[] = [
    {
      name: 'a flag set by staff',
      write: (id) =>
        client.query(leaderNorth, 'mutation ($input: SetPupilFlagsInput!) { setPupilFlags(input: $input) { error { code } } }', {
          input: { pupilId: id, flags: [{ group: 'YOUNG_CARER', value: true }] },
        }),
      moves: true,
    },
    { name: 'a year group changed', write: (id) => sql('update pupil set year_group = year_group + 1 where id = ?', [id]), moves: true },
    {
      name: 'a pupil leaving',
      write: (id) =>
        client.query(leaderNorth, 'mutation ($input: MarkPupilLeftInput!) { markPupilLeft(input: $input) { error { message } } }', {
          input: { pupilId: id, leftOn: new Date().toISOString().slice(0, 10) },
        }),
      moves: true,
    },
    { name: 'a name changed (not part of the cohort)', write: (id) => sql(`update pupil set preferred_name = 'Sam' where id = ?`, [id]), moves: false },
  ];

  it.each(cases)('$name: moves the counter only if the cohort can change', async ({ write, moves }) => {
    const id = onRoll(northfield.id)[cases.findIndex((c) => c.write === write) + 3].id;
    const before = await versionOf();
    await write(id);
    const after = await versionOf();
    if (moves) expect(BigInt(after.version)).toBeGreaterThan(BigInt(before.version));
    else expect(after.version).toBe(before.version);
  });

  it('a pupil moving school moves both schools’ counters', async () => {
    const mover = onRoll(northfield.id)[10];
    const [north, south] = [await versionOf(leaderNorth), await versionOf(leaderSouth, southbank.id)];
    await sql('update pupil set school_id = ? where id = ?', [southbank.id, mover.id]);
    expect(BigInt((await versionOf(leaderNorth)).version)).toBeGreaterThan(BigInt(north.version));
    expect(BigInt((await versionOf(leaderSouth, southbank.id)).version)).toBeGreaterThan(BigInt(south.version));
    // And an earlier period at a school (an enrolment row) moves that school's too.
    const again = await versionOf(leaderNorth);
    await sql(`update enrolment set left_on = left_on where pupil_id = ?`, [mover.id]);
    const rows = (await sql('select count(*)::int as n from enrolment where pupil_id = ? and school_id = ?', [mover.id, northfield.id])) as { n: number }[];
    if (rows[0].n > 0) expect(BigInt((await versionOf(leaderNorth)).version)).toBeGreaterThan(BigInt(again.version));
  });
});
