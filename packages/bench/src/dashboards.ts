import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { CREDENTIAL_HEADER, CredentialSigner, type Principal } from '@waymark/auth';
import { DEMO_PASSWORD, demoData } from '@waymark/demo-data';
import { addDays, todayInEngland } from '@waymark/domain';
import { dropStackDatabases, startStack, type RunningStack } from '@waymark/stack';
import { generateDashboardData } from './dashboard-data.js';
import {
  SCHOOL_DASHBOARD_QUERY,
  TRUST_DASHBOARD_QUERY,
  compareSchoolDashboard,
  compareTrustDashboard,
  roundedForGroup,
  schoolFloor,
  summariseDifferences,
  trustFloor,
  type DashboardFilter,
  type GatewaySchoolDashboard,
  type GatewayTrustDashboard,
} from './dashboard-floor.js';
import { percentile, sample, sideBySide, type Result, groupFailed } from './measure.js';
import { startCountingProxy, type CountingProxy, type StatementRecord } from './pg-proxy.js';

/*
 * The dashboard benchmarks (docs/performance-targets.md), on generated data for a trust of 20 schools,
 * 25,000 pupils and 500,000 participations (dashboard-data.ts):
 *  - the school dashboard through the gateway, as the careers leader, against the hand-written SQL
 *    floor, interleaved: p95 within 2 × floor + 10 ms;
 *  - the trust dashboard, as the trust analyst, against its floor: p95 within 2 × floor;
 *  - SQL statements per dashboard request, at a school of 600 and one of 1,800: equal;
 *  - once, not timed: the gateway's figures equal the floor's (a FAIL row when they do not).
 * The stack's subgraphs reach PostgreSQL through a counting proxy (pg-proxy.ts), which is how the
 * statements are counted and timed; the floors connect directly.
 */

/**
 * The floor is the best one statement can do, so its session is tuned as any service's connection
 * could be: no JIT (compiling costs a trust-sized statement 0.1–0.5 s and buys nothing), and random
 * reads priced as what they are here, memory (with the default 4 the planner hashes all 500,000
 * registers rather than read one school's through the pupil index). The subgraphs run with the
 * server's defaults unless they set these themselves.
 */
export const FLOOR_SESSION = 'set jit = off; set random_page_cost = 1.1';

const THROUGHPUT_SECONDS = Number(process.env.WAYMARK_BENCH_THROUGHPUT_SECONDS ?? 10);
const THROUGHPUT_CONNECTIONS = 50;
const SCHOOL_ROUNDS = Number(process.env.WAYMARK_BENCH_SCHOOL_ROUNDS ?? 150);
const TRUST_ROUNDS = Number(process.env.WAYMARK_BENCH_TRUST_ROUNDS ?? 40);

export interface DashboardRun {
  results: Result[];
  notes: string[];
}

const round = (value: number) => Math.round(value * 100) / 100;

export async function dashboardScenarios(root: string, databaseUrl: string, log: (line: string) => void = (line) => console.log(line)): Promise<DashboardRun> {
  try {
    return await runDashboards(root, databaseUrl, log);
  } catch (error) {
    return groupFailed('dashboards', error);
  }
}

