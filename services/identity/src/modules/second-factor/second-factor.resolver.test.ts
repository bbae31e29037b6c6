import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData, DEMO_PASSWORD } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';
import { RECOVERY_CODE_COUNT } from './second-factor.service.js';
import { base32Decode, totp } from './totp.js';

/*
 * The second factor through the identity subgraph's GraphQL and internal routes, as the portals and
 * the gateway use them. Codes are worked out for now, or for the next 30-second step where a code
 * of this step has just been used (a code is good once; the next step's is accepted early).
 */
const data = demoData();
const account = (email: string) => data.accounts.find((a) => a.email === email)!;

let h: IdentityHarness;
beforeAll(async () => {
  h = await IdentityHarness.start();
});
afterAll(async () => {
  await h?.close();
});

type SignedIn = {
  token?: string;
  principal?: Principal;
  error?: string;
  recoveryCodes?: string[];
  secondFactor?: { step: string; pendingToken: string; secret?: string };
};
let addresses = 0;
const signIn = (email: string, password = DEMO_PASSWORD) =>
  h.internal<SignedIn>('/internal/sign-in', { email, password, address: `192.0.2.${(addresses += 1)}` });
const complete = (pendingToken: string, code: string) => h.internal<SignedIn>('/internal/second-factor', { pendingToken, code, address: '192.0.2.250' });
const codeNow = (secret: string, stepsAhead = 0) => totp(base32Decode(secret)!, new Date(Date.now() + stepsAhead * 30_000));
async function principalOf(email: string): Promise<Principal> {
  const res = await signIn(email);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.principal!;
}

const STATUS = '{ secondFactor { enabled recoveryCodesLeft required } }';
const START = 'mutation { startSecondFactorEnrolment { secret otpauthUri error { code } } }';
const CONFIRM =
  'mutation ($code: String!) { confirmSecondFactor(input: { code: $code }) { status { enabled recoveryCodesLeft } recoveryCodes error { code message } } }';
const NEW_CODES = 'mutation ($code: String!) { createRecoveryCodes(input: { code: $code }) { recoveryCodes error { code } } }';
const TURN_OFF = 'mutation ($password: String!) { turnOffSecondFactor(input: { password: $password }) { status { enabled } error { code } } }';
const REQUIRE = 'mutation ($required: Boolean!) { setSecondFactorRequirement(input: { required: $required }) { required error { code } } }';

type Status = { enabled: boolean; recoveryCodesLeft: number; required: boolean };
type Started = { startSecondFactorEnrolment: { secret: string | null; otpauthUri: string | null; error: { code: string } | null } };
type Confirmed = { confirmSecondFactor: { status: Status | null; recoveryCodes: string[] | null; error: { code: string; message: string } | null } };

async function enrol(who: Principal): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await h.query<Started>(who, START);
  const secret = started.data!.startSecondFactorEnrolment.secret!;
  const confirmed = await h.query<Confirmed>(who, CONFIRM, { code: codeNow(secret) });
  expect(confirmed.data!.confirmSecondFactor.error).toBeNull();
  return { secret, recoveryCodes: confirmed.data!.confirmSecondFactor.recoveryCodes! };
}

