import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { tenantPolicy } from '@waymark/subgraph-kit';

/** Why a pupil left a trust's sync: moved to a school outside the trust, deleted, or pseudonymised. */
export type PupilTombstoneReason = 'TRANSFERRED' | 'DELETED' | 'PSEUDONYMISED';

/**
 * The pupils change log behind `pupilChanges` (docs/trust-api.md, "Incremental sync"): one row each
 * time a pupil's synced fields change in a trust, written by the triggers on `pupil`
 * (`PUPIL_SYNC_TRIGGERS`, pupil-sync.trigger.ts), never by the application. It holds ids and a reason only,
 * never a pupil's details: the feed reads those from `pupil` as it stands.
 *
 * `xid` is the writing transaction's id (`pg_current_xact_id()`); with `seq` it orders the log for
 * paging, and the feed hands out only rows below the oldest transaction still running, so a cursor
 * never passes a change that has yet to commit. Readable by the trust's analysts only; anyone may add
 * a row (the trigger runs as whoever writes the pupil, maybe a school of another trust taking them).
 */
@Entity({ tableName: 'pupil_sync_change', ...tenantPolicy({ kind: 'trust' }, { appendableByAll: true }) })
@Index({ properties: ['trustId', 'xid', 'seq'] })
@Index({ properties: ['trustId', 'pupilId', 'seq'] })
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
