import { syncLogCompaction } from '@waymark/subgraph-kit';

/**
 * The destinations change log keeps each spell's newest row in each trust (docs/trust-api.md,
 * "Incremental sync"): the feed only ever hands out a spell's newest change, so removing the others
 * daily changes no answer and no cursor; tombstones stay.
 */
const compaction = syncLogCompaction({ log: 'destination_sync_change', key: ['row_id'], feed: 'destinations' });
export const compactDestinationSyncLog = compaction.compact;
export const destinationSyncCompactionJob = compaction.job;
