import { CredentialSigner, isCredentialPrivateKey } from '@waymark/auth';
import { parseDay, todayInEngland } from '@waymark/domain';
import { openServiceDatabase, type ServiceDefinition, type ServiceEnv } from '@waymark/subgraph-kit';
import type { BenchmarkStatesEnv } from '../../env.js';
import { remoteCohortSource, runBenchmarkStates } from './benchmark-feed.job.js';

/**
 * `node dist/tool.js benchmark-states [YYYY-MM-DD]`: one run of the job that publishes every trust's
 * pupils' benchmark states to `benchmarkStateChanges` (docs/trust-api.md, "Benchmark states"), against
 * the encounters database, asking the pupils subgraph at WAYMARK_PUPILS_URL with a credential signed by
 * WAYMARK_CREDENTIAL_PRIVATE_KEY (the gateway's key). The day, when given, stands in for today in
 * England. Exit code 0 when every trust is done, 1 when one failed (run it again later), 2 for bad settings.
 */
export async function runBenchmarkStatesCommand(
  definition: ServiceDefinition,
  env: ServiceEnv,
  settings: BenchmarkStatesEnv,
  day: string | undefined,
): Promise<number> {
  if (!isCredentialPrivateKey(settings.privateKeyPem)) {
    console.error('benchmark-states: WAYMARK_CREDENTIAL_PRIVATE_KEY must hold the gateway’s Ed25519 private key (PEM)');
    return 2;
  }
  const asOf = day === undefined ? todayInEngland() : parseDay(day);
  if (asOf === null) {
    console.error('benchmark-states: the day must be written YYYY-MM-DD');
    return 2;
  }
  const orm = await openServiceDatabase(definition, env);
  try {
    const run = await runBenchmarkStates({ orm, day: asOf, cohortOf: remoteCohortSource(env.pupilsUrl, new CredentialSigner(settings.privateKeyPem)) });
    const changed = run.trusts.reduce((sum, trust) => sum + trust.upserts + trust.tombstones, 0);
    console.log(`benchmark-states: ${run.trusts.length} trust(s) published as of ${asOf}, ${changed} change(s)`);
    for (const failure of run.failed) console.error(`benchmark-states: trust ${failure.trustId} not done: ${failure.error}`);
    return run.failed.length === 0 ? 0 : 1;
  } finally {
    await orm.close(true);
  }
}
