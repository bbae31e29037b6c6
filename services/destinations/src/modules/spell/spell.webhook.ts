import { todayInEngland } from '@waymark/domain';
import type { EntityManager } from '@mikro-orm/sql';
import { boundSql, pgArray, type RelayedOutbox } from '@waymark/subgraph-kit';
import type { DestinationsContext } from '../../app.js';
import type { FollowedLeaver } from '../external/pupils.client.js';

/** Whether the trust may hear of a leaver's destinations: they agreed to being followed after 16 and nobody opted them out of sharing. */
const mayShare = (leaver: Pick<FollowedLeaver, 'tracking' | 'sharingOptOut'>) => leaver.tracking === true && leaver.sharingOptOut === false;

/**
 * The leavers among `pupilIds` whose trust may hear of a destination recorded for them: they agreed to
 * being followed after 16 and nobody opted them out of sharing (the rule of the trust's destinations
 * feed). Asked of the pupils subgraph with the caller's own credential, in one packed request, which
 * answers only about pupils whose school (or last school) is the caller's; a caller in no trust has
 * no webhooks, so nobody is asked about. Anything but a clear answer reads as no.
 */
export async function sharedWithTrust(ctx: DestinationsContext, pupilIds: readonly string[]): Promise<Set<string>> {
  if (!ctx.principal.trustId || pupilIds.length === 0) return new Set();
  return sharedOf(ctx, await ctx.deps.pupils.followedLeaverDetails(ctx, { asOf: todayInEngland(), leavingYears: [], pupilIds: [...new Set(pupilIds)] }));
}

/** The same, from leavers the caller has already read from the pupils subgraph (a confirmation file's). */
export function sharedOf(ctx: DestinationsContext, leavers: ReadonlyMap<string, Pick<FollowedLeaver, 'tracking' | 'sharingOptOut'>>): Set<string> {
  const shared = new Set<string>();
  if (!ctx.principal.trustId) return shared;
  for (const [id, leaver] of leavers) if (mayShare(leaver)) shared.add(id);
  return shared;
}

/** Whether a new spell is also the trust's `destination.recorded` event (docs/trust-api.md, "Webhooks"): a leaver in `shared`, at a school in a trust. */
export function isTrustEvent(spell: { pupilId: string; trustId: string | null }, shared: ReadonlySet<string>): boolean {
  return spell.trustId !== null && shared.has(spell.pupilId);
}

/** When a new spell's event happens: at `at` when it is one (isTrustEvent); otherwise null, and the trust hears nothing of it. */
export function eventAtOf(spell: { pupilId: string; trustId: string | null }, shared: ReadonlySet<string>, at: Date): Date | null {
  return isTrustEvent(spell, shared) ? at : null;
}

/** A spell whose event waits for the relay, as read for it. */
interface WaitingSpellRow {
  id: string;
  trust_id: string;
  school_id: string;
  pupil_id: string;
  leaving_year: number;
  source: string;
  confirmed: boolean;
  event_at: Date;
}

/** A spell's `destination.recorded` event as the relay hands it on (its id is the spell's). */
export type SpellEvent = {
  id: string;
  trustId: string;
  type: 'destination.recorded';
  occurredAt: string;
  data: { spellId: string; pupilId: string; leavingYear: number; source: string; confirmed: boolean; schoolId: string };
};

/** The oldest `limit` spells whose event waits, as events. */
export async function waitingSpellEvents(em: EntityManager, limit: number): Promise<SpellEvent[]> {
  const { rows } = await boundSql<WaitingSpellRow>(
    em,
    `select id, trust_id, school_id, pupil_id, leaving_year, source, confirmed, event_at
       from activity_spell
      where event_at is not null and event_forwarded_at is null and trust_id is not null
      order by event_at, id
      limit $1::int`,
    [limit],
  );
  return rows.map((row) => ({
    id: row.id,
    trustId: row.trust_id,
    type: 'destination.recorded',
    occurredAt: new Date(row.event_at).toISOString(),
    data: {
      spellId: row.id,
      pupilId: row.pupil_id,
      leavingYear: Number(row.leaving_year),
      source: row.source,
      confirmed: row.confirmed,
      schoolId: row.school_id,
    },
  }));
}

/** Marks the events identity took; an event already marked keeps its first time. Answers how many were marked. */
export async function markSpellEventsForwarded(em: EntityManager, ids: readonly string[], now: Date): Promise<number> {
  const { affected } = await boundSql(
    em,
    `update activity_spell set event_forwarded_at = $2::timestamptz
      where id = any($1::uuid[]) and event_at is not null and event_forwarded_at is null`,
    [pgArray([...ids]), now.toISOString()],
  );
  return affected;
}

/**
 * This subgraph's webhook outbox is the spells themselves: a spell with `eventAt` set is its own
 * `destination.recorded` event, written in the same statement as the spell (a file of 10,000 spells
 * writes no second row per spell), with the spell's id as the event's. The gateway's relay reads the
 * waiting ones oldest first and marks those identity took (`eventForwardedAt`). The event says which
 * spell, which leaver, their leaving year, how it was recorded and whether it is confirmed, never what
 * they are doing or where: the trust reads that, if it may, through the API. A spell deleted before
 * the relay took its event (an erasure within seconds of recording it) takes the event with it.
 */
export const spellEventOutbox: RelayedOutbox = {
  path: '/internal/webhook-outbox',
  listName: 'events',
  reasons: {
    read: 'webhook outbox: the spells of every school whose destination.recorded event waits, for the gateway to relay to identity',
    mark: 'webhook outbox: marking the spell events identity has taken',
  },
  waiting: waitingSpellEvents,
  markForwarded: markSpellEventsForwarded,
};
