import type { EntityManager } from '@mikro-orm/sql';
import { FORWARDED_KEPT_MS, relayedOutboxRoutes, withSystemAccess, type HousekeepingJob, type Orm, type SubgraphServerOptions } from '@waymark/subgraph-kit';
import { LeaderMailOutbox } from './leader-mail.entity.js';

/** The oldest notices not forwarded to identity yet, as the relay hands them over. */
async function waitingLeaderMail(em: EntityManager, limit: number): Promise<Record<string, unknown>[]> {
  const rows = await em.find(LeaderMailOutbox, { forwardedAt: null }, { orderBy: { occurredAt: 'asc', id: 'asc' }, limit });
  return rows.map(({ id, schoolId, kind, data, occurredAt }) => ({ id, schoolId, kind, data, occurredAt: occurredAt.toISOString() }));
}

/** Marks notices identity has taken; one already marked keeps its first time. */
function markLeaderMailForwarded(em: EntityManager, ids: readonly string[], now: Date): Promise<number> {
  if (ids.length === 0) return Promise.resolve(0);
  return em.nativeUpdate(LeaderMailOutbox, { id: { $in: [...ids] }, forwardedAt: null }, { forwardedAt: now });
}

/**
 * The gateway's relay of mail for careers leaders (relayedOutboxRoutes in the subgraph kit, as for
 * webhook events):
 *   POST /internal/leader-mail-outbox { limit? }         → 200 { notices: [{ id, schoolId, kind, occurredAt, data }] }
 *   POST /internal/leader-mail-outbox/forwarded { ids }  → 200 { marked }
 */
export function leaderMailOutboxRoutes(orm: Orm, next?: NonNullable<SubgraphServerOptions['routes']>): NonNullable<SubgraphServerOptions['routes']> {
  return relayedOutboxRoutes(
    orm,
    {
      path: '/internal/leader-mail-outbox',
      listName: 'notices',
      reasons: {
        read: "leader mail outbox: every school's waiting notices, for the gateway to relay to identity",
        mark: 'leader mail outbox: marking the notices identity has taken',
      },
      waiting: waitingLeaderMail,
      markForwarded: markLeaderMailForwarded,
    },
    next,
  );
}

/** Forwarded notices are kept as long as forwarded webhook events (to look into a complaint), then deleted. */
export const leaderMailCleanupJob: HousekeepingJob = {
  name: 'leader mail outbox clean-up',
  everyMs: 24 * 60 * 60 * 1000,
  run: async (orm, now) => {
    const removed = await withSystemAccess(orm, 'leader mail outbox clean-up: notices identity took over 30 days ago, at every school', (em) =>
      em.nativeDelete(LeaderMailOutbox, { forwardedAt: { $lt: new Date(now.getTime() - FORWARDED_KEPT_MS) } }),
    );
    return removed > 0 ? `${removed} forwarded leader mail notices deleted` : undefined;
  },
};
