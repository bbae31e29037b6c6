import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken, SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData, DEMO_PASSWORD } from '@waymark/demo-data';
import { IdentityHarness } from '../test/harness.js';
import { Account } from './modules/account/account.entity.js';
import { Session } from './modules/session/session.entity.js';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from './modules/session/session.service.js';
import { SignInThrottleEntry } from './modules/sign-in-throttle/sign-in-throttle.entity.js';
import { throttleKeys } from './modules/sign-in-throttle/sign-in-throttle.service.js';

const data = demoData();
const account = (email: string) => data.accounts.find((a) => a.email === email)!;
const leader = account('leader@northfield.test');
const pupil = account('pupil@northfield.test');
const employer = account('employer@acme.test');
const alumni = account('alumni@northfield.test');
const southLeader = account('leader@southbank.test');
const parent = account('parent@northfield.test');

type SignedIn = { token: string; expiresAt: string; principal: Principal };
const WRONG = { error: 'Email or password is not right.' };

let h: IdentityHarness;

beforeAll(async () => {
  h = await IdentityHarness.start();
});

afterAll(async () => {
  await h?.close();
});

// Each attempt from an address of its own unless told otherwise, so only the account's own count decides.
let addresses = 0;
const nextAddress = () => `198.51.100.${(addresses += 1) % 250}:${addresses}`;
const signIn = (email: string, password: string, from: { address?: string; device?: string } = {}) =>
  h.internal<SignedIn & { error?: string; retryAfterSeconds?: number }>('/internal/sign-in', {
    email,
    password,
    address: from.address ?? nextAddress(),
    device: from.device,
  });
/** As if someone had just guessed at the email enough to make the next attempt wait `ms`. */
const slowDown = (email: string, ms: number) =>
  h.orm.em
    .fork()
    .upsert(SignInThrottleEntry, { key: throttleKeys.account(email).key, level: 50, updatedAt: new Date(), blockedUntil: new Date(Date.now() + ms) });
const session = (token: string) => h.internal<{ principal?: Principal; error?: string }>('/internal/session', { token });
const sessionRow = (token: string) => h.orm.em.fork().findOneOrFail(Session, { tokenHash: hashToken(token) });

