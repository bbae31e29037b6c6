import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import type { Orm } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';

const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const pupil = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 8)!;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId, displayName: 'Priya Shah' });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true });
const pupilPrincipal = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: pupil.id });

let subgraph: TestSubgraph;
let orm: Orm;
let client: SubgraphTestClient;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  ({ orm, client } = subgraph);
  await orm.em.fork().execute('update pupil set youth_justice = false, refugee = false where id = ?', [pupil.id]);
});

afterAll(() => subgraph?.close());

const SET = `mutation ($input: SetPupilFlagsInput!) { setPupilFlags(input: $input) {
  pupil { id flags { youthJustice refugee } flagHistory { group value source changedBy } } error { code message } } }`;
type SetResult = {
  setPupilFlags: { pupil: { flags: Record<string, boolean>; flagHistory: { group: string; value: boolean }[] } | null; error: { code: string } | null };
};

describe('setPupilFlags', () => {
  it("sets flags for staff of the pupil's school, keeping each real change in the history", async () => {
    const res = await client.query<SetResult>(leaderNorth, SET, {
      input: {
        pupilId: pupil.id,
        flags: [
          { group: 'YOUTH_JUSTICE', value: true },
          { group: 'REFUGEE', value: false },
        ],
      },
    });
    expect(res.data!.setPupilFlags.error).toBeNull();
    expect(res.data!.setPupilFlags.pupil!.flags).toEqual({ youthJustice: true, refugee: false });
    expect(res.data!.setPupilFlags.pupil!.flagHistory).toEqual([{ group: 'YOUTH_JUSTICE', value: true, source: 'STAFF', changedBy: 'Priya Shah' }]);

    const again = await client.query<SetResult>(leaderNorth, SET, { input: { pupilId: pupil.id, flags: [{ group: 'YOUTH_JUSTICE', value: true }] } });
    expect(again.data!.setPupilFlags.pupil!.flagHistory).toHaveLength(1);

    const off = await client.query<SetResult>(leaderNorth, SET, { input: { pupilId: pupil.id, flags: [{ group: 'YOUTH_JUSTICE', value: false }] } });
    expect(off.data!.setPupilFlags.pupil!.flagHistory.map((c) => c.value)).toEqual([false, true]);
    const [row] = await orm.em.fork().execute('select youth_justice from pupil where id = ?', [pupil.id]);
    expect(row.youth_justice).toBe(false);
  });

  it("refuses another school's staff as an unknown pupil, and asks for each group once", async () => {
    const other = await client.query<SetResult>(leaderSouth, SET, { input: { pupilId: pupil.id, flags: [{ group: 'EAL', value: true }] } });
    expect(other.data!.setPupilFlags).toEqual({ pupil: null, error: expect.objectContaining({ code: 'PUPIL_NOT_VISIBLE' }) });
    const twice = await client.query<SetResult>(leaderNorth, SET, {
      input: {
        pupilId: pupil.id,
        flags: [
          { group: 'EAL', value: true },
          { group: 'EAL', value: false },
        ],
      },
    });
    expect(twice.data!.setPupilFlags.error!.code).toBe('PUPIL_FLAGS_INVALID');
    const empty = await client.query<SetResult>(leaderNorth, SET, { input: { pupilId: pupil.id, flags: [] } });
    expect(empty.data!.setPupilFlags.error!.code).toBe('PUPIL_FLAGS_INVALID');
  });

  it('is forbidden to pupils and analysts', async () => {
    for (const who of [pupilPrincipal, analyst]) {
      const res = await client.query(who, SET, { input: { pupilId: pupil.id, flags: [{ group: 'EAL', value: true }] } });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('pupils(groups: …)', () => {
  it('lists the pupils in every listed group, for staff and pupil-level analysts', async () => {
    const [{ n }] = await orm.em
      .fork()
      .execute<{ n: number }[]>('select count(*)::int as n from pupil where school_id = ? and left_on is null and eal and disadvantaged', [northfield.id]);
    expect(n).toBeGreaterThan(0);
    const query = `{ pupils(first: 200, groups: [EAL, DISADVANTAGED]) { totalCount edges { node { flags { eal disadvantaged } school { id } } } } }`;
    const res = await client.query<{ pupils: { totalCount: number; edges: { node: { flags: { eal: boolean; disadvantaged: boolean } } }[] } }>(
      leaderNorth,
      query,
    );
    expect(res.data!.pupils.totalCount).toBe(n);
    expect(res.data!.pupils.edges.every((e) => e.node.flags.eal && e.node.flags.disadvantaged)).toBe(true);
    const trust = await client.query<{ pupils: { totalCount: number } }>(analyst, query);
    const [{ m }] = await orm.em.fork().execute<{ m: number }[]>('select count(*)::int as m from pupil where left_on is null and eal and disadvantaged');
    expect(trust.data!.pupils.totalCount).toBe(m);
    expect(m).toBeGreaterThan(n);
  });
});
