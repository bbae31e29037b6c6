import type { EntityManager } from '@mikro-orm/sql';

/** Sends one createEncounter input to the encounters subgraph: the encounter's id, or why it was refused. Throws when it cannot be reached. */
export type SendEncounter = (input: Record<string, unknown>) => Promise<{ encounterId: string } | { refused: string }>;

/** What every encounter outbox row carries. */
export interface EncounterOutboxRow {
  id: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface OutboxMarks<Row extends EncounterOutboxRow> {
  /** In one transaction: the row is done, and what it was for now names the encounter. */
  delivered: (tx: EntityManager, row: Row, encounterId: string) => Promise<void>;
  /** The row stays waiting, with one more attempt and why this one did not land. */
  waiting: (em: EntityManager, row: Row, reason: string) => Promise<void>;
}

/**
 * Sends waiting outbox rows to the encounters subgraph in order, each with its idempotency key in
 * the payload, so a row sent twice (a lost answer, two dispatchers at once) still makes one
 * encounter; a row is marked done only once the encounters subgraph has answered with its id. A
 * refused row stays waiting with the reason; when encounters cannot be reached at all, the rest are
 * not tried (each would wait out the same timeout). Answers how many were delivered.
 */
export async function deliverEncounters<Row extends EncounterOutboxRow>(
  em: EntityManager,
  rows: readonly Row[],
  send: SendEncounter,
  marks: OutboxMarks<Row>,
): Promise<number> {
  let delivered = 0;
  for (const row of rows) {
    const fork = em.fork();
    let outcome: Awaited<ReturnType<SendEncounter>> | { failed: string };
    try {
      outcome = await send(row.payload);
    } catch (error) {
      outcome = { failed: error instanceof Error ? error.message : String(error) };
    }
    if ('encounterId' in outcome) {
      const { encounterId } = outcome;
      await fork.transactional((tx) => marks.delivered(tx, row, encounterId));
      delivered += 1;
    } else {
      await marks.waiting(fork, row, ('refused' in outcome ? `refused: ${outcome.refused}` : outcome.failed).slice(0, 1000));
      if ('failed' in outcome) break;
    }
  }
  return delivered;
}
