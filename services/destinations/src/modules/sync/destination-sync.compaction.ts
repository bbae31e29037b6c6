import type { EntityManager } from '@mikro-orm/sql';
import { boundSql, withSystemAccess, type HousekeepingJob } from '@waymark/subgraph-kit';

/**
 * Removes the change log's rows that no page can hand out any more: every row about a spell in a trust
 * but the newest (docs/trust-api.md, "Incremental sync"). The feed only ever hands out a spell's newest
 * change, so this changes no answer and no cursor; tombstones stay.
 */
export async function compactDestinationSyncLog(em: EntityManager): Promise<number> {
  const { affected } = await boundSql(
    em,
    `delete from destination_sync_change l
      where exists (select 1 from destination_sync_change n where n.trust_id = l.trust_id and n.row_id = l.row_id and n.seq > l.seq)`,
    [],
  );
  return affected;
}

/** Daily: the log grows by a row per change, and keeps one per spell and trust. */
export const destinationSyncCompactionJob: HousekeepingJob = {
  name: 'destinations sync log compaction',
  everyMs: 24 * 60 * 60 * 1000,
  run: async (orm) => {
    const removed = await withSystemAccess(orm, 'destinations sync log compaction: superseded changes, in every trust', (em) => compactDestinationSyncLog(em));
    return removed > 0 ? `${removed} superseded sync changes removed` : undefined;
  },
};
