import type { EntityManager } from '@mikro-orm/sql';
import { boundSql, readyEntriesCondition, SyncChangeKind, syncCursors, syncPage, type SyncPosition } from '@waymark/subgraph-kit';
import { PupilTombstoneReasonValue, type PupilChangesPage, type PupilSyncChangeEntry } from './pupil-sync.types.js';

/** Each cursor of this feed carries its mark, so another feed's cursor is refused. */
const cursors = syncCursors('p1', 'pupilChanges');
/** The feed's cursors, shared with its bulk stream (pupil-sync.stream.ts). */
export const pupilSyncCursors = cursors;
export const decodeSyncCursor = cursors.decode;

interface ChangeRow {
  seq: string;
  xid: string;
  pupil_id: string;
  reason: string | null;
  present: boolean;
  school_id: string | null;
  year_group: number | null;
  enrolled_on: string | null;
  left_on: string | null;
  destination_sharing: boolean | null;
}

/**
 * One page of a trust's pupil changes after `after`, in one statement whatever its size
 * (docs/trust-api.md, "Incremental sync"). For each pupil only their newest change is handed out, and
 * only once the transaction that wrote it is older than every transaction still running
 * (`pg_snapshot_xmin`): a transaction that began earlier but commits later can never land behind a
 * cursor already given out. An upsert carries the pupil as they stand in this statement's snapshot.
 * Row-level security limits the log and `pupil` to the caller's trust as well as the `where`.
 */
export async function loadPupilChanges(em: EntityManager, trustId: string, after: SyncPosition, limit: number): Promise<PupilChangesPage> {
  const { rows } = await boundSql<ChangeRow>(
    em,
    `select l.seq::text as seq, l.xid::text as xid, l.pupil_id, l.reason,
            p.id is not null as present, p.school_id, p.year_group, p.enrolled_on::text as enrolled_on, p.left_on::text as left_on,
            p.destination_tracking and not p.local_authority_sharing_opt_out as destination_sharing
       from pupil_sync_change l
       left join pupil p on p.id = l.pupil_id and p.trust_id = l.trust_id and p.pseudonymised_at is null
      where l.trust_id = $1::uuid
        and ${readyEntriesCondition('$2', '$3')}
      order by l.xid, l.seq
      limit $4`,
    [trustId, after.xid, after.seq, limit + 1],
    { prepared: true },
  );
  const page = syncPage(rows, limit, after, cursors);
  return { changes: page.rows.map(toEntry), cursor: page.cursor, hasMore: page.hasMore };
}

const REASONS = new Set<string>(Object.values(PupilTombstoneReasonValue));

function toEntry(row: ChangeRow): PupilSyncChangeEntry {
  if (row.present && row.school_id !== null && row.enrolled_on !== null) {
    return {
      pupilId: row.pupil_id,
      kind: SyncChangeKind.UPSERT,
      reason: null,
      pupil: {
        id: row.pupil_id,
        schoolId: row.school_id,
        yearGroup: row.year_group,
        enrolledOn: row.enrolled_on,
        leftOn: row.left_on,
        destinationSharing: row.destination_sharing === true,
      },
    };
  }
  // The newest change of a pupil no longer in the trust names why; a row without one (which the
  // trigger never writes for a pupil gone) reads as deleted.
  const reason = row.reason !== null && REASONS.has(row.reason) ? (row.reason as PupilTombstoneReasonValue) : PupilTombstoneReasonValue.DELETED;
  return { pupilId: row.pupil_id, kind: SyncChangeKind.TOMBSTONE, reason, pupil: null };
}
