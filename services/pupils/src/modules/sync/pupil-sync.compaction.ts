import type { EntityManager } from '@mikro-orm/sql';
import { boundSql, withSystemAccess, type HousekeepingJob } from '@waymark/subgraph-kit';

/**
 * Removes the change log's rows that no page can hand out any more: every row of a pupil in a trust
 * but the newest (docs/trust-api.md, "Incremental sync"). The feed only ever hands out a pupil's newest
 * row, so this changes no answer and no cursor; tombstones stay, as the newest row of a pupil gone.
 * Only rows behind a newer one that has committed are removed.
 */
export async function compactPupilSyncLog(em: EntityManager): Promise<number> {
  const { affected } = await boundSql(
    em,
    `delete from pupil_sync_change l
      where exists (select 1 from pupil_sync_change n where n.trust_id = l.trust_id and n.pupil_id = l.pupil_id and n.seq > l.seq)`,
    [],
  );
  return affected;
}

/** Daily: the log grows by a row per change, and keeps one per pupil and trust. */
export const pupilSyncCompactionJob: HousekeepingJob = {
  name: 'pupils sync log compaction',
  everyMs: 24 * 60 * 60 * 1000,
  run: async (orm) => {
    const removed = await withSystemAccess(orm, 'pupils sync log compaction: superseded changes, in every trust', (em) => compactPupilSyncLog(em));
    return removed > 0 ? `${removed} superseded sync changes removed` : undefined;
  },
};