describe("a member of staff's own second factor", () => {
  it('is set up with an authenticator app, shows recovery codes once, asks for a code at sign-in, and turns off only with the password', async () => {
    const email = 'leader@southbank.test';
    const leader = await principalOf(email);
    expect((await h.query<{ secondFactor: Status }>(leader, STATUS)).data!.secondFactor).toEqual({ enabled: false, recoveryCodesLeft: 0, required: false });

    const started = await h.query<Started>(leader, START);
    const { secret, otpauthUri } = started.data!.startSecondFactorEnrolment;
    expect(otpauthUri).toBe(`otpauth://totp/Waymark:${encodeURIComponent(email)}?secret=${secret}&issuer=Waymark&algorithm=SHA1&digits=6&period=30`);
    // Until a code from the app confirms it, nothing has changed.
    expect((await signIn(email)).body.token).toBeTruthy();
    const wrong = await h.query<Confirmed>(leader, CONFIRM, { code: '000000' });
    expect(wrong.data!.confirmSecondFactor.error!.code).toBe('SECOND_FACTOR_WRONG_CODE');
    const confirmed = await h.query<Confirmed>(leader, CONFIRM, { code: codeNow(secret!) });
    expect(confirmed.data!.confirmSecondFactor.status).toEqual({ enabled: true, recoveryCodesLeft: RECOVERY_CODE_COUNT });
    const recoveryCodes = confirmed.data!.confirmSecondFactor.recoveryCodes!;
    expect(new Set(recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    // The secret is kept sealed: the database holds no copy an attacker could type into an app.
    const [stored] = await h.orm.em.fork().getConnection().execute<{ mfa_secret: string }[]>('select mfa_secret from account where email = ?', [email]);
    expect(stored.mfa_secret).toMatch(/^v1:/);
    expect(stored.mfa_secret).not.toContain(secret!);
    expect((await h.query<Started>(leader, START)).data!.startSecondFactorEnrolment.error!.code).toBe('SECOND_FACTOR_ALREADY_ON');

    // Sign-in now stops after the password until a code (here a recovery code) is given.
    const pending = await signIn(email);
    expect(pending.body.token).toBeUndefined();
    expect(pending.body.secondFactor).toMatchObject({ step: 'code' });
    const wrongCode = await complete(pending.body.secondFactor!.pendingToken, '123456');
    expect(wrongCode).toEqual({ status: 401, body: { error: expect.stringContaining('That code is not right') as string, attemptsLeft: 4 } });
    const signedIn = await complete(pending.body.secondFactor!.pendingToken, recoveryCodes[0]);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.principal!.accountId).toBe(account(email).id);

    // New recovery codes, with the next step's code: the old ones stop working.
    const renewed = await h.query<{ createRecoveryCodes: { recoveryCodes: string[] | null } }>(leader, NEW_CODES, { code: codeNow(secret!, 1) });
    expect(renewed.data!.createRecoveryCodes.recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    const again = await signIn(email);
    expect((await complete(again.body.secondFactor!.pendingToken, recoveryCodes[1])).status).toBe(401);
    expect((await complete(again.body.secondFactor!.pendingToken, renewed.data!.createRecoveryCodes.recoveryCodes![0])).status).toBe(200);

    const badPassword = await h.query<{ turnOffSecondFactor: { error: { code: string } | null } }>(leader, TURN_OFF, { password: 'not my password' });
    expect(badPassword.data!.turnOffSecondFactor.error!.code).toBe('SECOND_FACTOR_WRONG_PASSWORD');
    const off = await h.query<{ turnOffSecondFactor: { status: { enabled: boolean } } }>(leader, TURN_OFF, { password: DEMO_PASSWORD });
    expect(off.data!.turnOffSecondFactor.status.enabled).toBe(false);
    expect((await signIn(email)).body.token).toBeTruthy();
  });

  it('is only for staff and analysts signed in as themselves', async () => {
    const refused = [
      await principalOf('pupil@northfield.test'),
      await principalOf('parent@northfield.test'),
      await principalOf('employer@acme.test'),
      makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: data.trust.id, scopes: ['reports:read', 'roster:write'] }),
      SYSTEM_PRINCIPAL,
    ];
    for (const who of refused) {
      for (const [query, variables] of [
        [STATUS, {}],
        [START, {}],
        [CONFIRM, { code: '123456' }],
        [TURN_OFF, { password: DEMO_PASSWORD }],
      ] as const) {
        const res = await h.query(who, query, variables);
        expect(res.errors?.[0].extensions?.code, `${who.roles.join()} ${query}`).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
        // Nothing of it answered: no data at all, or the (nullable) field null.
        expect(Object.values(res.data ?? {}).every((value) => value === null)).toBe(true);
      }
    }
  });
});

