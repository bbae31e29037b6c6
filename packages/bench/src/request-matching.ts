import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { demoData } from '@waymark/demo-data';
import { todayInEngland } from '@waymark/domain';
import { dropStackDatabases, freeStackPorts, startStack } from '@waymark/stack';
import { percentile, sideBySide, type Result } from './measure.js';

const VOLUNTEERS = 10_000;
const REQUESTS = 500;
const ROUNDS = 300;

const REQUEST_FIELDS = 'id activity dateFrom dateTo yearGroups volunteersWanted sectors virtual district details';
const VOLUNTEER_QUERY = `{ openVolunteerRequests { ${REQUEST_FIELDS} } }`;
const LEADER_QUERY = `query ($requestId: ID!) { suggestedVolunteers(requestId: $requestId) { total volunteers { id displayName jobTitle employerName alumnus leftSchoolYear worksWithSchool sectorsInCommon } } }`;

/**
 * 10,000 volunteers with filled-in profiles: two or three of the ten activities, one to three random
 * sectors, a home in one of five postcode areas, and a third each reaching by districts, by radius or
 * online only; one in twenty a confirmed alumnus of a demo school. Written straight into the
 * employers database, like the suggested-matches scenario's.
 */
const SEED_VOLUNTEERS = `
insert into volunteer (id, employer_id, kind, first_name, last_name, job_title, email, alumni_of_school_id, left_school_year, school_ids,
                       activities, sectors, home_postcode, reach, reach_districts, radius_miles, availability)
select gen_random_uuid(), null, case when n % 20 = 0 then 'ALUMNI' else 'EMPLOYEE' end, 'Bench', 'Volunteer ' || n, 'Engineer',
       'bench-match' || n || '@example.org', case when n % 20 = 0 then ($2::uuid[])[1 + n % cardinality($2::uuid[])] end,
       case when n % 20 = 0 then 2010 + n % 12 end, case when n % 7 = 0 then array[($2::uuid[])[1 + n % cardinality($2::uuid[])]] else '{}' end,
       (select array_agg(distinct a) from (select ($3::text[])[1 + ((n * k * 31) % 10)::int] a from generate_series(1, 2 + n % 2) k) x),
       (select array_agg(distinct substr('ABCDEFGHIJKLMNOPQRS', 1 + ((n * k * 7919) % 19)::int, 1)) from generate_series(1, 1 + n % 3) k),
       (array['LS11 5AA', 'LS6 2AB', 'BD1 4QR', 'M1 1AE', 'YO1 7HH'])[1 + n % 5],
       (array['DISTRICTS', 'RADIUS', 'VIRTUAL_ONLY'])[1 + (n / 5) % 3],
       case when (n / 5) % 3 = 0 then (case when n % 2 = 0 then array['LS6', 'LS11'] else array['BD1', 'M1'] end) else '{}' end,
       case when (n / 5) % 3 = 1 then 10 end,
       ''
  from generate_series(1, $1::int) n`;

/**
 * 500 open requests from the demo schools: each of the ten activities, none to two wanted sectors,
 * one in four online and the rest in one of the five areas' districts, over the next three months.
 */
const SEED_REQUESTS = `
insert into volunteer_request (id, school_id, trust_id, activity, date_from, date_to, year_groups, volunteers_wanted, sectors, virtual,
                               postcode, district, details, status, created_by_id, created_at)
select gen_random_uuid(), ($2::uuid[])[1 + n % cardinality($2::uuid[])], null, ($3::text[])[1 + n % 10],
       $4::date + (n % 60), $4::date + 30 + (n % 60), array[9, 10], 2,
       case n % 3 when 0 then '{}'::text[] when 1 then array[substr('ABCDEFGHIJKLMNOPQRS', 1 + (n % 19), 1)]
            else array[substr('ABCDEFGHIJKLMNOPQRS', 1 + (n % 19), 1), substr('ABCDEFGHIJKLMNOPQRS', 1 + ((n * 7) % 19), 1)] end,
       n % 4 = 0,
       case when n % 4 <> 0 then (array['LS6 2AB', 'LS11 5AA', 'BD1 4QR', 'M1 1AE', 'YO1 7HH'])[1 + n % 5] end,
       case when n % 4 <> 0 then (array['LS6', 'LS11', 'BD1', 'M1', 'YO1'])[1 + n % 5] end,
       'Bench request ' || n, 'OPEN', 'bench', now()
  from generate_series(1, $1::int) n`;

