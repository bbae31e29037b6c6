import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { tenantPolicy } from '@waymark/subgraph-kit';

/** Why a pupil left a trust's sync: moved to a school outside the trust, deleted, or pseudonymised. */
export type PupilTombstoneReason = 'TRANSFERRED' | 'DELETED' | 'PSEUDONYMISED';

/**
 * The pupils change log behind `pupilChanges` (docs/trust-api.md, "Incremental sync"): one row for
 * each pupil in each trust they have been in, noting their latest change, written by the triggers on
 * `pupil` (`PUPIL_SYNC_TRIGGERS`, pupil-sync.trigger.ts), never by the application. A change moves the
 * pupil's row to the end of the log (`syncLogEntrySql`), so every row is a pupil's newest change and
 * the feed reads the rows after its cursor and nothing else. It holds ids and a reason only, never a
 * pupil's details: the feed reads those from `pupil` as it stands.
 *
 * `xid` is the writing transaction's id (`pg_current_xact_id()`); with `seq` it orders the log for
 * paging, and the feed hands out only rows below the oldest transaction still running, so a cursor
 * never passes a change that has yet to commit. Readable by the trust's analysts only; anyone may add
 * a row (the trigger runs as whoever writes the pupil, maybe a school of another trust taking them),
 * and the triggers move one with the row check lifted for that statement alone.
 */
@Entity({ tableName: 'pupil_sync_change', ...tenantPolicy({ kind: 'trust' }, { appendableByAll: true }) })
@Index({ properties: ['trustId', 'xid', 'seq'] })
@Unique({ properties: ['trustId', 'pupilId'] })
export class PupilSyncChange {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq: string;

  @Property({ columnType: 'xid8', defaultRaw: 'pg_current_xact_id()' })
  xid: string;

  @Property({ type: 'uuid' })
  trustId: string;

  @Property({ type: 'uuid' })
  pupilId: string;

  /** Null while the pupil is in the trust; otherwise why they are not. */
  @Property({ type: 'text', nullable: true })
  reason: PupilTombstoneReason | null = null;
}
