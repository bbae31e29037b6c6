/*
 * The processes of one Waymark deployment and the ports they listen on unless told otherwise: the
 * one list the local runner (packages/stack), the gateway's defaults, each subgraph's default port
 * and the manifests in infra/ follow. It lives here because every process already depends on this
 * package and this package depends on nothing of ours. The manifests cannot import it, so
 * topology.test.ts reads them and fails when they disagree. docs/architecture.md shows the table.
 */

/** The subgraphs, in the order that gives each its port. */
export const SUBGRAPHS = ['identity', 'pupils', 'employers', 'encounters', 'destinations'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

/** The gateway: the one origin browsers and trust integrations reach. */
export const GATEWAY_PORT = 4000;

/** Subgraph n of SUBGRAPHS (counting from 1) listens on this base + n: identity on 4101 … destinations on 4105. */
export const SUBGRAPH_BASE_PORT = 4100;

/** The port a subgraph listens on, for a given base (`WAYMARK_SUBGRAPH_BASE_PORT` moves them all at once). */
export function subgraphPort(name: SubgraphName, basePort: number = SUBGRAPH_BASE_PORT): number {
  return basePort + SUBGRAPHS.indexOf(name) + 1;
}

/** Each subgraph's default port. */
export const SUBGRAPH_PORTS = Object.fromEntries(SUBGRAPHS.map((name) => [name, subgraphPort(name)])) as Readonly<Record<SubgraphName, number>>;

/** The environment variable that tells a process where a subgraph answers, e.g. WAYMARK_PUPILS_URL. */
export function subgraphUrlVariable(name: SubgraphName): string {
  return `WAYMARK_${name.toUpperCase()}_URL`;
}

/** Where a subgraph answers on this machine when nothing says otherwise. */
export function localSubgraphUrl(name: SubgraphName, basePort: number = SUBGRAPH_BASE_PORT): string {
  return `http://127.0.0.1:${subgraphPort(name, basePort)}/graphql`;
}
