import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { syncLogEntrySql, tenantPolicy } from '@waymark/subgraph-kit';

/** Which table a change is about. */
export type SyncedRecord = 'encounter' | 'participation';

/** Why a row left a trust's sync: deleted (an encounter's register goes with it), or moved out of the trust. */
export type EncounterTombstoneReason = 'DELETED' | 'LEFT_TRUST';

/**
 * The encounters subgraph's change log behind `encounterChanges` and `participationChanges`
 * (docs/trust-api.md, "Incremental sync"): one row for each encounter or register row in each trust
 * it has been in, noting its latest change, written by the triggers on those tables (`syncTrigger`),
 * never by the application. A change moves the record's row to the end of the log (`syncLogEntrySql`),
 * so every row is a record's newest change and a feed reads the rows after its cursor and nothing else.
 * Ids and a reason only; the feeds read the rows themselves as they stand. `xid` is the writing
 * transaction's id, and the feeds hand out only rows below the oldest transaction still running,
 * exactly as the pupils subgraph's `pupil_sync_change`. Readable by the trust's analysts only; anyone
 * may add a row, and the triggers move one with the row check lifted for that statement alone.
 */
@Entity({ tableName: 'encounter_sync_change', ...tenantPolicy({ kind: 'trust' }, { appendableByAll: true }) })
@Index({ properties: ['trustId', 'record', 'xid', 'seq'] })
@Unique({ properties: ['trustId', 'record', 'rowId'] })
export class EncounterSyncChange {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq: string;

  @Property({ columnType: 'xid8', defaultRaw: 'pg_current_xact_id()' })
  xid: string;

  @Property({ type: 'uuid' })
  trustId: string;

  @Property({ type: 'text' })
  record: SyncedRecord;

  @Property({ type: 'uuid' })
  rowId: string;

  /** Null while the row is in the trust; otherwise why it is not. */
  @Property({ type: 'text', nullable: true })
  reason: EncounterTombstoneReason | null = null;
}

/** The columns each feed hands out (encounter-sync.service.ts reads them): only a change to one of them is a change to sync. */
export const SYNCED_COLUMNS: Record<SyncedRecord, readonly string[]> = {
  encounter: [
    'school_id',
    'kind',
    'title',
    'date',
    'has_time',
    'ends_at',
    'in_school_day',
    'hours',
    'benchmarks',
    'year_groups',
    'subject',
    'checklist_met',
    'booked',
  ],
  participation: ['encounter_id', 'pupil_id', 'school_id', 'attended', 'declined'],
};

/**
 * The trigger that writes `encounter_sync_change` for a table with `id` and `trust_id`: the row's
 * entry for the trust it is in on every insert and on every update of a synced column (a reflection,
 * reflection time, staff notes or a pseudonymised text changes nothing the feeds hand out, so logs
 * nothing), a DELETED tombstone when it is deleted (an encounter's participations too, through the
 * cascade), and a LEFT_TRUST tombstone for the trust it leaves; each in place of the entry the record
 * had in that trust (`syncLogEntrySql`).
 */
export function syncTrigger(record: SyncedRecord) {
  const row = (alias: 'old' | 'new') => `(${['trust_id', ...SYNCED_COLUMNS[record]].map((column) => `${alias}."${column}"`).join(', ')})`;
  const entry = (alias: 'old' | 'new', reason: EncounterTombstoneReason | null) =>
    syncLogEntrySql({
      log: 'encounter_sync_change',
      key: ['record', 'row_id'],
      columns: ['trust_id', 'record', 'row_id', 'reason'],
      rows: `values (${alias}."trust_id", '${record}', ${alias}."id", ${reason ? `'${reason}'` : 'null'})`,
    });
  return {
    name: `${record}_sync_change`,
    timing: 'after' as const,
    events: ['insert' as const, 'update' as const, 'delete' as const],
    forEach: 'row' as const,
    body: `if tg_op = 'UPDATE' and ${row('old')} is not distinct from ${row('new')} then
  return null;
end if;
if tg_op = 'DELETE' then
  if old."trust_id" is not null then
    ${entry('old', 'DELETED')}
  end if;
  return null;
end if;
if tg_op = 'UPDATE' and old."trust_id" is not null and old."trust_id" is distinct from new."trust_id" then
  ${entry('old', 'LEFT_TRUST')}
end if;
if new."trust_id" is not null then
  ${entry('new', null)}
end if;
return null;`,
  };
}
