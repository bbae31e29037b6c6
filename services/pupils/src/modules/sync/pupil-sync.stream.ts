import { jsonObjectSql, readyEntriesCondition, sqlJson, type SyncStreamFeed } from '@waymark/subgraph-kit';
import { pupilSyncCursors } from './pupil-sync.service.js';
import { PupilTombstoneReasonValue } from './pupil-sync.types.js';

/*
 * The pupils feed as a bulk NDJSON stream (subgraph-kit sync-stream.ts; docs/trust-api.md, "Bulk
 * sync"): each line what `pupilChanges` gives for a change, the same fields in the same order.
 */

/** A pupil of the trust as an upsert entry (`p` the pupil row). */
const UPSERT = jsonObjectSql({
  pupilId: sqlJson.key('p.id'),
  kind: sqlJson.literal('UPSERT'),
  reason: sqlJson.null,
  pupil: jsonObjectSql({
    id: sqlJson.key('p.id'),
    schoolId: sqlJson.key('p.school_id'),
    yearGroup: sqlJson.int('p.year_group'),
    enrolledOn: sqlJson.plain('p.enrolled_on'),
    leftOn: sqlJson.plain('p.left_on'),
  }),
});

const REASONS = Object.values(PupilTombstoneReasonValue)
  .map((reason) => `'${reason}'`)
  .join(', ');

/** A pupil gone (or pseudonymised): the logged reason, DELETED when there is none the feed knows. */
const TOMBSTONE = jsonObjectSql({
  pupilId: sqlJson.key('l.pupil_id'),
  kind: sqlJson.literal('TOMBSTONE'),
  reason: sqlJson.key(`(case when l.reason in (${REASONS}) then l.reason else '${PupilTombstoneReasonValue.DELETED}' end)`),
  pupil: sqlJson.null,
});

export const pupilSyncStream: SyncStreamFeed = {
  path: 'pupils',
  field: 'pupilChanges',
  cursors: pupilSyncCursors,
  snapshotSql: `select ${UPSERT} as line
      from pupil p
     where p.trust_id = $1::uuid and p.pseudonymised_at is null`,
  // loadPupilChanges' statement, every ready change at once.
  changesSql: `select l.xid::text as xid, l.seq::text as seq, case when p.id is not null then ${UPSERT} else ${TOMBSTONE} end as line
       from pupil_sync_change l
       left join pupil p on p.id = l.pupil_id and p.trust_id = l.trust_id and p.pseudonymised_at is null
      where l.trust_id = $1::uuid
        and ${readyEntriesCondition('$2', '$3')}
      order by l.xid, l.seq`,
};
