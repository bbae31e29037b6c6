import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import type { AuditCollector } from './audit.js';

/**
 * What every resolver gets: who asks (as the gateway vouched), a forked entity manager, loaders, and
 * `deps`, what the service gave the app when it was created (e.g. a client for another subgraph at
 * the address the app was configured with). `Deps` lets a service type its own bag; resolvers stay
 * plain classes instead of closures over the app's configuration.
 */
export interface RequestContext<Deps extends object = object> {
  principal: Principal;
  em: EntityManager;
  requestId: string;
  /** The gateway's credential as received, to ask another subgraph on the caller's behalf. */
  credential: string;
  loaders: Map<string, DataLoader<string, unknown>>;
  /** What this request revealed or changed about pupils, written to the audit trail before the answer leaves. */
  audit: AuditCollector;
  /** The app's dependencies, the same object for every request of one app. */
  deps: Deps;
}

/**
 * One DataLoader per request and per name: every `load` made in the same tick becomes one call of
 * `batch`, which must answer in the order of the keys (null for a key it cannot or may not return).
 */
export function loaderFor<T>(ctx: RequestContext, name: string, batch: (ids: readonly string[]) => Promise<(T | null)[]>): DataLoader<string, T | null> {
  let loader = ctx.loaders.get(name) as DataLoader<string, T | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, T | null>(batch, { maxBatchSize: 5000 });
    ctx.loaders.set(name, loader);
  }
  return loader;
}

/** Rows grouped by a key, in their order (for answering a batch of keys from one statement). */
export function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Order rows by the keys asked for, null where a row is missing. */
export function byKeys<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}
