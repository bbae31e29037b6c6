import type { EntityManager } from '@mikro-orm/sql';
import { boundSql, decodeCursor, encodeCursor, InputError, SyncChangeKind } from '@waymark/subgraph-kit';
import { BenchmarkStateTombstoneReasonValue, type BenchmarkStateChangesPage } from './benchmark-feed.types.js';

/** This feed's cursors carry their own mark, so another feed's cursor is refused. */
const CURSOR_VERSION = 'b1';
const DIGITS = /^\d{1,20}$/;

/** The log position an `after` cursor names ('0' without one). Refuses a cursor this feed did not give out. */
export function decodeBenchmarkStateCursor(after: string | null | undefined): string {
  const refused = InputError.invalid(
    'The after cursor is not one benchmarkStateChanges gave out. Start again without one (a full sync), then page on with cursor.',
  );
  let parts: [string, string] | null;
  try {
    parts = decodeCursor(after, ['text', 'text']);
  } catch {
    throw refused;
  }
  if (parts === null) return '0';
  const [version, seq] = parts;
  if (version !== CURSOR_VERSION || !DIGITS.test(seq)) throw refused;
  return seq;
}

interface ChangeRow {
  seq: string;
  pupil_id: string;
  measure: string;
  reason: string | null;
  school_id: string | null;
  year_group: number | null;
  state: string | null;
  count: number | null;
  needed: number | null;
  as_of: string;
}

/**
 * One page of the trust's log after `after`, in one statement: each pupil's measure's newest change
 * only, in position order. Positions are written only under the trust's lock, one transaction after
 * another, so every row below a visible one is visible too (docs/trust-api.md, "Benchmark states").
 */
export async function loadBenchmarkStateChanges(em: EntityManager, trustId: string, after: string, limit: number): Promise<BenchmarkStateChangesPage> {
  const { rows } = await boundSql<ChangeRow>(
    em,
    `select l.seq::text as seq, l.pupil_id, l.measure, l.reason, l.school_id, l.year_group, l.state, l.count, l.needed, l.as_of::text as as_of
       from benchmark_state_change l
      where l.trust_id = $1::uuid and l.seq > $2::bigint
        and not exists (select 1 from benchmark_state_change n
                         where n.trust_id = l.trust_id and n.pupil_id = l.pupil_id and n.measure = l.measure and n.seq > l.seq)
      order by l.seq
      limit $3`,
    [trustId, after, limit + 1],
  );
  const page = rows.slice(0, limit);
  const position = page.at(-1)?.seq ?? after;
  return {
    cursor: encodeCursor([CURSOR_VERSION, position]),
    hasMore: rows.length > limit,
    changes: page.map((row) => {
      const stateId = `${row.pupil_id}/${row.measure}`;
      if (row.reason !== null)
        return {
          stateId,
          pupilId: row.pupil_id,
          measure: row.measure,
          kind: SyncChangeKind.TOMBSTONE,
          reason:
            row.reason === BenchmarkStateTombstoneReasonValue.NO_YEAR_GROUP
              ? BenchmarkStateTombstoneReasonValue.NO_YEAR_GROUP
              : BenchmarkStateTombstoneReasonValue.NOT_ON_ROLL,
          state: null,
        };
      return {
        stateId,
        pupilId: row.pupil_id,
        measure: row.measure,
        kind: SyncChangeKind.UPSERT,
        reason: null,
        state: {
          id: stateId,
          pupilId: row.pupil_id,
          schoolId: row.school_id ?? '',
          yearGroup: Number(row.year_group),
          measure: row.measure,
          state: row.state ?? '',
          count: Number(row.count),
          needed: Number(row.needed),
          asOf: row.as_of,
        },
      };
    }),
  };
}
