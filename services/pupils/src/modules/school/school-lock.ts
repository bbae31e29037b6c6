import type { EntityManager } from '@mikro-orm/sql';

/** First key of the per-school advisory lock; the second is the school id's hash. */
const SCHOOL_ROSTER_LOCK = 0x5e7_0001;

/**
 * Takes the school's roster lock for the rest of the caller's transaction: roster imports and year
 * rollovers of one school queue behind each other instead of interleaving. (On PGlite, with its one
 * connection, transactions are already serial; the lock costs nothing there.)
 */
export async function lockSchoolRoster(tx: EntityManager, schoolId: string): Promise<void> {
  await tx.execute('select pg_advisory_xact_lock(?, hashtext(?))', [SCHOOL_ROSTER_LOCK, schoolId]);
}
