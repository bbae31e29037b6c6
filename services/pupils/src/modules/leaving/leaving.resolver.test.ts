import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academicYearOf, academicYearOfDay, addDays } from '@waymark/domain';
import { demoData } from '@waymark/demo-data';
import type { Principal } from '@waymark/auth';
import type { Orm } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { School } from '../school/school.entity.js';
import { dateInEngland } from '../school/school-calendar.js';
import { generatePupils, importRoster, rosterCsv, utf8Base64, type FixturePupil } from '../../../test/roster-fixtures.js';

const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const today = dateInEngland(new Date());
const academicYear = academicYearOf(new Date());
const onRollAt = (schoolId: string, yearGroup: number) => data.pupils.filter((p) => p.schoolId === schoolId && !p.leftOn && p.yearGroup === yearGroup);
// Each test takes pupils of its own, so what one marks as left never changes another's.
const [leaving, refusedLeaver, dated, byStaff, returning, refusedReturner] = onRollAt(northfield.id, 9);
const southPupil = onRollAt(southbank.id, 9)[0];
const alreadyLeft = data.pupils.find((p) => p.schoolId === northfield.id && p.leftOn)!;
// Left in an earlier school year (the demo's leavers left at the end of one).
const earlierLeaver = data.pupils.find((p) => p.schoolId === northfield.id && p.leftOn && academicYearOfDay(p.leftOn) < academicYearOfDay(today))!;

const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId, displayName: 'Priya Shah' });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId });
const adviserNorth = makePrincipal({ roles: ['careers_adviser'], schoolId: northfield.id, trustId });
const dplNorth = makePrincipal({ roles: ['data_protection_lead'], schoolId: northfield.id, trustId });
const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
const pupilSelf = makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: refusedLeaver.id });
const parent = makePrincipal({ roles: ['parent'], childPupilIds: [refusedLeaver.id] });
const volunteer = makePrincipal({ roles: ['employer_volunteer'], volunteerId: data.volunteers[0].id, employerId: data.volunteers[0].employerId });
const analyst = makePrincipal({ roles: ['trust_analyst'], trustId, pupilLevelAccess: true });
const integration = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['roster:write'], displayName: 'MIS sync' });

const MARK = `mutation ($input: MarkPupilLeftInput!) { markPupilLeft(input: $input) {
  pupil { id leftOn enrolments { startedOn leftOn } recordAccess { current } } error { code message fields { field message } } } }`;
interface MarkAnswer {
  markPupilLeft: {
    pupil: { id: string; leftOn: string | null; enrolments: { startedOn: string; leftOn: string | null }[]; recordAccess: { current: boolean } | null } | null;
    error: { code: string; message: string; fields: { field: string; message: string }[] } | null;
  };
}
const BACK = `mutation ($input: MarkPupilBackOnRollInput!) { markPupilBackOnRoll(input: $input) {
  pupil { id leftOn enrolments { startedOn leftOn } } error { code message fields { field message } } } }`;
interface BackAnswer {
  markPupilBackOnRoll: {
    pupil: { id: string; leftOn: string | null; enrolments: { startedOn: string; leftOn: string | null }[] } | null;
    error: { code: string; message: string; fields: { field: string; message: string }[] } | null;
  };
}
const COHORT = `query ($pupilIds: [ID!], $asOf: String!) { cohort(pupilIds: $pupilIds, asOf: $asOf) { pupilIds } }`;
const LIST = `query ($search: String, $includeLeavers: Boolean) { pupils(first: 200, search: $search, includeLeavers: $includeLeavers) { edges { node { id } } } }`;

let subgraph: TestSubgraph;
let orm: Orm;
let client: SubgraphTestClient;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  ({ orm, client } = subgraph);
});

afterAll(() => subgraph?.close());

async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return orm.em.fork().execute<T[]>(query, params);
}

const mark = (who: Principal, pupilId: string, leftOn: string) => client.query<MarkAnswer>(who, MARK, { input: { pupilId, leftOn } });
const back = (who: Principal, pupilId: string) => client.query<BackAnswer>(who, BACK, { input: { pupilId } });

/** What marking a pupil as left may touch: their row's period and school, their past periods, and the trail's events about them. */
async function stateOf(pupilId: string) {
  const [row] = await sql<{ school_id: string; left_on: string | null; enrolled_on: string; year_group: number | null }>(
    'select school_id, left_on::text, enrolled_on::text, year_group from pupil where id = ?',
    [pupilId],
  );
  const [{ n: pastPeriods }] = await sql<{ n: number }>('select count(*)::int as n from enrolment where pupil_id = ?', [pupilId]);
  return { ...row, pastPeriods, leftOnEvents: await leftOnEvents(pupilId) };
}

