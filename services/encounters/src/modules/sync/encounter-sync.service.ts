import type { EntityManager } from '@mikro-orm/sql';
import type { EncounterKind } from '@waymark/domain';
import { boundSql, readyEntriesCondition, SyncChangeKind, syncCursors, syncPage, type SyncCursors, type SyncPosition } from '@waymark/subgraph-kit';
import type { SyncedRecord } from './encounter-sync-change.entity.js';
import {
  EncounterTombstoneReasonValue,
  type EncounterChangesPage,
  type ParticipationChangesPage,
  type SyncedEncounter,
  type SyncedParticipation,
} from './encounter-sync.types.js';

/** Each feed's cursors carry its own mark, so one feed's cursor is refused by the other. */
export const encounterSyncCursors: Record<SyncedRecord, SyncCursors> = {
  encounter: syncCursors('e1', 'encounterChanges'),
  participation: syncCursors('r1', 'participationChanges'),
};

/** The position an `after` cursor names; the start of the log when there is none. Refuses a cursor this feed did not give out. */
export const decodeSyncCursor = (record: SyncedRecord, after: string | null | undefined): SyncPosition => encounterSyncCursors[record].decode(after);

interface LogRow {
  seq: string;
  xid: string;
  row_id: string;
  reason: string | null;
  present: boolean;
}

/**
 * One page of a trust's log for one table, joined to the rows as they stand, in one statement: each
 * row's newest change only, and only below the oldest transaction still running, so a transaction
 * that began first but commits last is never passed (docs/trust-api.md, "Incremental sync").
 */
async function loadLog<Row extends LogRow>(
  em: EntityManager,
  record: SyncedRecord,
  columns: string,
  table: string,
  trustId: string,
  after: SyncPosition,
  limit: number,
): Promise<{ rows: Row[]; cursor: string; hasMore: boolean }> {
  const { rows } = await boundSql<Row>(
    em,
    `select l.seq::text as seq, l.xid::text as xid, l.row_id, l.reason, t.id is not null as present, ${columns}
       from encounter_sync_change l
       left join ${table} t on t.id = l.row_id and t.trust_id = l.trust_id
      where l.trust_id = $1::uuid and l.record = $2
        and ${readyEntriesCondition('$3', '$4')}
      order by l.xid, l.seq
      limit $5`,
    [trustId, record, after.xid, after.seq, limit + 1],
    { prepared: true },
  );
  return syncPage(rows, limit, after, encounterSyncCursors[record]);
}

const reasonOf = (row: LogRow): EncounterTombstoneReasonValue =>
  row.reason === EncounterTombstoneReasonValue.LEFT_TRUST ? EncounterTombstoneReasonValue.LEFT_TRUST : EncounterTombstoneReasonValue.DELETED;

interface EncounterRow extends LogRow {
  school_id: string;
  kind: EncounterKind;
  title: string;
  date: Date;
  has_time: boolean;
  ends_at: Date | null;
  in_school_day: boolean;
  hours: number;
  benchmarks: number[];
  year_groups: number[];
  subject: string | null;
  checklist_met: boolean;
  booked: boolean;
}

export async function loadEncounterChanges(em: EntityManager, trustId: string, after: SyncPosition, limit: number): Promise<EncounterChangesPage> {
  const page = await loadLog<EncounterRow>(
    em,
    'encounter',
    `t.school_id, t.kind, t.title, t.date, t.has_time, t.ends_at, t.in_school_day, t.hours, t.benchmarks, t.year_groups, t.subject, t.checklist_met, t.booked`,
    'encounter',
    trustId,
    after,
    limit,
  );
  return {
    cursor: page.cursor,
    hasMore: page.hasMore,
    changes: page.rows.map((row) => {
      if (!row.present) return { encounterId: row.row_id, kind: SyncChangeKind.TOMBSTONE, reason: reasonOf(row), encounter: null };
      const encounter: SyncedEncounter = {
        id: row.row_id,
        schoolId: row.school_id,
        kind: row.kind,
        title: row.title,
        date: new Date(row.date),
        hasTime: row.has_time,
        endsAt: row.ends_at === null ? null : new Date(row.ends_at),
        inSchoolDay: row.in_school_day,
        hours: Number(row.hours),
        benchmarks: row.benchmarks.map(Number),
        yearGroups: row.year_groups.map(Number),
        subject: row.subject,
        checklistMet: row.checklist_met,
        booked: row.booked,
      };
      return { encounterId: row.row_id, kind: SyncChangeKind.UPSERT, reason: null, encounter };
    }),
  };
}

interface ParticipationRow extends LogRow {
  encounter_id: string;
  pupil_id: string;
  school_id: string;
  attended: boolean;
  declined: boolean;
}

export async function loadParticipationChanges(em: EntityManager, trustId: string, after: SyncPosition, limit: number): Promise<ParticipationChangesPage> {
  const page = await loadLog<ParticipationRow>(
    em,
    'participation',
    `t.encounter_id, t.pupil_id, t.school_id, t.attended, t.declined`,
    'participation',
    trustId,
    after,
    limit,
  );
  return {
    cursor: page.cursor,
    hasMore: page.hasMore,
    changes: page.rows.map((row) => {
      if (!row.present) return { participationId: row.row_id, kind: SyncChangeKind.TOMBSTONE, reason: reasonOf(row), participation: null };
      const participation: SyncedParticipation = {
        id: row.row_id,
        encounterId: row.encounter_id,
        pupilId: row.pupil_id,
        schoolId: row.school_id,
        attended: row.attended,
        declined: row.declined,
      };
      return { participationId: row.row_id, kind: SyncChangeKind.UPSERT, reason: null, participation };
    }),
  };
}
