import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academicYearOf } from '@waymark/domain';
import { demoData } from '@waymark/demo-data';
import type { Orm } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type SubgraphTestClient, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, pupilsService } from '../../app.js';
import { RolloverService } from './rollover.service.js';

const data = demoData();
const trustId = data.trust.id;
const [northfield, southbank] = data.schools;
const thisYear = academicYearOf(new Date());
const nextYear = thisYear + 1;
const leaderNorth = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId, displayName: 'Priya Shah' });
const staffNorth = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId });
// The rollover runs on the first school day of next year; the demo's year groups are this year's.
const firstDay = new Date(Date.UTC(nextYear, 8, 2, 8));

let subgraph: TestSubgraph;
let orm: Orm;
let client: SubgraphTestClient;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pupilsService, createApp);
  ({ orm, client } = subgraph);
});

afterAll(() => subgraph?.close());

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => orm.em.fork().execute<T[]>(query, params);
const state = (schoolId: string) =>
  sql<{ id: string; year_group: number | null; left_on: string | null }>('select id, year_group, left_on::text from pupil where school_id = ? order by id', [
    schoolId,
  ]);

describe('rollOverYear', () => {
  const joinedInFebruary = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 9)!;
  const joinedInSeptember = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup === 7)!;

  it('moves Years 7–12 up, makes Year 13 leavers on 31 August and keeps everyone', async () => {
    // One pupil arrived last February (year group set for this year); one arrived after 1 September
    // next year, already placed in Year 7 for it.
    await sql('update pupil set year_group_academic_year = ? where id = ?', [thisYear, joinedInFebruary.id]);
    await sql('update pupil set year_group_academic_year = ? where id = ?', [nextYear, joinedInSeptember.id]);
    const before = await state(northfield.id);
    const southBefore = await state(southbank.id);
    const result = await new RolloverService(orm.em.fork()).rollOver(leaderNorth, nextYear, firstDay);

    const onRoll = before.filter((p) => p.left_on === null);
    const promoted = onRoll.filter((p) => p.year_group! < 13 && p.id !== joinedInSeptember.id);
    const leavers = onRoll.filter((p) => p.year_group === 13);
    expect(result).toMatchObject({ promoted: promoted.length, leavers: leavers.length, error: null });
    expect(leavers.length).toBe(30);

    const after = new Map((await state(northfield.id)).map((p) => [p.id, p]));
    expect(after.size).toBe(before.length);
    for (const p of before) {
      const now = after.get(p.id)!;
      if (p.left_on !== null) expect(now).toEqual(p);
      else if (p.id === joinedInSeptember.id) expect(now.year_group).toBe(7);
      else if (p.year_group === 13) expect(now).toMatchObject({ year_group: 13, left_on: `${nextYear}-08-31` });
      else expect(now).toMatchObject({ year_group: p.year_group! + 1, left_on: null });
    }
    expect(after.get(joinedInFebruary.id)!.year_group).toBe(10);
    // Their period here (past ones are enrolment rows, the latest is on the pupil row) is closed.
    const open = await sql<{ n: number }>(
      `select count(*)::int as n from (select pupil_id, left_on from enrolment union all select id, left_on from pupil) as period
       where pupil_id = any(?::uuid[]) and left_on is null`,
      [`{${leavers.map((p) => p.id).join(',')}}`],
    );
    expect(open[0].n).toBe(0);
    expect(await state(southbank.id)).toEqual(southBefore);
  });

  it('happens once per school and year: a second call changes nothing', async () => {
    const before = await state(northfield.id);
    const again = await new RolloverService(orm.em.fork()).rollOver(leaderNorth, nextYear, firstDay);
    expect(again).toMatchObject({ promoted: 0, leavers: 0, error: { code: 'ROLLOVER_ALREADY_DONE' } });
    expect(await state(northfield.id)).toEqual(before);
  });

  it('rolls over only into the academic year under way', async () => {
    const early = await new RolloverService(orm.em.fork()).rollOver(leaderNorth, nextYear + 1, firstDay);
    expect(early.error!.code).toBe('ROLLOVER_NOT_THIS_YEAR');
  });

  it('through the API: the careers leader only, and the same once-a-year rule', async () => {
    const MUTATION = `mutation ($input: RollOverYearInput!) { rollOverYear(input: $input) { promoted leavers error { code } } }`;
    const staff = await client.query(staffNorth, MUTATION, { input: { academicYear: thisYear } });
    expect(staff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const leaderSouth = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId });
    const wrongYear = await client.query<{ rollOverYear: { error: { code: string } } }>(leaderSouth, MUTATION, { input: { academicYear: nextYear } });
    expect(wrongYear.data!.rollOverYear.error.code).toBe('ROLLOVER_NOT_THIS_YEAR');
    // Southbank's year groups are already this year's: nobody moves, and the year is done.
    const first = await client.query<{ rollOverYear: unknown }>(leaderSouth, MUTATION, { input: { academicYear: thisYear } });
    expect(first.data!.rollOverYear).toEqual({ promoted: 0, leavers: 0, error: null });
    const second = await client.query<{ rollOverYear: { error: { code: string } } }>(leaderSouth, MUTATION, { input: { academicYear: thisYear } });
    expect(second.data!.rollOverYear.error.code).toBe('ROLLOVER_ALREADY_DONE');
  });
});
