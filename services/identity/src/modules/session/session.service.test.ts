import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, newToken } from '@waymark/auth';
import { demoData, DEMO_PASSWORD } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';
import { ACCOUNT_RULE, ADDRESS_RULE, DEVICE_RULE, throttleKeys } from '../sign-in-throttle/sign-in-throttle.service.js';
import { setSystemAccessLog } from '@waymark/subgraph-kit';
import { Account } from '../account/account.entity.js';
import { SessionService, signInInPhases, type SignInOrigin, type SignInOutcome, type SignInPhase } from './session.service.js';

/*
 * Sign-in slowing, with the clock in the test's hands: every attempt says when it happens, so the
 * waits are checked exactly and nothing depends on how fast the machine is.
 */
const data = demoData();
const email = (address: string) => data.accounts.find((a) => a.email === address)!.email;

let h: IdentityHarness;
beforeAll(async () => {
  h = await IdentityHarness.start();
});
afterAll(async () => {
  await h?.close();
});

let addresses = 0;
/** A client address of its own each time, unless a test shares one on purpose. */
const elsewhere = (): SignInOrigin => ({ address: `203.0.113.${(addresses += 1)}`, device: null });
const attempt = (who: string, password: string, at: Date, origin: SignInOrigin = elsewhere()) =>
  new SessionService(h.orm.em.fork()).signIn(who, password, origin, at);
const seen = (outcome: SignInOutcome) => (outcome.ok ? 'ok' : outcome.reason === 'throttled' ? `wait ${outcome.retryAfterMs}` : 'invalid');
const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

