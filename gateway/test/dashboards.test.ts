import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { openDatabase, type Orm } from '@waymark/subgraph-kit';
import { testDatabase } from '@waymark/subgraph-kit/testing';
import { encountersService } from '@waymark/encounters';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * The dashboards through the real gateway and subgraphs equal counts written by hand in SQL over the
 * same data: a fresh copy of the demo encounters in a scratch database, with the demo pupils beside
 * them. The hand-written queries below follow docs/domain-rules.md on their own; they share no code with the
 * engine.
 */
const data = demoData();
const [northfield] = data.schools;
const asOf = new Date().toISOString().slice(0, 10);
const today = new Date(`${asOf}T00:00:00Z`);
/** The academic year (named by the year it starts in) of today. */
const year = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
let scratch: ReturnType<typeof testDatabase>;
let orm: Orm;

const stack = useTestStack({ name: 'dash', shared: true });

beforeAll(async () => {
  scratch = testDatabase('encounters');
  orm = await openDatabase({ service: 'encounters', entities: encountersService.entities, migrations: encountersService.migrations, ...scratch.options });
  await encountersService.seed!(orm, { secondTrust: false });
  const conn = orm.em.fork().getConnection();
  await conn.execute('create table hand_pupil (pupil_id uuid primary key, yg int not null, he boolean not null)');
  const he = new Map(data.outlooks.map((o) => [o.pupilId, o.consideringHigherEducation]));
  const onRoll = data.pupils.filter((p) => p.schoolId === northfield.id && !p.leftOn && p.yearGroup !== null);
  for (const p of onRoll) await conn.execute('insert into hand_pupil values (?, ?, ?)', [p.id, p.yearGroup, he.get(p.id) ?? false]);
}, 300_000);

afterAll(async () => {
  await orm?.close(true);
  await scratch?.dispose();
});

/** Met / eligible per year group for one measure, written by hand. `met` and `eligible` are SQL over `c` (a hand_pupil row). */
async function byHand(met: string, eligible = 'true'): Promise<Map<number, { eligible: number; met: number }>> {
  const sql = `
    with attended as (
      select p.pupil_id, e.*, (e.checklist_met and (p.reflection is not null or p.group_reflection_on is not null)) as meaningful,
             extract(year from e.date - interval '8 months')::int as ay
        from participation p join encounter e on e.id = p.encounter_id
       where p.attended and e.date::date <= '${asOf}'::date
    )
    select c.yg, count(*) filter (where ${eligible}) as eligible, count(*) filter (where (${eligible}) and (${met})) as met
      from hand_pupil c group by c.yg`;
  const rows = await orm.em.fork().getConnection().execute<{ yg: number; eligible: string; met: string }[]>(sql);
  return new Map(rows.map((r: { yg: number; eligible: string; met: string }) => [Number(r.yg), { eligible: Number(r.eligible), met: Number(r.met) }]));
}

/** The year a fact happened in, as the pupil's year group then. */
const yearThen = `(c.yg - (${year} - a.ay))`;

