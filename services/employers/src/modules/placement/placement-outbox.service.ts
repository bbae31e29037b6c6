import type { EntityManager } from '@mikro-orm/sql';
import { deliverEncounters, type SendEncounter } from '../outbox/deliver-encounters.js';
import { PlacementApplication, PlacementOutbox, PlacementOutboxStatus } from './placement.entity.js';

/** Rows one dispatch sends at most. */
export const PLACEMENT_DISPATCH_BATCH = 20;

/**
 * Sends a school's waiting placement encounters (one per pupil who did a completed placement) to the
 * encounters subgraph, the same way the volunteer requests' outbox does: with the credential of a
 * member of that school's staff, each row with its idempotency key, marked done only once encounters
 * answered with the encounter's id. It stops at the first row encounters cannot be reached for.
 */
export class PlacementOutboxService {
  constructor(private readonly em: EntityManager) {}

  async dispatchForSchool(schoolId: string, send: SendEncounter, now: Date): Promise<number> {
    const rows = await this.em
      .fork()
      .find(
        PlacementOutbox,
        { schoolId, status: PlacementOutboxStatus.PENDING },
        { orderBy: { createdAt: 'asc', id: 'asc' }, limit: PLACEMENT_DISPATCH_BATCH },
      );
    return deliverEncounters(this.em, rows, send, {
      delivered: async (tx, row, encounterId) => {
        await tx.nativeUpdate(
          PlacementOutbox,
          { id: row.id },
          { status: PlacementOutboxStatus.DONE, encounterId, doneAt: now, attempts: row.attempts + 1, lastError: null },
        );
        await tx.nativeUpdate(PlacementApplication, { id: row.applicationId }, { encounterId });
      },
      waiting: async (em, row, reason) => {
        await em.nativeUpdate(PlacementOutbox, { id: row.id, status: PlacementOutboxStatus.PENDING }, { attempts: row.attempts + 1, lastError: reason });
      },
    });
  }
}
