import { changedColumns, syncLogEntrySql, transitionTrigger } from '@waymark/subgraph-kit';

/** The pupil columns the sync carries or decides by: an update that changes none of them is not logged. */
const SYNCED_COLUMNS = [
  'school_id',
  'trust_id',
  'year_group',
  'year_group_academic_year',
  'enrolled_on',
  'left_on',
  'pseudonymised_at',
  'destination_tracking',
  'local_authority_sharing_opt_out',
];

/** Notes the rows `select` gives (trust, pupil, reason) in the log, each in place of the pupil's row in that trust (`syncLogEntrySql`). */
const log = (select: string) => syncLogEntrySql({ log: 'pupil_sync_change', key: ['pupil_id'], columns: ['trust_id', 'pupil_id', 'reason'], rows: select });

/** A row of the trust a pupil is in: a tombstone when they have been pseudonymised, else null (an upsert). */
const CURRENT_REASON = (row: string) => `case when ${row}."pseudonymised_at" is not null then 'PSEUDONYMISED' end`;

/**
 * Writes `pupil_sync_change` whenever a pupil's synced fields change (docs/trust-api.md, "Incremental
 * sync"): a row for the trust they are in, and, when they leave a trust (moved to a school of another
 * trust or none), a tombstone row for the trust they left. Deleting a pupil leaves a tombstone;
 * setting `pseudonymised_at` turns the trust's row into one. Updates that touch nothing the sync
 * carries write nothing. A change of the pupil's agreement to being followed after 16, or of their
 * opt-out of sharing, is logged too: the destinations subgraph reads it through `pupilChanges`
 * (`SyncedPupil.destinationSharing`) to hide their destination rows from the trust's feed.
 *
 * One trigger per event, once per statement, with its transition table (`transitionTrigger`): a
 * statement that writes many pupils (a roster commit, a rollover, `COPY`) logs them all in one insert.
 * The log's rows come in the order the statement wrote the pupils, each pupil's tombstone for the trust
 * they left before their row in the trust they joined, as a trigger per row wrote them. (An insert
 * … on conflict do update that both inserts and updates logs the two kinds by their own triggers, so
 * between different pupils of that one statement the order differs; each pupil's own changes do not.)
 */
export const PUPIL_SYNC_TRIGGERS = [
  transitionTrigger(
    'pupil',
    'pupil_sync_change_insert',
    'insert',
    log(`select r."trust_id", r."id", ${CURRENT_REASON('r')} from new_rows r where r."trust_id" is not null`),
  ),
  // Each changed pupil gives up to two rows: a tombstone for the trust they left, then their row in the
  // trust they are in. old_rows and new_rows are joined on the id; new_rows is numbered first, so the
  // log keeps the order the statement wrote the pupils in.
  transitionTrigger(
    'pupil',
    'pupil_sync_change_update',
    'update',
    log(`select l."trust_id", c."id", l."reason"
     from (select n."id", o."trust_id" as was, n."trust_id" as now, n."pseudonymised_at", n.i
       from (select r.*, row_number() over () as i from new_rows r) n join old_rows o on o."id" = n."id" where ${changedColumns(SYNCED_COLUMNS)}) c
     cross join lateral (values (0, case when c.was is distinct from c.now then c.was end, 'TRANSFERRED'), (1, c.now, ${CURRENT_REASON('c')})) l (k, "trust_id", "reason")
     where l."trust_id" is not null order by c.i, l.k`),
  ),
  transitionTrigger(
    'pupil',
    'pupil_sync_change_delete',
    'delete',
    log(`select r."trust_id", r."id", 'DELETED' from old_rows r where r."trust_id" is not null`),
  ),
];
