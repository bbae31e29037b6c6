import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { VULNERABLE_GROUPS, academicYearOf, year11LeavingYear } from '@waymark/domain';
import { makePrincipal, startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';

/* `cohort`: what the benchmark engine aggregates over, asked by the encounters subgraph with the caller's credential. */
const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const onRoll = (schoolId: string) => data.pupils.filter((p) => p.schoolId === schoolId && !p.leftOn);
const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId });
const otherAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID() });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: maya.id });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: randomUUID() });

const COHORT = `query ($schoolIds: [ID!], $pupilIds: [ID!], $asOf: String!) {
  cohort(schoolIds: $schoolIds, pupilIds: $pupilIds, asOf: $asOf) { schoolsAllowed pupilIds schoolIds yearGroups groupMasks tutorGroups upns }
}`;
type Cohort = {
  cohort: {
    schoolsAllowed: string[];
    pupilIds: string[];
    schoolIds: string[];
    yearGroups: number[];
    groupMasks: number[];
    tutorGroups: (string | null)[];
    upns: string[];
  };
};
const today = new Date().toISOString().slice(0, 10);

let subgraph: TestSubgraph;
let client: SubgraphTestClient;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  client = subgraph.client;
});

afterAll(() => subgraph?.close());

describe('cohort', () => {
  it("gives staff their own school's pupils on roll, with year groups and group masks", async () => {
    const res = await client.query<Cohort>(leaderNorth, COHORT, { schoolIds: [northfield.id, southbank.id], asOf: today });
    expect(res.errors).toBeUndefined();
    const cohort = res.data!.cohort;
    expect(cohort.schoolsAllowed).toEqual([northfield.id]);
    expect(new Set(cohort.pupilIds)).toEqual(new Set(onRoll(northfield.id).map((p) => p.id)));
    const i = cohort.pupilIds.indexOf(maya.id);
    expect(cohort.yearGroups[i]).toBe(maya.yearGroup);
    expect(cohort.upns[i]).toBe(maya.upn);
    const expectedMask = VULNERABLE_GROUPS.reduce((mask, group, bit) => (maya.flags[group.key] ? mask | (1 << bit) : mask), 0);
    expect(cohort.groupMasks[i]).toBe(expectedMask);
  });

  it('gives a year group as it was in an earlier academic year', async () => {
    const lastYear = `${academicYearOf(new Date()) - 1}-12-01`;
    const res = await client.query<Cohort>(leaderNorth, COHORT, { schoolIds: [northfield.id], pupilIds: [maya.id], asOf: lastYear });
    expect(res.data!.cohort.yearGroups).toEqual([maya.yearGroup! - 1]);
  });

  it('gives analysts every school of their trust, and nothing of another trust', async () => {
    const res = await client.query<Cohort>(analyst, COHORT, { asOf: today });
    expect(res.data!.cohort.schoolsAllowed.sort()).toEqual([northfield.id, southbank.id].sort());
    expect(res.data!.cohort.pupilIds).toHaveLength(onRoll(northfield.id).length + onRoll(southbank.id).length);
    const other = await client.query<Cohort>(otherAnalyst, COHORT, { schoolIds: [northfield.id], asOf: today });
    expect(other.data!.cohort).toMatchObject({ schoolsAllowed: [], pupilIds: [] });
  });

  it('gives a pupil only themself, without flags; volunteers nothing', async () => {
    const res = await client.query<Cohort>(pupil, COHORT, { pupilIds: [maya.id, onRoll(northfield.id)[0].id], asOf: today });
    expect(res.data!.cohort.pupilIds).toEqual([maya.id]);
    expect(res.data!.cohort.groupMasks).toEqual([0]);
    const none = await client.query<Cohort>(volunteer, COHORT, { schoolIds: [northfield.id], asOf: today });
    expect(none.data!.cohort.pupilIds).toEqual([]);
  });

  it('counts a pupil who moved at their former school for days before the move, and at the new one after', async () => {
    // A Northfield pupil moves to Southbank on 1 October: their Northfield period becomes history.
    const mover = onRoll(northfield.id).find((p) => p.id !== maya.id && p.yearGroup != null && p.yearGroup >= 7)!;
    const conn = subgraph.orm.em.fork().getConnection();
    const year = academicYearOf(new Date());
    const moved = `${year}-10-01`;
    await conn.execute(
      'insert into enrolment (id, pupil_id, school_id, trust_id, started_on, left_on) select ?, id, school_id, trust_id, enrolled_on, ? from pupil where id = ?',
      [randomUUID(), moved, mover.id],
    );
    await conn.execute('update pupil set school_id = ?, enrolled_on = ? where id = ?', [southbank.id, moved, mover.id]);
    try {
      const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
      const on = async (who: typeof analyst, day: string, schoolIds?: string[]) =>
        (await client.query<Cohort>(who, COHORT, { asOf: day, ...(schoolIds ? { schoolIds } : {}) })).data!.cohort;
      const before = `${year}-09-20`;
      const after = `${year}-10-02`;
      expect((await on(leaderNorth, before)).pupilIds).toContain(mover.id);
      expect((await on(leaderSouth, before)).pupilIds).not.toContain(mover.id);
      expect((await on(leaderNorth, after)).pupilIds).not.toContain(mover.id);
      expect((await on(leaderSouth, after)).pupilIds).toContain(mover.id);
      // The trust sees them once, at the school they were at that day.
      for (const [day, school] of [
        [before, northfield.id],
        [after, southbank.id],
      ] as const) {
        const trust = await on(analyst, day);
        expect(trust.pupilIds.filter((id) => id === mover.id)).toHaveLength(1);
        expect(trust.schoolIds[trust.pupilIds.indexOf(mover.id)]).toBe(school);
      }
      // Pupils with no history count at their current school whatever the day (a first import knows no earlier school).
      const lastYear = `${year - 1}-12-01`;
      expect((await on(leaderNorth, lastYear)).pupilIds).toContain(maya.id);
    } finally {
      await conn.execute('update pupil set school_id = ?, enrolled_on = (select started_on from enrolment where pupil_id = ? and left_on = ?) where id = ?', [
        northfield.id,
        mover.id,
        moved,
        mover.id,
      ]);
      await conn.execute('delete from enrolment where pupil_id = ? and left_on = ?', [mover.id, moved]);
    }
  });

  it('gives the flags a pupil had at the end of a past day, from their flag history', async () => {
    // Last academic year: EAL set on 1 October and cleared on 1 November; disadvantaged set at
    // 23:30 UTC on 10 October, which is already 11 October in England (summer time).
    const mover = onRoll(northfield.id).find((p) => p.id !== maya.id && !p.flags.eal && !p.flags.disadvantaged)!;
    const y = academicYearOf(new Date()) - 1;
    const bit = (key: string) => 1 << VULNERABLE_GROUPS.findIndex((group) => group.key === key);
    const base = VULNERABLE_GROUPS.reduce((mask, group, i) => (mover.flags[group.key] ? mask | (1 << i) : mask), 0);
    const conn = subgraph.orm.em.fork().getConnection();
    const change = (group: string, value: boolean, at: string) =>
      conn.execute(`insert into flag_change (id, pupil_id, school_id, trust_id, "group", value, changed_at, source) values (?, ?, ?, ?, ?, ?, ?, 'STAFF')`, [
        randomUUID(),
        mover.id,
        northfield.id,
        trustId,
        group,
        value,
        at,
      ]);
    await change('EAL', true, `${y}-10-01T09:00:00Z`);
    await change('DISADVANTAGED', true, `${y}-10-10T23:30:00Z`);
    await change('EAL', false, `${y}-11-01T09:00:00Z`);
    await conn.execute('update pupil set disadvantaged = true where id = ?', [mover.id]);
    try {
      const maskOn = async (who: typeof analyst, day: string) => {
        const cohort = (await client.query<Cohort>(who, COHORT, { pupilIds: [mover.id], asOf: day })).data!.cohort;
        return cohort.groupMasks[cohort.pupilIds.indexOf(mover.id)];
      };
      const expected: [string, number][] = [
        [`${y}-09-20`, base],
        [`${y}-10-01`, base | bit('eal')],
        [`${y}-10-10`, base | bit('eal')],
        [`${y}-10-11`, base | bit('eal') | bit('disadvantaged')],
        [`${y}-11-02`, base | bit('disadvantaged')],
        [today, base | bit('disadvantaged')],
      ];
      for (const [day, mask] of expected) {
        expect(await maskOn(leaderNorth, day), day).toBe(mask);
        expect(await maskOn(analyst, day), day).toBe(mask);
      }
      // The packed cohort reads the same history.
      const packed = await client.query<{ packedCohort: { pupilIds: string; groupMasks: string } }>(
        analyst,
        `query ($asOf: String!) { packedCohort(asOf: $asOf) { pupilIds groupMasks } }`,
        { asOf: `${y}-10-15` },
      );
      const ids = packed.data!.packedCohort.pupilIds.split(',');
      expect(Number(packed.data!.packedCohort.groupMasks.split(',')[ids.indexOf(mover.id)])).toBe(base | bit('eal') | bit('disadvantaged'));
    } finally {
      await conn.execute('update pupil set disadvantaged = false where id = ?', [mover.id]);
      await conn.execute('delete from flag_change where pupil_id = ?', [mover.id]);
    }
  });

  it("gives each pupil's Year 11 leaving year from their date of birth, and their sharing opt-out (for destination figures)", async () => {
    const LEAVERS = `query ($asOf: String!) { cohort(asOf: $asOf) { pupilIds leavingYears sharingOptOuts } }`;
    type Leavers = { cohort: { pupilIds: string[]; leavingYears: number[]; sharingOptOuts: boolean[] } };
    const conn = subgraph.orm.em.getConnection();
    await conn.execute("update pupil set local_authority_sharing_opt_out = true, opt_out_by = 'PARENT' where id = ?", [maya.id]);
    try {
      for (const who of [leaderNorth, analyst]) {
        const cohort = (await client.query<Leavers>(who, LEAVERS, { asOf: today })).data!.cohort;
        const i = cohort.pupilIds.indexOf(maya.id);
        expect(cohort.leavingYears[i]).toBe(year11LeavingYear(maya.dateOfBirth));
        expect(cohort.sharingOptOuts[i]).toBe(true);
        cohort.pupilIds.forEach((id, j) => {
          const demo = data.pupils.find((p) => p.id === id);
          if (demo) expect(cohort.leavingYears[j], id).toBe(year11LeavingYear(demo.dateOfBirth));
        });
        expect(cohort.sharingOptOuts.filter(Boolean)).toHaveLength(1);
      }
    } finally {
      await conn.execute('update pupil set local_authority_sharing_opt_out = false, opt_out_by = null where id = ?', [maya.id]);
    }
  });

  describe("each pupil's home local authority (for the local authority return)", () => {
    const HOMES = `query ($schoolIds: [ID!], $pupilIds: [ID!], $asOf: String!) {
      cohort(schoolIds: $schoolIds, pupilIds: $pupilIds, asOf: $asOf) { schoolsAllowed pupilIds homeLocalAuthorityCodes }
    }`;
    type Homes = { cohort: { schoolsAllowed: string[]; pupilIds: string[]; homeLocalAuthorityCodes: (string | null)[] | null } };
    const key = (scopes: string[], keyTrust = trustId) =>
      makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: keyTrust, scopes, displayName: 'Warehouse' });
    const southPupil = onRoll(southbank.id)[0];
    const parent = makePrincipal({ roles: ['parent'], childPupilIds: [maya.id] });
    const alumnus = makePrincipal({ roles: ['alumni'], volunteerId: randomUUID() });
    const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
    const homesOf = async (who: ReturnType<typeof makePrincipal>, variables: Record<string, unknown>) => {
      const res = await client.query<Homes>(who, HOMES, { asOf: today, ...variables });
      expect(res.errors).toBeUndefined();
      return res.data!.cohort;
    };

    beforeAll(async () => {
      const conn = subgraph.orm.em.getConnection();
      await conn.execute("update pupil set home_la_code = '330' where id = ?", [maya.id]);
      await conn.execute("update pupil set home_la_code = '380' where id = ?", [southPupil.id]);
    });
    afterAll(async () => {
      await subgraph.orm.em.getConnection().execute('update pupil set home_la_code = null where id in (?, ?)', [maya.id, southPupil.id]);
    });

    it('gives the column to nobody who cannot read the return of those pupils: a pupil, a parent, a volunteer, an alumnus, a key with reports:read only', async () => {
      for (const [who, variables] of [
        [pupil, { pupilIds: [maya.id] }],
        [parent, { pupilIds: [maya.id] }],
        [volunteer, { schoolIds: [northfield.id] }],
        [alumnus, {}],
        [key(['reports:read']), {}],
        [key(['reports:read', 'roster:write']), { schoolIds: [northfield.id] }],
      ] as const) {
        const cohort = await homesOf(who, variables);
        expect(cohort.homeLocalAuthorityCodes).toBeNull();
      }
      // The pupil and the parent still read the rest of the cohort as before.
      expect((await homesOf(pupil, { pupilIds: [maya.id] })).pupilIds).toEqual([maya.id]);
      expect((await homesOf(parent, { pupilIds: [maya.id] })).pupilIds).toEqual([maya.id]);
    });

    it("tells another trust's analyst or key nothing of our pupils' authorities, and another school's leader nothing of ours", async () => {
      for (const who of [otherAnalyst, key(['destinations:read', 'reports:read'], randomUUID())]) {
        for (const variables of [{}, { schoolIds: [northfield.id, southbank.id] }, { pupilIds: [maya.id, southPupil.id] }]) {
          const cohort = await homesOf(who, variables);
          expect(cohort).toEqual({ schoolsAllowed: [], pupilIds: [], homeLocalAuthorityCodes: [] });
        }
      }
      const south = await homesOf(leaderSouth, { pupilIds: [maya.id, southPupil.id] });
      expect(south.pupilIds).toEqual([southPupil.id]);
      expect(south.homeLocalAuthorityCodes).toEqual(['380']);
    });

    it("gives it beside each pupil to staff of the school, the trust's analysts and its keys with destinations:read", async () => {
      for (const [who, variables] of [
        [leaderNorth, { schoolIds: [northfield.id] }],
        [analyst, {}],
        [key(['destinations:read']), {}],
      ] as const) {
        const cohort = await homesOf(who, variables);
        expect(cohort.homeLocalAuthorityCodes).toHaveLength(cohort.pupilIds.length);
        const home = new Map(cohort.pupilIds.map((id, i) => [id, cohort.homeLocalAuthorityCodes![i]]));
        expect(home.get(maya.id)).toBe('330');
        if (who !== leaderNorth) expect(home.get(southPupil.id)).toBe('380');
        expect([...home.values()].filter((code) => code !== null)).toHaveLength(who === leaderNorth ? 1 : 2);
      }
    });
  });

  it('refuses a day that does not exist', async () => {
    const res = await client.query(leaderNorth, COHORT, { asOf: '2026-13-01' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('packs the same cohort into comma-separated columns, for every kind of caller', async () => {
    const PACKED = `query ($schoolIds: [ID!], $pupilIds: [ID!], $asOf: String!) {
      packedCohort(schoolIds: $schoolIds, pupilIds: $pupilIds, asOf: $asOf) { schoolsAllowed size schoolIds pupilIds schoolIndexes yearGroups groupMasks }
    }`;
    type Packed = {
      packedCohort: {
        schoolsAllowed: string[];
        size: number;
        schoolIds: string[];
        pupilIds: string;
        schoolIndexes: string;
        yearGroups: string;
        groupMasks: string;
      };
    };
    const split = (text: string) => (text === '' ? [] : text.split(','));
    const cases: [ReturnType<typeof makePrincipal>, Record<string, unknown>][] = [
      [analyst, { asOf: today }],
      [leaderNorth, { schoolIds: [northfield.id], asOf: today }],
      [pupil, { pupilIds: [maya.id], asOf: today }],
      [otherAnalyst, { asOf: today }],
      [volunteer, { asOf: today }],
    ];
    for (const [principal, variables] of cases) {
      const [arrays, packed] = await Promise.all([client.query<Cohort>(principal, COHORT, variables), client.query<Packed>(principal, PACKED, variables)]);
      expect(packed.errors).toBeUndefined();
      const a = arrays.data!.cohort;
      const p = packed.data!.packedCohort;
      expect(p.schoolsAllowed).toEqual(a.schoolsAllowed);
      expect(p.size).toBe(a.pupilIds.length);
      const ids = split(p.pupilIds);
      expect(ids).toHaveLength(p.size);
      const byId = new Map(a.pupilIds.map((id, i) => [id, i]));
      expect(new Set(ids)).toEqual(new Set(a.pupilIds));
      split(p.schoolIndexes).forEach((ix, k) => expect(p.schoolIds[Number(ix)]).toBe(a.schoolIds[byId.get(ids[k])!]));
      split(p.yearGroups).forEach((yg, k) => expect(Number(yg)).toBe(a.yearGroups[byId.get(ids[k])!]));
      split(p.groupMasks).forEach((mask, k) => expect(Number(mask)).toBe(a.groupMasks[byId.get(ids[k])!]));
    }
    const all = await client.query<Packed>(analyst, PACKED, { asOf: today });
    expect(all.data!.packedCohort.schoolIds.sort()).toEqual([northfield.id, southbank.id].sort());
    expect(all.data!.packedCohort.groupMasks).not.toMatch(/^[0,]*$/);
  });
});
