import { readyChangesCondition, type SyncStreamFeed } from '@waymark/subgraph-kit';
import type { SyncedRecord } from './encounter-sync-change.entity.js';
import { encounterSyncCursors } from './encounter-sync.service.js';
import { EncounterTombstoneReasonValue } from './encounter-sync.types.js';

/*
 * The encounters and register feeds as bulk NDJSON streams (subgraph-kit sync-stream.ts;
 * docs/trust-api.md, "Bulk sync"): each line what `encounterChanges` or `participationChanges` gives
 * for a change, the same fields in the same order. A `Date` is written as GraphQL writes it (ISO, UTC,
 * milliseconds).
 */

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const ENCOUNTER = `json_build_object('encounterId', t.id, 'kind', 'UPSERT', 'reason', null,
  'encounter', json_build_object('id', t.id, 'schoolId', t.school_id, 'kind', t.kind, 'title', t.title, 'date', ${iso('t.date')}, 'hasTime', t.has_time,
    'endsAt', ${iso('t.ends_at')}, 'inSchoolDay', t.in_school_day, 'hours', t.hours::float8, 'benchmarks', t.benchmarks, 'yearGroups', t.year_groups,
    'subject', t.subject, 'checklistMet', t.checklist_met, 'booked', t.booked))::text`;

const PARTICIPATION = `json_build_object('participationId', t.id, 'kind', 'UPSERT', 'reason', null,
  'participation', json_build_object('id', t.id, 'encounterId', t.encounter_id, 'pupilId', t.pupil_id, 'schoolId', t.school_id, 'attended', t.attended, 'declined', t.declined))::text`;

function stream(
  record: SyncedRecord,
  options: { path: string; field: string; table: string; upsert: string; idField: string; rowField: string },
): SyncStreamFeed {
  return {
    path: options.path,
    field: options.field,
    cursors: encounterSyncCursors[record],
    snapshotSql: `select ${options.upsert} as line from ${options.table} t where t.trust_id = $1::uuid`,
    // loadLog's statement, every ready change at once.
    changesSql: `select l.xid::text as xid, l.seq::text as seq,
              case when t.id is not null then ${options.upsert}
                   else json_build_object('${options.idField}', l.row_id, 'kind', 'TOMBSTONE',
                          'reason', case when l.reason = '${EncounterTombstoneReasonValue.LEFT_TRUST}' then l.reason else '${EncounterTombstoneReasonValue.DELETED}' end,
                          '${options.rowField}', null)::text
              end as line
         from encounter_sync_change l
         left join ${options.table} t on t.id = l.row_id and t.trust_id = l.trust_id
        where l.trust_id = $1::uuid and l.record = '${record}'
          and ${readyChangesCondition('encounter_sync_change', ['record', 'row_id'], '$2', '$3')}
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
