import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { syncLogEntrySql, tenantPolicy } from '@waymark/subgraph-kit';

/**
 * Why a spell left a trust's sync: deleted, now another trust's, or its young person may no longer be
 * shared with the trust (opted out, pseudonymised, gone from the trust's records).
 */
export type DestinationTombstoneReason = 'DELETED' | 'LEFT_TRUST' | 'OPTED_OUT' | 'PSEUDONYMISED';

/**
 * The destinations subgraph's change log behind `destinationChanges` (docs/trust-api.md, "Incremental
 * sync"): one row for each activity spell in each trust it has been in, noting its latest change,
 * written by the trigger on `activity_spell` when the spell changes and by the trigger on
 * `destination_sync_pupil` for every spell of a young person whose sharing with the trust changes,
 * never by the application. A change moves the spell's row to the end of the log (`syncLogEntrySql`),
 * so every row is a spell's newest change. Ids and a reason only; the feed reads the spells as they
 * stand. `xid` is the writing transaction's id, and the feed hands out only rows below the oldest
 * transaction still running, exactly as the pupils subgraph's `pupil_sync_change`. Readable by the
 * trust's analysts only; anyone may add a row, and the triggers move one with the row check lifted for
 * that statement alone.
 */
@Entity({ tableName: 'destination_sync_change', ...tenantPolicy({ kind: 'trust' }, { appendableByAll: true }) })
@Index({ properties: ['trustId', 'xid', 'seq'] })
@Unique({ properties: ['trustId', 'rowId'] })
export class DestinationSyncChange {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq: string;

  @Property({ columnType: 'xid8', defaultRaw: 'pg_current_xact_id()' })
  xid: string;

  @Property({ type: 'uuid' })
  trustId: string;

  /** The spell's young person, so a change of their sharing finds their spells' rows. */
  @Property({ type: 'uuid' })
  pupilId: string;

  /** The spell. */
  @Property({ type: 'uuid' })
  rowId: string;

  /** Null while the spell is in the trust; otherwise why it is not (the young person's own reasons are read from `destination_sync_pupil`). */
  @Property({ type: 'text', nullable: true })
  reason: DestinationTombstoneReason | null = null;
}

/** The columns the feed hands out (destination-sync.service.ts reads them): only a change to one of them is a change to sync. */
export const SYNCED_SPELL_COLUMNS = [
  'pupil_id',
  'school_id',
  'leaving_year',
  'activity',
  'provider_kind',
  'apprenticeship_level',
  'starts_on',
  'ends_on',
  'source',
  'confirmed',
] as const;

/** The statement that notes spells in the log (`syncLogEntrySql`): `rows` gives trust, young person, spell and reason. */
const entry = (rows: string) =>
  syncLogEntrySql({ log: 'destination_sync_change', key: ['row_id'], columns: ['trust_id', 'pupil_id', 'row_id', 'reason'], rows });

/**
 * The trigger that writes `destination_sync_change` for `activity_spell`: the spell's entry for the
 * trust it is in on every insert and every update of a synced column (a provider's name is not synced,
 * so pseudonymising it logs nothing), a DELETED tombstone when it is deleted, and a LEFT_TRUST tombstone
 * for the trust it leaves; each in place of the entry the spell had in that trust.
 */
const row = (alias: 'old' | 'new') => `(${['trust_id', ...SYNCED_SPELL_COLUMNS].map((column) => `${alias}."${column}"`).join(', ')})`;
export const SPELL_SYNC_TRIGGER = {
  name: 'activity_spell_sync_change',
  timing: 'after' as const,
  events: ['insert' as const, 'update' as const, 'delete' as const],
  forEach: 'row' as const,
  body: `if tg_op = 'UPDATE' and ${row('old')} is not distinct from ${row('new')} then
  return null;
end if;
if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    ${entry(`values (old."trust_id", old."pupil_id", old."id", 'DELETED')`)}
  end if;
  return null;
end if;
if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  ${entry(`values (old."trust_id", old."pupil_id", old."id", 'LEFT_TRUST')`)}
end if;
if new."trust_id" is not null then
  ${entry(`values (new."trust_id", new."pupil_id", new."id", null)`)}
end if;
return null;`,
};

/** Logs a young person's spells in the trust again when their sharing changes (`DestinationSyncPupil`). */
export const SHARING_SYNC_TRIGGER = {
  name: 'destination_sync_pupil_change',
  timing: 'after' as const,
  events: ['insert' as const, 'update' as const],
  forEach: 'row' as const,
  body: `if tg_op = 'UPDATE' and old."shared" is not distinct from new."shared" then
  return null;
end if;
if tg_op = 'INSERT' and not new."shared" then
  return null;
end if;
${entry(`select new."trust_id", s."pupil_id", s."id", null from "activity_spell" s where s."pupil_id" = new."pupil_id" and s."trust_id" = new."trust_id"`)}
return null;`,
};

/**
 * Whether the feed may carry a young person's spells to a trust, as the pupils subgraph last said
 * (docs/trust-api.md, "Incremental sync"): only while they are in the trust's records, agreed to being
 * followed after 16, nobody opted them out of sharing, and they are not pseudonymised. The feed keeps
 * it up to date from the pupils subgraph's `pupilChanges` before each page. When `shared` changes, the
 * trigger below logs every spell of theirs in the trust again, so a young person who opts out has each
 * spell handed out as a tombstone (and, should they agree again, as an upsert). A young person the
 * table does not know is not shared. The trust's analysts only (their feed writes it).
 */
@Entity({ tableName: 'destination_sync_pupil', triggers: [SHARING_SYNC_TRIGGER], ...tenantPolicy({ kind: 'trust' }) })
export class DestinationSyncPupil {
  @PrimaryKey({ type: 'uuid' })
  trustId: string;

  @PrimaryKey({ type: 'uuid' })
  pupilId: string;

  @Property({ type: 'boolean' })
  shared: boolean;

  /** When not shared, why: OPTED_OUT, PSEUDONYMISED, LEFT_TRUST or DELETED. */
  @Property({ type: 'text', nullable: true })
  reason: DestinationTombstoneReason | null = null;
}

/** Where each trust's copy of the pupils subgraph's sharing stands: the last `pupilChanges` cursor read. */
@Entity({ tableName: 'destination_sync_source', ...tenantPolicy({ kind: 'trust' }) })
export class DestinationSyncSource {
  @PrimaryKey({ type: 'uuid' })
  trustId: string;

  @Property({ type: 'text' })
  pupilsCursor: string;
}
