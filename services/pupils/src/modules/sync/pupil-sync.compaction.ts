import { syncLogCompaction } from '@waymark/subgraph-kit';

/**
 * The pupils change log keeps each pupil's newest row in each trust (docs/trust-api.md, "Incremental
 * sync"): the feed only ever hands out a pupil's newest row, so removing the others daily changes no
 * answer and no cursor; tombstones stay, as the newest row of a pupil gone.
 */
const compaction = syncLogCompaction({ log: 'pupil_sync_change', key: ['pupil_id'], feed: 'pupils' });
export const compactPupilSyncLog = compaction.compact;
export const pupilSyncCompactionJob = compaction.job;
