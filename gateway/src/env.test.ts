import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCredentialKeys } from '@waymark/auth';
import { loadEnv } from './env.js';

const key = generateCredentialKeys().privateKeyPem;
const problemsOf = (source: NodeJS.ProcessEnv): string => {
  try {
    loadEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};

describe('gateway configuration', () => {
  it('gives production settings to a deployment that says nothing, whatever NODE_ENV says', () => {
    for (const nodeEnv of [undefined, 'development', 'test', 'production']) {
      const env = loadEnv({ WAYMARK_CREDENTIAL_PRIVATE_KEY: key, NODE_ENV: nodeEnv });
      expect(env.devMode, String(nodeEnv)).toBe(false);
      expect(env.secureCookies, String(nodeEnv)).toBe(true);
    }
    expect(loadEnv({ WAYMARK_CREDENTIAL_PRIVATE_KEY: key, WAYMARK_DEV_MODE: '0' }).devMode).toBe(false);
  });

  it('turns development settings on only for WAYMARK_DEV_MODE=1, and never with NODE_ENV=production', () => {
    const env = loadEnv({ WAYMARK_CREDENTIAL_PRIVATE_KEY: key, WAYMARK_DEV_MODE: '1' });
    expect(env.devMode).toBe(true);
    expect(env.secureCookies).toBe(false);
    expect(problemsOf({ WAYMARK_CREDENTIAL_PRIVATE_KEY: key, WAYMARK_DEV_MODE: '1', NODE_ENV: 'production' })).toMatch(
      /WAYMARK_DEV_MODE=1 .* cannot be used with NODE_ENV=production/,
    );
    expect(problemsOf({ WAYMARK_CREDENTIAL_PRIVATE_KEY: key, WAYMARK_DEV_MODE: 'yes' })).toContain('WAYMARK_DEV_MODE must be 1');
  });

  it('refuses to start without the signing key, or with one that is not an Ed25519 private key, naming what is wrong', () => {
    const missing = problemsOf({});
    expect(missing).toContain('WAYMARK_CREDENTIAL_PRIVATE_KEY is missing');
    expect(missing).toContain('Production settings apply unless WAYMARK_DEV_MODE=1');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    for (const wrong of ['-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----', rsa, generateCredentialKeys().publicKeyPem]) {
      expect(problemsOf({ WAYMARK_CREDENTIAL_PRIVATE_KEY: wrong })).toContain('WAYMARK_CREDENTIAL_PRIVATE_KEY is not an Ed25519 private key');
    }
  });

  it('lists every problem at once', () => {
    const message = problemsOf({
      PORT: 'eighty',
      WAYMARK_IDENTITY_URL: 'not a url',
      WAYMARK_PUBLIC_ORIGIN: 'https://waymark.example.org/path',
      WAYMARK_TRUSTED_PROXIES: '-1',
    });
    for (const name of ['PORT', 'WAYMARK_CREDENTIAL_PRIVATE_KEY', 'WAYMARK_IDENTITY_URL', 'WAYMARK_PUBLIC_ORIGIN', 'WAYMARK_TRUSTED_PROXIES'])
      expect(message).toContain(name);
  });

  it('reads the public origins and the proxies in front', () => {
    const env = loadEnv({
      WAYMARK_CREDENTIAL_PRIVATE_KEY: key,
      WAYMARK_PUBLIC_ORIGIN: 'https://waymark.example.org, https://careers.example.org:8443',
      WAYMARK_TRUSTED_PROXIES: '2',
    });
    expect(env.publicOrigins).toEqual(['https://waymark.example.org', 'https://careers.example.org:8443']);
    expect(env.trustedProxies).toBe(2);
    expect(loadEnv({ WAYMARK_CREDENTIAL_PRIVATE_KEY: key }).publicOrigins).toEqual([]);
  });
});
