import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { todayInEngland } from '@waymark/domain';
import { dropStackDatabases, freeStackPorts, startStack, type RunningStack } from '@waymark/stack';
import { generateDashboardData, type DashboardData } from './dashboard-data.js';
import { TRUST_DASHBOARD_QUERY, type GatewayTrustDashboard } from './dashboard-floor.js';
import { gatewayClient } from './dashboards.js';
import { percentile, sideBySide, type Result, groupFailed } from './measure.js';
import { startCountingProxy } from './pg-proxy.js';
import pg from 'pg';

/*
 * Five trusts against one (docs/performance-targets.md, "Tenants apart"): the demo trust's dashboard
 * through the gateway, as its trust analyst, on a stack whose databases hold five generated trusts
 * (the demo trust and four others, each generated the same way with a seed of its own), against the
 * same trust's dashboard on a second stack whose databases hold that trust alone. The two stacks run
 * side by side and are asked in turn, so the machine's noise falls on both. Another trust's rows may
 * make the work no bigger: the target is 1.2 × the one-trust stack's time. Both must also give the
 * same figures (a FAIL row when they do not): other trusts' rows never reach the dashboard.
 *
 * WAYMARK_BENCH_TRUST_PUPILS scales every trust alike (default 25,000 pupils, 20 participations each).
 */

const PUPILS = Number(process.env.WAYMARK_BENCH_TRUST_PUPILS ?? 25_000);
const ROUNDS = Number(process.env.WAYMARK_BENCH_ISOLATION_ROUNDS ?? 20);
const OTHER_TRUSTS = 4;

const round = (value: number) => Math.round(value * 100) / 100;

/** The other trusts' ids: fixed, so two runs generate the same rows. */
const otherTrustId = (n: number) => `0b5e7a11-0000-4000-8000-${String(n).padStart(12, '0')}`;

export async function tenantIsolationScenarios(
  root: string,
  databaseUrl: string,
  log: (line: string) => void = (line) => console.log(line),
): Promise<{ results: Result[]; notes: string[] }> {
  try {
    return await runTenantIsolation(root, databaseUrl, log);
  } catch (error) {
    return groupFailed('tenant isolation', error);
  }
}

