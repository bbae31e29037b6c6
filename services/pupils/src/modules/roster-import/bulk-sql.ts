import type { EntityManager } from '@mikro-orm/sql';

/**
 * Runs one statement with bound parameters ($1, $2 …) on the entity manager's connection, inside its
 * transaction when it has one. `em.execute` writes parameters into the SQL text instead, which for a
 * batch's arrays (hundreds of kilobytes) costs more than the statement itself.
 */
export async function bulkSql<Row = Record<string, unknown>>(em: EntityManager, sql: string, parameters: unknown[]): Promise<{ rows: Row[]; affected: number }> {
  const kysely = em.getKysely();
  // Kysely's CompiledQuery.raw(sql, parameters), built by hand: kysely is MikroORM's dependency, not ours.
  const compiled = {
    sql,
    parameters,
    query: { kind: 'RawNode', sqlFragments: [sql], parameters: [] },
    queryId: { queryId: `bulk-${Math.random().toString(36).slice(2)}` },
  };
  const result = await kysely.executeQuery(compiled as unknown as Parameters<typeof kysely.executeQuery>[0]);
  return { rows: result.rows as Row[], affected: Number(result.numAffectedRows ?? 0) };
}

/**
 * A PostgreSQL array literal ('{"a","b",NULL}') for one column of a batch, cast in the statement
 * (`$1::uuid[]`) and spread back into rows with `unnest`: the fastest way to hand PostgreSQL many
 * rows in one statement short of COPY (several times faster than a JSON document per row).
 */
export function pgArray(values: readonly (string | number | boolean | null)[]): string {
  const items = values.map((value) => {
    if (value === null) return 'NULL';
    if (typeof value === 'boolean') return value ? 't' : 'f';
    return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}
