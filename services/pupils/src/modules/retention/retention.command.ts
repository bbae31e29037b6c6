import { CredentialSigner, isCredentialPrivateKey } from '@waymark/auth';
import { openServiceDatabase, type ServiceDefinition, type ServiceEnv } from '@waymark/subgraph-kit';
import type { RetentionEnv } from '../../env.js';
import { remoteTarget, runRetention } from './retention.job.js';

/**
 * `node dist/tool.js retention [YYYY-MM-DD]`: one run of the retention job against the pupils
 * database, asking the other subgraphs at WAYMARK_<NAME>_URL with a system credential signed by
 * WAYMARK_CREDENTIAL_PRIVATE_KEY (the gateway's key). The day, when given, stands in for today.
 * Exit code 0 when every leaver due is done, 1 when a step failed (run it again later), 2 for bad settings.
 */
export async function runRetentionCommand(definition: ServiceDefinition, env: ServiceEnv, retention: RetentionEnv, day: string | undefined): Promise<number> {
  if (!isCredentialPrivateKey(retention.privateKeyPem)) {
    console.error('retention: WAYMARK_CREDENTIAL_PRIVATE_KEY must hold the gateway’s Ed25519 private key (PEM)');
    return 2;
  }
  const now = day ? new Date(`${day}T12:00:00Z`) : new Date();
  if (Number.isNaN(now.getTime())) {
    console.error('retention: the day must be written YYYY-MM-DD');
    return 2;
  }
  const signer = new CredentialSigner(retention.privateKeyPem);
  const others = (['identity', 'employers', 'encounters', 'destinations'] as const).map((name) => remoteTarget(name, retention.subgraphUrls[name], signer));
  const orm = await openServiceDatabase(definition, env);
  try {
    const run = await runRetention({ orm, now, others });
    console.log(`retention: ${run.pseudonymised.length} leaver(s) pseudonymised in every subgraph`);
    for (const failure of run.failed) console.error(`retention: ${failure.subgraph} did not finish a leaver (${failure.pupilId}): ${failure.error}`);
    return run.failed.length === 0 ? 0 : 1;
  } finally {
    await orm.close(true);
  }
}