const HAND: Record<string, { met: string; eligible?: string }> = {
  // A meaningful employer encounter this academic year, or a verified part-time job running in it.
  B5_EMPLOYERS: {
    met: `exists (select 1 from attended a where a.pupil_id = c.pupil_id and a.meaningful and 5 = any(a.benchmarks) and a.ay = ${year})
       or exists (select 1 from own_activity o where o.pupil_id = c.pupil_id and o.status = 'VERIFIED' and o.kind = 'PART_TIME_JOB'
                  and o.started_on <= '${asOf}' and coalesce(o.ended_on, '${asOf}') >= '${year}-09-01')`,
  },
  // A guidance meeting with a level 6+ adviser in Years 7–11.
  B8_BY_16: {
    met: `exists (select 1 from attended a where a.pupil_id = c.pupil_id and a.kind = 'GUIDANCE_MEETING' and a.adviser_level >= 6 and ${yearThen} <= 11)`,
  },
  // Two technical-education or apprenticeship provider encounters in the school day, Sept of Y10 to 28 Feb of Y11.
  PROVIDER_ACCESS_Y10_11: {
    eligible: 'c.yg >= 10',
    met: `(select count(*) from attended a where a.pupil_id = c.pupil_id and a.in_school_day
             and a.kind in ('FE_COLLEGE_ENCOUNTER', 'TRAINING_PROVIDER_ENCOUNTER', 'APPRENTICESHIP_PROVIDER_ENCOUNTER')
             and (${yearThen} = 10 or (${yearThen} = 11 and to_char(a.date, 'MMDD') not between '0301' and '0831'))) >= 2`,
  },
  // Years 12–13 considering higher education: two meaningful university visits.
  B7_BY_18: {
    eligible: 'c.yg >= 12 and c.he',
    met: `(select count(*) from attended a where a.pupil_id = c.pupil_id and a.meaningful and a.kind = 'UNIVERSITY_VISIT' and 7 = any(a.benchmarks))
          + (select count(*) from own_activity o where o.pupil_id = c.pupil_id and o.status = 'VERIFIED' and o.kind = 'UNIVERSITY_OPEN_DAY' and o.started_on <= '${asOf}') >= 2`,
  },
  // Any Benchmark 2 activity while in the current key stage.
  B2_LMI: {
    met: `exists (select 1 from attended a where a.pupil_id = c.pupil_id and 2 = any(a.benchmarks)
            and (case when ${yearThen} <= 9 then 3 when ${yearThen} <= 11 then 4 else 5 end) = (case when c.yg <= 9 then 3 when c.yg <= 11 then 4 else 5 end))`,
  },
};

describe('dashboards through the gateway', () => {
  it('equal the hand-written SQL counts for every year group', async () => {
    const leader = new GatewayClient(stack.url);
    expect((await leader.signIn('leader@northfield.test')).status).toBe(200);
    const res = await leader.query<{ schoolDashboard: { cells: { measure: string; yearGroup: number | null; eligible: number; met: number }[] } }>(
      'query ($asOf: String) { schoolDashboard(asOf: $asOf) { cells { measure yearGroup eligible met } } }',
      { asOf },
    );
    expect(res.errors).toBeUndefined();
    const cells = res.data!.schoolDashboard.cells;
    for (const [measure, rule] of Object.entries(HAND)) {
      const expected = await byHand(rule.met, rule.eligible);
      let metSomewhere = 0;
      for (let yearGroup = 7; yearGroup <= 13; yearGroup += 1) {
        const cell = cells.find((c) => c.measure === measure && c.yearGroup === yearGroup)!;
        const hand = expected.get(yearGroup) ?? { eligible: 0, met: 0 };
        expect({ measure, yearGroup, eligible: cell.eligible, met: cell.met }).toEqual({ measure, yearGroup, ...hand });
        metSomewhere += hand.met;
      }
      // Each rule is met by someone in the demo data, so the comparison is not between two zeros.
      expect(metSomewhere, `${measure} is met by someone`).toBeGreaterThan(0);
    }
  });

  it('give a trust analyst the same school figures in the trust view', async () => {
    const [leader, analyst] = [new GatewayClient(stack.url), new GatewayClient(stack.url)];
    await leader.signIn('leader@northfield.test');
    await analyst.signIn('trust@waymark-trust.test');
    const school = await leader.query<{ schoolDashboard: { cells: { measure: string; yearGroup: number | null; met: number }[] } }>(
      '{ schoolDashboard { cells { measure yearGroup met } } }',
    );
    const trust = await analyst.query<{ trustDashboard: { schools: { school: { id: string; name: string }; cells: { measure: string; met: number }[] }[] } }>(
      '{ trustDashboard { schools { school { id name } cells { measure met } } } }',
    );
    expect(trust.errors).toBeUndefined();
    const north = trust.data!.trustDashboard.schools.find((s) => s.school.id === northfield.id)!;
    expect(north.school.name).toBe(northfield.name);
    for (const cell of north.cells) {
      expect(cell.met).toBe(school.data!.schoolDashboard.cells.find((c) => c.measure === cell.measure && c.yearGroup === null)!.met);
    }
  });
});
