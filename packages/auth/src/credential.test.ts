import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { createPrivateKey } from 'node:crypto';
import { CredentialSigner, CredentialVerifier, generateCredentialKeys } from './credential.js';
import { SYSTEM_PRINCIPAL, type Principal } from './principal.js';
import { hashPassword, hashToken, newToken, usePasswordHashCost, verifyPassword } from './password.js';

const keys = generateCredentialKeys();
const leader: Principal = { ...SYSTEM_PRINCIPAL, kind: 'user', accountId: 'a1', roles: ['careers_leader'], schoolId: 's1' };

describe('internal credential', () => {
  it('round-trips the principal the gateway signed', async () => {
    const token = await new CredentialSigner(keys.privateKeyPem).sign(leader);
    const result = await new CredentialVerifier(keys.publicKeyPem).verify(token);
    expect(result).toEqual({ ok: true, principal: leader });
  });

  it('refuses a credential signed by another key, an expired one, a tampered one and none', async () => {
    const verifier = new CredentialVerifier(keys.publicKeyPem);
    const other = await new CredentialSigner(generateCredentialKeys().privateKeyPem).sign(leader);
    expect(await verifier.verify(other)).toEqual({ ok: false, reason: 'invalid credential' });
    const expired = await new SignJWT({ p: leader })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('waymark-gateway')
      .setAudience('waymark-subgraphs')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 300)
      .sign(createPrivateKey(keys.privateKeyPem));
    expect(await verifier.verify(expired)).toEqual({ ok: false, reason: 'expired credential' });
    const good = await new CredentialSigner(keys.privateKeyPem).sign(leader);
    const [header, , signature] = good.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ p: { ...leader, schoolId: 's2' }, iss: 'waymark-gateway', aud: 'waymark-subgraphs', exp: 9999999999 }),
    ).toString('base64url');
    expect((await verifier.verify(`${header}.${forgedPayload}.${signature}`)).ok).toBe(false);
    expect(await verifier.verify(undefined)).toEqual({ ok: false, reason: 'missing credential' });
  });
});

describe('credential reuse', () => {
  it('hands out the same credential for the same principal during half its life, and a new one after or for a changed principal', async () => {
    const signer = new CredentialSigner(keys.privateKeyPem);
    const now = Date.now();
    const first = await signer.credentialFor(leader, now);
    expect(await signer.credentialFor({ ...leader }, now + 29_000)).toBe(first);
    expect(await signer.credentialFor({ ...leader, schoolId: 's2' }, now + 1_000)).not.toBe(first);
    // Issued-at has one-second resolution: a credential signed a second later differs.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await signer.credentialFor(leader, now + 31_000)).not.toBe(first);
  });

  it('remembers a verified credential only until it expires, and never a bad one', async () => {
    const verifier = new CredentialVerifier(keys.publicKeyPem);
    const token = await new CredentialSigner(keys.privateKeyPem).sign(leader, 60);
    const now = Date.now();
    expect(await verifier.verify(token, now)).toEqual({ ok: true, principal: leader });
    expect(await verifier.verify(token, now + 30_000)).toEqual({ ok: true, principal: leader });
    expect(await verifier.verify(token, now + 61_000)).toEqual({ ok: false, reason: 'expired credential' });
    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect((await verifier.verify(tampered)).ok).toBe(false);
    expect((await verifier.verify(tampered)).ok).toBe(false);
  });
});

describe('passwords and tokens', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const first = await hashPassword('waymark-demo');
    const second = await hashPassword('waymark-demo');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('waymark-demo', first)).toBe(true);
    expect(await verifyPassword('waymark-dem0', first)).toBe(false);
    expect(await verifyPassword('waymark-demo', 'bcrypt$nonsense')).toBe(false);
  });

  it('hashes at the lower test cost only when asked, and checks a hash by the cost it carries', async () => {
    try {
      usePasswordHashCost('test');
      const cheap = await hashPassword('waymark-demo');
      expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
      expect(await verifyPassword('waymark-demo', cheap)).toBe(true);
      expect(await verifyPassword('waymark-dem0', cheap)).toBe(false);
      usePasswordHashCost('production');
      expect(await hashPassword('waymark-demo')).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(await verifyPassword('waymark-demo', cheap)).toBe(true);
    } finally {
      usePasswordHashCost('production');
    }
  });

  it('stores tokens only as a hash', () => {
    const token = newToken();
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});
