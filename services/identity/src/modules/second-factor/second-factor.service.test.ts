import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, hashToken, type Principal } from '@waymark/auth';
import { demoData, DEMO_PASSWORD } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';
import { Account } from '../account/account.entity.js';
import { principalOf } from '../account/account.principal.js';
import { Session } from '../session/session.entity.js';
import { SessionService, type SecondFactorOutcome, type SignInOrigin, type SignInOutcome } from '../session/session.service.js';
import { RecoveryCode } from './second-factor.entity.js';
import { MAX_CODES_PER_SIGN_IN, PENDING_SIGN_IN_MS, RECOVERY_CODE_COUNT, SecondFactorService } from './second-factor.service.js';
import { base32Decode, newTotpSecret, totp } from './totp.js';

/*
 * Sign-in with a second factor, with the clock in the test's hands: codes are worked out for the
 * instant each attempt says it happens.
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const PASSWORD = 'correct horse battery staple';
const origin: SignInOrigin = { address: '192.0.2.40', device: null, userAgent: 'Mozilla/5.0 (test browser)' };
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 20, 9, minutes));
const code = (secret: string, when: Date) => totp(base32Decode(secret)!, when);

let h: IdentityHarness;
beforeAll(async () => {
  h = await IdentityHarness.start();
});
afterAll(async () => {
  await h?.close();
});

const sessions = () => new SessionService(h.orm.em.fork());
const secondFactors = () => new SecondFactorService(h.orm.em.fork());
const signIn = (email: string, when: Date, password = PASSWORD) => sessions().signIn(email, password, origin, when);
const complete = (pending: string, given: string, when: Date) => sessions().completeSecondFactor(pending, given, origin, when);

/** A member of staff (or other account) of our own, with PASSWORD and, if given, an authenticator already set up. */
async function account(roles: Account['roles'], schoolId: string | null, secret: string | null = null): Promise<Account> {
  const em = h.orm.em.fork();
  const created = em.create(Account, {
    id: randomUUID(),
    email: `${randomUUID()}@school.test`,
    displayName: 'Sam Teacher',
    passwordHash: await hashPassword(PASSWORD),
    roles,
    trustId: data.trust.id,
    schoolId,
    mfaSecret: secret,
    mfaEnrolledAt: secret ? at(0) : null,
    createdAt: at(0),
  });
  await em.flush();
  return created;
}

function pendingOf(outcome: SignInOutcome): { step: string; pendingToken: string; secret: string | null } {
  if (outcome.ok || outcome.reason !== 'second-factor') throw new Error(`expected a second factor, got ${JSON.stringify(outcome)}`);
  return outcome;
}
const opened = (outcome: SecondFactorOutcome | SignInOutcome) => outcome.ok;