async function leftOnEvents(pupilId: string): Promise<number> {
  const [{ n }] = await sql<{ n: number }>(
    `select count(*)::int as n from audit_event e join audit_event_field f on f.event_id = e.id where e.pupil_id = ? and e.action = 'CHANGE' and f.field = 'leftOn'`,
    [pupilId],
  );
  return n;
}

async function inCohort(who: Principal, pupilId: string, asOf: string): Promise<boolean> {
  const res = await client.query<{ cohort: { pupilIds: string[] } }>(who, COHORT, { pupilIds: [pupilId], asOf });
  expect(res.errors).toBeUndefined();
  return res.data!.cohort.pupilIds.includes(pupilId);
}

async function listed(who: Principal, surname: string, includeLeavers: boolean): Promise<string[]> {
  const res = await client.query<{ pupils: { edges: { node: { id: string } }[] } }>(who, LIST, { search: surname, includeLeavers });
  expect(res.errors).toBeUndefined();
  return res.data!.pupils.edges.map((edge) => edge.node.id);
}

describe('markPupilLeft', () => {
  it("marks one pupil of the leader's school as left on the day given, keeps them as the school's leaver, and logs it", async () => {
    const yesterday = addDays(today, -1);
    const before = await stateOf(leaving.id);
    expect(before).toMatchObject({ school_id: northfield.id, left_on: null, leftOnEvents: 0 });
    expect(before.enrolled_on < yesterday).toBe(true);

    const res = await mark(leaderNorth, leaving.id, yesterday);
    expect(res.errors).toBeUndefined();
    expect(res.data!.markPupilLeft.error).toBeNull();
    expect(res.data!.markPupilLeft.pupil).toEqual({
      id: leaving.id,
      leftOn: yesterday,
      enrolments: [{ startedOn: before.enrolled_on, leftOn: yesterday }],
      // Still the school's own pupil (its leaver): destinations and the record stay open to it.
      recordAccess: { current: true },
    });
    // Only the period's end changes: same school, same year group, no period written to the history.
    expect(await stateOf(leaving.id)).toEqual({ ...before, left_on: yesterday, leftOnEvents: 1 });

    // Off the roll from that day: not in the cohort on it, still in it the day before.
    expect(await inCohort(leaderNorth, leaving.id, yesterday)).toBe(false);
    expect(await inCohort(leaderNorth, leaving.id, addDays(yesterday, -1))).toBe(true);
    // The pupils list leaves them out unless leavers are asked for.
    expect(await listed(leaderNorth, leaving.legalSurname, false)).not.toContain(leaving.id);
    expect(await listed(leaderNorth, leaving.legalSurname, true)).toContain(leaving.id);
  });

  it('lets staff of the school do it, as they may import the roster', async () => {
    const res = await mark(staffNorth, byStaff.id, today);
    expect(res.data!.markPupilLeft.error).toBeNull();
    expect((await stateOf(byStaff.id)).left_on).toBe(today);
  });

  it('refuses a pupil who has already left, changing nothing', async () => {
    const before = await stateOf(alreadyLeft.id);
    expect(before.left_on).not.toBeNull();
    const res = await mark(leaderNorth, alreadyLeft.id, today);
    expect(res.data!.markPupilLeft.error).toMatchObject({ code: 'PUPIL_ALREADY_LEFT', fields: [{ field: 'pupilId', message: 'Already left.' }] });
    expect(res.data!.markPupilLeft.error!.message).toMatch(/has already left your school, on \d+ \w+ \d{4}\. Nothing was changed\./);
    expect(await stateOf(alreadyLeft.id)).toEqual(before);
    // And a second mark of the same pupil is refused the same way.
    const again = await mark(leaderNorth, leaving.id, today);
    expect(again.data!.markPupilLeft.error!.code).toBe('PUPIL_ALREADY_LEFT');
    expect((await stateOf(leaving.id)).left_on).toBe(addDays(today, -1));
  });

  it('refuses a date in the future, before the pupil joined, or not a date, changing nothing', async () => {
    const before = await stateOf(dated.id);
    const cases: [string, string, string][] = [
      [addDays(today, 1), 'LEFT_ON_IN_FUTURE', 'The date they left cannot be in the future'],
      [addDays(before.enrolled_on, -1), 'LEFT_ON_BEFORE_JOINING', 'The date they left cannot be before they joined your school on 1 September'],
      ['1900-01-01', 'LEFT_ON_BEFORE_JOINING', 'before they joined'],
      ['2026-02-30', 'LEFT_ON_INVALID', 'Enter the date they left as a real date'],
      ['31/10/2026', 'LEFT_ON_INVALID', 'as a real date'],
      ['', 'LEFT_ON_INVALID', 'Enter the date they left'],
    ];
    for (const [leftOn, code, message] of cases) {
      const res = await mark(leaderNorth, dated.id, leftOn);
      expect(res.data!.markPupilLeft.error, leftOn).toMatchObject({ code, fields: [{ field: 'leftOn', message: expect.stringContaining(message) }] });
      expect(res.data!.markPupilLeft.error!.message).toMatch(/Nothing was changed\.$/);
    }
    expect(await stateOf(dated.id)).toEqual(before);
    // The day they joined is the earliest day they can have left.
    const res = await mark(leaderNorth, dated.id, before.enrolled_on);
    expect(res.data!.markPupilLeft.error).toBeNull();
    expect((await stateOf(dated.id)).left_on).toBe(before.enrolled_on);
  });

  it("refuses another school's leader as it would an unknown pupil, changing nothing (attack)", async () => {
    const before = await stateOf(refusedLeaver.id);
    const res = await mark(leaderSouth, refusedLeaver.id, today);
    expect(res.errors).toBeUndefined();
    expect(res.data!.markPupilLeft).toEqual({ pupil: null, error: expect.objectContaining({ code: 'PUPIL_NOT_VISIBLE' }) });
    const unknown = await mark(leaderSouth, '00000000-0000-4000-8000-0000000000ff', today);
    expect(unknown.data!.markPupilLeft.error!.message).toBe(res.data!.markPupilLeft.error!.message);
    // Nor can Northfield's leader mark Southbank's pupil.
    const reverse = await mark(leaderNorth, southPupil.id, today);
    expect(reverse.data!.markPupilLeft.error!.code).toBe('PUPIL_NOT_VISIBLE');
    expect(await stateOf(refusedLeaver.id)).toEqual(before);
    expect((await stateOf(southPupil.id)).left_on).toBeNull();
  });

  it('is forbidden to the pupil, a parent, an employer volunteer, an analyst, an API key, a careers adviser and a data protection lead (attack)', async () => {
    const before = await stateOf(refusedLeaver.id);
    for (const who of [pupilSelf, parent, volunteer, analyst, integration, adviserNorth, dplNorth]) {
      const res = await mark(who, refusedLeaver.id, today);
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
      expect(res.data?.markPupilLeft ?? null).toBeNull();
    }
    expect(await stateOf(refusedLeaver.id)).toEqual(before);
  });
});

