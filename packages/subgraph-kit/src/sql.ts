import { createHash } from 'node:crypto';
import type { EntityClass, EntityManager } from '@mikro-orm/sql';

/** The name a prepared statement goes by on every connection: from its text, so one name is always one statement. */
const preparedNames = new Map<string, string>();
function preparedName(sql: string): string {
  let name = preparedNames.get(sql);
  if (!name) preparedNames.set(sql, (name = `waymark_${createHash('sha256').update(sql).digest('hex').slice(0, 40)}`));
  return name;
}

/**
 * Runs one statement with bound parameters ($1, $2 …) on the entity manager's connection, inside its
 * transaction when it has one. `em.execute` writes parameters into the SQL text instead, which for
 * large arrays (a cohort of 25,000 ids) costs more than the statement itself.
 *
 * `prepared`: for a statement of fixed text run again and again on a hot path (a sync feed's page),
 * prepared once on each pooled connection and from then on only bound and run; PostgreSQL plans it
 * for the values given at first and keeps one plan for any values once that is no dearer, instead of
 * planning every call (about a millisecond for a join under row-level security, whose checks read the
 * request's settings when the statement runs, not when it was planned). The embedded database runs it
 * as any other statement.
 */
export async function boundSql<Row = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  parameters: unknown[],
  options: { prepared?: boolean } = {},
): Promise<{ rows: Row[]; affected: number }> {
  const kysely = em.getKysely();
  // Kysely's CompiledQuery.raw(sql, parameters), built by hand: kysely is MikroORM's dependency, not ours.
  // `name` is read by the PostgreSQL driver as patched here (patches/kysely@0.29.6.patch).
  const compiled = {
    sql,
    parameters,
    query: { kind: 'RawNode', sqlFragments: [sql], parameters: [] },
    queryId: { queryId: `bound-${Math.random().toString(36).slice(2)}` },
    ...(options.prepared ? { name: preparedName(sql) } : {}),
  };
  const started = performance.now();
  const result = await kysely.executeQuery(compiled as unknown as Parameters<typeof kysely.executeQuery>[0]);
  const affected = Number(result.numAffectedRows ?? 0);
  // Through the ORM's logger like every other statement, so debug logs and statement counts see it.
  em.config.getLogger().logQuery({ query: sql, took: Math.round(performance.now() - started), results: result.rows.length, affected, level: 'info' });
  return { rows: result.rows as Row[], affected };
}

const NEEDS_ESCAPE = /["\\]/;

/**
 * A PostgreSQL array literal ('{"a","b",NULL}'), cast in the statement (`$1::uuid[]`) and spread
 * back into rows with `unnest`: the fastest way to hand PostgreSQL many values in one statement.
 */
export function pgArray(values: readonly (string | number | boolean | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i += 1) {
    if (i > 0) out += ',';
    const value = values[i];
    if (value === null) out += 'NULL';
    else if (typeof value === 'boolean') out += value ? 't' : 'f';
    else if (typeof value === 'number') out += `"${value}"`;
    else out += NEEDS_ESCAPE.test(value) ? `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `"${value}"`;
  }
  return `${out}}`;
}

/**
 * A raw row as the entity's properties (column names mapped, values as the driver reads them), in an
 * object the unit of work never sees. For pages that are only read: `em.map` makes a managed entity,
 * which costs a property definition per field and a snapshot per row. The object has the entity's
 * prototype, so `instanceof` holds and type-graphql hands it to field resolvers as it is (it rebuilds
 * any root that is not an instance of the class, through the same costly setters). Only for
 * entities without relations, whose columns the driver already reads as the properties' types
 * (arrays, dates, numbers); the result must not be persisted or flushed.
 */
export function readOnly<T extends object>(em: EntityManager, entity: EntityClass<T>, row: Record<string, unknown>): T {
  const data = em.getDriver().mapResult(row as never, em.getMetadata().get(entity)) as object;
  // Own data properties shadow the accessors MikroORM puts on the prototype, so no setter runs.
  return Object.setPrototypeOf(data, entity.prototype as object) as T;
}
