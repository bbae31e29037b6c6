import { localSubgraphUrl, SUBGRAPH_PORTS, subgraphUrlVariable, type SubgraphName } from '@waymark/auth';
import { readServiceEnv, type ServiceEnv } from '@waymark/subgraph-kit';

export function loadEnv(source: NodeJS.ProcessEnv = process.env): ServiceEnv {
  return readServiceEnv(source, { port: SUBGRAPH_PORTS.pupils });
}

/** What the `retention` command reads besides the subgraph's own settings (docs/domain-rules.md, "Retention"). */
export interface RetentionEnv {
  /** The gateway's private key, to sign the command's system credential ('' when not given). */
  privateKeyPem: string;
  /** Where each other subgraph answers. */
  subgraphUrls: Record<Exclude<SubgraphName, 'pupils'>, string>;
}

export function loadRetentionEnv(source: NodeJS.ProcessEnv = process.env): RetentionEnv {
  const url = (name: Exclude<SubgraphName, 'pupils'>) => source[subgraphUrlVariable(name)] || localSubgraphUrl(name);
  return {
    privateKeyPem: source.WAYMARK_CREDENTIAL_PRIVATE_KEY ?? '',
    subgraphUrls: { identity: url('identity'), employers: url('employers'), encounters: url('encounters'), destinations: url('destinations') },
  };
}
