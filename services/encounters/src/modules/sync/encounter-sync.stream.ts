import { jsonObjectSql, readyEntriesCondition, sqlJson, type SyncStreamFeed } from '@waymark/subgraph-kit';
import type { SyncedRecord } from './encounter-sync-change.entity.js';
import { encounterSyncCursors } from './encounter-sync.service.js';
import { EncounterTombstoneReasonValue } from './encounter-sync.types.js';

/*
 * The encounters and register feeds as bulk NDJSON streams (subgraph-kit sync-stream.ts;
 * docs/trust-api.md, "Bulk sync"): each line what `encounterChanges` or `participationChanges` gives
 * for a change, the same fields in the same order. A `Date` is written as GraphQL writes it (ISO, UTC,
 * milliseconds).
 */

const ENCOUNTER = jsonObjectSql({
  encounterId: sqlJson.key('t.id'),
  kind: sqlJson.literal('UPSERT'),
  reason: sqlJson.null,
  encounter: jsonObjectSql({
    id: sqlJson.key('t.id'),
    schoolId: sqlJson.key('t.school_id'),
    kind: sqlJson.value('t.kind'),
    title: sqlJson.value('t.title'),
    date: sqlJson.timestamp('t.date'),
    hasTime: sqlJson.bool('t.has_time'),
    endsAt: sqlJson.timestamp('t.ends_at'),
    inSchoolDay: sqlJson.bool('t.in_school_day'),
    hours: sqlJson.value('t.hours::float8'),
    benchmarks: sqlJson.value('t.benchmarks'),
    yearGroups: sqlJson.value('t.year_groups'),
    subject: sqlJson.value('t.subject'),
    checklistMet: sqlJson.bool('t.checklist_met'),
    booked: sqlJson.bool('t.booked'),
  }),
});

const PARTICIPATION = jsonObjectSql({
  participationId: sqlJson.key('t.id'),
  kind: sqlJson.literal('UPSERT'),
  reason: sqlJson.null,
  participation: jsonObjectSql({
    id: sqlJson.key('t.id'),
    encounterId: sqlJson.key('t.encounter_id'),
    pupilId: sqlJson.key('t.pupil_id'),
    schoolId: sqlJson.key('t.school_id'),
    attended: sqlJson.bool('t.attended'),
    declined: sqlJson.bool('t.declined'),
  }),
});

function stream(
  record: SyncedRecord,
  options: { path: string; field: string; table: string; upsert: string; idField: string; rowField: string },
): SyncStreamFeed {
  const tombstone = jsonObjectSql({
    [options.idField]: sqlJson.key('l.row_id'),
    kind: sqlJson.literal('TOMBSTONE'),
    reason: sqlJson.key(
      `(case when l.reason = '${EncounterTombstoneReasonValue.LEFT_TRUST}' then l.reason else '${EncounterTombstoneReasonValue.DELETED}' end)`,
    ),
    [options.rowField]: sqlJson.null,
  });
  return {
    path: options.path,
    field: options.field,
    cursors: encounterSyncCursors[record],
    snapshotSql: `select ${options.upsert} as line from ${options.table} t where t.trust_id = $1::uuid`,
    // loadLog's statement, every ready change at once.
    changesSql: `select l.xid::text as xid, l.seq::text as seq, case when t.id is not null then ${options.upsert} else ${tombstone} end as line
         from encounter_sync_change l
         left join ${options.table} t on t.id = l.row_id and t.trust_id = l.trust_id
        where l.trust_id = $1::uuid and l.record = '${record}'
          and ${readyEntriesCondition('$2', '$3')}
        order by l.xid, l.seq`,
  };
}

export const encounterSyncStreams: SyncStreamFeed[] = [
  stream('encounter', { path: 'encounters', field: 'encounterChanges', table: 'encounter', upsert: ENCOUNTER, idField: 'encounterId', rowField: 'encounter' }),
  stream('participation', {
    path: 'participations',
    field: 'participationChanges',
    table: 'participation',
    upsert: PARTICIPATION,
    idField: 'participationId',
    rowField: 'participation',
  }),
];
