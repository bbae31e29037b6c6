import {
  boundSql,
  querySubgraph,
  readyEntriesCondition,
  SyncChangeKind,
  syncCursors,
  syncPage,
  type RequestContext,
  type SyncPosition,
} from '@waymark/subgraph-kit';
import { DestinationSharingChangesDocument } from '../external/pupils.generated.js';
import type { EducationProviderKind, SpellActivity, SpellSource } from '../spell/spell.entity.js';
import { DestinationTombstoneReasonValue, type DestinationChangesPage, type DestinationSyncChangeEntry } from './destination-sync.types.js';

/** At most this many pages of the pupils subgraph's changes are read before one page of this feed (a trust's first sync reads them all). */
const MAX_SHARING_PAGES = 200;

/** Each cursor of this feed carries its mark, so another feed's cursor is refused. */
const cursors = syncCursors('d1', 'destinationChanges');
export const decodeSyncCursor = cursors.decode;

/** Whether a young person may be shared with the trust, as the pupils subgraph's feed says now. */
interface Sharing {
  shared: boolean;
  reason: DestinationTombstoneReasonValue | null;
}

const PUPIL_REASONS: Record<string, DestinationTombstoneReasonValue> = {
  TRANSFERRED: DestinationTombstoneReasonValue.LEFT_TRUST,
  DELETED: DestinationTombstoneReasonValue.DELETED,
  PSEUDONYMISED: DestinationTombstoneReasonValue.PSEUDONYMISED,
};

/**
 * The trust's young people whose sharing changed since `after` (the pupils subgraph's `pupilChanges`,
 * asked with the caller's own credential), and the cursor to keep. Anything but a clear yes is not shared.
 */
async function sharingChanges(
  ctx: RequestContext,
  pupilsUrl: string,
  after: string | null,
): Promise<{ changes: Map<string, Sharing>; cursor: string | null; hasMore: boolean }> {
  const changes = new Map<string, Sharing>();
  let cursor = after;
  for (let pages = 0; pages < MAX_SHARING_PAGES; pages += 1) {
    const { pupilChanges } = await querySubgraph(ctx, pupilsUrl, 'Pupil sharing changes', DestinationSharingChangesDocument, { after: cursor });
    if (!pupilChanges) throw new Error('Pupil sharing changes at another subgraph failed (no answer)');
    for (const change of pupilChanges.changes) {
      if (change.kind === 'UPSERT' && change.pupil?.destinationSharing === true) changes.set(change.pupilId, { shared: true, reason: null });
      else if (change.kind === 'UPSERT') changes.set(change.pupilId, { shared: false, reason: DestinationTombstoneReasonValue.OPTED_OUT });
      else changes.set(change.pupilId, { shared: false, reason: PUPIL_REASONS[change.reason ?? ''] ?? DestinationTombstoneReasonValue.DELETED });
    }
    cursor = pupilChanges.cursor;
    if (!pupilChanges.hasMore) return { changes, cursor, hasMore: false };
  }
  return { changes, cursor, hasMore: true };
}

interface ChangeRow {
  flips: string;
  seq: string | null;
  xid: string | null;
  row_id: string | null;
  reason: string | null;
  present: boolean;
  shared: boolean;
  pupil_reason: string | null;
  pupil_id: string | null;
  school_id: string | null;
  leaving_year: number | null;
  activity: SpellActivity | null;
  provider_kind: EducationProviderKind | null;
  apprenticeship_level: number | null;
  starts_on: string | null;
  ends_on: string | null;
  source: SpellSource | null;
  confirmed: boolean | null;
}

/**
 * One page of a trust's spell changes after `after` (docs/trust-api.md, "Incremental sync"). Two
 * statements whatever the page's size, and one call to the pupils subgraph:
 *
 * 1. takes the trust's sync lock (so two pages at once cannot save the pupils' sharing out of order)
 *    and reads where the trust's copy of that sharing stands;
 * 2. asks the pupils subgraph what changed since (usually nothing);
 * 3. in one statement, saves what changed (`destination_sync_pupil`, whose trigger logs the spells of
 *    anyone whose sharing flipped, to be handed out in a later page) and reads the page: each spell's
 *    newest change only, below the oldest transaction still running, as an upsert only while its young
 *    person is shared by what was just read or, failing that, saved. So a young person who opted out
 *    is never in an answer from the moment the pupils subgraph has their opt-out.
 */
