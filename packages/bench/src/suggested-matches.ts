import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { demoData } from '@waymark/demo-data';
import { dropStackDatabases, freeStackPorts, startStack } from '@waymark/stack';
import { percentile, sideBySide, type Result } from './measure.js';

const QUERY = `{ suggestedMatches { postcode suggestions { yearGroup sector interestedPupils volunteersInPerson volunteersOnline sentence } } }`;
const VOLUNTEERS = 10_000;

/**
 * 10,000 volunteers with filled-in profiles: one to three random sectors, two activities, a home in
 * one of a few postcode areas, and a third each reaching by districts (near the demo school's LS6 or
 * not), by radius, or online only. Written straight into the employers database.
 */
const SEED_VOLUNTEERS = `
insert into volunteer (id, employer_id, kind, first_name, last_name, job_title, email, alumni_of_school_id, left_school_year, school_ids,
                       activities, sectors, home_postcode, reach, reach_districts, radius_miles, availability)
select gen_random_uuid(), null, 'EMPLOYEE', 'Bench', 'Volunteer ' || n, 'Engineer', 'bench' || n || '@example.org', null, null, '{}',
       array['TALK', 'MOCK_INTERVIEW'],
       (select array_agg(distinct substr('ABCDEFGHIJKLMNOPQRS', 1 + ((n * k * 7919) % 19)::int, 1)) from generate_series(1, 1 + n % 3) k),
       (array['LS11 5AA', 'LS6 2AB', 'BD1 4QR', 'M1 1AE', 'YO1 7HH'])[1 + n % 5],
       (array['DISTRICTS', 'RADIUS', 'VIRTUAL_ONLY'])[1 + (n / 5) % 3],
       case when (n / 5) % 3 = 0 then (case when n % 2 = 0 then array['LS6', 'LS11'] else array['BD1'] end) else '{}' end,
       case when (n / 5) % 3 = 1 then 10 end,
       ''
  from generate_series(1, $1::int) n`;

/**
 * A careers leader's suggested matches through the real gateway and subgraphs (employers asking
 * encounters, encounters asking pupils) with 10,000 volunteers, against the same figures from
 * hand-written SQL on the same databases, interleaved in one run.
 * Target (docs/performance-targets.md): p95 within 2× the floor + 10 ms.
 */
export async function suggestedMatchesScenario(root: string, databaseUrl: string): Promise<Result> {
  const prefix = `waymark_bench_${randomBytes(3).toString('hex')}_`;
  const work = mkdtempSync(join(tmpdir(), 'waymark-bench-'));
  const stack = await startStack({
    root,
    ...(await freeStackPorts()),
    dataDir: work,
    databaseUrl,
    databasePrefix: prefix,
    seedDemo: true,
    env: { NODE_ENV: 'production' },
    log: () => {},
  });
  const connect = async (service: string) => {
    const url = new URL(databaseUrl);
    url.pathname = `/${prefix}${service}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    return client;
  };
  const [pupils, encounters, employers] = await Promise.all([connect('pupils'), connect('encounters'), connect('employers')]);
  try {
    await employers.query(SEED_VOLUNTEERS, [VOLUNTEERS]);
    await employers.query('analyze volunteer');
    const school = demoData().schools[0].id;
    const signIn = await fetch(`${stack.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'leader@northfield.test', password: 'waymark-demo' }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const viaGateway = async () => {
      const response = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: QUERY }),
      });
      const body = (await response.json()) as { errors?: unknown[]; data?: { suggestedMatches: { suggestions: unknown[] } } };
      if (body.errors || !body.data?.suggestedMatches.suggestions.length)
        throw new Error(`suggested matches failed: ${JSON.stringify(body.errors ?? body.data)}`);
    };
    // The least any answer must do: pupils per year group, who delivered each year group's encounters
    // this year, the cohort's interests, the school's place, and volunteers per sector in and out of reach.
    const floor = async () => {
      const cohort = await pupils.query<{ id: string; year_group: number }>(
        'select id, year_group from pupil where school_id = $1 and left_on is null and year_group between 7 and 13',
        [school],
      );
      await encounters.query(
        `select yg, array_agg(distinct emp) as employers, array_agg(distinct vol) as volunteers
           from (select unnest(year_groups) yg, employer_ids, volunteer_ids from encounter
                  where school_id = $1 and not booked and date >= make_date(extract(year from now())::int - 1, 9, 1)) e
           left join lateral unnest(e.employer_ids) emp on true left join lateral unnest(e.volunteer_ids) vol on true
          group by yg`,
        [school],
      );
      await encounters.query(`select pupil_id, interests from pupil_outlook where pupil_id = any($1::uuid[]) and interests <> '{}'`, [
        cohort.rows.map((r) => r.id),
      ]);
      const place = await employers.query<{ district: string | null }>(
        'select district from volunteer_request where school_id = $1 and not virtual order by created_at desc limit 1',
        [school],
      );
      const district = place.rows[0]?.district ?? null;
      await employers.query(
        `select s, count(*) as online,
                count(*) filter (where (reach = 'DISTRICTS' and $1 = any(reach_districts)) or (reach = 'RADIUS' and split_part(home_postcode, ' ', 1) ~ ('^' || substring($1 from '^[A-Z]+') || '[0-9]'))) as in_person
           from volunteer, unnest(sectors) s
          where cardinality(activities) > 0
          group by s`,
        [district],
      );
    };
    const [gatewayTimes, floorTimes] = await sideBySide(viaGateway, floor, 300, 300);
    const value = percentile(gatewayTimes, 95);
    const floorP95 = percentile(floorTimes, 95);
    return {
      name: `suggested matches with ${VOLUNTEERS.toLocaleString('en-GB')} volunteers through the gateway (p95)`,
      value: round(value),
      floor: round(floorP95),
      ratio: round(value / floorP95),
      target: '≤ 2 × floor + 10 ms',
      unit: 'ms',
      pass: value <= 2 * floorP95 + 10,
    };
  } finally {
    await Promise.all([pupils.end(), encounters.end(), employers.end()]);
    await stack.stop();
    await dropStackDatabases(databaseUrl, prefix);
    rmSync(work, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
