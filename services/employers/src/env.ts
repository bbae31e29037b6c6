import { localSubgraphUrl, SUBGRAPH_PORTS, subgraphUrlVariable } from '@waymark/auth';
import { readServiceEnv, type ServiceEnv } from '@waymark/subgraph-kit';

export interface EmployersEnv extends ServiceEnv {
  /** The encounters subgraph, asked on the caller's behalf (a confirmed volunteer request's encounter). */
  encountersUrl: string;
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): EmployersEnv {
  const env = readServiceEnv(source, { port: SUBGRAPH_PORTS.employers });
  const encountersUrl = source[subgraphUrlVariable('encounters')] || localSubgraphUrl('encounters');
  if (!/^https?:\/\//.test(encountersUrl)) throw new Error(`Invalid configuration:\n  - ${subgraphUrlVariable('encounters')} must be an http(s) URL`);
  return { ...env, encountersUrl };
}
