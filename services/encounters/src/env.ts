import { SUBGRAPH_PORTS } from '@waymark/auth';
import { readServiceEnv, type ServiceEnv } from '@waymark/subgraph-kit';

export { DEFAULT_PUPILS_URL } from '@waymark/subgraph-kit';
export type EncountersEnv = ServiceEnv;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): EncountersEnv {
  return readServiceEnv(source, { port: SUBGRAPH_PORTS.encounters });
}

/** What the `benchmark-states` command reads besides the subgraph's own settings (docs/trust-api.md, "Benchmark states"). */
export interface BenchmarkStatesEnv {
  /** The gateway's private key, to sign the credential the command asks the pupils subgraph with ('' when not given). */
  privateKeyPem: string;
}

export function loadBenchmarkStatesEnv(source: NodeJS.ProcessEnv = process.env): BenchmarkStatesEnv {
  return { privateKeyPem: source.WAYMARK_CREDENTIAL_PRIVATE_KEY ?? '' };
}
