import { describe, expect, it } from 'vitest';
import { testKeys } from '@waymark/subgraph-kit/testing';
import { DEFAULT_MAIL_FROM, loadEnv } from '../../env.js';

const base = { WAYMARK_CREDENTIAL_PUBLIC_KEY: testKeys().publicKeyPem };

describe('mail settings', () => {
  it('without WAYMARK_SMTP_URL, mail (and so sign-up and password resets) is off', () => {
    expect(loadEnv(base).mail).toBeNull();
  });

  it('takes an smtp:// URL and a From address, with a default From', () => {
    expect(loadEnv({ ...base, WAYMARK_SMTP_URL: 'smtp://127.0.0.1:1025' }).mail).toEqual({ smtpUrl: 'smtp://127.0.0.1:1025', from: DEFAULT_MAIL_FROM });
    expect(loadEnv({ ...base, WAYMARK_SMTP_URL: 'smtps://user:pw@mail.example.org', WAYMARK_MAIL_FROM: 'careers@example.org' }).mail?.from).toBe(
      'careers@example.org',
    );
  });

  it('refuses to start with settings that cannot send', () => {
    expect(() => loadEnv({ ...base, WAYMARK_SMTP_URL: 'http://mail.example.org' })).toThrow(/WAYMARK_SMTP_URL must be an smtp/);
    expect(() => loadEnv({ ...base, WAYMARK_SMTP_URL: 'smtp://127.0.0.1:1025', WAYMARK_MAIL_FROM: 'Waymark' })).toThrow(/WAYMARK_MAIL_FROM/);
  });
});
