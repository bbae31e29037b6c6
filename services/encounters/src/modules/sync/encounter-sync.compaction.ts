import type { EntityManager } from '@mikro-orm/sql';
import { boundSql, withSystemAccess, type HousekeepingJob } from '@waymark/subgraph-kit';

/**
 * Removes the change log's rows that no page can hand out any more: every row about an encounter or
 * register row in a trust but the newest (docs/trust-api.md, "Incremental sync"). The feeds only ever
 * hand out a row's newest change, so this changes no answer and no cursor; tombstones stay.
 */
export async function compactEncounterSyncLog(em: EntityManager): Promise<number> {
  const { affected } = await boundSql(
    em,
    `delete from encounter_sync_change l
      where exists (select 1 from encounter_sync_change n
                     where n.trust_id = l.trust_id and n.record = l.record and n.row_id = l.row_id and n.seq > l.seq)`,
    [],
  );
  return affected;
}

/** Daily: the log grows by a row per change, and keeps one per row and trust. */
export const encounterSyncCompactionJob: HousekeepingJob = {
  name: 'encounters sync log compaction',
  everyMs: 24 * 60 * 60 * 1000,
  run: async (orm) => {
    const removed = await withSystemAccess(orm, 'encounters sync log compaction: superseded changes, in every trust', (em) => compactEncounterSyncLog(em));
    return removed > 0 ? `${removed} superseded sync changes removed` : undefined;
  },
};
