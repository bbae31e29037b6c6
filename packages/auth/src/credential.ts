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

export class CredentialSigner {
  private readonly key: KeyObject;

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
}

export type VerifyResult = { ok: true; principal: Principal } | { ok: false; reason: string };

export class CredentialVerifier {
  private readonly key: KeyObject;

  constructor(publicKeyPem: string) {
    this.key = createPublicKey(publicKeyPem);
  }

  async verify(token: string | undefined | null): Promise<VerifyResult> {
    if (!token) return { ok: false, reason: 'missing credential' };
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALGORITHM],
      });
      const principal = (payload as { p?: Principal }).p;
      if (!principal || typeof principal.accountId !== 'string' || !Array.isArray(principal.roles)) {
        return { ok: false, reason: 'malformed credential' };
      }
      return { ok: true, principal };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired credential' };
      return { ok: false, reason: 'invalid credential' };
    }
  }
}