export async function loadDestinationChanges(
  ctx: RequestContext,
  pupilsUrl: string,
  trustId: string,
  after: SyncPosition,
  limit: number,
): Promise<DestinationChangesPage> {
  const em = ctx.em;
  const { rows: sources } = await boundSql<{ cursor: string | null }>(
    em,
    `select (select pupils_cursor from destination_sync_source where trust_id = $1::uuid) as cursor
       from (select pg_advisory_xact_lock(hashtextextended('destination sync ' || $1::text, 0))) as lock`,
    [trustId],
  );
  const sharing = await sharingChanges(ctx, pupilsUrl, sources[0]?.cursor ?? null);
  const ids = [...sharing.changes.keys()];
  const { rows } = await boundSql<ChangeRow>(
    em,
    `with fresh as (
       select f.pupil_id, f.shared, f.reason from unnest($5::uuid[], $6::boolean[], $7::text[]) as f(pupil_id, shared, reason)
     ), saved as (
       insert into destination_sync_pupil (trust_id, pupil_id, shared, reason)
       select $1::uuid, pupil_id, shared, reason from fresh
       on conflict (trust_id, pupil_id) do update set shared = excluded.shared, reason = excluded.reason
        where (destination_sync_pupil.shared, destination_sync_pupil.reason) is distinct from (excluded.shared, excluded.reason)
       returning 1
     ), source as (
       insert into destination_sync_source (trust_id, pupils_cursor) select $1::uuid, $8::text where $8::text is not null
       on conflict (trust_id) do update set pupils_cursor = excluded.pupils_cursor
       returning 1
     ), flips as (
       select count(*) as flips from fresh f left join destination_sync_pupil m on m.trust_id = $1::uuid and m.pupil_id = f.pupil_id
        where coalesce(m.shared, false) is distinct from f.shared
     )
     select flips.flips::text as flips, page.* from flips left join lateral (
       select l.seq::text as seq, l.xid::text as xid, l.row_id, l.reason, s.id is not null as present,
              coalesce(f.shared, m.shared, false) as shared, coalesce(f.reason, m.reason) as pupil_reason,
              s.pupil_id, s.school_id, s.leaving_year, s.activity, s.provider_kind, s.apprenticeship_level,
              s.starts_on::text as starts_on, s.ends_on::text as ends_on, s.source, s.confirmed
         from destination_sync_change l
         left join activity_spell s on s.id = l.row_id and s.trust_id = l.trust_id
         left join fresh f on f.pupil_id = s.pupil_id
         left join destination_sync_pupil m on m.trust_id = l.trust_id and m.pupil_id = s.pupil_id
        where l.trust_id = $1::uuid
          and ${readyEntriesCondition('$2', '$3')}
        order by l.xid, l.seq
        limit $4
     ) page on true`,
    [
      trustId,
      after.xid,
      after.seq,
      limit + 1,
      `{${ids.join(',')}}`,
      `{${ids.map((id) => String(sharing.changes.get(id)!.shared)).join(',')}}`,
      `{${ids.map((id) => sharing.changes.get(id)!.reason ?? 'NULL').join(',')}}`,
      sharing.cursor,
    ],
    { prepared: true },
  );
  const found = rows.filter((row): row is ChangeRow & { seq: string; xid: string; row_id: string } => row.seq !== null);
  const page = syncPage(found, limit, after, cursors);
  return {
    changes: page.rows.map(toEntry),
    cursor: page.cursor,
    // A young person whose sharing flipped has their spells logged again by this page's own
    // transaction: ready on the next page once it has ended, so ask again straight away.
    hasMore: page.hasMore || sharing.hasMore || Number(rows[0]?.flips ?? 0) > 0,
  };
}

const REASONS = new Set<string>(Object.values(DestinationTombstoneReasonValue));
const reasonOf = (value: string | null, fallback: DestinationTombstoneReasonValue): DestinationTombstoneReasonValue =>
  value !== null && REASONS.has(value) ? (value as DestinationTombstoneReasonValue) : fallback;

function toEntry(row: ChangeRow & { row_id: string }): DestinationSyncChangeEntry {
  if (!row.present)
    return { spellId: row.row_id, kind: SyncChangeKind.TOMBSTONE, reason: reasonOf(row.reason, DestinationTombstoneReasonValue.DELETED), spell: null };
  // A young person the trust's records do not hold (the pupils subgraph never named them to it) is not the trust's to see.
  if (!row.shared)
    return { spellId: row.row_id, kind: SyncChangeKind.TOMBSTONE, reason: reasonOf(row.pupil_reason, DestinationTombstoneReasonValue.LEFT_TRUST), spell: null };
  return {
    spellId: row.row_id,
    kind: SyncChangeKind.UPSERT,
    reason: null,
    spell: {
      id: row.row_id,
      pupilId: row.pupil_id!,
      schoolId: row.school_id!,
      leavingYear: Number(row.leaving_year),
      activity: row.activity!,
      providerKind: row.provider_kind,
      apprenticeshipLevel: row.apprenticeship_level === null ? null : Number(row.apprenticeship_level),
      startsOn: row.starts_on!,
      endsOn: row.ends_on,
      source: row.source!,
      confirmed: row.confirmed === true,
    },
  };
}
