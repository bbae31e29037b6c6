import { SUBGRAPH_PORTS } from '@waymark/auth';
import { readServiceEnv, type ServiceEnv } from '@waymark/subgraph-kit';

export { DEFAULT_PUPILS_URL } from '@waymark/subgraph-kit';
export type EncountersEnv = ServiceEnv;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): EncountersEnv {
  return readServiceEnv(source, { port: SUBGRAPH_PORTS.encounters });
}