describe('signing in with a second factor', () => {
  it('asks for a code after the right password, and takes a code from the app or a recovery code, each only once', async () => {
    const secret = newTotpSecret();
    const staff = await account(['staff'], northfield.id, secret);
    const person: Principal = principalOf(staff, randomUUID());
    const recovery = (await secondFactors().createRecoveryCodes(person, { code: code(secret, at(1)) }, at(1))).recoveryCodes!;
    expect(recovery).toHaveLength(RECOVERY_CODE_COUNT);
    // Only their hashes are kept.
    const stored = await h.orm.em.fork().find(RecoveryCode, { accountId: staff.id });
    expect(stored.map((row) => row.codeHash).join()).not.toContain(recovery[0]);

    // A wrong password is just a wrong password; the right one opens no session yet.
    expect(await signIn(staff.email, at(2), 'wrong password')).toEqual({ ok: false, reason: 'invalid' });
    const first = pendingOf(await signIn(staff.email, at(2)));
    expect(first.step).toBe('code');
    expect(first.secret).toBeNull();
    expect(await h.orm.em.fork().count(Session, { accountId: staff.id })).toBe(0);

    expect(await complete(first.pendingToken, '000000', at(2))).toEqual({ ok: false, reason: 'wrong', attemptsLeft: MAX_CODES_PER_SIGN_IN - 1 });
    const signedIn = await complete(first.pendingToken, code(secret, at(2)), at(2));
    expect(signedIn.ok).toBe(true);
    const session = await h.orm.em.fork().findOneOrFail(Session, { tokenHash: hashToken((signedIn as { token: string }).token) });
    expect(session.userAgent).toBe('Mozilla/5.0 (test browser)');
    expect((signedIn as { principal: Principal }).principal.sessionId).toBe(session.id);
    // The pending sign-in is used up.
    expect(await complete(first.pendingToken, code(secret, at(2)), at(2))).toEqual({ ok: false, reason: 'expired' });

    // The same code again, a moment later: refused.
    const second = pendingOf(await signIn(staff.email, at(2)));
    expect(await complete(second.pendingToken, code(secret, at(2)), at(2))).toMatchObject({ ok: false, reason: 'wrong' });
    // A recovery code, written loosely, works once.
    expect(opened(await complete(second.pendingToken, ` ${recovery[3].toUpperCase().replace(/-/g, ' ')} `, at(2)))).toBe(true);
    const third = pendingOf(await signIn(staff.email, at(3)));
    expect(await complete(third.pendingToken, recovery[3], at(3))).toMatchObject({ ok: false, reason: 'wrong' });
    expect(opened(await complete(third.pendingToken, code(secret, at(3)), at(3)))).toBe(true);
    expect((await secondFactors().status(person)).recoveryCodesLeft).toBe(RECOVERY_CODE_COUNT - 1);
  });

  it('makes the person sign in again after too many wrong codes, or after waiting too long', async () => {
    const secret = newTotpSecret();
    const staff = await account(['careers_adviser'], northfield.id, secret);
    const pending = pendingOf(await signIn(staff.email, at(10)));
    for (let left = MAX_CODES_PER_SIGN_IN - 1; left > 0; left -= 1)
      expect(await complete(pending.pendingToken, '111111', at(10))).toEqual({ ok: false, reason: 'wrong', attemptsLeft: left });
    expect(await complete(pending.pendingToken, '111111', at(10))).toEqual({ ok: false, reason: 'expired' });
    expect(await complete(pending.pendingToken, code(secret, at(10)), at(10))).toEqual({ ok: false, reason: 'expired' });

    const slow = pendingOf(await signIn(staff.email, at(20)));
    const late = new Date(at(20).getTime() + PENDING_SIGN_IN_MS);
    expect(await complete(slow.pendingToken, code(secret, late), late)).toEqual({ ok: false, reason: 'expired' });
  });

  it('slows code guessing across fresh sign-ins: codes have a count of their own, which the right password does not clear', async () => {
    const secret = newTotpSecret();
    const staff = await account(['staff'], northfield.id, secret);
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const pending = pendingOf(await signIn(staff.email, at(30)));
      for (let j = 0; j < 3; j++) {
        const outcome = await complete(pending.pendingToken, '222222', at(30));
        outcomes.push(outcome.ok ? 'ok' : outcome.reason);
      }
    }
    expect(outcomes).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'throttled', 'throttled', 'throttled']);
    // Even the right code waits; after the wait it works, and the count starts again.
    const pending = pendingOf(await signIn(staff.email, at(30)));
    expect(await complete(pending.pendingToken, code(secret, at(30)), at(30))).toEqual({ ok: false, reason: 'throttled', retryAfterMs: 1000 });
    const later = new Date(at(30).getTime() + 1000);
    expect(opened(await complete(pending.pendingToken, code(secret, later), later))).toBe(true);
  });

  it('has staff of a school or trust that requires it set an app up at sign-in, and asks nobody else', async () => {
    const leaderNorth = principalOf(await h.orm.em.fork().findOneOrFail(Account, { email: 'leader@northfield.test' }), randomUUID());
    expect((await secondFactors().setRequirement(leaderNorth, { required: true }, at(40))).required).toBe(true);

    const staff = await account(['staff'], northfield.id);
    const enrol = pendingOf(await signIn(staff.email, at(41)));
    expect(enrol.step).toBe('enrol');
    expect(enrol.secret).toMatch(/^[A-Z2-7]{32}$/);
    // A code from another secret does not set it up.
    expect(await complete(enrol.pendingToken, code(newTotpSecret(), at(41)), at(41))).toMatchObject({ ok: false, reason: 'wrong' });
    const done = await complete(enrol.pendingToken, code(enrol.secret!, at(41)), at(41));
    expect(done.ok && done.recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    const enrolled = await h.orm.em.fork().findOneOrFail(Account, { id: staff.id });
    expect(enrolled.mfaSecret).toBe(enrol.secret);
    expect(pendingOf(await signIn(staff.email, at(42))).step).toBe('code');

    // Not asked: staff of another school, and pupils, parents and volunteers of this one.
    expect(opened(await signIn((await account(['staff'], southbank.id)).email, at(43)))).toBe(true);
    for (const roles of [['pupil'], ['parent']] as Account['roles'][])
      expect(opened(await signIn((await account(roles, northfield.id)).email, at(43)))).toBe(true);
    expect(opened(await signIn('pupil@northfield.test', at(43), DEMO_PASSWORD))).toBe(true);

    // The trust requires it too: then staff of every school of the trust.
    const analyst = principalOf(await h.orm.em.fork().findOneOrFail(Account, { email: 'trust@waymark-trust.test' }), randomUUID());
    await secondFactors().setRequirement(analyst, { required: true }, at(44));
    expect(pendingOf(await signIn((await account(['staff'], southbank.id)).email, at(45))).step).toBe('enrol');
    await secondFactors().setRequirement(analyst, { required: false }, at(46));
    await secondFactors().setRequirement(leaderNorth, { required: false }, at(46));
    expect(opened(await signIn((await account(['staff'], northfield.id)).email, at(47)))).toBe(true);
  });
});