describe('POST /internal/sign-in', () => {
  it('signs in with any casing of the email and returns a token that /internal/session resolves', async () => {
    const before = Date.now();
    const res = await signIn('  Leader@Northfield.TEST ', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const expected: Principal = {
      kind: 'user',
      accountId: leader.id,
      displayName: 'Priya Shah',
      roles: ['careers_leader'],
      trustId: data.trust.id,
      schoolId: data.schools[0].id,
      pupilId: null,
      volunteerId: null,
      employerId: null,
      childPupilIds: [],
      pupilLevelAccess: false,
      scopes: [],
      sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
    };
    expect(res.body.principal).toEqual(expected);
    const expiresIn = new Date(res.body.expiresAt).getTime() - before;
    expect(expiresIn).toBeGreaterThan(SESSION_IDLE_MS - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(SESSION_IDLE_MS + 60_000);

    const resolved = await session(res.body.token);
    expect(resolved.status).toBe(200);
    expect(resolved.body.principal).toEqual(res.body.principal);
    expect(resolved.body.principal!.sessionId).toBe((await sessionRow(res.body.token)).id);
  });

  it("gives the demo parent a principal carrying her linked child, and nothing of a pupil's or staff's", async () => {
    const res = await signIn(parent.email, DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const expected: Principal = {
      kind: 'user',
      accountId: parent.id,
      displayName: 'Grace Okafor',
      roles: ['parent'],
      trustId: data.trust.id,
      schoolId: data.schools[0].id,
      pupilId: null,
      volunteerId: null,
      employerId: null,
      childPupilIds: [pupil.pupilId!],
      pupilLevelAccess: false,
      scopes: [],
      sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
    };
    expect(res.body.principal).toEqual(expected);
    expect((await session(res.body.token)).body.principal).toEqual(expected);
  });

  it('stores only the hash of the token', async () => {
    const { body } = await signIn(pupil.email, DEMO_PASSWORD);
    expect(body.principal.pupilId).toBe(pupil.pupilId);
    const row = await sessionRow(body.token);
    expect(row.tokenHash).toBe(hashToken(body.token));
    expect(JSON.stringify(row)).not.toContain(body.token);
  });

  it('gives a wrong password and an unknown email the same 401', async () => {
    const wrongPassword = await signIn(leader.email, 'not-the-password');
    const unknownEmail = await signIn('nobody@nowhere.test', DEMO_PASSWORD);
    const missing = await h.internal('/internal/sign-in', { email: leader.email });
    for (const res of [wrongPassword, unknownEmail, missing]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(WRONG);
    }
  });

  it('refuses a disabled account, even with the right password, and ends its sessions', async () => {
    const { body } = await signIn(southLeader.email, DEMO_PASSWORD);
    await h.orm.em.fork().nativeUpdate(Account, { id: southLeader.id }, { disabledAt: new Date() });
    try {
      const res = await signIn(southLeader.email, DEMO_PASSWORD);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(WRONG);
      expect((await session(body.token)).status).toBe(401);
    } finally {
      await h.orm.em.fork().nativeUpdate(Account, { id: southLeader.id }, { disabledAt: null });
    }
  });

  it('gives an unknown email and a known one the same answers, wrong password or slowed down', async () => {
    const wrong = [await signIn(employer.email, 'wrong'), await signIn('nobody-here@acme.test', 'wrong')];
    expect(wrong).toEqual([
      { status: 401, body: WRONG },
      { status: 401, body: WRONG },
    ]);
    await slowDown(employer.email, 10 * 60_000);
    await slowDown('nobody-here@acme.test', 10 * 60_000);
    const slowed = [await signIn(employer.email, DEMO_PASSWORD), await signIn('nobody-here@acme.test', DEMO_PASSWORD)];
    for (const res of slowed) {
      expect(res.status).toBe(429);
      expect(res.body.error).toBe('Too many sign-in attempts. Wait 10 minutes and try again.');
      expect(res.body.retryAfterSeconds).toBeGreaterThan(9 * 60);
      expect(res.body.retryAfterSeconds).toBeLessThanOrEqual(10 * 60);
      expect(res.body.token).toBeUndefined();
    }
    expect(Object.keys(slowed[0].body)).toEqual(Object.keys(slowed[1].body));
    expect(JSON.stringify(slowed)).not.toMatch(/lock|account/i);
  });

  it('lets the owner in from a device they signed in on before while the account is slowed down for everyone else', async () => {
    const device = newToken();
    expect((await signIn(alumni.email, DEMO_PASSWORD, { device })).status).toBe(200);
    await slowDown(alumni.email, 60_000);
    expect((await signIn(alumni.email, DEMO_PASSWORD)).status).toBe(429);
    expect((await signIn(alumni.email, DEMO_PASSWORD, { device: newToken() })).status).toBe(429);
    const owner = await signIn(alumni.email, DEMO_PASSWORD, { device });
    expect(owner.status).toBe(200);
    expect(owner.body.principal.accountId).toBe(alumni.id);
  });
});

describe('POST /internal/session and /internal/sign-out', () => {
  it('ends the session on sign-out', async () => {
    const { body } = await signIn(leader.email, DEMO_PASSWORD);
    expect((await session(body.token)).status).toBe(200);
    const out = await h.internal('/internal/sign-out', { token: body.token });
    expect(out.status).toBe(204);
    const after = await session(body.token);
    expect(after.status).toBe(401);
    expect(after.body.principal).toBeUndefined();
    expect((await h.internal('/internal/sign-out', { token: 'never-issued' })).status).toBe(204);
  });

  it('refuses unknown and expired sessions', async () => {
    expect((await session('never-issued')).status).toBe(401);
    expect((await h.internal('/internal/session', {})).status).toBe(401);
    const { body } = await signIn(leader.email, DEMO_PASSWORD);
    await h.orm.em.fork().nativeUpdate(Session, { tokenHash: hashToken(body.token) }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await session(body.token)).status).toBe(401);
  });

  it('slides the expiry forward on use, up to seven days after sign-in', async () => {
    const { body } = await signIn(leader.email, DEMO_PASSWORD);
    const hour = 60 * 60 * 1000;
    const em = h.orm.em.fork();
    await em.nativeUpdate(
      Session,
      { tokenHash: hashToken(body.token) },
      { lastSeenAt: new Date(Date.now() - 2 * hour), expiresAt: new Date(Date.now() + 10 * hour) },
    );
    expect((await session(body.token)).status).toBe(200);
    const slid = await sessionRow(body.token);
    expect(slid.expiresAt.getTime() - Date.now()).toBeGreaterThan(SESSION_IDLE_MS - 60_000);

    const createdAt = new Date(Date.now() - SESSION_MAX_MS + hour);
    await em.nativeUpdate(Session, { tokenHash: hashToken(body.token) }, { createdAt, lastSeenAt: new Date(Date.now() - 2 * hour) });
    expect((await session(body.token)).status).toBe(200);
    const capped = await sessionRow(body.token);
    expect(capped.expiresAt.getTime()).toBe(createdAt.getTime() + SESSION_MAX_MS);
  });
});

describe('the gateway credential on internal routes', () => {
  const user = makePrincipal({ roles: ['platform_admin'], accountId: leader.id });
  const api = makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: data.trust.id });

  it("refuses a person's or an integration's credential, a missing one and a forged one, on every route", async () => {
    for (const path of ['/internal/sign-in', '/internal/session', '/internal/sign-out', '/internal/api-key', '/internal/anything']) {
      for (const as of [user, api, null]) {
        const res = await h.internal(path, { email: leader.email, password: DEMO_PASSWORD, token: 'x', key: 'x' }, as);
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ error: 'This route only answers the Waymark gateway.' });
      }
      const forged = await fetch(`${h.client.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-waymark-credential': 'eyJhbGciOiJub25lIn0.eyJwIjp7ImtpbmQiOiJzeXN0ZW0ifX0.' },
        body: JSON.stringify({ email: leader.email, password: DEMO_PASSWORD }),
      });
      expect(forged.status).toBe(401);
    }
  });

  it('answers the gateway with 404, 405 and 400 for unknown routes, other methods and bodies that are not JSON objects', async () => {
    expect((await h.internal('/internal/anything', {}, SYSTEM_PRINCIPAL)).status).toBe(404);
    expect((await h.internal('/internal/session', null, SYSTEM_PRINCIPAL, { method: 'GET' })).status).toBe(405);
    expect((await h.internal('/internal/session', null, SYSTEM_PRINCIPAL, { raw: '{not json' })).status).toBe(400);
    expect((await h.internal('/internal/session', null, SYSTEM_PRINCIPAL, { raw: '["token"]' })).status).toBe(400);
  });
});
