import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { CREDENTIAL_HEADER } from '@waymark/auth';
import type { RequestContext } from './context.js';
import { SchoolTrustDocument } from './pupils-calls.generated.js';

/**
 * A document one subgraph sends another, as GraphQL Code Generator types it from the other's
 * committed schema.graphql: text, carrying the types of its answer and variables.
 */
export type SubgraphDocument<TData, TVariables extends Record<string, unknown>> = DocumentTypeDecoration<TData, TVariables>;

/**
 * Runs a query at another subgraph on the caller's behalf, with the caller's own credential, so the
 * other subgraph applies the caller's access rules. Any failure throws (never an empty answer), so
 * callers fail closed and the failure is seen. `what` names the lookup in the error.
 */
export async function querySubgraph<TData, TVariables extends Record<string, unknown>>(
  ctx: RequestContext,
  subgraphUrl: string,
  what: string,
  document: SubgraphDocument<TData, TVariables>,
  variables: NoInfer<TVariables>,
): Promise<TData> {
  const response = await fetch(subgraphUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: ctx.credential, 'x-request-id': ctx.requestId },
    body: JSON.stringify({ query: String(document), variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: TData; errors?: unknown[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`${what} at another subgraph failed (HTTP ${response.status})`);
  }
  return body.data;
}

/**
 * An `_entities` query for one type, selecting `... on <typename> { id … }`. Other members of the
 * entity union come back typed as empty objects, which no representation sent here asks for.
 */
export type EntitiesDocument<TEntity extends { id: string }, TVariables extends Record<string, unknown> = Record<string, unknown>> = SubgraphDocument<
  { _entities: (TEntity | Record<PropertyKey, never> | null)[] },
  { representations: { __typename: string; id: string }[] } & TVariables
>;

/**
 * Asks another subgraph for entities of `typename` on the caller's behalf. Returns only the entities
 * it answered with, keyed by id: an id the caller may not see is simply missing. `variables`: the
 * document's own variables besides the representations (an `@include` switch, say).
 */
export async function fetchEntities<TEntity extends { id: string }, TVariables extends Record<string, unknown> = Record<string, unknown>>(
  ctx: RequestContext,
  subgraphUrl: string,
  typename: string,
  ids: readonly string[],
  document: EntitiesDocument<TEntity, TVariables>,
  variables?: TVariables,
): Promise<Map<string, TEntity>> {
  if (ids.length === 0) return new Map();
  const data = await querySubgraph(ctx, subgraphUrl, `${typename} lookup`, document, {
    ...(variables as TVariables),
    representations: ids.map((id) => ({ __typename: typename, id })),
  });
  const found = new Map<string, TEntity>();
  for (const entity of data._entities ?? []) if (entity && 'id' in entity) found.set(entity.id, entity);
  return found;
}

/**
 * Whether a school belongs to a trust, asked of the pupils subgraph (which owns schools; a school and
 * its trust are public facts). Subgraphs that hold only a school's id use it to refuse a trust
 * analyst's question about a school outside their trust, rather than answer it with zeros.
 */
export async function schoolIsInTrust(ctx: RequestContext, pupilsUrl: string, schoolId: string, trustId: string): Promise<boolean> {
  const found = await fetchEntities(ctx, pupilsUrl, 'School', [schoolId], SchoolTrustDocument);
  return found.get(schoolId)?.trust?.id === trustId;
}
