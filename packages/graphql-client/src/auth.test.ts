import { describe, expect, it } from 'vitest';
import { SignInError, signInStepOf } from './auth.js';

const account = { id: 'a1', displayName: 'Priya Shah', roles: ['careers_leader'] };

describe('signInStepOf', () => {
  it.each([
    ['a finished sign-in', { account }, { kind: 'signed-in', account, recoveryCodes: null }],
    [
      'a finished set-up, with its recovery codes',
      { account, recoveryCodes: ['k7pq-9xmz-3h'] },
      { kind: 'signed-in', account, recoveryCodes: ['k7pq-9xmz-3h'] },
    ],
    ['a code is needed next', { secondFactor: 'code' }, { kind: 'code' }],
    [
      'an app must be set up first',
      { secondFactor: 'enrol', secret: 'JBSWY3DP', otpauthUri: 'otpauth://totp/x' },
      { kind: 'enrol', secret: 'JBSWY3DP', otpauthUri: 'otpauth://totp/x' },
    ],
  ])('reads %s', (_reason, body, expected) => {
    expect(signInStepOf(body)).toEqual(expected);
  });

  it.each([
    ['an empty answer', {}],
    ['a set-up without its secret', { secondFactor: 'enrol' }],
    ['a step it does not know', { secondFactor: 'fingerprint' }],
  ])('treats %s as a failed sign-in, never as signed in', (_reason, body) => {
    expect(() => signInStepOf(body)).toThrow(SignInError);
  });
});