async function runTenantIsolation(root: string, databaseUrl: string, log: (line: string) => void): Promise<{ results: Result[]; notes: string[] }> {
  const notes: string[] = [];
  const tag = randomBytes(3).toString('hex');
  const prefixes = { five: `waymark_bench_five_${tag}_`, one: `waymark_bench_one_${tag}_` };
  const work = { five: mkdtempSync(join(tmpdir(), 'waymark-bench-five-')), one: mkdtempSync(join(tmpdir(), 'waymark-bench-one-')) };
  const stacks: RunningStack[] = [];
  // Both stacks reach PostgreSQL through one counting proxy: where a request's SQL time goes, per database.
  const upstream = new URL(databaseUrl);
  const proxy = await startCountingProxy({ host: upstream.hostname, port: Number(upstream.port || 5432) }, { capture: true });
  try {
    log('tenant isolation: starting two stacks…');
    const start = async (which: 'five' | 'one') => {
      const stack = await startStack({
        root,
        ...(await freeStackPorts()),
        dataDir: work[which],
        databaseUrl: proxy.url(databaseUrl),
        databasePrefix: prefixes[which],
        seedDemo: true,
        env: { NODE_ENV: 'production' },
        log: () => {},
      });
      stacks.push(stack);
      return stack;
    };
    const five = await start('five');
    const one = await start('one');
    const asOf = todayInEngland();
    const size = { pupils: PUPILS, participations: PUPILS * 20 };
    let generatedMs = 0;
    const generate = async (prefix: string, otherTrust?: { id: string; number: number }): Promise<DashboardData> => {
      const data = await generateDashboardData({
        databaseUrl,
        prefix,
        asOf,
        ...size,
        ...(otherTrust ? { otherTrust, seed: 4_2026 + 1_000 * otherTrust.number } : {}),
      });
      generatedMs += data.ms;
      return data;
    };
    log(`tenant isolation: generating five trusts of ${PUPILS} pupils into one stack and the first of them into the other…`);
    // The other trusts first, so the demo trust's rows are loaded last in both databases, as alike as can be.
    for (let n = 1; n <= OTHER_TRUSTS; n += 1) {
      await generate(prefixes.five, { id: otherTrustId(n), number: n });
      log(`tenant isolation: trust ${n + 1} of 5 written`);
    }
    const [fiveData, oneData] = [await generate(prefixes.five), await generate(prefixes.one)];
    if (fiveData.counts.participations !== oneData.counts.participations) throw new Error('the demo trust was generated differently in the two stacks');
    notes.push(
      `tenant isolation data: each trust ${fiveData.counts.pupilsOnRoll} pupils on roll in ${fiveData.counts.schools} schools and ${fiveData.counts.participations} participations; five such trusts in one stack's databases, one in the other's (${(generatedMs / 1000).toFixed(0)} s to generate and load)`,
    );

    const [fiveGateway, oneGateway] = [await gatewayClient(five.url), await gatewayClient(one.url)];
    const [fiveAnalyst, oneAnalyst] = [await fiveGateway.signIn('trust@waymark-trust.test'), await oneGateway.signIn('trust@waymark-trust.test')];
    const ask = (which: 'five' | 'one') => () =>
      (which === 'five' ? fiveGateway : oneGateway).query<{ trustDashboard: GatewayTrustDashboard }>(
        which === 'five' ? fiveAnalyst : oneAnalyst,
        TRUST_DASHBOARD_QUERY,
        { asOf },
      );

    // The same figures from both: nothing of the other four trusts reaches the dashboard.
    const [fromFive, fromOne] = [await ask('five')(), await ask('one')()];
    const same = isDeepStrictEqual(fromFive, fromOne);
    const results: Result[] = [
      {
        name: 'trust dashboard among five trusts equals the same trust alone (cross-check)',
        value: same ? 0 : 1,
        floor: 0,
        ratio: same ? 0 : 1,
        target: '0 differences',
        unit: 'differing dashboards',
        pass: same,
      },
    ];
    if (!same) notes.push(`FAIL tenant isolation: the dashboards differ (five trusts: ${JSON.stringify(fromFive).slice(0, 200)})`);

    // Where one request's SQL time goes on each stack (evidence for tuning, not scored).
    for (const which of ['five', 'one'] as const) {
      await ask(which)();
      proxy.record();
      await ask(which)();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const statements = proxy.take();
      const captured = proxy.takeCaptured();
      notes.push(
        `tenant isolation, one request ${which === 'five' ? 'among five trusts' : 'alone'}: ${statements
          // This stack's statements only (the two share the proxy), the slowest three.
          .filter((s) => s.database.startsWith(prefixes[which]) && s.ms >= 1)
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 3)
          .map((s) => `${s.database.replace(prefixes[which], '')} ${round(s.ms)} ms (${s.sql.slice(0, 60)})`)
          .join('; ')}`,
      );
      if (process.env.WAYMARK_BENCH_EXPLAIN) {
        // The plans of the request's reads, for profiling (`WAYMARK_BENCH_EXPLAIN=1`): each database's
        // statements replayed in order on one connection (its transaction and row-level security settings
        // too), the reads under `explain analyze`.
        for (const database of new Set(captured.map((s) => s.database))) {
          const url = new URL(databaseUrl);
          url.pathname = `/${database}`;
          const client = new pg.Client({ connectionString: url.toString() });
          await client.connect();
          try {
            for (const s of captured.filter((c) => c.database === database)) {
              if (/^\s*(insert|update|delete)/i.test(s.sql)) continue;
              if (!/^\s*(select|with)/i.test(s.sql) || /set_config/i.test(s.sql)) {
                await client.query(s.sql, s.params ?? undefined);
                continue;
              }
              const plan = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${s.sql}`, s.params ?? undefined);
              log(`---- ${which} ${database}: ${s.sql.replace(/\s+/g, ' ').slice(0, 160)}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
            }
          } finally {
            await client.end();
          }
        }
      }
    }

    log(`tenant isolation: trust dashboard, five trusts against one, ${ROUNDS} rounds…`);
    const [fiveTimes, oneTimes] = await sideBySide(ask('five'), ask('one'), ROUNDS, 3);
    const value = percentile(fiveTimes, 95);
    const floor = percentile(oneTimes, 95);
    results.push({
      name: `trust dashboard through the gateway among five trusts against the same trust alone (p95, ${fiveData.counts.pupilsOnRoll} pupils each)`,
      value: round(value),
      floor: round(floor),
      ratio: round(value / floor),
      target: '≤ 1.2 × floor',
      unit: 'ms',
      pass: value <= 1.2 * floor,
    });
    notes.push(`tenant isolation p50: among five trusts ${round(percentile(fiveTimes, 50))} ms, alone ${round(percentile(oneTimes, 50))} ms`);
    return { results, notes };
  } finally {
    await Promise.all(stacks.map((stack) => stack.stop()));
    await dropStackDatabases(databaseUrl, prefixes.five).catch(() => undefined);
    await dropStackDatabases(databaseUrl, prefixes.one).catch(() => undefined);
    rmSync(work.five, { recursive: true, force: true });
    rmSync(work.one, { recursive: true, force: true });
    await proxy.close();
  }
}
