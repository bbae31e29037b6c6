import type { EntityManager } from '@mikro-orm/sql';
import { deliverEncounters, type SendEncounter } from '../outbox/deliver-encounters.js';
import { EncounterOutbox, OutboxStatus, VolunteerRequest } from './request.entity.js';

/** Rows one dispatch sends at most (a school rarely has more than one waiting). */
export const DISPATCH_BATCH = 10;

/**
 * The outbox's dispatcher. It sends a school's waiting encounters with the credential of a member of
 * that school's staff (the request being answered), so it runs inside their requests: right after a
 * confirmation, and again whenever the school's staff read their requests. Each row carries its
 * idempotency key, so a row sent twice (a lost answer, two dispatchers at once) still makes one
 * encounter; a row is marked done only once the encounters subgraph has answered with its id.
 */
export class EncounterOutboxService {
  constructor(private readonly em: EntityManager) {}

  /** Sends the school's waiting rows, oldest first; answers how many were delivered. */
  async dispatchForSchool(schoolId: string, send: SendEncounter, now: Date): Promise<number> {
    const rows = await this.em
      .fork()
      .find(EncounterOutbox, { schoolId, status: OutboxStatus.PENDING }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: DISPATCH_BATCH });
    return deliverEncounters(this.em, rows, send, {
      delivered: async (tx, row, encounterId) => {
        await tx.nativeUpdate(
          EncounterOutbox,
          { id: row.id },
          { status: OutboxStatus.DONE, encounterId, doneAt: now, attempts: row.attempts + 1, lastError: null },
        );
        await tx.nativeUpdate(VolunteerRequest, { id: row.requestId }, { encounterId });
      },
      waiting: async (em, row, reason) => {
        await em.nativeUpdate(EncounterOutbox, { id: row.id, status: OutboxStatus.PENDING }, { attempts: row.attempts + 1, lastError: reason });
      },
    });
  }
}
