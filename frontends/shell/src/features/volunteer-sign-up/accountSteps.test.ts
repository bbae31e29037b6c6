import { describe, expect, it } from 'vitest';
import { publicPageOf, readAnswer, tokenFromHash } from './accountSteps';

describe('public account pages', () => {
  it('opens a public page only for its exact path', () => {
    expect(publicPageOf('/volunteer-sign-up')).toBe('volunteer-sign-up');
    expect(publicPageOf('/reset-password/')).toBe('reset-password');
    expect(publicPageOf('/')).toBeNull();
    expect(publicPageOf('/leader/verify-email')).toBeNull();
  });

  it('reads the token after # in an emailed link', () => {
    expect(tokenFromHash('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromHash('')).toBe('');
  });

  it('reads an answer: the message, and the first problem for each field', () => {
    expect(readAnswer(200, { message: 'Check your email.' })).toEqual({ ok: true, message: 'Check your email.', problems: {} });
    expect(
      readAnswer(400, {
        error: 'Check the answers marked below.',
        problems: [
          { field: 'email', message: 'Enter an email address.' },
          { field: 'email', message: 'A second one.' },
          { field: 7, message: 'ignored' },
        ],
      }),
    ).toEqual({ ok: false, message: 'Check the answers marked below.', problems: { email: 'Enter an email address.' } });
    expect(readAnswer(502, 'not json').message).toMatch(/not available/);
  });
});
