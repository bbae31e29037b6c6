import type { EntityManager } from '@mikro-orm/sql';
import { EncounterOutbox, OutboxStatus, VolunteerRequest } from './request.entity.js';

/** Sends one createEncounter input to the encounters subgraph: the encounter's id, or why it was refused. Throws when it cannot be reached. */
export type SendEncounter = (input: Record<string, unknown>) => Promise<{ encounterId: string } | { refused: string }>;

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
    let delivered = 0;
    for (const row of rows) {
      const em = this.em.fork();
      let outcome: Awaited<ReturnType<SendEncounter>> | { failed: string };
      try {
        outcome = await send(row.payload);
      } catch (error) {
        outcome = { failed: error instanceof Error ? error.message : String(error) };
      }
      if ('encounterId' in outcome) {
        await em.transactional(async (tx) => {
          await tx.nativeUpdate(
            EncounterOutbox,
            { id: row.id },
            { status: OutboxStatus.DONE, encounterId: outcome.encounterId, doneAt: now, attempts: row.attempts + 1, lastError: null },
          );
          await tx.nativeUpdate(VolunteerRequest, { id: row.requestId }, { encounterId: outcome.encounterId });
        });
        delivered += 1;
      } else {
        const reason = 'refused' in outcome ? `refused: ${outcome.refused}` : outcome.failed;
        await em.nativeUpdate(EncounterOutbox, { id: row.id, status: OutboxStatus.PENDING }, { attempts: row.attempts + 1, lastError: reason.slice(0, 1000) });
        // Unreachable for one row is unreachable for the rest: the school's page should not wait on each in turn.
        if ('failed' in outcome) break;
      }
    }
    return delivered;
  }
}
