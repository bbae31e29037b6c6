import { CREDENTIAL_HEADER } from '@waymark/auth';
import type { RequestContext } from './context.js';

/**
 * Asks another subgraph for entities on the caller's behalf (the caller's own credential, so the
 * other subgraph applies the caller's access rules). Returns only the entities it answered with,
 * keyed by id: an id the caller may not see is simply missing.
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
  const response = await fetch(subgraphUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: ctx.credential, 'x-request-id': ctx.requestId },
    body: JSON.stringify({ query, variables: { representations: ids.map((id) => ({ __typename: typename, id })) } }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: { _entities: (T | null)[] }; errors?: unknown[] };
  // Any failure is an error, never an empty answer: callers fail closed and the failure is seen.
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`${typename} lookup at another subgraph failed (HTTP ${response.status})`);
  }
  const found = new Map<string, T>();
  for (const entity of body.data?._entities ?? []) if (entity) found.set(entity.id, entity);
  return found;
}
