import { generateKeyPairSync, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import type { Principal } from './principal.js';

/**
 * The internal credential: a short-lived EdDSA-signed JWT the gateway attaches to every subgraph
 * call. Subgraphs hold only the public key, so a compromised subgraph cannot mint credentials.
 */
export const CREDENTIAL_HEADER = 'x-waymark-credential';
const ISSUER = 'waymark-gateway';
const AUDIENCE = 'waymark-subgraphs';
const ALGORITHM = 'EdDSA';
export const CREDENTIAL_TTL_SECONDS = 60;

export interface KeyPairPem {
  privateKeyPem: string;
  publicKeyPem: string;
}

export function generateCredentialKeys(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Whether `pem` is a private key credentials can be signed with (Ed25519, PEM): a setting to check before anything runs. */
export function isCredentialPrivateKey(pem: string): boolean {
  try {
    return createPrivateKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/** At most this many principals' credentials (signer) or verified credentials (verifier) are remembered. */
const REMEMBERED = 10_000;

export class CredentialSigner {
  private readonly key: KeyObject;
  /** Each principal's current credential (by the principal's JSON), and until when it is handed out again. */
  private readonly current = new Map<string, { token: Promise<string>; reuseUntil: number }>();

  constructor(privateKeyPem: string) {
    this.key = createPrivateKey(privateKeyPem);
  }

  sign(principal: Principal, ttlSeconds = CREDENTIAL_TTL_SECONDS): Promise<string> {
    return new SignJWT({ p: principal })
      .setProtectedHeader({ alg: ALGORITHM })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(principal.accountId)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
  }

  /**
   * A credential for the principal, the same one for every request during the first half of its
   * life, so subgraphs verify it once (see CredentialVerifier) rather than on every call. Any
   * change to the principal (roles, school, children) makes a new one; a reused credential still
   * has at least half its lifetime left when a subgraph receives it.
   */
  credentialFor(principal: Principal, now = Date.now()): Promise<string> {
    const key = JSON.stringify(principal);
    const held = this.current.get(key);
    if (held && now < held.reuseUntil) return held.token;
    if (this.current.size >= REMEMBERED) this.current.clear();
    const token = this.sign(principal);
    this.current.set(key, { token, reuseUntil: now + (CREDENTIAL_TTL_SECONDS * 1000) / 2 });
    token.catch(() => this.current.delete(key));
    return token;
  }
}

export type VerifyResult = { ok: true; principal: Principal } | { ok: false; reason: string };

export class CredentialVerifier {
  private readonly key: KeyObject;

  constructor(publicKeyPem: string) {
    this.key = createPublicKey(publicKeyPem);
  }

  /** Credentials already verified, with their expiry (ms): a gateway hands the same one out for a while. */
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();

  async verify(token: string | undefined | null, now = Date.now()): Promise<VerifyResult> {
    if (!token) return { ok: false, reason: 'missing credential' };
    const known = this.verified.get(token);
    if (known) {
      if (now < known.expiresAt) return { ok: true, principal: known.principal };
      this.verified.delete(token);
      return { ok: false, reason: 'expired credential' };
    }
    const result = await this.check(token);
    if (result.ok) {
      if (this.verified.size >= REMEMBERED) this.verified.clear();
      this.verified.set(token, { principal: result.principal, expiresAt: result.expiresAt });
      return { ok: true, principal: result.principal };
    }
    return result;
  }

  private async check(token: string): Promise<{ ok: true; principal: Principal; expiresAt: number } | { ok: false; reason: string }> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALGORITHM],
        requiredClaims: ['exp'],
      });
      const principal = (payload as { p?: Principal }).p;
      if (!principal || typeof principal.accountId !== 'string' || !Array.isArray(principal.roles)) {
        return { ok: false, reason: 'malformed credential' };
      }
      // jwtVerify has checked that `exp` is there and in the future.
      return { ok: true, principal, expiresAt: Number(payload.exp) * 1000 };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired credential' };
      return { ok: false, reason: 'invalid credential' };
    }
  }
}
