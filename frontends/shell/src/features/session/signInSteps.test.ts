import { describe, expect, it } from 'vitest';
import { checkCode, groupSecret, screenAfter } from './signInSteps';

const account = { id: 'a1', displayName: 'Sam Leader', roles: ['careers-leader'] };

describe('screenAfter', () => {
  it.each([
    ['a password that needs a code next asks for the code', { kind: 'code' as const }, { screen: 'code' }],
    [
      'a required second factor not set up yet shows the set-up with its secret',
      { kind: 'enrol' as const, secret: 'ABCDEFGH', otpauthUri: 'otpauth://totp/Waymark:sam?secret=ABCDEFGH' },
      { screen: 'enrol', secret: 'ABCDEFGH', otpauthUri: 'otpauth://totp/Waymark:sam?secret=ABCDEFGH' },
    ],
    ['a sign-in without codes to show goes straight in', { kind: 'signed-in' as const, account, recoveryCodes: null }, { screen: 'signed-in' }],
    ['an empty list of codes is nothing to show', { kind: 'signed-in' as const, account, recoveryCodes: [] }, { screen: 'signed-in' }],
    [
      'recovery codes after setting up are shown before going in',
      { kind: 'signed-in' as const, account, recoveryCodes: ['k7pq-9xmz-3h', 'a2b3-c4d5-e6'] },
      { screen: 'recovery-codes', codes: ['k7pq-9xmz-3h', 'a2b3-c4d5-e6'] },
    ],
  ])('%s', (_reason, step, expected) => {
    expect(screenAfter(step)).toEqual(expected);
  });
});

describe('groupSecret', () => {
  it('splits the secret into groups of four, the last one shorter', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPAB')).toBe('JBSW Y3DP EHPK 3PXP AB');
  });
  it('ignores spaces already there', () => {
    expect(groupSecret(' JBSW Y3DP ')).toBe('JBSW Y3DP');
  });
});

describe('checkCode', () => {
  it.each([
    ['six digits are an app code', '123456', true, { ok: true, code: '123456' }],
    ['spaces copied from an app are dropped', '123 456', false, { ok: true, code: '123456' }],
    ['a recovery code is taken on the code step', 'k7pq-9xmz-3h', true, { ok: true, code: 'k7pq-9xmz-3h' }],
    ['a recovery code is not a way to set up the app', 'k7pq-9xmz-3h', false, { ok: false, message: 'Enter the code as 6 digits, such as 123456' }],
    ['five digits are too few', '12345', true, { ok: false, message: 'Enter the code as 6 digits, or a recovery code such as k7pq-9xmz-3h' }],
    ['seven digits are too many', '1234567', false, { ok: false, message: 'Enter the code as 6 digits, such as 123456' }],
    ['nothing typed says what to type', '  ', true, { ok: false, message: 'Enter the 6-digit code from your authenticator app, or a recovery code' }],
    ['nothing typed while setting up asks for the app code only', '', false, { ok: false, message: 'Enter the 6-digit code from your authenticator app' }],
  ])('%s', (_reason, typed, allowRecoveryCode, expected) => {
    expect(checkCode(typed, allowRecoveryCode)).toEqual(expected);
  });
});
