import type { EntityManager } from '@mikro-orm/sql';
import { boundSql, encodeCursor, decodeCursor, InputError } from '@waymark/subgraph-kit';
import { PupilTombstoneReasonValue, SyncChangeKind, type PupilChangesPage, type PupilSyncChangeEntry } from './pupil-sync.types.js';

/** A sync page holds this many changes unless asked for fewer, and never more than MAX_SYNC_PAGE. */
export const DEFAULT_SYNC_PAGE = 500;
export const MAX_SYNC_PAGE = 1000;

/** Where a sync stands in the log: after this transaction id and, within it, this row. */
interface SyncPosition {
  xid: string;
  seq: string;
}

const START: SyncPosition = { xid: '0', seq: '0' };
const DIGITS = /^\d{1,20}$/;
const CURSOR_VERSION = 'p1';

export function encodeSyncCursor(position: SyncPosition): string {
  return encodeCursor([CURSOR_VERSION, position.xid, position.seq]);
}

/** The position an `after` cursor names; the start of the log when there is none. Refuses a cursor this feed did not give out. */
export function decodeSyncCursor(after: string | null | undefined): SyncPosition {
  const refused = InputError.invalid('The after cursor is not one pupilChanges gave out. Start again without one (a full sync), then page on with cursor.');
  let parts: [string, string, string] | null;
  try {
    parts = decodeCursor(after, ['text', 'text', 'text']);
  } catch {
    throw refused;
  }
  if (parts === null) return START;
  const [version, xid, seq] = parts;
  if (version !== CURSOR_VERSION || !DIGITS.test(xid) || !DIGITS.test(seq)) throw refused;
  return { xid, seq };
}

export function syncPageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_SYNC_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_SYNC_PAGE) throw InputError.invalid(`first must be a whole number from 1 to ${MAX_SYNC_PAGE}.`);
  return first;
}

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
        and (l.xid, l.seq) > ($2::text::xid8, $3::bigint)
        and l.xid < pg_snapshot_xmin(pg_current_snapshot())
        and not exists (select 1 from pupil_sync_change n where n.trust_id = l.trust_id and n.pupil_id = l.pupil_id and n.seq > l.seq)
      order by l.xid, l.seq
      limit $4`,
    [trustId, after.xid, after.seq, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    changes: page.map(toEntry),
    cursor: encodeSyncCursor(last ? { xid: last.xid, seq: last.seq } : after),
    hasMore: rows.length > limit,
  };
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
