import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { VULNERABLE_GROUPS, todayInEngland, year11LeavingYear } from '@waymark/domain';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { leftSinceLookups, pastSummersLookups } from './leavers.service.js';

/* The packed leaver answers the destinations subgraph asks with the caller's own credential. */
const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const today = todayInEngland();
const thisYear = Number(today.slice(0, 4));
/** Every summer whose leavers the demo data can hold, newest first. */
const YEARS = [thisYear, thisYear - 1, thisYear - 2, thisYear - 3, thisYear - 4];
const northLeaver = data.pupils.find((p) => p.schoolId === northfield.id && p.leftOn !== null)!;
const southPupil = data.pupils.find((p) => p.schoolId === southbank.id)!;
const maya = data.pupils.find((p) => p.legalForename === 'Maya' && p.legalSurname === 'Okafor')!;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId });
const pupilLevelAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true });
const otherAnalyst = makePrincipal({ roles: ['trust_analyst'], trustId: randomUUID() });
const pupil = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: maya.id });
const parent = makePrincipal({ roles: ['parent'], trustId, schoolId: northfield.id, childPupilIds: [maya.id] });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id, employerId: data.volunteers[0].employerId });
const dpl = makePrincipal({ roles: ['data_protection_lead'], schoolId: northfield.id, trustId });