describe('a school or trust requiring a second factor', () => {
  it('is set by the careers leader for the school and cannot then be turned off by its staff', async () => {
    const leader = await principalOf('leader@northfield.test');
    const set = await h.query<{ setSecondFactorRequirement: { required: boolean } }>(leader, REQUIRE, { required: true });
    expect(set.data!.setSecondFactorRequirement.required).toBe(true);
    expect((await h.query<{ secondFactorRequired: boolean }>(leader, '{ secondFactorRequired }')).data!.secondFactorRequired).toBe(true);
    expect((await h.query<{ secondFactor: Status }>(leader, STATUS)).data!.secondFactor.required).toBe(true);

    // The leader's next sign-in sets an app up before any session.
    const signingIn = await signIn('leader@northfield.test');
    expect(signingIn.body.secondFactor).toMatchObject({ step: 'enrol' });
    const secret = signingIn.body.secondFactor!.secret!;
    const enrolled = await complete(signingIn.body.secondFactor!.pendingToken, codeNow(secret));
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    const withApp = enrolled.body.principal!;
    const off = await h.query<{ turnOffSecondFactor: { error: { code: string } | null } }>(withApp, TURN_OFF, { password: DEMO_PASSWORD });
    expect(off.data!.turnOffSecondFactor.error!.code).toBe('SECOND_FACTOR_REQUIRED');

    await h.query(withApp, REQUIRE, { required: false });
    expect(
      (await h.query<{ turnOffSecondFactor: { error: unknown } }>(withApp, TURN_OFF, { password: DEMO_PASSWORD })).data!.turnOffSecondFactor.error,
    ).toBeNull();
  });

  it('is set by a trust analyst for the trust, and by nobody else', async () => {
    const analyst = await principalOf('trust@waymark-trust.test');
    expect(
      (await h.query<{ setSecondFactorRequirement: { required: boolean } }>(analyst, REQUIRE, { required: true })).data!.setSecondFactorRequirement.required,
    ).toBe(true);
    expect((await signIn('leader@southbank.test')).body.secondFactor).toMatchObject({ step: 'enrol' });
    await h.query(analyst, REQUIRE, { required: false });
    expect((await signIn('leader@southbank.test')).body.token).toBeTruthy();

    const others = [
      await principalOf('pupil@northfield.test'),
      await principalOf('parent@northfield.test'),
      makePrincipal({ roles: ['staff'], schoolId: data.schools[0].id, trustId: data.trust.id }),
      makePrincipal({ roles: ['careers_adviser'], schoolId: data.schools[0].id, trustId: data.trust.id }),
      makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: data.trust.id, scopes: ['reports:read', 'roster:write'] }),
      SYSTEM_PRINCIPAL,
    ];
    for (const who of others) {
      const res = await h.query(who, REQUIRE, { required: true });
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    expect((await h.query<{ secondFactorRequired: boolean }>(analyst, '{ secondFactorRequired }')).data!.secondFactorRequired).toBe(false);
  });
});

describe('enrolling, one step at a time', () => {
  it('gives one set of recovery codes that each work once', async () => {
    const analyst = await principalOf('trust@waymark-trust.test');
    const { recoveryCodes } = await enrol(analyst);
    const first = await signIn('trust@waymark-trust.test');
    expect((await complete(first.body.secondFactor!.pendingToken, recoveryCodes[5])).status).toBe(200);
    const second = await signIn('trust@waymark-trust.test');
    expect((await complete(second.body.secondFactor!.pendingToken, recoveryCodes[5])).status).toBe(401);
    expect((await h.query<{ secondFactor: Status }>(analyst, STATUS)).data!.secondFactor.recoveryCodesLeft).toBe(RECOVERY_CODE_COUNT - 1);
  });
});