describe('markPupilBackOnRoll', () => {
  it('undoes a leaving of this school year: the same period goes on, as if they had never left, and it is logged', async () => {
    const before = await stateOf(returning.id);
    expect((await mark(leaderNorth, returning.id, today)).data!.markPupilLeft.error).toBeNull();
    expect(await inCohort(leaderNorth, returning.id, today)).toBe(false);

    const res = await back(leaderNorth, returning.id);
    expect(res.errors).toBeUndefined();
    expect(res.data!.markPupilBackOnRoll).toEqual({
      pupil: { id: returning.id, leftOn: null, enrolments: [{ startedOn: before.enrolled_on, leftOn: null }] },
      error: null,
    });
    // Both changes are in the log; nothing else differs from before they were marked.
    expect(await stateOf(returning.id)).toEqual({ ...before, leftOnEvents: 2 });
    expect(await inCohort(leaderNorth, returning.id, today)).toBe(true);
    expect(await listed(leaderNorth, returning.legalSurname, false)).toContain(returning.id);

    const again = await back(leaderNorth, returning.id);
    expect(again.data!.markPupilBackOnRoll.error).toMatchObject({ code: 'PUPIL_ON_ROLL', fields: [{ field: 'pupilId', message: 'On roll.' }] });
    expect((await stateOf(returning.id)).leftOnEvents).toBe(2);
  });

  it("leaves an earlier school year's leaver to a roster import, changing nothing", async () => {
    const before = await stateOf(earlierLeaver.id);
    const res = await back(leaderNorth, earlierLeaver.id);
    expect(res.data!.markPupilBackOnRoll.error!.code).toBe('PUPIL_LEFT_IN_EARLIER_YEAR');
    expect(res.data!.markPupilBackOnRoll.error!.message).toMatch(
      /in an earlier school year, so their leaving cannot be undone here\. If they are back, include them in your next roster import\./,
    );
    expect(await stateOf(earlierLeaver.id)).toEqual(before);
  });

  it("refuses another school's leader as an unknown pupil, and everyone but the school's leader and staff (attack)", async () => {
    expect((await mark(leaderNorth, refusedReturner.id, today)).data!.markPupilLeft.error).toBeNull();
    const before = await stateOf(refusedReturner.id);
    const other = await back(leaderSouth, refusedReturner.id);
    expect(other.data!.markPupilBackOnRoll).toEqual({ pupil: null, error: expect.objectContaining({ code: 'PUPIL_NOT_VISIBLE' }) });
    for (const who of [pupilSelf, parent, volunteer, analyst, integration, adviserNorth, dplNorth]) {
      const res = await back(who, refusedReturner.id);
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN');
    }
    expect(await stateOf(refusedReturner.id)).toEqual(before);
  });
});

