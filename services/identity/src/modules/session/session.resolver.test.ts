import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData, DEMO_PASSWORD } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';

const data = demoData();

let h: IdentityHarness;
beforeAll(async () => {
  h = await IdentityHarness.start();
});
afterAll(async () => {
  await h?.close();
});

type SignedIn = { token: string; principal: Principal };
let addresses = 0;
async function signIn(email: string, userAgent: string, password = DEMO_PASSWORD): Promise<SignedIn> {
  const res = await h.internal<SignedIn>('/internal/sign-in', { email, password, address: `198.51.100.${(addresses += 1)}`, userAgent });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
const stillSignedIn = async (token: string) => (await h.internal('/internal/session', { token })).status === 200;

const DEVICES = '{ signedInDevices { id signedInAt lastSeenAt expiresAt userAgent current } }';
const END = 'mutation ($id: ID!) { endSignedInDevice(input: { id: $id }) { id error { code } } }';
const CHANGE = 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { signedOutDevices error { code message fields { field } } } }';
type Device = { id: string; userAgent: string | null; current: boolean };

describe('signed-in devices', () => {
  it("lists the person's own devices with the one asking marked, and signs one out", async () => {
    const laptop = await signIn('trust@waymark-trust.test', 'Laptop browser');
    const phone = await signIn('trust@waymark-trust.test', 'Phone browser');
    const tablet = await signIn('trust@waymark-trust.test', 'Tablet browser');
    await signIn('leader@northfield.test', "Someone else's browser");

    const listed = await h.query<{ signedInDevices: Device[] }>(phone.principal, DEVICES);
    const devices = listed.data!.signedInDevices;
    expect(devices.map((d) => d.userAgent).sort()).toEqual(['Laptop browser', 'Phone browser', 'Tablet browser']);
    expect(devices.filter((d) => d.current).map((d) => d.id)).toEqual([phone.principal.sessionId]);

    const ended = await h.query<{ endSignedInDevice: { id: string | null } }>(phone.principal, END, { id: tablet.principal.sessionId });
    expect(ended.data!.endSignedInDevice.id).toBe(tablet.principal.sessionId);
    expect(await stillSignedIn(tablet.token)).toBe(false);
    expect(await stillSignedIn(laptop.token)).toBe(true);

    // Another person's session, and ids that are not sessions, read as not found.
    const someoneElse = await signIn('leader@southbank.test', 'Their browser');
    for (const id of [someoneElse.principal.sessionId, tablet.principal.sessionId, 'not-an-id']) {
      const res = await h.query<{ endSignedInDevice: { id: string | null; error: { code: string } | null } }>(phone.principal, END, { id });
      expect(res.data!.endSignedInDevice).toEqual({ id: null, error: { code: 'SIGNED_IN_DEVICE_NOT_FOUND' } });
    }
    expect(await stillSignedIn(someoneElse.token)).toBe(true);
  });

  it('is for people signed in as themselves only', async () => {
    for (const who of [
      makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId: data.trust.id, scopes: ['reports:read', 'roster:write'] }),
      SYSTEM_PRINCIPAL,
    ]) {
      for (const [query, variables] of [
        [DEVICES, {}],
        [END, { id: '0b5d3c1e-7a1f-4c0e-9d7e-2f1a6b3c4d5e' }],
        [CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: 'a long new password' } }],
      ] as const) {
        const res = await h.query(who, query, variables);
        expect(res.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      }
    }
  });
});

describe('changing password', () => {
  it('signs every other device out, keeps the one asking, and the old password stops working', async () => {
    const email = 'pupil@northfield.test';
    const here = await signIn(email, 'This browser');
    const elsewhere = [await signIn(email, 'Old phone'), await signIn(email, 'Library computer')];
    const change = (currentPassword: string, newPassword: string) =>
      h.query<{ changePassword: { signedOutDevices: number | null; error: { code: string; fields: { field: string }[] } | null } }>(here.principal, CHANGE, {
        input: { currentPassword, newPassword },
      });

    const short = await change(DEMO_PASSWORD, 'too short');
    expect(short.data!.changePassword.error).toMatchObject({ code: 'PASSWORD_TOO_WEAK', fields: [{ field: 'newPassword' }] });
    expect((await change(DEMO_PASSWORD, DEMO_PASSWORD)).data!.changePassword.error!.code).toBe('PASSWORD_TOO_WEAK');
    const wrong = await change('not my password', 'purple otter climbing ladders');
    expect(wrong.data!.changePassword.error).toMatchObject({ code: 'PASSWORD_WRONG', fields: [{ field: 'currentPassword' }] });
    for (const { token } of elsewhere) expect(await stillSignedIn(token)).toBe(true);

    const changed = await change(DEMO_PASSWORD, 'purple otter climbing ladders');
    expect(changed.data!.changePassword).toEqual({ signedOutDevices: 2, error: null });
    for (const { token } of elsewhere) expect(await stillSignedIn(token)).toBe(false);
    expect(await stillSignedIn(here.token)).toBe(true);
    expect((await h.internal('/internal/sign-in', { email, password: DEMO_PASSWORD, address: '198.51.100.200' })).status).toBe(401);
    expect((await signIn(email, 'New browser', 'purple otter climbing ladders')).principal.accountId).toBe(here.principal.accountId);
  });
});
