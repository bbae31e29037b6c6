import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import pg from 'pg';
import { bundleSizeScenarios } from './bundle-size.js';
import { dashboardScenarios } from './dashboards.js';
import { destinationFiguresScenario } from './destination-figures.js';
import { embeddedDbScenarios } from './embedded-db.js';
import { entitiesScenarios } from './entities.js';
import { gatewayEnginesScenarios } from './engines.js';
import { overviewScenario } from './overview.js';
import { requestCostScenario } from './request-cost.js';
import { requestMatchingScenarios } from './request-matching.js';
import { rosterImportScenario } from './roster-import.js';
import { selfEvaluationScenarios } from './self-evaluation.js';
import { signInBurstScenario } from './sign-in-burst.js';
import { spellImportScenario } from './spell-import.js';
import { suggestedMatchesScenario } from './suggested-matches.js';
import { trustSyncScenarios } from './trust-sync.js';
import { tenantIsolationScenarios } from './tenant-isolation.js';
import type { Result } from './measure.js';

// `npm run bench`: every figure is a ratio against a floor measured in the same run.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

// `node dist/run.js dashboards entities …` runs only the scenario groups named (all when none are).
const only = process.argv.slice(2);
const wanted = (group: string) => only.length === 0 || only.includes(group);

const results: Result[] = [];
const notes: string[] = [];
if (wanted('entities')) results.push(...(await entitiesScenarios()));
if (await reachable(databaseUrl)) {
  // The floors (hand-written SQL, COPY) need a PostgreSQL server; the scenarios use throwaway databases on it.
  process.env.DATABASE_URL = databaseUrl;
  if (wanted('overview')) results.push(await overviewScenario(root, databaseUrl));
  if (wanted('destination-figures')) results.push(await destinationFiguresScenario(root, databaseUrl));
  if (wanted('roster-import')) results.push(await rosterImportScenario());
  if (wanted('spell-import')) results.push(await spellImportScenario(root, databaseUrl));
  if (wanted('suggested-matches')) results.push(await suggestedMatchesScenario(root, databaseUrl));
  if (wanted('request-matching')) {
    const matching = await requestMatchingScenarios(root, databaseUrl);
    results.push(...matching.results);
    notes.push(...matching.notes);
  }
  if (wanted('gateway-engines')) {
    const engines = await gatewayEnginesScenarios(root, databaseUrl);
    results.push(...engines.results);
    notes.push(...engines.notes);
  }
  if (wanted('bundle-size')) {
    const bundle = await bundleSizeScenarios(root, databaseUrl);
    results.push(...bundle.results);
    notes.push(...bundle.notes);
  }
  if (wanted('embedded-db')) {
    const embedded = await embeddedDbScenarios(root, databaseUrl);
    results.push(...embedded.results);
    notes.push(...embedded.notes);
  }
  if (wanted('trust-sync')) {
    const sync = await trustSyncScenarios(root, databaseUrl);
    results.push(...sync.results);
    notes.push(...sync.notes);
  }
  if (wanted('dashboards')) {
    const dashboards = await dashboardScenarios(root, databaseUrl);
    results.push(...dashboards.results);
    notes.push(...dashboards.notes);
  }
  // Not a target: what each kind of page costs in processor time, the figures docs/scaling.md works
  // from. Only when named (`node dist/run.js request-cost`); it writes bench/request-cost.json.
  if (only.includes('request-cost')) {
    const costs = await requestCostScenario(root, databaseUrl);
    for (const cost of costs) console.log(`${cost.kind}: ${cost.cpuMs} ms (PostgreSQL ${cost.postgresMs} ms), ${cost.requestsPerCoreSecond} per core-second`);
    mkdirSync(join(root, 'bench'), { recursive: true });
    writeFileSync(join(root, 'bench', 'request-cost.json'), `${JSON.stringify(costs, null, 2)}\n`);
  }
  if (wanted('sign-in-burst')) {
    const burst = await signInBurstScenario(root, databaseUrl);
    results.push(...burst.results);
    notes.push(...burst.notes);
  }
  if (wanted('tenant-isolation')) {
    const isolation = await tenantIsolationScenarios(root, databaseUrl);
    results.push(...isolation.results);
    notes.push(...isolation.notes);
  }
  if (wanted('self-evaluation')) {
    const selfEvaluation = await selfEvaluationScenarios(root, databaseUrl);
    results.push(...selfEvaluation.results);
    notes.push(...selfEvaluation.notes);
  }
} else {
  notes.push(
    `school overview, destination figures, roster import, suggested matches, request matching, gateway engines, dashboards and the self-evaluation side-by-side: skipped, no PostgreSQL at ${databaseUrl} for their floors (set DATABASE_URL)`,
  );
}

const rows = results.map((r) => [r.pass ? 'pass' : 'FAIL', r.name, `${r.value} ${r.unit}`, `${r.floor} ${r.unit}`, `${r.ratio}×`, r.target]);
const header = ['', 'scenario', 'value', 'floor', 'ratio', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
for (const note of notes) console.log(`note: ${note}`);
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote bench/results.json (${results.filter((r) => r.pass).length} of ${results.length} within target)`);
process.exit(0);
