import { localSubgraphUrl, SUBGRAPH_PORTS } from '@waymark/auth';
import { readServiceEnv, type ServiceEnv } from '@waymark/subgraph-kit';

export { DEFAULT_PUPILS_URL } from '@waymark/subgraph-kit';
export type DestinationsEnv = ServiceEnv & {
  /** The employers subgraph (WAYMARK_EMPLOYERS_URL), asked whether an alumnus reporting where they are now was confirmed by their school. */
  employersUrl: string;
};

export function loadEnv(source: NodeJS.ProcessEnv = process.env): DestinationsEnv {
  const env = readServiceEnv(source, { port: SUBGRAPH_PORTS.destinations });
  const employersUrl = source.WAYMARK_EMPLOYERS_URL || localSubgraphUrl('employers');
  if (!/^https?:\/\//.test(employersUrl)) throw new Error(`Invalid configuration:\n  - WAYMARK_EMPLOYERS_URL must be an http(s) URL, got "${employersUrl}"`);
  return { ...env, employersUrl };
}
