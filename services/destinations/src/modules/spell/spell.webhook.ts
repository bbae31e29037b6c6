import { todayInEngland } from '@waymark/domain';
import type { OutboxEventInput } from '@waymark/subgraph-kit';
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

/** A spell as its `destination.recorded` event needs it. */
export interface RecordedSpell {
  id: string;
  pupilId: string;
  schoolId: string;
  trustId: string | null;
  leavingYear: number;
  source: string;
  confirmed: boolean;
}

/**
 * One `destination.recorded` event per spell (docs/trust-api.md, "Webhooks") for the leavers in
 * `shared`, at a school in a trust: which spell, which leaver, their leaving year, how it was recorded
 * and whether it is confirmed. Never what they are doing or where: the trust reads that, if it may,
 * through the API.
 */
export function destinationEvents(spells: readonly RecordedSpell[], shared: ReadonlySet<string>, occurredAt: Date): OutboxEventInput[] {
  return spells.flatMap((spell) =>
    spell.trustId && shared.has(spell.pupilId)
      ? [
          {
            type: 'destination.recorded' as const,
            trustId: spell.trustId,
            schoolId: spell.schoolId,
            occurredAt,
            data: { spellId: spell.id, pupilId: spell.pupilId, leavingYear: spell.leavingYear, source: spell.source, confirmed: spell.confirmed },
          },
        ]
      : [],
  );
}
