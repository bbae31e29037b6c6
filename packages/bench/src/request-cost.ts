import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dropStackDatabases, freeStackPorts, startStack } from '@waymark/stack';

/** The pupil portal's record page, as its documents ask it (frontends/pupil, my-record and my-progress). */
export const PUPIL_RECORD = `query MyPupilRecord { myPupilRecord {
  id displayName firstName yearGroup tutorGroup dateOfBirth school { name }
  participations { id attended reflection reflectedAt encounter { id title kindLabel date benchmarks } }
  benchmarkProgress { asOf academicYear yearGroup
    measures { measure benchmark label state count needed detail evidence { title kindLabel date counts reason attendance } }
    workExperience { hoursYears7to9 hoursYears10to11 hoursTotal days } }
  ownActivities { id kind kindLabel title description startedOn endedOn hours status declineReason submittedAt decidedAt }
  interests consideringHigherEducation destinations { stage kindLabel } intendedDestination { kindLabel provider }
  consent { destinationTracking localAuthoritySharingOptOut optOutBy updatedAt } comments { id body authorName createdAt }
} }`;
export const OVERVIEW = `{
  schools { name pupilCount encounterCount }
  destinationSummary { kind count }
  encounters(first: 50) { totalCount edges { node { title date attendedCount invitedCount } } }
}`;
const CELL = 'measure yearGroup group eligible met inProgress notMet';
export const DASHBOARD = `{ schoolDashboard { school { id name } asOf academicYear pupilCount cells { ${CELL} } groupCells { ${CELL} } workExperience { yearGroup pupils averageHours reachedTarget } } }`;

export interface RequestCost {
  kind: string;
  requests: number;
  /** Processor time per request, in ms: all the stack's processes and the PostgreSQL backends of its databases. */
  cpuMs: number;
  postgresMs: number;
  requestsPerCoreSecond: number;
  /** Processor time per request by process (`node:<process>`) and database (`pg:<service>`). */
  where: Record<string, number>;
}

const TICKS_PER_SECOND = 100;

/** A process's parent and its processor time so far (user and system, in clock ticks), or null once gone. */
function stat(pid: number): { parent: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function descendants(root: number): number[] {
  const parents = new Map(
    readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map((entry) => [Number(entry), stat(Number(entry))?.parent] as const),
  );
  const found = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents)
      if (!found.has(pid) && parent !== undefined && found.has(parent)) {
        found.add(pid);
        grew = true;
      }
  }
  found.delete(root);
  return [...found];
}

function processName(pid: number): string {
  try {
    return /(gateway|identity|pupils|employers|encounters|destinations)\/dist\/main/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? 'other';
  } catch {
    return 'other';
  }
}

/**
 * What one request of each kind of page costs in processor time (docs/scaling.md): the demo data on
 * PostgreSQL, one request at a time, `rounds` warm-up requests and then `rounds` measured, with the
 * processor time of the stack's processes and of the PostgreSQL backends serving its databases read
 * from /proc before and after (Linux, and PostgreSQL on the same machine). The pools open and close
 * backends while it runs, so they are sampled throughout; one born during the run counts from zero.
 * Only client backends count: autovacuum, which the freshly seeded data sets off, is not a request's.
 */
export async function requestCostScenario(root: string, databaseUrl: string, rounds = 200, signIns = 30): Promise<RequestCost[]> {
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
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const databaseOf = new Map<number, string>();
    const backends = async () => {
      const { rows } = await admin.query<{ pid: number; datname: string }>(
        `select pid, datname from pg_stat_activity where datname like $1 and backend_type = 'client backend'`,
        [`${prefix}%`],
      );
      for (const row of rows) databaseOf.set(row.pid, row.datname.slice(prefix.length));
      return rows.map((row) => row.pid);
    };
    const signIn = async (email: string) => {
      const response = await fetch(`${stack.url}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'waymark-demo' }),
      });
      if (!response.ok) throw new Error(`sign-in as ${email}: ${response.status}`);
      return (response.headers.get('set-cookie') ?? '').split(';')[0];
    };
    const ask = (cookie: string, query: string) => async () => {
      const response = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(`request failed: ${JSON.stringify(body.errors)}`);
    };
    const leader = await signIn('leader@northfield.test');
    const pupil = await signIn('pupil@northfield.test');
    const kinds: [string, () => Promise<unknown>, number][] = [
      ['sign-in (password check, new session)', () => signIn('pupil@northfield.test'), signIns],
      ["a pupil's own record", ask(pupil, PUPIL_RECORD), rounds],
      ["a careers leader's school overview", ask(leader, OVERVIEW), rounds],
      ["a school's benchmark dashboard", ask(leader, DASHBOARD), rounds],
    ];
    const costs: RequestCost[] = [];
    for (const [kind, request, count] of kinds) {
      for (let i = 0; i < count; i += 1) await request();
      const processes = descendants(process.pid);
      const start = new Map<number, number>();
      const last = new Map<number, number>();
      for (const pid of [...processes, ...(await backends())]) start.set(pid, stat(pid)?.ticks ?? 0);
      const sampleBackends = async () => {
        for (const pid of await backends()) {
          const now = stat(pid);
          if (!now) continue;
          if (!start.has(pid)) start.set(pid, 0);
          last.set(pid, now.ticks);
        }
      };
      await sampleBackends();
      let running = true;
      const sampler = (async () => {
        while (running) {
          await sampleBackends();
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      for (let i = 0; i < count; i += 1) await request();
      running = false;
      await sampler;
      await sampleBackends();
      const where: Record<string, number> = {};
      const add = (key: string, ticks: number) => {
        if (ticks > 0) where[key] = (where[key] ?? 0) + (ticks * 1000) / TICKS_PER_SECOND / count;
      };
      for (const pid of processes) add(`node:${processName(pid)}`, (stat(pid)?.ticks ?? start.get(pid)!) - start.get(pid)!);
      for (const [pid, ticks] of last) add(`pg:${databaseOf.get(pid)}`, ticks - start.get(pid)!);
      const total = Object.values(where).reduce((sum, ms) => sum + ms, 0);
      const postgres = Object.entries(where).reduce((sum, [key, ms]) => sum + (key.startsWith('pg:') ? ms : 0), 0);
      costs.push({
        kind,
        requests: count,
        cpuMs: round(total),
        postgresMs: round(postgres),
        requestsPerCoreSecond: round(1000 / total),
        where: Object.fromEntries(Object.entries(where).map(([key, ms]) => [key, round(ms)])),
      });
    }
    return costs;
  } finally {
    await admin.end();
    await stack.stop();
    await dropStackDatabases(databaseUrl, prefix);
    rmSync(work, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
