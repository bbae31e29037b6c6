import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { hashPassword, verifyPassword } from '@waymark/auth';
import { todayInEngland } from '@waymark/domain';
import { dropStackDatabases, freeStackPorts, startStack, type RunningStack } from '@waymark/stack';
import { generateDashboardData } from './dashboard-data.js';
import { percentile, type Result, groupFailed } from './measure.js';
import { startCountingProxy, type CapturedStatement } from './pg-proxy.js';

/*
 * A class signing in at once (docs/performance-targets.md, "A class signs in"): 30 pupils of one
 * school, each with an account and a password of their own in identity (hashed by the same function
 * identity uses), sign in through the gateway's /auth/sign-in from one address (a school's network)
 * at the same moment, and each then opens "My progress" with the pupil portal's own query document.
 * The figure is the 95th percentile, over several bursts, of each pupil's sign-in plus My progress.
 *
 * The floor, in the same run, interleaved burst by burst: for each of the 30 pupils at once, the same
 * password check (verifyPassword on their stored hash: the same function and scrypt parameters) and
 * then the SQL statements the subgraphs ran for that pupil's My progress (captured whole, with their
 * parameters, at a proxy between the subgraphs and PostgreSQL), run directly on the same databases,
 * without the transactions and row-level security settings around them.
 */

const CLASS_SIZE = 30;
const BURSTS = Number(process.env.WAYMARK_BENCH_BURSTS ?? 6);
const PUPILS = Number(process.env.WAYMARK_BENCH_BURST_PUPILS ?? 25_000);

const round = (value: number) => Math.round(value * 100) / 100;

/** The pupil portal's own My progress document, read from its generated client (the text it sends). */
function myProgressDocument(root: string): string {
  const source = readFileSync(join(root, 'frontends', 'pupil', 'src', 'gql', 'graphql.ts'), 'utf8');
  const match = /export const MyProgressDocument = new TypedDocumentString\(`([\s\S]*?)`\)/.exec(source);
  if (!match) throw new Error('MyProgressDocument not found in frontends/pupil/src/gql/graphql.ts');
  return match[1];
}

/** Statements that set up or end a transaction or a session (row-level security), not the page's reads. */
const SETUP = /^\s*(begin|commit|rollback|start transaction|set\b|reset\b|savepoint|release\b|select\s+set_config|discard\b|show\b)/i;

interface ClassPupil {
  pupilId: string;
  email: string;
  password: string;
  hash: string;
  statements: CapturedStatement[];
}

export async function signInBurstScenario(
  root: string,
  databaseUrl: string,
  log: (line: string) => void = (line) => console.log(line),
): Promise<{ results: Result[]; notes: string[] }> {
  try {
    return await runSignInBurst(root, databaseUrl, log);
  } catch (error) {
    return groupFailed('sign-in burst', error);
  }
}

