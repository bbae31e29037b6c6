import { SUBGRAPH_PORTS } from '@waymark/auth';
import { readServiceEnv, type ServiceEnv } from '@waymark/subgraph-kit';

export function loadEnv(source: NodeJS.ProcessEnv = process.env): ServiceEnv {
  return readServiceEnv(source, { port: SUBGRAPH_PORTS.pupils });
}
