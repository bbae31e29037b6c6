import { CREDENTIAL_HEADER } from '@waymark/auth';
import type { RequestContext } from './context.js';

/**
 * Runs a query at another subgraph on the caller's behalf, with the caller's own credential, so the
 * other subgraph applies the caller's access rules. Any failure throws (never an empty answer), so
 * callers fail closed and the failure is seen. `what` names the lookup in the error.
 */
export async function querySubgraph<T>(ctx: RequestContext, subgraphUrl: string, what: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(subgraphUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: ctx.credential, 'x-request-id': ctx.requestId },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`${what} at another subgraph failed (HTTP ${response.status})`);
  }
  return body.data;
}

/**
 * Asks another subgraph for entities on the caller's behalf. Returns only the entities it answered
 * with, keyed by id: an id the caller may not see is simply missing.
 */
export async function fetchEntities<T extends { id: string }>(
  ctx: RequestContext,
  subgraphUrl: string,
  typename: string,
  ids: readonly string[],
  selection: string,
): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { id ${selection} } } }`;
  const data = await querySubgraph<{ _entities: (T | null)[] }>(ctx, subgraphUrl, `${typename} lookup`, query, {
    representations: ids.map((id) => ({ __typename: typename, id })),
  });
  const found = new Map<string, T>();
  for (const entity of data._entities ?? []) if (entity) found.set(entity.id, entity);
  return found;
}

/**
 * Whether a school belongs to a trust, asked of the pupils subgraph (which owns schools; a school and
 * its trust are public facts). Subgraphs that hold only a school's id use it to refuse a trust
 * analyst's question about a school outside their trust, rather than answer it with zeros.
 */
export async function schoolIsInTrust(ctx: RequestContext, pupilsUrl: string, schoolId: string, trustId: string): Promise<boolean> {
  const found = await fetchEntities<{ id: string; trust: { id: string } | null }>(ctx, pupilsUrl, 'School', [schoolId], 'trust { id }');
  return found.get(schoolId)?.trust?.id === trustId;
}