async function runDashboards(root: string, databaseUrl: string, log: (line: string) => void): Promise<DashboardRun> {
  const results: Result[] = [];
  const notes: string[] = [];
  const prefix = `waymark_bench_dash_${randomBytes(3).toString('hex')}_`;
  const work = mkdtempSync(join(tmpdir(), 'waymark-bench-dash-'));
  const upstream = new URL(databaseUrl);
  const proxy = await startCountingProxy({ host: upstream.hostname, port: Number(upstream.port || 5432) });
  let stack: RunningStack | null = null;
  let floorDb: pg.Client | null = null;
  try {
    log('dashboards: starting the stack (subgraphs through the counting proxy)…');
    stack = await startStack({
      root,
      port: 4910,
      subgraphBasePort: 4920,
      dataDir: work,
      databaseUrl: proxy.url(databaseUrl),
      databasePrefix: prefix,
      seedDemo: true,
      env: { NODE_ENV: 'production' },
      log: () => {},
    });
    const asOf = todayInEngland();
    log('dashboards: generating 20 schools, 25,000 pupils, 500,000 participations…');
    const data = await generateDashboardData({ databaseUrl, prefix, asOf, log: (line) => log(`dashboards: ${line}`) });
    notes.push(
      `dashboard data: ${data.counts.pupilsOnRoll} pupils on roll in ${data.counts.schools} schools, ${data.counts.participations} participations, ${data.counts.encounters} encounters (${data.counts.guidanceMeetings} guidance meetings), generated and loaded in ${(data.ms / 1000).toFixed(1)} s`,
    );

    const url = new URL(databaseUrl);
    url.pathname = `/${prefix}encounters`;
    floorDb = new pg.Client({ connectionString: url.toString() });
    await floorDb.connect();
    await floorDb.query(FLOOR_SESSION);
    const db = floorDb;

    const gateway = await gatewayClient(stack.url);
    const leader = await gateway.signIn('leader@northfield.test');
    const analyst = await gateway.signIn('trust@waymark-trust.test');
    const school = (cookie: string, variables: Record<string, unknown>) =>
      gateway.query<{ schoolDashboard: GatewaySchoolDashboard }>(cookie, SCHOOL_DASHBOARD_QUERY, variables);
    const trust = (cookie: string, variables: Record<string, unknown>) =>
      gateway.query<{ trustDashboard: GatewayTrustDashboard }>(cookie, TRUST_DASHBOARD_QUERY, variables);

    const probe = await school(leader, { asOf }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    if (probe instanceof Error) {
      notes.push(`dashboards: the gateway cannot answer schoolDashboard yet (${probe.message.slice(0, 160)}); only the floors were timed`);
      const schoolFloorTimes = await sample(() => schoolFloor(db, data.leaderSchool.id, { asOf }), 30, 5);
      const trustFloorTimes = await sample(() => trustFloor(db, data.trustId, { asOf }), 10, 2);
      notes.push(`dashboards: floors alone, p95: school ${round(percentile(schoolFloorTimes, 95))} ms, trust ${round(percentile(trustFloorTimes, 95))} ms`);
      return { results, notes };
    }

    // ---- Correctness, once: the gateway's figures equal the floor's. ----
    const checks: { label: string; differences: string[] }[] = [];
    // Today, a filtered view, and a day in the spring of last academic year (other year groups, pupils since left).
    const lastSpring = `${data.academicYear}-03-15`;
    for (const filter of [{ asOf }, { asOf, group: 'DISADVANTAGED', yearGroup: 10 }, { asOf: lastSpring }] as DashboardFilter[]) {
      const [answer, floor] = await Promise.all([school(leader, { ...filter }), schoolFloor(db, data.leaderSchool.id, filter)]);
      const label = `school${filter.group ? ` (${filter.group}, Year ${filter.yearGroup})` : ''}${filter.asOf !== asOf ? ` as of ${filter.asOf}` : ''}`;
      checks.push({ label, differences: compareSchoolDashboard(answer.schoolDashboard, floor) });
      const mislabelled = answer.schoolDashboard.cells.filter((c) => (c.group ?? null) !== (filter.group ?? null)).length;
      if (mislabelled > 0)
        notes.push(
          `school dashboard for ${filter.group}: ${mislabelled} of its cells say group ${answer.schoolDashboard.cells.find((c) => (c.group ?? null) !== (filter.group ?? null))?.group ?? 'null'} (null reads "all pupils" in the contract); the figures were compared regardless`,
        );
    }
    for (const filter of [{ asOf }, { asOf, group: 'EAL', yearGroup: 12 }] as DashboardFilter[]) {
      const [answer, floor] = await Promise.all([trust(analyst, { ...filter }), trustFloor(db, data.trustId, filter)]);
      // The demo analyst has no pupil-level access: a vulnerable group's figures come rounded to the nearest 5.
      const rounded = answer.trustDashboard.groupFiguresRounded === true;
      const label = `trust${filter.group ? ` (${filter.group}, Year ${filter.yearGroup}${rounded ? ', rounded to 5s' : ''})` : ''}`;
      checks.push({ label, differences: compareTrustDashboard(answer.trustDashboard, rounded ? roundedForGroup(floor) : floor) });
    }
    for (const check of checks) {
      results.push({
        name: `${check.label} dashboard: gateway figures equal the SQL floor's (cross-check)`,
        value: check.differences.length,
        floor: 0,
        ratio: check.differences.length,
        target: '0 differences',
        unit: 'differing figures',
        pass: check.differences.length === 0,
      });
      if (check.differences.length > 0) {
        notes.push(`FAIL ${check.label} dashboard cross-check, differences by measure: ${summariseDifferences(check.differences)}`);
        for (const line of check.differences.slice(0, 8)) notes.push(`  ${line}`);
      }
    }

    // ---- Statements per request, at two school sizes (the analyst may read any school of the trust). ----
    const statementsFor = async (schoolId: string) => {
      const perRequest: StatementRecord[][] = [];
      for (let i = 0; i < 3; i += 1) {
        proxy.record();
        await school(analyst, { schoolId, asOf });
        await new Promise((resolve) => setTimeout(resolve, 50));
        perRequest.push(proxy.take());
      }
      // The fewest seen: the session lookup the gateway caches for 15 s is not the dashboard's.
      return perRequest.reduce((best, r) => (r.length < best.length ? r : best));
    };
    const small = await statementsFor(data.smallSchool.id);
    const large = await statementsFor(data.largeSchool.id);
    const byDatabase = (records: StatementRecord[]) =>
      Object.entries(
        records.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.database.replace(prefix, '')]: (acc[r.database.replace(prefix, '')] ?? 0) + 1 }), {}),
      )
        .map(([name, n]) => `${name} ${n}`)
        .join(', ');
    results.push({
      name: `school dashboard: SQL statements per request, ${data.largeSchool.onRoll} vs ${data.smallSchool.onRoll} pupils`,
      value: large.length,
      floor: small.length,
      ratio: round(large.length / Math.max(1, small.length)),
      target: 'equal (does not grow with pupils)',
      unit: 'SQL statements',
      pass: large.length === small.length,
    });
    notes.push(
      `statements per school dashboard request: ${data.smallSchool.onRoll} pupils: ${byDatabase(small)}; ${data.largeSchool.onRoll} pupils: ${byDatabase(large)}`,
    );

    // ---- Where a request's milliseconds go (evidence for tuning, not scored). ----
    notes.push(
      ...(await breakdown({
        kind: 'school',
        email: 'leader@northfield.test',
        stack,
        work,
        proxy,
        asOf,
        prefix,
        viaGateway: () => school(leader, { asOf }),
        pupils: data.leaderSchool.onRoll,
        runs: 10,
      })),
    );
    notes.push(
      ...(await breakdown({
        kind: 'trust',
        email: 'trust@waymark-trust.test',
        stack,
        work,
        proxy,
        asOf,
        prefix,
        viaGateway: () => trust(analyst, { asOf }),
        pupils: data.counts.pupilsOnRoll,
        runs: 3,
      })),
    );

    // The subgraphs' SQL goes through the counting proxy, the floors' does not: what the extra hop
    // costs (about 0.1 ms a round trip, a few ms per MB carried; against the product, never for it).
    {
      const viaProxy = new pg.Client({ connectionString: proxy.url(url.toString()) });
      await viaProxy.connect();
      try {
        await viaProxy.query(FLOOR_SESSION);
        const [direct, proxied] = await sideBySide(
          () => schoolFloor(db, data.leaderSchool.id, { asOf }),
          () => schoolFloor(viaProxy, data.leaderSchool.id, { asOf }),
          15,
          2,
        );
        notes.push(
          `counting proxy: the school floor takes ${round(percentile(direct, 50))} ms direct, ${round(percentile(proxied, 50))} ms through the proxy (p50)`,
        );
      } finally {
        await viaProxy.end();
      }
    }

    // ---- Timings, interleaved with the floors. ----
    log(`dashboards: school dashboard vs floor, ${SCHOOL_ROUNDS} rounds…`);
    const [schoolTimes, schoolFloorTimes] = await sideBySide(
      () => school(leader, { asOf }),
      () => schoolFloor(db, data.leaderSchool.id, { asOf }),
      SCHOOL_ROUNDS,
      10,
    );
    const schoolP95 = percentile(schoolTimes, 95);
    const schoolFloorP95 = percentile(schoolFloorTimes, 95);
    results.push({
      name: `school dashboard through the gateway, ${data.leaderSchool.onRoll} pupils (p95)`,
      value: round(schoolP95),
      floor: round(schoolFloorP95),
      ratio: round(schoolP95 / schoolFloorP95),
      target: '≤ 2 × floor + 10 ms',
      unit: 'ms',
      pass: schoolP95 <= 2 * schoolFloorP95 + 10,
    });
    notes.push(`school dashboard p50: gateway ${round(percentile(schoolTimes, 50))} ms, floor ${round(percentile(schoolFloorTimes, 50))} ms`);

    // ---- Throughput: the school dashboard at 50 connections, today (its stored answer) against a past day (computed). ----
    notes.push(
      ...(await storedAnswerScenarios({
        results,
        db,
        schoolId: data.leaderSchool.id,
        pupils: data.leaderSchool.onRoll,
        asOf,
        log,
        school: (v) => school(leader, v),
      })),
    );

    log(`dashboards: trust dashboard vs floor, ${TRUST_ROUNDS} rounds…`);
    const [trustTimes, trustFloorTimes] = await sideBySide(
      () => trust(analyst, { asOf }),
      () => trustFloor(db, data.trustId, { asOf }),
      TRUST_ROUNDS,
      3,
    );
    const trustP95 = percentile(trustTimes, 95);
    const trustFloorP95 = percentile(trustFloorTimes, 95);
    results.push({
      name: `trust dashboard through the gateway, ${data.counts.pupilsOnRoll} pupils (p95)`,
      value: round(trustP95),
      floor: round(trustFloorP95),
      ratio: round(trustP95 / trustFloorP95),
      target: '≤ 2 × floor',
      unit: 'ms',
      pass: trustP95 <= 2 * trustFloorP95,
    });
    notes.push(`trust dashboard p50: gateway ${round(percentile(trustTimes, 50))} ms, floor ${round(percentile(trustFloorTimes, 50))} ms`);
    return { results, notes };
  } finally {
    await floorDb?.end();
    await stack?.stop();
    await proxy.close();
    await dropStackDatabases(databaseUrl, prefix);
    rmSync(work, { recursive: true, force: true });
  }
}