const COHORTS = `query ($schoolIds: [ID!], $years: [Int!]!) {
  packedLeaverCohorts(schoolIds: $schoolIds, leavingYears: $years) { schoolsAllowed years { leavingYear size pupilIds schoolIndexes groupMasks sharingOptOuts } }
}`;
const FOLLOWED = `query ($asOf: String!, $years: [Int!]!, $ids: [ID!]) {
  packedFollowedLeavers(asOf: $asOf, leavingYears: $years, pupilIds: $ids) { size pupilIds upns leavingYears trackings sharingOptOuts leftSince }
}`;
const COHORT = `query ($schoolIds: [ID!], $asOf: String!) { cohort(schoolIds: $schoolIds, asOf: $asOf) { schoolsAllowed pupilIds schoolIds groupMasks leavingYears sharingOptOuts } }`;
const DETAILS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Pupil { id upn year11LeavingYear consent { destinationTracking localAuthoritySharingOptOut } } } }`;

interface PackedYear {
  leavingYear: number;
  size: number;
  pupilIds: string;
  schoolIndexes: string;
  groupMasks: string;
  sharingOptOuts: string;
}
interface Followed {
  size: number;
  pupilIds: string;
  upns: string;
  leavingYears: string;
  trackings: string;
  sharingOptOuts: string;
  leftSince: string;
}
const cols = (packed: string) => (packed === '' ? [] : packed.split(','));

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
});

afterAll(() => subgraph?.close());

async function cohorts(who: Principal, schoolIds: string[] | null, years = YEARS) {
  const res = await subgraph.client.query<{ packedLeaverCohorts: { schoolsAllowed: string[]; years: PackedYear[] } }>(who, COHORTS, { schoolIds, years });
  return res;
}

/** Each leaver of a year as `pupilId -> [school, mask, opt-out]`, from the packed answer. */
function leaversOf(schoolsAllowed: string[], year: PackedYear): Map<string, [string, number, boolean]> {
  const ids = cols(year.pupilIds);
  const schools = cols(year.schoolIndexes);
  const masks = cols(year.groupMasks);
  const optOuts = cols(year.sharingOptOuts);
  expect([ids.length, schools.length, masks.length, optOuts.length]).toEqual([year.size, year.size, year.size, year.size]);
  return new Map(ids.map((id, i) => [id, [schoolsAllowed[Number(schools[i])], Number(masks[i]), optOuts[i] === '1']]));
}

/** The same leavers worked out from the full `cohort` of 1 June: those whose leaving year is that summer. */
async function fromCohort(who: Principal, schoolIds: string[] | null, year: number): Promise<Map<string, [string, number, boolean]>> {
  const res = await subgraph.client.query<{
    cohort: { pupilIds: string[]; schoolIds: string[]; groupMasks: number[]; leavingYears: number[]; sharingOptOuts: boolean[] };
  }>(who, COHORT, { schoolIds, asOf: `${year}-06-01` });
  expect(res.errors).toBeUndefined();
  const c = res.data!.cohort;
  const map = new Map<string, [string, number, boolean]>();
  c.pupilIds.forEach((id, i) => {
    if (c.leavingYears[i] === year) map.set(id, [c.schoolIds[i], c.groupMasks[i], c.sharingOptOuts[i]]);
  });
  return map;
}

describe('packedLeaverCohorts', () => {
  it("gives an analyst each summer's leavers of every school of the trust, as the full cohort of 1 June narrowed to them", async () => {
    const res = await cohorts(analyst, null);
    expect(res.errors).toBeUndefined();
    const answer = res.data!.packedLeaverCohorts;
    expect([...answer.schoolsAllowed].sort()).toEqual([northfield.id, southbank.id].sort());
    expect(answer.years.map((y) => y.leavingYear)).toEqual(YEARS);
    let total = 0;
    for (const year of answer.years) {
      const leavers = leaversOf(answer.schoolsAllowed, year);
      expect(leavers).toEqual(await fromCohort(analyst, null, year.leavingYear));
      total += leavers.size;
    }
    // The demo data holds leavers, so the comparison is not between two empty answers.
    expect(total).toBeGreaterThan(0);
  });

  it("gives each summer's leavers the flags they had on its 1 June, from their flag history, asked together", async () => {
    const first = (await cohorts(analyst, null)).data!.packedLeaverCohorts;
    const year = first.years.find((y) => y.size > 0 && `${y.leavingYear}-06-01` < today)!;
    const leaverId = cols(year.pupilIds)[0];
    const leaver = data.pupils.find((p) => p.id === leaverId)!;
    const bit = (key: string) => 1 << VULNERABLE_GROUPS.findIndex((group) => group.key === key);
    const conn = subgraph.orm.em.fork().getConnection();
    const change = (group: string, value: boolean, at: string) =>
      conn.execute(`insert into flag_change (id, pupil_id, school_id, trust_id, "group", value, changed_at, source) values (?, ?, ?, ?, ?, ?, ?, 'STAFF')`, [
        randomUUID(),
        leaver.id,
        leaver.schoolId,
        trustId,
        group,
        value,
        at,
      ]);
    // Disadvantaged from the autumn after that summer only: not a flag they had on 1 June.
    const had = leaver.flags.disadvantaged;
    await change('DISADVANTAGED', !had, `${year.leavingYear}-10-01T09:00:00Z`);
    await conn.execute('update pupil set disadvantaged = ? where id = ?', [!had, leaver.id]);
    try {
      const answer = (await cohorts(analyst, null)).data!.packedLeaverCohorts;
      for (const y of answer.years) expect(leaversOf(answer.schoolsAllowed, y)).toEqual(await fromCohort(analyst, null, y.leavingYear));
      const mask = leaversOf(
        answer.schoolsAllowed,
        answer.years.find((y) => y.leavingYear === year.leavingYear)!,
      ).get(leaver.id)![1];
      expect((mask & bit('disadvantaged')) !== 0).toBe(had);
    } finally {
      await conn.execute('update pupil set disadvantaged = ? where id = ?', [had, leaver.id]);
      await conn.execute('delete from flag_change where pupil_id = ?', [leaver.id]);
    }
  });

  it('answers the same question again from what it kept, until a change it depends on moves a cohort counter', async () => {
    const first = (await cohorts(analyst, null)).data!.packedLeaverCohorts;
    const year = first.years.find((y) => y.size > 0 && `${y.leavingYear}-06-01` < today)!;
    const leaver = data.pupils.find((p) => p.id === cols(year.pupilIds)[0])!;
    const conn = subgraph.orm.em.fork().getConnection();
    /** Asks twice; the answer must equal the full cohort of each 1 June, and the second ask must be served as kept. */
    const askedTwice = async () => {
      const before = pastSummersLookups();
      const answer = (await cohorts(analyst, null)).data!.packedLeaverCohorts;
      const again = (await cohorts(analyst, null)).data!.packedLeaverCohorts;
      const after = pastSummersLookups();
      expect(again).toEqual(answer);
      for (const y of answer.years) expect(leaversOf(answer.schoolsAllowed, y)).toEqual(await fromCohort(analyst, null, y.leavingYear));
      return { answer, computed: after.computed - before.computed, kept: after.kept - before.kept };
    };
    const leaverIn = (answer: typeof first, leavingYear: number) =>
      leaversOf(
        answer.schoolsAllowed,
        answer.years.find((y) => y.leavingYear === leavingYear)!,
      ).get(leaver.id);

    // Nothing changed since the first ask: both asks are served as kept.
    expect(await askedTwice()).toMatchObject({ computed: 0, kept: 2 });

    const flagId = randomUUID();
    const [{ date_of_birth: born }] = await conn.execute<{ date_of_birth: string }[]>(`select date_of_birth::text as date_of_birth from pupil where id = ?`, [
      leaver.id,
    ]);
    try {
      // The sharing opt-out: each change is worked out once, then kept.
      await conn.execute('update pupil set local_authority_sharing_opt_out = not local_authority_sharing_opt_out where id = ?', [leaver.id]);
      const optedOut = await askedTwice();
      expect(optedOut).toMatchObject({ computed: 1, kept: 1 });
      expect(leaverIn(optedOut.answer, year.leavingYear)![2]).toBe(!leaverIn(first, year.leavingYear)![2]);

      // A change to the flag history alone (no change to today's flags) changes the flags of that 1 June.
      const had = leaver.flags.disadvantaged;
      await conn.execute(
        `insert into flag_change (id, pupil_id, school_id, trust_id, "group", value, changed_at, source) values (?, ?, ?, ?, ?, ?, ?, 'STAFF')`,
        [flagId, leaver.id, leaver.schoolId, trustId, 'DISADVANTAGED', had, `${year.leavingYear}-10-01T09:00:00Z`],
      );
      const history = await askedTwice();
      expect(history).toMatchObject({ computed: 1, kept: 1 });
      const bit = 1 << VULNERABLE_GROUPS.findIndex((group) => group.key === 'disadvantaged');
      expect((leaverIn(history.answer, year.leavingYear)![1] & bit) !== 0).toBe(!had);

      // A date of birth a year earlier makes them a leaver of the summer before, or of none.
      await conn.execute(`update pupil set date_of_birth = date_of_birth - interval '1 year' where id = ?`, [leaver.id]);
      const older = await askedTwice();
      expect(older).toMatchObject({ computed: 1, kept: 1 });
      expect(leaverIn(older.answer, year.leavingYear)).toBeUndefined();
    } finally {
      await conn.execute('delete from flag_change where id = ?', [flagId]);
      await conn.execute('update pupil set local_authority_sharing_opt_out = not local_authority_sharing_opt_out, date_of_birth = ? where id = ?', [
        born,
        leaver.id,
      ]);
    }
    // Put back, the answer is the first one again, worked out afresh.
    const restored = await askedTwice();
    expect(restored).toMatchObject({ computed: 1, kept: 1 });
    expect(restored.answer).toEqual(first);
  });

  it('gives staff only their own school, even when they name another', async () => {
    const res = await cohorts(leaderNorth, [northfield.id, southbank.id]);
    expect(res.errors).toBeUndefined();
    const answer = res.data!.packedLeaverCohorts;
    expect(answer.schoolsAllowed).toEqual([northfield.id]);
    for (const year of answer.years) {
      const leavers = leaversOf(answer.schoolsAllowed, year);
      expect([...leavers.values()].every(([school]) => school === northfield.id)).toBe(true);
      expect(leavers).toEqual(await fromCohort(leaderNorth, [northfield.id], year.leavingYear));
    }
  });

  it("gives another trust's analyst and another school's leader nothing of the school they name (attack)", async () => {
    for (const who of [otherAnalyst, leaderSouth]) {
      const res = await cohorts(who, [northfield.id]);
      expect(res.errors).toBeUndefined();
      const answer = res.data!.packedLeaverCohorts;
      expect(answer.schoolsAllowed).not.toContain(northfield.id);
      for (const year of answer.years) expect(year).toMatchObject({ size: 0, pupilIds: '' });
    }
  });

  it.each([
    { who: 'a pupil', principal: pupil },
    { who: 'a parent', principal: parent },
    { who: 'a volunteer', principal: volunteer },
    { who: 'a data protection lead', principal: dpl },
  ])('refuses $who (attack)', async ({ principal }) => {
    const res = await cohorts(principal, [northfield.id]);
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.data?.packedLeaverCohorts ?? null).toBeNull();
  });

  it('refuses more than twenty leaving years, or a year that is not one', async () => {
    expect(
      (
        await cohorts(
          analyst,
          null,
          Array.from({ length: 21 }, (_, i) => 2000 + i),
        )
      ).errors?.length,
    ).toBeGreaterThan(0);
    expect((await cohorts(analyst, null, [20260])).errors?.length).toBeGreaterThan(0);
  });
});

describe('packedFollowedLeavers', () => {
  async function followed(who: Principal, years: number[], ids: string[] | null) {
    return subgraph.client.query<{ packedFollowedLeavers: Followed }>(who, FOLLOWED, { asOf: today, years, ids });
  }
  function rowsOf(packed: Followed) {
    const ids = cols(packed.pupilIds);
    const [upns, years, trackings, optOuts, left] = [packed.upns, packed.leavingYears, packed.trackings, packed.sharingOptOuts, packed.leftSince].map(cols);
    for (const column of [upns, years, trackings, optOuts, left]) expect(column).toHaveLength(ids.length);
    expect(ids).toHaveLength(packed.size);
    return new Map(
      ids.map((id, i) => [
        id,
        { upn: upns[i], leavingYear: Number(years[i]), tracking: trackings[i] === '1', optOut: optOuts[i] === '1', left: left[i] === '1' },
      ]),
    );
  }

  it("gives staff their leavers' UPNs, leaving years, agreement and opt-outs exactly as the pupil entity does, and nobody else's", async () => {
    const named = [northLeaver.id, maya.id, southPupil.id, randomUUID()];
    for (const who of [leaderNorth, staffNorth]) {
      const res = await followed(who, [], named);
      expect(res.errors).toBeUndefined();
      const rows = rowsOf(res.data!.packedFollowedLeavers);
      expect(new Set(rows.keys())).toEqual(new Set([northLeaver.id, maya.id]));
      const entities = await subgraph.client.query<{
        _entities: { id: string; upn: string; year11LeavingYear: number; consent: { destinationTracking: boolean; localAuthoritySharingOptOut: boolean } }[];
      }>(who, DETAILS, { r: [northLeaver.id, maya.id].map((id) => ({ __typename: 'Pupil', id })) });
      for (const pupil of entities.data!._entities)
        expect(rows.get(pupil.id)).toEqual({
          upn: pupil.upn,
          leavingYear: pupil.year11LeavingYear,
          tracking: pupil.consent.destinationTracking,
          optOut: pupil.consent.localAuthoritySharingOptOut,
          left: false,
        });
      expect(rows.get(northLeaver.id)?.leavingYear).toBe(year11LeavingYear(northLeaver.dateOfBirth));
    }
  });

  it('adds those who left after finishing Year 11 in a summer asked about: on roll that 1 June, not on roll today', async () => {
    const res = await followed(leaderNorth, YEARS, null);
    expect(res.errors).toBeUndefined();
    const rows = rowsOf(res.data!.packedFollowedLeavers);
    const expected = new Set<string>();
    const onRollToday = await subgraph.client.query<{ cohort: { pupilIds: string[] } }>(leaderNorth, COHORT, { schoolIds: [northfield.id], asOf: today });
    const stayed = new Set(onRollToday.data!.cohort.pupilIds);
    for (const year of YEARS) for (const id of (await fromCohort(leaderNorth, [northfield.id], year)).keys()) if (!stayed.has(id)) expected.add(id);
    expect(expected.size).toBeGreaterThan(0);
    expect(new Set(rows.keys())).toEqual(expected);
    for (const row of rows.values()) expect(row.left).toBe(true);
  });

  it('keeps who left with the cohort counter: asked again it is served as kept, and a move back onto the roll is seen at once', async () => {
    const leftIds = async () => new Set(rowsOf((await followed(leaderNorth, YEARS, null)).data!.packedFollowedLeavers).keys());
    const first = await leftIds();
    const before = leftSinceLookups();
    expect(await leftIds()).toEqual(first);
    expect(leftSinceLookups()).toEqual({ computed: before.computed, kept: before.kept + 1 });
    // The leaver comes back onto Northfield's roll: no longer someone who left.
    const conn = subgraph.orm.em.fork().getConnection();
    const [{ left_on: leftOn }] = await conn.execute<{ left_on: string }[]>('select left_on::text as left_on from pupil where id = ?', [northLeaver.id]);
    expect(first.has(northLeaver.id)).toBe(true);
    await conn.execute('update pupil set left_on = null where id = ?', [northLeaver.id]);
    try {
      const back = await leftIds();
      expect(back.has(northLeaver.id)).toBe(false);
      expect(leftSinceLookups().computed).toBe(before.computed + 1);
    } finally {
      await conn.execute('update pupil set left_on = ? where id = ?', [leftOn, northLeaver.id]);
    }
    expect(await leftIds()).toEqual(first);
  });

  it("gives another school's leader nothing about Northfield's pupils (attack)", async () => {
    const res = await followed(leaderSouth, YEARS, [northLeaver.id, maya.id]);
    expect(res.errors).toBeUndefined();
    const rows = rowsOf(res.data!.packedFollowedLeavers);
    expect(rows.has(northLeaver.id)).toBe(false);
    expect(rows.has(maya.id)).toBe(false);
    expect([...rows.keys()].every((id) => data.pupils.find((p) => p.id === id)?.schoolId === southbank.id)).toBe(true);
  });

  it.each([
    { who: 'a pupil', principal: pupil },
    { who: 'a parent', principal: parent },
    { who: 'a trust analyst with pupil-level access', principal: pupilLevelAnalyst },
    { who: 'a volunteer', principal: volunteer },
    { who: 'a data protection lead', principal: dpl },
  ])('refuses $who (attack)', async ({ principal }) => {
    const res = await followed(principal, YEARS, [northLeaver.id, maya.id]);
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.data?.packedFollowedLeavers ?? null).toBeNull();
  });
});
