import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testKeys } from '@waymark/subgraph-kit/testing';
import { openSecret, parseSecretsKey, sealSecret } from './secret-box.js';

const key = randomBytes(32);
const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('sealed second-factor secrets', () => {
  it('open to what was sealed, never hold it in the clear, and seal the same secret the same way', () => {
    const sealed = sealSecret(secret, key);
    expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(secret);
    expect(openSecret(sealed, key)).toBe(secret);
    expect(sealSecret(secret, key)).toBe(sealed);
    expect(sealSecret('KRSXG5BAMFZWK4TF', key)).not.toBe(sealed);
  });

  it('refuse another key and a tampered value', () => {
    const sealed = sealSecret(secret, key);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow();
    // One bit of the ciphertext flipped (a character swapped could decode to the same bytes, or be the same character).
    const bytes = Buffer.from(sealed.slice('v1:'.length), 'base64url');
    bytes[bytes.length - 1] ^= 1;
    const tampered = `v1:${bytes.toString('base64url')}`;
    expect(tampered).not.toBe(sealed);
    expect(() => openSecret(tampered, key)).toThrow();
  });

  it('read a secret stored before sealing as it is', () => {
    expect(openSecret(secret, key)).toBe(secret);
  });

  it('take a key only as 32 bytes of base64', () => {
    expect(parseSecretsKey(key.toString('base64'))).toEqual(key);
    expect(parseSecretsKey(randomBytes(16).toString('base64'))).toBeNull();
    expect(parseSecretsKey('not a key at all!')).toBeNull();
  });
});

describe('WAYMARK_SECRETS_KEY', () => {
  const base = { WAYMARK_CREDENTIAL_PUBLIC_KEY: testKeys().publicKeyPem };
  it('is required in production, checked when given, and a public development key otherwise', async () => {
    const { loadEnv } = await import('../../env.js');
    const { DEVELOPMENT_SECRETS_KEY } = await import('./secret-box.js');
    expect(() => loadEnv({ ...base, NODE_ENV: 'production' })).toThrow(/WAYMARK_SECRETS_KEY must be set in production/);
    expect(() => loadEnv({ ...base, NODE_ENV: 'production', WAYMARK_SECRETS_KEY: 'too short' })).toThrow(/WAYMARK_SECRETS_KEY must be 32 bytes/);
    expect(loadEnv({ ...base, NODE_ENV: 'production', WAYMARK_SECRETS_KEY: key.toString('base64') }).secretsKey).toEqual(key);
    expect(loadEnv({ ...base, NODE_ENV: 'development' }).secretsKey).toEqual(DEVELOPMENT_SECRETS_KEY);
  });
});