interface GatewayClient {
  signIn(email: string): Promise<string>;
  query<T>(cookie: string, query: string, variables: Record<string, unknown>): Promise<T>;
}

/** Signs in and sends GraphQL through the gateway as a browser would (a session cookie). */
export async function gatewayClient(base: string): Promise<GatewayClient> {
  return {
    async signIn(email) {
      const response = await fetch(`${base}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
      if (!response.ok || !cookie) throw new Error(`sign-in as ${email} failed: ${response.status}`);
      return cookie;
    },
    async query<T>(cookie: string, query: string, variables: Record<string, unknown>) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (body.errors || !body.data) throw new Error(`dashboard query failed: ${JSON.stringify(body.errors ?? body)}`);
      return body.data;
    },
  };
}

/**
 * One dashboard request taken apart: the whole through the gateway, the encounters subgraph called
 * directly (a credential signed with the stack's development key), the pupils subgraph's `packedCohort`
 * called directly, and the SQL each database ran (timed at the proxy).
 */
async function breakdown(args: {
  kind: 'school' | 'trust';
  email: string;
  stack: RunningStack;
  work: string;
  proxy: CountingProxy;
  asOf: string;
  prefix: string;
  viaGateway: () => Promise<unknown>;
  pupils: number;
  runs: number;
}): Promise<string[]> {
  const { stack, work, proxy, asOf, prefix } = args;
  try {
    const account = demoData().accounts.find((a) => a.email === args.email)!;
    const principal: Principal = {
      kind: 'user',
      accountId: account.id,
      displayName: account.displayName,
      roles: account.roles as Principal['roles'],
      trustId: account.trustId,
      schoolId: account.schoolId,
      pupilId: null,
      volunteerId: null,
      employerId: null,
      childPupilIds: [],
      pupilLevelAccess: account.pupilLevelAccess,
      scopes: [],
    };
    const signer = new CredentialSigner(readFileSync(join(work, 'keys', 'credential-private.pem'), 'utf8'));
    const direct = async (service: 'encounters' | 'pupils', query: string, variables: Record<string, unknown>) => {
      const response = await fetch(stack.subgraphUrl(service), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: await signer.sign(principal) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
      return body;
    };
    const subgraphQuery = (args.kind === 'school' ? SCHOOL_DASHBOARD_QUERY : TRUST_DASHBOARD_QUERY).replace('school { id name }', 'school { id }');
    const cohortQuery = 'query ($asOf: String!) { packedCohort(asOf: $asOf) { schoolsAllowed size schoolIds pupilIds schoolIndexes yearGroups groupMasks } }';
    const median = async (fn: () => Promise<unknown>) => round(percentile(await sample(fn, args.runs, 2), 50));
    const viaGateway = await median(args.viaGateway);
    const encounters = await median(() => direct('encounters', subgraphQuery, { asOf }));
    const cohort = await median(() => direct('pupils', cohortQuery, { asOf }));
    proxy.record();
    await args.viaGateway();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const statements = proxy.take();
    return [
      `where the ${args.kind} dashboard's time goes (${args.pupils} pupils, medians of ${args.runs}): through the gateway ${viaGateway} ms; the encounters subgraph called directly ${encounters} ms; the pupils subgraph's packedCohort called directly ${cohort} ms; the SQL of one request:`,
      ...statements.map(
        (s) =>
          `  ${s.database.replace(prefix, '')} ${round(s.ms)} ms (${Math.round(s.sentBytes / 1024)} kB sent, ${Math.round(s.receivedBytes / 1024)} kB back): ${s.sql.slice(0, 80)}`,
      ),
    ];
  } catch (error) {
    return [`${args.kind} breakdown skipped: ${(error as Error).message}`];
  }
}

/**
 * Keeps `connections` requests in flight for `seconds` (after a second's warm-up not counted): completed
 * requests per second, and each request's time.
 */
async function atConcurrency(
  fn: () => Promise<unknown>,
  connections: number,
  seconds: number,
): Promise<{ perSecond: number; times: number[]; failed: number }> {
  const warmUntil = performance.now() + 1000;
  const until = warmUntil + seconds * 1000;
  const times: number[] = [];
  let failed = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const ok = await fn().then(
        () => true,
        () => false,
      );
      const ended = performance.now();
      if (started < warmUntil || ended > until) continue;
      if (ok) times.push(ended - started);
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { perSecond: times.length / seconds, times, failed };
}

/**
 * The school dashboard's stored answers (docs/architecture.md, "The school dashboard's stored answers"):
 *  - requests per second at 50 connections, today's dashboard (served from its stored answer) against
 *    the same school's as of yesterday, which is never stored and is computed as every dashboard was
 *    before (a cohort call and the engine's statement): at least 4 x;
 *  - today's p95 through the gateway against the floor of reading the stored answer with one statement,
 *    interleaved: within 2 x floor + 10 ms;
 *  - the stored answer's figures equal the hand-written SQL floor's (0 differences).
 */
async function storedAnswerScenarios(args: {
  results: Result[];
  db: pg.Client;
  schoolId: string;
  pupils: number;
  asOf: string;
  log: (line: string) => void;
  school: (variables: Record<string, unknown>) => Promise<{ schoolDashboard: GatewaySchoolDashboard }>;
}): Promise<string[]> {
  const { results, db, schoolId, asOf, log, school } = args;
  const notes: string[] = [];
  const yesterday = addDays(asOf, -1);
  log(
    `dashboards: school dashboard throughput at ${THROUGHPUT_CONNECTIONS} connections, ${THROUGHPUT_SECONDS} s computed (as of ${yesterday}) then ${THROUGHPUT_SECONDS} s stored (today)…`,
  );
  const computed = await atConcurrency(() => school({ asOf: yesterday }), THROUGHPUT_CONNECTIONS, THROUGHPUT_SECONDS);
  await school({ asOf });
  const stored = await atConcurrency(() => school({ asOf }), THROUGHPUT_CONNECTIONS, THROUGHPUT_SECONDS);
  const ratio = stored.perSecond / Math.max(computed.perSecond, 0.001);
  results.push({
    name: `school dashboard requests per second at ${THROUGHPUT_CONNECTIONS} connections, ${args.pupils} pupils: stored answer (today) vs computed (as of yesterday)`,
    value: round(stored.perSecond),
    floor: round(computed.perSecond),
    ratio: round(ratio),
    target: '≥ 4 × computed',
    unit: 'requests/s',
    pass: ratio >= 4 && stored.failed === 0 && computed.failed === 0,
  });
  notes.push(
    `school dashboard at ${THROUGHPUT_CONNECTIONS} connections: computed (as of ${yesterday}) ${round(computed.perSecond)}/s, p50 ${round(percentile(computed.times, 50))} ms, p95 ${round(percentile(computed.times, 95))} ms${computed.failed ? `, ${computed.failed} failed` : ''}; stored (today) ${round(stored.perSecond)}/s, p50 ${round(percentile(stored.times, 50))} ms, p95 ${round(percentile(stored.times, 95))} ms${stored.failed ? `, ${stored.failed} failed` : ''}`,
  );

  // The floor: the stored answer read with one statement, as the subgraph reads it (without its checks).
  const readStored = () =>
    db.query(`select answer from dashboard_answer where school_id = $1 and day = $2::date and filter = ':'`, [schoolId, asOf]).then((r) => {
      if (r.rows.length !== 1) throw new Error('no stored answer for the school today');
    });
  log(`dashboards: stored school dashboard vs reading the stored answer, ${SCHOOL_ROUNDS} rounds…`);
  const [times, floorTimes] = await sideBySide(() => school({ asOf }), readStored, SCHOOL_ROUNDS, 10);
  const p95 = percentile(times, 95);
  const floorP95 = percentile(floorTimes, 95);
  results.push({
    name: `school dashboard from its stored answer through the gateway, ${args.pupils} pupils (p95)`,
    value: round(p95),
    floor: round(floorP95),
    ratio: round(p95 / floorP95),
    target: '≤ 2 × floor + 10 ms',
    unit: 'ms',
    pass: p95 <= 2 * floorP95 + 10,
  });
  notes.push(`stored school dashboard p50: gateway ${round(percentile(times, 50))} ms, reading the stored answer ${round(percentile(floorTimes, 50))} ms`);

  // Once, not timed: what the stored answer says equals the floor's figures.
  for (const filter of [{ asOf }, { asOf, group: 'DISADVANTAGED', yearGroup: 10 }] as DashboardFilter[]) {
    await school({ ...filter });
    const [answer, floor] = await Promise.all([school({ ...filter }), schoolFloor(db, schoolId, filter)]);
    const differences = compareSchoolDashboard(answer.schoolDashboard, floor);
    const label = `school${filter.group ? ` (${filter.group}, Year ${filter.yearGroup})` : ''} dashboard from its stored answer`;
    results.push({
      name: `${label}: figures equal the SQL floor's (cross-check)`,
      value: differences.length,
      floor: 0,
      ratio: differences.length,
      target: '0 differences',
      unit: 'differing figures',
      pass: differences.length === 0,
    });
    if (differences.length > 0) notes.push(`FAIL ${label} cross-check, differences by measure: ${summariseDifferences(differences)}`);
  }
  return notes;
}
