/** A write a statement-level trigger fires on. */
export type TriggerEvent = 'insert' | 'update' | 'delete';

/**
 * An AFTER … FOR EACH STATEMENT trigger on `table` for one event, whose body sees every row the
 * statement changed at once through its transition tables: `new_rows` (insert, update) and `old_rows`
 * (update, delete). PostgreSQL allows a transition table on a trigger of one event only, so a table
 * needs one of these per event. Use it where a per-row trigger would rewrite the same row once per
 * changed row (a counter): a statement of 25,000 rows then costs one write, not 25,000.
 *
 * The schema tools cannot write a REFERENCING clause, so this is raw DDL (their `expression`); the
 * function is named as they name a trigger's function, so dropping the trigger drops it too.
 * `body` is PL/pgSQL statements, each ended with a semicolon; the function returns null after them.
 */
export function transitionTrigger(table: string, name: string, event: TriggerEvent, body: string, when?: string) {
  const transition =
    event === 'insert' ? 'new table as new_rows' : event === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';
  const fn = `"${table}_${name}_fn"`;
  return {
    name,
    timing: 'after' as const,
    events: [event],
    forEach: 'statement' as const,
    ...(when ? { when } : {}),
    expression: `create or replace function ${fn}() returns trigger as $$ begin ${body} return null; end; $$ language plpgsql;
create trigger "${name}" after ${event} on "${table}" referencing ${transition} for each statement${when ? ` when (${when})` : ''} execute function ${fn}();`,
  };
}

/**
 * SQL (a condition, for an update's transition tables joined as `o` and `n`): whether any of `columns`
 * differs between the row before and after.
 */
export const changedColumns = (columns: readonly string[]) =>
  `(${columns.map((c) => `o."${c}"`).join(', ')}) is distinct from (${columns.map((c) => `n."${c}"`).join(', ')})`;