/** Some volunteers have offered already: one offer from each of every fiftieth volunteer, on a request of theirs. */
const SEED_OFFERS = `
insert into volunteer_offer (id, request_id, volunteer_id, school_id, message, status, created_at)
select distinct on (v.id) gen_random_uuid(), r.id, v.id, r.school_id, 'I can help', 'OPEN', now()
  from (select id, activities, row_number() over (order by id) k from volunteer) v
  join volunteer_request r on r.status = 'OPEN' and r.activity = any (v.activities)
 where v.k % 50 = 0
 order by v.id, r.id`;

/**
 * A volunteer's matching requests and a request's suggested volunteers through the real gateway and
 * employers subgraph, with 10,000 volunteers and 500 open requests, each against hand-written SQL
 * giving the same rows, interleaved in one run. Target (docs/performance-targets.md): p95 within
 * 2× the floor + 10 ms. A note gives the least query a volunteer can ask through the gateway against
 * the same floor, so the gateway's own share of the time can be told from the matching's.
 */
export async function requestMatchingScenarios(root: string, databaseUrl: string): Promise<{ results: Result[]; notes: string[] }> {
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
  const url = new URL(databaseUrl);
  url.pathname = `/${prefix}employers`;
  const employers = new pg.Client({ connectionString: url.toString() });
  await employers.connect();
  try {
    const data = demoData();
    const schools = data.schools.map((s) => s.id);
    const activities = [
      'TALK',
      'CAREERS_FAIR',
      'MOCK_INTERVIEW',
      'CV_WORKSHOP',
      'MENTORING',
      'WORKPLACE_VISIT',
      'WORK_SHADOWING',
      'PLACEMENT_HOST',
      'ENTERPRISE_CHALLENGE',
      'VIRTUAL_SESSION',
    ];
    const today = todayInEngland();
    await employers.query(SEED_VOLUNTEERS, [VOLUNTEERS, schools, activities]);
    await employers.query(SEED_REQUESTS, [REQUESTS, schools, activities, today]);
    // The leader's request: a talk in person at the school, any sector, which many volunteers fit.
    const requestId = randomUUID();
    await employers.query(
      `insert into volunteer_request (id, school_id, trust_id, activity, date_from, date_to, year_groups, volunteers_wanted, sectors, virtual,
                                      postcode, district, details, status, created_by_id, created_at)
       values ($1, $2, $3, 'TALK', $4::date + 7, $4::date + 40, array[10], 3, '{}', false, 'LS6 2AB', 'LS6', 'Careers week', 'OPEN', 'bench', now())`,
      [requestId, schools[0], data.trust.id, today],
    );
    await employers.query(SEED_OFFERS);
    // The volunteer: Sam, the demo's employee, offering three things in three sectors, within reach of Leeds.
    const sam = data.volunteers[0].id;
    await employers.query(
      `update volunteer set activities = array['TALK', 'MOCK_INTERVIEW', 'CV_WORKSHOP'], sectors = array['C', 'J', 'M'], home_postcode = 'LS11 5AA',
                            reach = 'RADIUS', reach_districts = '{}', radius_miles = 15 where id = $1`,
      [sam],
    );
    await employers.query('analyze volunteer; analyze volunteer_request; analyze volunteer_offer');

    const signIn = async (email: string) => {
      const response = await fetch(`${stack.url}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'waymark-demo' }),
      });
      return (response.headers.get('set-cookie') ?? '').split(';')[0];
    };
    const [volunteerCookie, leaderCookie] = [await signIn('employer@acme.test'), await signIn('leader@northfield.test')];
    const viaGateway = async <T>(cookie: string, query: string, variables: Record<string, unknown>, rows: (data: T) => number) => {
      const response = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: unknown[]; data?: T };
      if (body.errors || !body.data || rows(body.data) === 0) throw new Error(`request matching failed: ${JSON.stringify(body.errors ?? body.data)}`);
      return rows(body.data);
    };
    const volunteerList = () => viaGateway<{ openVolunteerRequests: unknown[] }>(volunteerCookie, VOLUNTEER_QUERY, {}, (d) => d.openVolunteerRequests.length);
    const leaderList = () =>
      viaGateway<{ suggestedVolunteers: { total: number; volunteers: unknown[] } }>(
        leaderCookie,
        LEADER_QUERY,
        { requestId },
        (d) => d.suggestedVolunteers.volunteers.length,
      );

    // The floors: the least SQL each answer needs, written by hand against the same rows.
    const volunteerFloor = () =>
      employers.query(
        `select r.id, r.activity, r.date_from, r.date_to, r.year_groups, r.volunteers_wanted, r.sectors, r.virtual, r.district, r.details
           from volunteer_request r, volunteer v
          where v.id = $1 and r.status = 'OPEN' and r.date_to >= $2::date and r.activity = any (v.activities)
            and (r.sectors = '{}' or r.sectors && v.sectors)
            and (r.virtual or (v.reach = 'DISTRICTS' and r.district = any (v.reach_districts))
                 or (v.reach = 'RADIUS' and substring(v.home_postcode from '^[A-Z]+') = substring(r.district from '^[A-Z]+')))
          order by r.date_from, r.id limit 200`,
        [sam, today],
      );
    const leaderFloor = () =>
      employers.query(
        `with fit as (
           select v.id, v.first_name || ' ' || v.last_name as name, v.job_title, e.name as employer, v.kind = 'ALUMNI' and v.alumni_of_school_id = r.school_id as alumnus,
                  v.left_school_year, r.school_id = any (v.school_ids) as works, array(select unnest(v.sectors) intersect select unnest(r.sectors)) as common
             from volunteer_request r
             join volunteer v on r.activity = any (v.activities)
             left join employer e on e.id = v.employer_id
            where r.id = $1 and r.school_id = $2 and r.status = 'OPEN' and r.date_to >= $3::date
              and (r.sectors = '{}' or r.sectors && v.sectors)
              and (r.virtual or (v.reach = 'DISTRICTS' and r.district = any (v.reach_districts))
                   or (v.reach = 'RADIUS' and substring(v.home_postcode from '^[A-Z]+') = substring(r.district from '^[A-Z]+')))
              and not exists (select 1 from volunteer_offer o where o.request_id = r.id and o.volunteer_id = v.id))
         select *, count(*) over () as total from fit order by alumnus desc, cardinality(common) desc, works desc, name, id limit 20`,
        [requestId, schools[0], today],
      );

    const volunteerRows = await volunteerList();
    const leader = await leaderList();
    const floorRows = [(await volunteerFloor()).rowCount, (await leaderFloor()).rowCount];
    if (volunteerRows !== floorRows[0] || leader !== floorRows[1])
      throw new Error(`request matching: the gateway and the floor disagree (${volunteerRows}/${floorRows[0]} requests, ${leader}/${floorRows[1]} volunteers)`);

    // For reading the ratios: the least a volunteer can ask through the gateway (their own id), against the same floor.
    const least = () => viaGateway<{ myVolunteerProfile: { id: string } }>(volunteerCookie, '{ myVolunteerProfile { id } }', {}, () => 1);
    const [leastTimes, leastFloorTimes] = await sideBySide(least, volunteerFloor, ROUNDS / 3, ROUNDS / 6);
    const notes = [
      `request matching: the least query a volunteer can ask through the gateway ({ myVolunteerProfile { id } }) took ${round(percentile(leastTimes, 95))} ms at p95 against the volunteer floor's ${round(percentile(leastFloorTimes, 95))} ms in the same run`,
    ];
    const results: Result[] = [];
    for (const [name, gateway, floor] of [
      [
        `a volunteer's matching requests, ${REQUESTS} open and ${VOLUNTEERS.toLocaleString('en-GB')} volunteers, through the gateway (p95)`,
        volunteerList,
        volunteerFloor,
      ],
      [`a request's suggested volunteers, ${VOLUNTEERS.toLocaleString('en-GB')} volunteers, through the gateway (p95)`, leaderList, leaderFloor],
    ] as const) {
      const [gatewayTimes, floorTimes] = await sideBySide(gateway, floor, ROUNDS, ROUNDS);
      const value = percentile(gatewayTimes, 95);
      const floorP95 = percentile(floorTimes, 95);
      results.push({
        name,
        value: round(value),
        floor: round(floorP95),
        ratio: round(value / floorP95),
        target: '≤ 2 × floor + 10 ms',
        unit: 'ms',
        pass: value <= 2 * floorP95 + 10,
      });
    }
    return { results, notes };
  } finally {
    await employers.end();
    await stack.stop();
    await dropStackDatabases(databaseUrl, prefix);
    rmSync(work, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
