import type { Transaction } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';

/**
 * Runs `work` in one transaction whose connection goes back to the pool however it ends.
 *
 * The ORM's `transactional` hands its connection back only after COMMIT or ROLLBACK succeeds (its
 * query builder, Kysely 0.29, releases it after the statement, not in a `finally`). When the
 * connection itself drops mid-transaction (the database restarts, the network fails, a long commit is
 * killed), the ROLLBACK fails too, and the connection stays checked out for good: each such failure
 * takes one of the pool's connections away, and closing the pool waits for ever. Kysely's callback
 * form, `transaction().execute`, releases its connection in a `finally`, so the commit runs in that and
 * the entity manager is pointed at it. The database ends a dropped connection's transaction itself.
 */
export async function inTransaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return em.getKysely().transaction().execute(async (trx) => {
    const tx = em.fork();
    tx.setTransactionContext(trx as unknown as Transaction);
    return work(tx);
  });
}
