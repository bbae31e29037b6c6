import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { CREDENTIAL_HEADER, CredentialSigner, SUBGRAPHS, SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { dropStackDatabases, freeStackPorts, startStack, type RunningStack } from '@waymark/stack';
import { percentile, type Result } from './measure.js';
import { DASHBOARD, OVERVIEW, PUPIL_RECORD } from './request-cost.js';

/*
 * Waymark's gateway against Hive Gateway (docs/performance-targets.md, "Gateway engines"): the same
 * committed supergraph, the same running subgraphs, the same person's credential, three real portal
 * queries at 10 and 50 connections. Each connection sends its next request when the last is
 * answered; the two engines take turns in short rounds so the machine's noise falls on both alike.
 * Neither deduplicates requests. The figure is Waymark's time per request over Hive's: at most 1.0×
 * means Waymark's gateway keeps at least Hive's pace.
 */
const ROUNDS = 3;
const ROUND_MS = 3_000;
const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

interface Load {
  requests: number;
  ms: number;
  latencies: number[];
  failures: number;
}

/** `connections` loops sending `send` back to back for `ms`; what they got through. */
async function closedLoop(send: () => Promise<boolean>, connections: number, ms: number): Promise<Load> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const until = started + ms;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const at = performance.now();
        if (await send().catch(() => false)) latencies.push(performance.now() - at);
        else failures += 1;
      }
    }),
  );
  return { requests: latencies.length, ms: performance.now() - started, latencies, failures };
}

function startHive(root: string, stack: RunningStack): Promise<{ url: string; child: ChildProcess }> {
  const script = join(root, 'packages', 'bench', 'dist', 'hive-server.js');
  const urls = JSON.stringify(Object.fromEntries(SUBGRAPHS.map((name) => [name, stack.subgraphUrl(name)])));
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, script, join(root, 'gateway', 'supergraph.graphql'), urls], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`Hive Gateway stopped (${code}) before it listened`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const port = /listening (\d+)/.exec(chunk)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}/graphql`, child });
    });
  });
}

/** Signs in through Waymark's gateway; the session cookie, and the credential Waymark's gateway attaches for that person. */
async function person(stack: RunningStack, signer: CredentialSigner, email: string): Promise<{ cookie: string; credential: string }> {
  const response = await fetch(`${stack.url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'waymark-demo' }),
  });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  if (!response.ok || !cookie) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  const session = await fetch(new URL('/internal/session', stack.subgraphUrl('identity')), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: await signer.credentialFor(SYSTEM_PRINCIPAL) },
    body: JSON.stringify({ token: cookie.slice(cookie.indexOf('=') + 1) }),
  });
  const { principal } = (await session.json()) as { principal: Principal };
  // Good for the whole run (an hour), as Waymark's gateway keeps renewing its own.
  return { cookie, credential: await signer.sign(principal, 3600) };
}

export async function gatewayEnginesScenarios(
  root: string,
  databaseUrl: string,
  log: (line: string) => void = (line) => console.log(line),
): Promise<{ results: Result[]; notes: string[] }> {
  const results: Result[] = [];
  const notes: string[] = [];
  const prefix = `waymark_bench_engines_${randomBytes(3).toString('hex')}_`;
  const work = mkdtempSync(join(tmpdir(), 'waymark-bench-engines-'));
  let stack: RunningStack | null = null;
  let hive: ChildProcess | null = null;
  try {
    log('gateway engines: starting the stack and Hive Gateway…');
    stack = await startStack({
      root,
      ...(await freeStackPorts()),
      dataDir: work,
      databaseUrl,
      databasePrefix: prefix,
      seedDemo: true,
      env: { NODE_ENV: 'production' },
      log: () => {},
    });
    const started = await startHive(root, stack);
    hive = started.child;
    const signer = new CredentialSigner(readFileSync(join(work, 'keys', 'credential-private.pem'), 'utf8'));
    const leader = await person(stack, signer, 'leader@northfield.test');
    const pupil = await person(stack, signer, 'pupil@northfield.test');
    const waymarkUrl = `${stack.url}/graphql`;
    const queries = [
      { name: "the leader's overview", query: OVERVIEW, as: leader },
      { name: 'the school dashboard', query: DASHBOARD, as: leader },
      { name: "a pupil's record", query: PUPIL_RECORD, as: pupil },
    ];
    for (const { name, query, as } of queries) {
      const body = JSON.stringify({ query });
      const ask = async (engine: 'waymark' | 'hive') => {
        const response = await fetch(engine === 'waymark' ? waymarkUrl : started.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(engine === 'waymark' ? { cookie: as.cookie } : { [CREDENTIAL_HEADER]: as.credential }) },
          body,
        });
        return (await response.json()) as { data?: unknown; errors?: unknown[] };
      };
      // The same JSON from both, or the comparison means nothing.
      const [ours, theirs] = [await ask('waymark'), await ask('hive')];
      if (ours.errors || !isDeepStrictEqual(ours, theirs)) {
        notes.push(`gateway engines, ${name}: the two engines answered differently, so it was not timed (Waymark: ${JSON.stringify(ours).slice(0, 200)})`);
        continue;
      }
      const send = (engine: 'waymark' | 'hive') => async () => !(await ask(engine)).errors;
      for (const connections of [10, 50]) {
        const totals = {
          waymark: { requests: 0, ms: 0, latencies: [] as number[], failures: 0 },
          hive: { requests: 0, ms: 0, latencies: [] as number[], failures: 0 },
        };
        await closedLoop(send('waymark'), connections, 1_000);
        await closedLoop(send('hive'), connections, 1_000);
        for (let round = 0; round < ROUNDS; round += 1) {
          for (const engine of round % 2 === 0 ? (['waymark', 'hive'] as const) : (['hive', 'waymark'] as const)) {
            const load = await closedLoop(send(engine), connections, ROUND_MS);
            const total = totals[engine];
            total.requests += load.requests;
            total.ms += load.ms;
            total.latencies.push(...load.latencies);
            total.failures += load.failures;
          }
        }
        const perSecond = (t: Load) => (t.requests * 1000) / t.ms;
        const [ourRate, theirRate] = [perSecond(totals.waymark), perSecond(totals.hive)];
        // Time per request at this concurrency: the inverse of throughput, so the ratio reads like the others.
        const value = Math.round((1000 / ourRate) * 100) / 100;
        const floor = Math.round((1000 / theirRate) * 100) / 100;
        const ratio = Math.round((theirRate / ourRate) * 100) / 100;
        results.push({
          name: `gateway engines: ${name}, ${connections} connections (Waymark vs Hive Gateway)`,
          value,
          floor,
          ratio,
          target: '≤ 1.0× (Waymark at least Hive’s requests per second)',
          unit: 'ms/request',
          pass: ratio <= 1.0 && totals.waymark.failures === 0,
        });
        notes.push(
          `gateway engines, ${name}, ${connections} connections: Waymark ${ourRate.toFixed(1)}/s (p95 ${percentile(totals.waymark.latencies, 95).toFixed(1)} ms, ${totals.waymark.failures} failed), Hive Gateway ${theirRate.toFixed(1)}/s (p95 ${percentile(totals.hive.latencies, 95).toFixed(1)} ms, ${totals.hive.failures} failed)`,
        );
      }
    }
  } finally {
    hive?.kill('SIGTERM');
    await stack?.stop();
    await dropStackDatabases(databaseUrl, prefix).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
  return { results, notes };
}
