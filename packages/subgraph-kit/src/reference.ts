import type { RequestContext } from './context.js';
import { loaderFor } from './context.js';

export type ReferenceResolver = (reference: { id: string }, ctx: RequestContext) => Promise<unknown>;

/**
 * A batched `__resolveReference`: all representations of one type in an `_entities` call become one
 * `load` batch. `load` receives the ids and the context and must apply the same access rules as the
 * root fields: return only what the caller may see (rows it may not see are simply absent → null).
 */
export function batchedReference<T>(
  typename: string,
  load: (ids: readonly string[], ctx: RequestContext) => Promise<T[]>,
  keyOf: (row: T) => string,
): ReferenceResolver {
  return (reference, ctx) =>
    loaderFor<T>(ctx, `reference:${typename}`, async (ids) => {
      const rows = await load(ids, ctx);
      const map = new Map(rows.map((row) => [keyOf(row), row]));
      return ids.map((id) => map.get(id) ?? null);
    }).load(reference.id);
}