describe('a pupil marked as left is a leaver exactly as a full roster makes one', () => {
  const SCHOOL = '0e5f1e1d-0000-4000-8000-00000000001a';
  const NEXT = '0e5f1e1d-0000-4000-8000-00000000001b';
  const leader = makePrincipal({ roles: ['careers_leader'], schoolId: SCHOOL, trustId, displayName: 'Lena Leaver' });
  const nextLeader = makePrincipal({ roles: ['careers_leader'], schoolId: NEXT, trustId });
  const pupils = generatePupils(4, { seed: 41, academicYear });
  const [byImport, byHand] = pupils;
  const csvOf = (rows: FixturePupil[], fullRoster: boolean) => ({ fileBase64: utf8Base64(rosterCsv(rows)), fullRoster });
  const idOf = async (upn: string) => (await sql<{ id: string }>('select id from pupil where upn = ?', [upn]))[0].id;
  const view = async (who: Principal, id: string) =>
    (
      await client.query<{ pupil: { leftOn: string | null; enrolments: { startedOn: string; leftOn: string | null }[]; recordAccess: { current: boolean } } }>(
        who,
        'query ($id: ID!) { pupil(id: $id) { leftOn enrolments { startedOn leftOn } recordAccess { current } } }',
        { id },
      )
    ).data!.pupil;

  beforeAll(async () => {
    const em = orm.em.fork();
    em.create(School, { id: SCHOOL, trustId, name: 'Leaverton School', urn: '900041', localAuthority: 'Leeds' });
    em.create(School, { id: NEXT, trustId, name: 'Nextdoor School', urn: '900042', localAuthority: 'Leeds' });
    await em.flush();
    await importRoster(client, leader, csvOf(pupils, true));
  });

  it('holds the same row, history and views, and moves to a new school the same way', async () => {
    const [importId, handId] = [await idOf(byImport.upn), await idOf(byHand.upn)];
    // One leaves because the next full roster leaves them out; the other is marked by the leader, the same day.
    const { committed } = await importRoster(client, leader, csvOf([byHand, ...pupils.slice(2)], true));
    expect(committed.toMarkLeft).toBe(1);
    expect((await mark(leader, handId, today)).data!.markPupilLeft.error).toBeNull();

    const [imported, marked] = [await stateOf(importId), await stateOf(handId)];
    expect(imported).toMatchObject({ school_id: SCHOOL, left_on: today, pastPeriods: 0 });
    // The same row and history; only the log differs (the import's one event names the school, not the pupil).
    expect(marked).toEqual({ ...imported, year_group: marked.year_group, leftOnEvents: 1 });
    expect(await view(leader, handId)).toEqual(await view(leader, importId));
    for (const id of [importId, handId]) {
      expect(await inCohort(leader, id, today)).toBe(false);
      expect(await inCohort(leader, id, addDays(today, -1))).toBe(true);
    }
    // A later full roster without them changes neither (both are already off the roll).
    const { previewed } = await importRoster(client, leader, csvOf(pupils.slice(2), true));
    expect(previewed.toMarkLeft).toBe(0);

    // Another school's roster takes both in as transfers; each old school sees its own period only.
    const moved = await importRoster(client, nextLeader, csvOf([byImport, byHand], false));
    expect(moved.previewed.transfersIn).toBe(2);
    for (const id of [importId, handId]) {
      expect(await view(leader, id)).toEqual({ leftOn: today, enrolments: [{ startedOn: today, leftOn: today }], recordAccess: { current: false } });
    }
    // The former school can no longer mark the pupil it lost, nor bring them back (attack): they are not theirs.
    const late = await mark(leader, handId, today);
    expect(late.data!.markPupilLeft.error!.code).toBe('PUPIL_NOT_VISIBLE');
    expect((await back(leader, handId)).data!.markPupilBackOnRoll.error!.code).toBe('PUPIL_NOT_VISIBLE');
    expect((await stateOf(handId)).school_id).toBe(NEXT);
  });
});
