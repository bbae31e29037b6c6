import { randomBytes } from 'node:crypto';
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

const NEEDS_ESCAPE = /["\\]/;

/**
 * A PostgreSQL array literal ('{"a","b",NULL}') for one column of a batch, cast in the statement
 * (`$1::uuid[]`) and spread back into rows with `unnest`: the fastest way to hand PostgreSQL many
 * rows in one statement short of COPY (several times faster than a JSON document per row).
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
 * Ids for the rows one commit creates: UUIDs in the version 7 layout (48-bit millisecond time, then
 * random bits), rising within a source. Index entries for ids made in order land side by side at the
 * right of each b-tree instead of on a random page, which makes a big insert markedly cheaper (for the
 * row's own key and for every index on a column that points at it, such as `enrolment.pupil_id`).
 */
export function orderedIdSource(now = Date.now()): () => string {
  const time = Math.floor(now).toString(16).padStart(12, '0').slice(-12);
  const random = randomBytes(10);
  const versioned = (0x7000 | (random.readUInt16BE(0) & 0x0fff)).toString(16);
  const variant = (0x8000 | (random.readUInt16BE(2) & 0x3fff)).toString(16);
  const prefix = `${time.slice(0, 8)}-${time.slice(8)}-${versioned}-${variant}-${random.readUInt16BE(4).toString(16).padStart(4, '0')}`;
  // A 32-bit counter from a random start below 2^31: room for far more ids than one import makes.
  let counter = random.readUInt32BE(6) >>> 1;
  return () => {
    const id = prefix + counter.toString(16).padStart(8, '0');
    counter += 1;
    return id;
  };
}
