import { syncLogCompaction } from '@waymark/subgraph-kit';

/**
 * The encounters change log keeps each encounter's and register row's newest row in each trust
 * (docs/trust-api.md, "Incremental sync"): the feeds only ever hand out a row's newest change, so
 * removing the others daily changes no answer and no cursor; tombstones stay.
 */
const compaction = syncLogCompaction({ log: 'encounter_sync_change', key: ['record', 'row_id'], feed: 'encounters' });
export const compactEncounterSyncLog = compaction.compact;
export const encounterSyncCompactionJob = compaction.job;