async function runSignInBurst(root: string, databaseUrl: string, log: (line: string) => void): Promise<{ results: Result[]; notes: string[] }> {
  const notes: string[] = [];
  const prefix = `waymark_bench_burst_${randomBytes(3).toString('hex')}_`;
  const work = mkdtempSync(join(tmpdir(), 'waymark-bench-burst-'));
  const upstream = new URL(databaseUrl);
  const proxy = await startCountingProxy({ host: upstream.hostname, port: Number(upstream.port || 5432) }, { capture: true });
  let stack: RunningStack | null = null;
  const pools = new Map<string, pg.Pool>();
  const stackErrors: string[] = [];
  try {
    log('sign-in burst: starting the stack (subgraphs through the capturing proxy)…');
    stack = await startStack({
      root,
      ...(await freeStackPorts()),
      dataDir: work,
      databaseUrl: proxy.url(databaseUrl),
      databasePrefix: prefix,
      seedDemo: true,
      env: { NODE_ENV: 'production' },
      // What the stack says went wrong (a sign-in's 500, a timeout) goes into the notes.
      log: (source, line) => {
        if (/error|timed out|timeout/i.test(line) && stackErrors.length < 5) stackErrors.push(`${source}: ${line.slice(0, 200)}`);
      },
    });
    const asOf = todayInEngland();
    log(`sign-in burst: generating a trust of ${PUPILS} pupils…`);
    const data = await generateDashboardData({ databaseUrl, prefix, asOf, pupils: PUPILS, participations: PUPILS * 20 });
    notes.push(
      `sign-in burst data: ${data.counts.pupilsOnRoll} pupils on roll in ${data.counts.schools} schools, ${data.counts.participations} participations, generated and loaded in ${(data.ms / 1000).toFixed(1)} s`,
    );
    const connect = (service: string) => {
      const url = new URL(databaseUrl);
      url.pathname = `/${prefix}${service}`;
      // As many connections as a subgraph's pool (subgraph-kit: 10).
      const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
      pools.set(`${prefix}${service}`, pool);
      return pool;
    };
    const [pupilsDb, identityDb] = [connect('pupils'), connect('identity')];
    connect('encounters');
    connect('destinations');
    connect('employers');

    // ---- A class: 30 pupils of Year 10 at Northfield, each with an account and a password of their own. ----
    const { rows: members } = await pupilsDb.query<{ id: string; legal_forename: string; legal_surname: string }>(
      `select p.id, p.legal_forename, p.legal_surname from pupil p
        where p.school_id = $1 and p.year_group = 10 and p.year_group_academic_year = $2 and p.left_on is null
        order by p.tutor_group, p.id limit ${CLASS_SIZE}`,
      [data.leaderSchool.id, data.academicYear],
    );
    if (members.length < CLASS_SIZE) throw new Error(`only ${members.length} Year 10 pupils at Northfield`);
    const pupils: ClassPupil[] = await Promise.all(
      members.map(async (member, i) => {
        const password = `${member.legal_forename.toLowerCase()}-${randomBytes(6).toString('base64url')}-${i}`;
        return { pupilId: member.id, email: `class10.${i + 1}@northfield.test`, password, hash: await hashPassword(password), statements: [] };
      }),
    );
    const { rows: template } = await identityDb.query<{ trust_id: string; school_id: string }>(
      "select trust_id, school_id from account where email = 'pupil@northfield.test'",
    );
    for (const [i, pupil] of pupils.entries()) {
      await identityDb.query(
        `insert into account (id, email, display_name, password_hash, roles, trust_id, school_id, pupil_id, created_at)
         values ($1, $2, $3, $4, '{pupil}', $5, $6, $7, now())`,
        [
          randomUUID(),
          pupil.email,
          `${members[i].legal_forename} ${members[i].legal_surname}`,
          pupil.hash,
          template[0].trust_id,
          template[0].school_id,
          pupil.pupilId,
        ],
      );
    }

    const document = myProgressDocument(root);
    const base = stack.url;
    let retries = 0;
    let failures = 0;
    const failureMessages: string[] = [];
    /** One pupil: sign in as the portal does (waiting when told to, as a pupil would), then My progress. */
    const pupilVisit = async (pupil: ClassPupil): Promise<string> => {
      let cookie = '';
      for (let attempt = 0; ; attempt += 1) {
        const response = await fetch(`${base}/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: pupil.email, password: pupil.password }),
        });
        if (response.status === 429 && attempt < 5) {
          retries += 1;
          await response.text();
          await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? 1)));
          continue;
        }
        const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
        cookie = cookies.find((c) => c.startsWith('waymark_session=')) ?? cookies[0] ?? '';
        if (!response.ok || !cookie) throw new Error(`sign-in as ${pupil.email} failed: ${response.status} ${await response.text()}`);
        await response.json();
        break;
      }
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: document, operationName: 'MyProgress' }),
      });
      const body = (await response.json()) as { data?: { myPupilRecord: { id: string } | null }; errors?: unknown[] };
      if (body.errors || body.data?.myPupilRecord?.id !== pupil.pupilId)
        throw new Error(`My progress for ${pupil.email} failed: ${JSON.stringify(body).slice(0, 300)}`);
      return cookie;
    };

    // ---- Each pupil's My progress statements, captured whole (one pupil at a time, so none mixes). ----
    log('sign-in burst: capturing each pupil’s My progress statements…');
    const statementCounts: number[] = [];
    for (const pupil of pupils) {
      // One pupil at a time; once more if the first try failed (the busy machine, not the burst).
      const cookie = await pupilVisit(pupil).catch(() => pupilVisit(pupil));
      // Once with the session known to the gateway, so only the page's own statements are captured.
      proxy.record();
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: document, operationName: 'MyProgress' }),
      });
      await response.json();
      await new Promise((resolve) => setTimeout(resolve, 50));
      proxy.take();
      pupil.statements = proxy.takeCaptured().filter((s) => !SETUP.test(s.sql) && !s.database.endsWith('identity'));
      statementCounts.push(pupil.statements.length);
    }
    const byDatabase = new Map<string, number>();
    for (const s of pupils[0].statements) byDatabase.set(s.database.replace(prefix, ''), (byDatabase.get(s.database.replace(prefix, '')) ?? 0) + 1);
    notes.push(
      `sign-in burst: My progress ran ${Math.min(...statementCounts)}–${Math.max(...statementCounts)} statements per pupil besides transaction and row-level security settings (first pupil: ${[...byDatabase].map(([db, n]) => `${db} ${n}`).join(', ')})`,
    );

    const floorVisit = async (pupil: ClassPupil) => {
      if (!(await verifyPassword(pupil.password, pupil.hash))) throw new Error('floor: password check failed');
      for (const s of pupil.statements) await pools.get(s.database)!.query(s.sql, s.params ?? undefined);
    };
    /** All 30 at once; each pupil's own time from the start of the burst. */
    const burst = async (visit: (pupil: ClassPupil) => Promise<unknown>): Promise<number[]> => {
      const started = performance.now();
      return Promise.all(
        pupils.map(async (pupil) => {
          try {
            await visit(pupil);
          } catch (error) {
            // A pupil whose sign-in or page failed: counted, and left out of the times.
            failures += 1;
            if (failureMessages.length < 3) failureMessages.push((error as Error).message.slice(0, 200));
            return Number.NaN;
          }
          return performance.now() - started;
        }),
      );
    };

    log(`sign-in burst: ${BURSTS} bursts of ${CLASS_SIZE} through the gateway, each beside a burst of the floor…`);
    // One of each unmeasured first (warm), then the measured ones, alternating which goes first.
    await burst(pupilVisit);
    await burst(floorVisit);
    retries = 0;
    failures = 0;
    const gatewayTimes: number[] = [];
    const floorTimes: number[] = [];
    const burstP95s: string[] = [];
    for (let i = 0; i < BURSTS; i += 1) {
      const order = i % 2 === 0 ? ['gateway', 'floor'] : ['floor', 'gateway'];
      for (const side of order) {
        // A pause between bursts, as between lessons: the gateway's per-address sign-in window is a minute long.
        await new Promise((resolve) => setTimeout(resolve, 500));
        const times = side === 'gateway' ? await burst(pupilVisit) : await burst(floorVisit);
        const finished = times.filter((t) => !Number.isNaN(t));
        (side === 'gateway' ? gatewayTimes : floorTimes).push(...finished);
        burstP95s.push(`${side} ${Math.round(percentile(finished, 95))}`);
      }
    }
    const value = percentile(gatewayTimes, 95);
    const floor = percentile(floorTimes, 95);
    notes.push(
      `sign-in burst: p50 through the gateway ${round(percentile(gatewayTimes, 50))} ms, floor ${round(percentile(floorTimes, 50))} ms; each burst's p95 (ms): ${burstP95s.join(', ')}; sign-ins told to wait and retried: ${retries}`,
    );
    // The password checks alone, 30 at once: how much of the floor is scrypt.
    const hashOnly = await burst((pupil) => verifyPassword(pupil.password, pupil.hash));
    notes.push(`sign-in burst: 30 password checks at once alone take ${Math.round(Math.max(...hashOnly))} ms for the last to finish`);
    return {
      results: [
        {
          name: `a class of ${CLASS_SIZE} signs in at once and opens My progress, through the gateway (p95 per pupil, ${BURSTS} bursts)`,
          value: round(value),
          floor: round(floor),
          ratio: round(value / floor),
          target: '≤ 2 × floor',
          unit: 'ms',
          pass: value <= 2 * floor,
        },
        {
          // A pupil told "Too many sign-in attempts" has to try again: none of the class should be.
          name: `a class of ${CLASS_SIZE} signing in at once from one address: sign-ins told to wait (${BURSTS} bursts)`,
          value: retries,
          floor: 0,
          ratio: retries,
          target: '0',
          unit: 'sign-ins',
          pass: retries === 0,
        },
        {
          name: `a class of ${CLASS_SIZE} signing in at once: sign-ins or pages that failed (${BURSTS} bursts)`,
          value: failures,
          floor: 0,
          ratio: failures,
          target: '0',
          unit: 'pupils',
          pass: failures === 0,
        },
      ],
      notes: [...notes, ...failureMessages.map((m) => `sign-in burst, a failure: ${m}`), ...stackErrors.map((m) => `sign-in burst, the stack said: ${m}`)],
    };
  } finally {
    await Promise.all([...pools.values()].map((pool) => pool.end()));
    await stack?.stop();
    await proxy.close();
    await dropStackDatabases(databaseUrl, prefix).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}
