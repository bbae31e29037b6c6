import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { withSystemAccess, type HousekeepingJob } from '@waymark/subgraph-kit';
import { Account } from '../account/account.entity.js';
import type { Mailer } from '../mail/mailer.js';
import { claimDue, nextAttemptAfter, type WebhookPhase } from '../webhook/webhook.delivery.js';
import { LeaderMail, LeaderMailStatus } from './leader-mail.entity.js';
import { offerWithdrawnMail, offerWithdrawnOf } from './leader-mail.text.js';

/** A notice as a subgraph's leader mail outbox reports it (through the gateway's relay). */
export interface LeaderNotice {
  id: string;
  schoolId: string;
  kind: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/** The careers leaders of a school who can be written to now (only `accountId`, when given: is that one still one of them?). */
function leadersOf(em: EntityManager, schoolId: string, accountId?: string): Promise<Pick<Account, 'id' | 'email'>[]> {
  return em.find(
    Account,
    { ...(accountId ? { id: accountId } : {}), schoolId, roles: { $contains: ['careers_leader'] }, disabledAt: null, awaitingVerificationSince: null },
    { fields: ['id', 'email'], orderBy: { id: 'asc' } },
  );
}

/**
 * Takes notices the subgraphs reported: for each, one email per careers leader of its school, made
 * once per notice and leader (a notice relayed again, after a lost answer, makes nothing new). A kind
 * this identity does not know, or malformed data, is dropped. Answers how many emails were made.
 */
export async function acceptLeaderNotices(em: EntityManager, notices: readonly LeaderNotice[], now = new Date()): Promise<number> {
  let made = 0;
  for (const notice of notices) {
    const withdrawn = notice.kind === 'offer.withdrawn' ? offerWithdrawnOf(notice.data) : null;
    if (!withdrawn) continue;
    const { subject, text } = offerWithdrawnMail(withdrawn);
    for (const leader of await leadersOf(em, notice.schoolId)) {
      const inserted = await em.execute<{ id: string }[]>(
        `insert into leader_mail (id, notice_id, school_id, account_id, subject, text, status, attempts, next_attempt_at, created_at)
         values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?) on conflict (notice_id, account_id) do nothing returning id`,
        [randomUUID(), notice.id, notice.schoolId, leader.id, subject, text, LeaderMailStatus.PENDING, now, now],
      );
      made += inserted.length;
    }
  }
  return made;
}

export const LEADER_MAIL_RETRY = { baseDelayMs: 60_000, maxDelayMs: 6 * 60 * 60 * 1000, maxAttempts: 12, leaseMs: 2 * 60 * 1000 };

interface LeaderMailRun {
  sent: number;
  failed: number;
  cancelled: number;
}

/**
 * One run of the leader mail worker, as the webhook worker runs (webhook.delivery.ts): claims the due
 * emails under a lease (two workers never send the same one at once, and one that dies mid-send
 * leaves it for the next after the lease), sends each outside any transaction, and records the
 * attempt: sent once the mail server took it, else tried again later with exponential backoff until
 * the attempts run out. An email whose account is no longer a working careers leader of the school is
 * cancelled. A worker that dies after the server took an email but before recording it sends it again
 * after the lease: the one case of a second copy, as with every outbox that marks after sending.
 */
export async function sendDueLeaderMail(
  phase: WebhookPhase,
  mailer: Mailer,
  now: Date,
  options: Partial<typeof LEADER_MAIL_RETRY> & { batch?: number } = {},
): Promise<LeaderMailRun> {
  const retry = { ...LEADER_MAIL_RETRY, ...options };
  const run: LeaderMailRun = { sent: 0, failed: 0, cancelled: 0 };
  const claimed = await phase(async (em) => {
    const out: { mail: LeaderMail; to: string }[] = [];
    for (const id of await claimDue(em, 'leader_mail', LeaderMailStatus.PENDING, now, retry.leaseMs, options.batch)) {
      const mail = await em.findOneOrFail(LeaderMail, { id });
      const [leader] = await leadersOf(em, mail.schoolId, mail.accountId);
      if (!leader) {
        await em.nativeUpdate(LeaderMail, { id }, { status: LeaderMailStatus.CANCELLED, nextAttemptAt: null });
        run.cancelled += 1;
        continue;
      }
      out.push({ mail, to: leader.email });
    }
    return out;
  });

  for (const { mail, to } of claimed) {
    let error: string | null = null;
    try {
      await mailer.send({ to, subject: mail.subject, text: mail.text });
    } catch (failure) {
      error = (failure instanceof Error ? failure.message : String(failure)).slice(0, 300);
    }
    const attempts = mail.attempts + 1;
    const next = error === null ? null : nextAttemptAfter(attempts, now, retry);
    await phase((em) =>
      em.nativeUpdate(
        LeaderMail,
        { id: mail.id, status: LeaderMailStatus.PENDING },
        {
          attempts,
          lastError: error,
          status: error === null ? LeaderMailStatus.SENT : next ? LeaderMailStatus.PENDING : LeaderMailStatus.FAILED,
          sentAt: error === null ? now : null,
          nextAttemptAt: next,
        },
      ),
    );
    if (error === null) run.sent += 1;
    else run.failed += 1;
  }
  return run;
}

/** The running identity service's leader mail worker: every few seconds, what is due. */
export function leaderMailJob(mailer: Mailer, everyMs = 5000): HousekeepingJob {
  return {
    name: 'leader mail',
    everyMs,
    run: async (orm, now) => {
      const phase: WebhookPhase = (work) =>
        withSystemAccess(orm, "leader mail: every school's due emails to careers leaders, and the leaders' addresses", work, { recurring: true });
      const { sent, failed, cancelled } = await sendDueLeaderMail(phase, mailer, now);
      return sent + failed + cancelled > 0 ? `${sent} sent, ${failed} attempts failed, ${cancelled} cancelled` : undefined;
    },
  };
}
