/**
 * A bulk insert of new pupils that writes the per-row triggers' records itself, set-wise, in the same
 * transaction (the roster import's commit: roster-import.writer.ts). While this transaction-local
 * setting is 'on', `pupil`'s sync-log and cohort-counter triggers do not fire, so 25,000 new pupils
 * cost one sync-log insert and one counter bump rather than 25,000 of each (each bump of the same
 * school's counter also lengthens that row's chain of versions, so the per-row cost grew with the
 * file). The writer sets it just before its insert and clears it in the statement that writes the
 * records, so every other statement (an existing pupil's update, a leaver) fires the triggers as ever.
 */
export const PUPIL_BULK_INSERT_SETTING = 'waymark.pupil_bulk_insert';

/**
 * The triggers' WHEN: not inside such a bulk insert. Written as PostgreSQL gives it back
 * (information_schema.triggers.action_condition), so the schema comparator sees no change.
 */
export const UNLESS_BULK_INSERT = `(current_setting('${PUPIL_BULK_INSERT_SETTING}'::text, true) IS DISTINCT FROM 'on'::text)`;