describe('slowing sign-in down', () => {
  it('answers an unknown email exactly as one with an account, through wrong passwords and waits', async () => {
    const at = new Date('2026-01-12T09:00:00Z');
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 12; i++) {
      known.push(seen(await attempt(email('employer@acme.test'), `wrong-${i}`, later(at, i * 500))));
      unknown.push(seen(await attempt('no-account@acme.test', `wrong-${i}`, later(at, i * 500))));
    }
    expect(known).toEqual(unknown);
    // Five free, the sixth still checked (and it sets the first wait), then told to wait.
    expect(known.slice(0, ACCOUNT_RULE.free + 1)).toEqual(Array(ACCOUNT_RULE.free + 1).fill('invalid'));
    expect(known[ACCOUNT_RULE.free + 1]).toBe('wait 500');
  });

  it('slows guesses with waits that double up to a minute, never checks a guess made during a wait, and never locks the owner out', async () => {
    const who = email('alumni@northfield.test');
    let at = new Date('2026-01-13T09:00:00Z');
    const waits: number[] = [];
    let checked = 0;
    while (checked < 16) {
      const outcome = await attempt(who, `guess-${checked}`, at);
      if (!outcome.ok && outcome.reason === 'throttled') {
        waits.push(outcome.retryAfterMs);
        // During a wait even the right password is refused unchecked, and trying does not add to the wait.
        expect(await attempt(who, DEMO_PASSWORD, later(at, outcome.retryAfterMs - 1))).toEqual({ ok: false, reason: 'throttled', retryAfterMs: 1 });
        at = later(at, outcome.retryAfterMs);
        continue;
      }
      expect(outcome).toEqual({ ok: false, reason: 'invalid' });
      checked += 1;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60].map((s) => s * 1000));
    // Sixteen guesses took about five minutes; once the last wait is over the right password gets straight in.
    expect(seen(await attempt(who, DEMO_PASSWORD, later(at, 59_999)))).toBe('wait 1');
    expect(seen(await attempt(who, DEMO_PASSWORD, later(at, 60_000)))).toBe('ok');
    // And the account's count starts again.
    expect(seen(await attempt(who, 'one-slip', later(at, 60_000)))).toBe('invalid');
    expect(seen(await attempt(who, DEMO_PASSWORD, later(at, 60_000)))).toBe('ok');
  });

  it('lets the owner in at once from a device they signed in on before, and slows only that device when it guesses', async () => {
    const who = email('leader@southbank.test');
    const at = new Date('2026-01-14T09:00:00Z');
    const device: SignInOrigin = { address: '192.0.2.1', device: newToken() };
    expect((await attempt(who, DEMO_PASSWORD, at, device)).ok).toBe(true);
    for (let i = 0; i < 10; i++) await attempt(who, `guess-${i}`, later(at, 1000));
    expect(seen(await attempt(who, DEMO_PASSWORD, later(at, 1000)))).toMatch(/^wait /);
    // From the owner's browser, at another address: straight in, during the attack.
    expect((await attempt(who, DEMO_PASSWORD, later(at, 1000), { ...device, address: '192.0.2.99' })).ok).toBe(true);
    // Someone at the owner's browser guessing is slowed by the device's own count.
    const fromDevice: string[] = [];
    for (let i = 0; i < DEVICE_RULE.free + 2; i++) fromDevice.push(seen(await attempt(who, `guess-${i}`, later(at, 2000), device)));
    expect(fromDevice.slice(0, DEVICE_RULE.free + 1)).toEqual(Array(DEVICE_RULE.free + 1).fill('invalid'));
    expect(fromDevice.at(-1)).toBe('wait 1000');
    // A device cookie the account never signed in with counts for nothing.
    expect(seen(await attempt(who, DEMO_PASSWORD, later(at, 1500), { address: '192.0.2.2', device: newToken() }))).toBe('wait 500');
  });

  it('slows one address trying many emails, and nobody else', async () => {
    const at = new Date('2026-01-15T09:00:00Z');
    const sprayer: SignInOrigin = { address: '198.51.100.7', device: null };
    const outcomes: string[] = [];
    for (let i = 0; i < ADDRESS_RULE.free + 2; i++) outcomes.push(seen(await attempt(`person-${i}@school.test`, 'Password1', at, sprayer)));
    expect(outcomes.slice(0, ADDRESS_RULE.free + 1)).toEqual(Array(ADDRESS_RULE.free + 1).fill('invalid'));
    expect(outcomes.at(-1)).toBe('wait 1000');
    expect(seen(await attempt(email('leader@northfield.test'), DEMO_PASSWORD, at))).toBe('ok');
  });

  it('lets a class of 30 sign in at once from their school’s one address', async () => {
    const at = new Date('2026-01-17T09:00:00Z');
    const school: SignInOrigin = { address: '198.51.100.30', device: null };
    const pupil = data.accounts.find((a) => a.email === 'pupil@northfield.test')!;
    const passwordHash = await hashPassword('Class-of-30-password');
    const em = h.orm.em.fork();
    const emails = Array.from({ length: 30 }, (_, i) => `class10.${i + 1}@northfield.test`);
    for (const [i, address] of emails.entries()) {
      em.create(Account, {
        id: `0c1a5510-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        email: address,
        displayName: `Pupil ${i + 1}`,
        passwordHash,
        roles: ['pupil'],
        trustId: pupil.trustId,
        schoolId: pupil.schoolId,
        createdAt: at,
      });
    }
    await em.flush();
    // Every attempt is counted against the address before its password is checked: all 30 are in
    // flight together, and none of the class may be told to wait.
    const outcomes = await Promise.all(emails.map((address) => attempt(address, 'Class-of-30-password', at, school)));
    expect(outcomes.map(seen)).toEqual(Array(30).fill('ok'));
  });

  it('checks no more passwords than the allowance when guesses arrive together', async () => {
    const at = new Date('2026-01-16T09:00:00Z');
    const outcomes = await Promise.all(Array.from({ length: 15 }, (_, i) => attempt(email('parent@northfield.test'), `guess-${i}`, at)));
    const counts = outcomes.map(seen).reduce((acc, s) => acc.set(s, (acc.get(s) ?? 0) + 1), new Map<string, number>());
    expect(counts).toEqual(
      new Map([
        ['invalid', ACCOUNT_RULE.free + 1],
        ['wait 1000', 15 - ACCOUNT_RULE.free - 1],
      ]),
    );
  });
});

describe('a sign-in in steps', () => {
  it('commits the attempt’s count before the password is checked, and opens the session in a step of its own', async () => {
    const who = email('employer@acme.test');
    const origin: SignInOrigin = { address: '198.51.100.77', device: null };
    const steps: { committedCount: number | null }[] = [];
    const count = async () => {
      const rows = await h.orm.em
        .fork()
        .execute<{ level: number }[]>('select level from sign_in_throttle where key = ?', [throttleKeys.address(origin.address).key]);
      return rows.length > 0 ? Number(rows[0].level) : null;
    };
    // Each step in its own transaction, as the sign-in route runs them; what a fresh connection sees
    // of the count when each step starts shows the step before it has committed.
    const phase: SignInPhase = async (work) => {
      steps.push({ committedCount: await count() });
      return h.orm.em.fork().transactional((em) => work(em));
    };
    const outcome = await signInInPhases(phase, who, DEMO_PASSWORD, origin, new Date('2026-01-20T09:00:00Z'));
    expect(outcome.ok).toBe(true);
    // Before the first step nothing was counted; by the second the count had been committed (and the
    // right password then undid it).
    expect(steps).toEqual([{ committedCount: null }, { committedCount: 1 }]);
    expect(await count()).toBe(0);
  });

  it('runs a right password as two named system accesses through the sign-in route, a wrong one as one', async () => {
    const lines: string[] = [];
    const previous = setSystemAccessLog((line) => lines.push(line));
    try {
      const right = await h.internal('/internal/sign-in', { email: email('employer@acme.test'), password: DEMO_PASSWORD, address: '198.51.100.78' });
      expect(right.status).toBe(200);
      const signIns = () => lines.filter((line) => line.includes('/internal/sign-in'));
      expect(signIns()).toHaveLength(2);
      lines.length = 0;
      const wrong = await h.internal('/internal/sign-in', { email: email('employer@acme.test'), password: 'not it', address: '198.51.100.79' });
      expect(wrong.status).toBe(401);
      expect(signIns()).toHaveLength(1);
    } finally {
      setSystemAccessLog(previous);
    }
  });
});
