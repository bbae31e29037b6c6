import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { withSystemAccess } from '@waymark/subgraph-kit';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { startMailCatcher, type MailCatcher } from '@waymark/stack';
import { IdentityHarness } from '../../../test/harness.js';
import { smtpMailer, type Mailer } from '../mail/mailer.js';
import type { WebhookPhase } from '../webhook/webhook.delivery.js';
import { LeaderMail, LeaderMailStatus } from './leader-mail.entity.js';
import { LEADER_MAIL_RETRY, sendDueLeaderMail } from './leader-mail.service.js';

/*
 * Mail to a school's careers leaders when a volunteer's erasure withdrew an offer they had accepted
 * (docs/domain-rules.md, "A volunteer deletes their account"): identity takes the notices the gateway
 * relays from the employers subgraph, makes one email per leader of the notice's school, once, and
 * its worker sends them across SMTP to a real local catcher. A worker that dies after claiming an
 * email leaves it for the next one; a second run, or the same notice relayed again, sends nothing more.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const leadersOf = (schoolId: string) =>
  data.accounts.filter((account) => account.roles.includes('careers_leader') && account.schoolId === schoolId).map((account) => account.email);
const FROM = 'Waymark <no-reply@waymark.example.org>';
const REQUEST = '5d1f0c3a-1b2c-4d3e-8f40-5a6b7c8d9e01';

let catcher: MailCatcher;
let h: IdentityHarness;
let mailer: Mailer;
let phase: WebhookPhase;
beforeAll(async () => {
  catcher = await startMailCatcher();
  mailer = smtpMailer({ smtpUrl: catcher.smtpUrl, from: FROM });
  h = await IdentityHarness.start({ mail: mailer });
  phase = (work) => withSystemAccess(h.orm, 'test: the leader mail worker', work);
});
afterAll(async () => {
  await h?.close();
  await catcher?.stop();
});

const notice = (id: string, schoolId: string, data: Record<string, unknown> = {}) => ({
  id,
  schoolId,
  kind: 'offer.withdrawn',
  occurredAt: new Date().toISOString(),
  data: { requestId: REQUEST, activity: 'MOCK_INTERVIEW', dateFrom: '2099-03-09', dateTo: '2099-03-10', yearGroups: [10, 11], ...data },
});
const mailFor = (to: readonly string[]) => catcher.messages().filter((mail) => mail.to.some((address) => to.includes(address)));

describe('mail to careers leaders', () => {
  it('takes notices from the gateway alone', async () => {
    const leader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: data.trust.id });
    for (const who of [leader, null]) expect((await h.internal('/internal/leader-mail', { notices: [] }, who)).status).toBe(401);
    expect((await h.internal('/internal/leader-mail', { notices: [{ id: 'x' }] })).status).toBe(400);
  });

  it("emails each careers leader of the notice's school once across SMTP, no one else, and nothing on a second run or a second relay", async () => {
    const leaders = leadersOf(northfield.id);
    expect(leaders.length).toBeGreaterThan(0);
    const first = notice('0c8b1d2e-3f40-4a5b-9c6d-7e8f90a1b2c3', northfield.id);
    const taken = await h.internal<{ made: number }>('/internal/leader-mail', { notices: [first] });
    expect(taken).toEqual({ status: 200, body: { made: leaders.length } });

    expect(await sendDueLeaderMail(phase, mailer, new Date())).toEqual({ sent: leaders.length, failed: 0, cancelled: 0 });
    const sent = mailFor(leaders);
    expect(sent.map((mail) => mail.to).sort()).toEqual(leaders.map((to) => [to]).sort());
    expect(sent[0].from).toBe('no-reply@waymark.example.org');
    expect(sent[0].subject).toBe('A volunteer can no longer come: Mock interviews, 9 March 2099');
    expect(sent[0].text).toContain('"Mock interviews for Years 10 and 11, between 9 March 2099 and 10 March 2099"');
    expect(sent[0].text).toContain('A volunteer whose offer you accepted');
    expect(sent[0].text).toContain('has left Waymark');
    expect(mailFor(leadersOf(southbank.id))).toEqual([]);

    // The relay hands the same notice over again (a lost answer), and the worker runs again: nothing more.
    expect((await h.internal<{ made: number }>('/internal/leader-mail', { notices: [first] })).body.made).toBe(0);
    expect(await sendDueLeaderMail(phase, mailer, new Date())).toEqual({ sent: 0, failed: 0, cancelled: 0 });
    expect(mailFor(leaders)).toHaveLength(leaders.length);
  });

  it('sends after a worker died between claiming and sending, once its lease is over, and only once', async () => {
    const leaders = leadersOf(southbank.id);
    const before = catcher.messages().length;
    const second = notice('1d9c2e3f-4051-4b6c-8d7e-8f90a1b2c3d4', southbank.id, { dateFrom: '2099-06-01', dateTo: '2099-06-01' });
    expect((await h.internal<{ made: number }>('/internal/leader-mail', { notices: [second] })).body.made).toBe(leaders.length);

    // The worker claims the emails, then its process dies before it reaches the mail server: nothing is recorded.
    const now = new Date();
    let phases = 0;
    const dying: WebhookPhase = (work) => {
      phases += 1;
      if (phases > 1) throw new Error('the process died');
      return phase(work);
    };
    const crashed: Mailer = { send: () => Promise.reject(new Error('the process died')) };
    await expect(sendDueLeaderMail(dying, crashed, now)).rejects.toThrow('the process died');
    expect(catcher.messages()).toHaveLength(before);
    const claimed = await h.orm.em.fork().find(LeaderMail, { noticeId: second.id });
    expect(claimed.map((mail) => [mail.status, mail.attempts])).toEqual(leaders.map(() => [LeaderMailStatus.PENDING, 0]));

    // Restarted: within the lease another worker leaves them alone; after it, they are sent, once.
    expect(await sendDueLeaderMail(phase, mailer, new Date(now.getTime() + 1000))).toEqual({ sent: 0, failed: 0, cancelled: 0 });
    const later = new Date(now.getTime() + LEADER_MAIL_RETRY.leaseMs + 1000);
    expect(await sendDueLeaderMail(phase, mailer, later)).toEqual({ sent: leaders.length, failed: 0, cancelled: 0 });
    expect(await sendDueLeaderMail(phase, mailer, new Date(later.getTime() + LEADER_MAIL_RETRY.leaseMs + 1000))).toEqual({ sent: 0, failed: 0, cancelled: 0 });
    const sent = catcher.messages().slice(before);
    expect(sent.map((mail) => mail.to).sort()).toEqual(leaders.map((to) => [to]).sort());
    expect(sent[0].text).toContain('on 1 June 2099');
  });

  it('tries again later when the mail server refuses, and cancels an email to someone no longer a leader there', async () => {
    const [leader] = leadersOf(northfield.id);
    const third = notice('2eaf3f40-5162-4c7d-9e8f-90a1b2c3d4e5', northfield.id);
    expect((await h.internal<{ made: number }>('/internal/leader-mail', { notices: [third] })).body.made).toBeGreaterThan(0);
    const now = new Date();
    const refusing: Mailer = { send: () => Promise.reject(new Error('421 try again later')) };
    const failed = await sendDueLeaderMail(phase, refusing, now);
    expect(failed.failed).toBeGreaterThan(0);
    const [waiting] = await h.orm.em.fork().find(LeaderMail, { noticeId: third.id });
    expect(waiting).toMatchObject({ status: LeaderMailStatus.PENDING, attempts: 1, lastError: '421 try again later' });
    expect(waiting.nextAttemptAt!.getTime()).toBe(now.getTime() + LEADER_MAIL_RETRY.baseDelayMs);

    // The leader leaves the school before the next attempt: not sent to them.
    await h.orm.em.fork().getConnection().execute(`update account set school_id = ? where email = ?`, [southbank.id, leader]);
    const before = catcher.messages().length;
    const run = await sendDueLeaderMail(phase, mailer, new Date(now.getTime() + LEADER_MAIL_RETRY.baseDelayMs));
    expect(run.cancelled).toBe(1);
    expect(
      catcher
        .messages()
        .slice(before)
        .filter((mail) => mail.to.includes(leader)),
    ).toEqual([]);
  });
});
