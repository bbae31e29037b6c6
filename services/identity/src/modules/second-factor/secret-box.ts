import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';
import { Type } from '@mikro-orm/core';

/**
 * Second-factor secrets are kept encrypted (AES-256-GCM) under a key the database never holds
 * (`WAYMARK_SECRETS_KEY`): a copy of the database alone cannot mint anyone's codes. The nonce is
 * derived from the key and the secret, so one secret always seals the same way (the ORM sees no
 * change where there is none); distinct secrets never share a nonce.
 */
const PREFIX = 'v1:';
const KEY_BYTES = 32;

/** Outside production only, when no key is given: fixed and public, so never for real data. */
export const DEVELOPMENT_SECRETS_KEY = createHash('sha256').update('waymark development secrets key: not secret').digest();

let currentKey: Buffer = DEVELOPMENT_SECRETS_KEY;

/** The key this process seals and opens secrets with (set once at start). */
export function useSecretsKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error('The secrets key must be 32 bytes.');
  currentKey = key;
}

/** A key written as base64 (32 bytes), or null when it is not one. */
export function parseSecretsKey(text: string): Buffer | null {
  const key = Buffer.from(text.trim(), 'base64');
  return key.length === KEY_BYTES && /^[A-Za-z0-9+/=\s]+$/.test(text) ? key : null;
}

export function sealSecret(plain: string, key: Buffer = currentKey): string {
  const nonce = createHmac('sha256', key).update(plain).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url');
}

/** The secret a sealed value holds; a value stored before secrets were sealed is read as it is. Throws on a wrong key or a tampered value. */
export function openSecret(stored: string, key: Buffer = currentKey): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const bytes = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

/** A string column whose value is sealed on the way in and opened on the way out. */
export class SealedSecretType extends Type<string | null, string | null> {
  override convertToDatabaseValue(value: string | null | undefined): string | null {
    if (value == null) return null;
    return value.startsWith(PREFIX) ? value : sealSecret(value);
  }

  override convertToJSValue(value: string | null | undefined): string | null {
    return value == null ? null : openSecret(value);
  }

  override getColumnType(): string {
    return 'varchar(255)';
  }

  override compareAsType(): string {
    return 'string';
  }
}
