import { randomBytes, scrypt, timingSafeEqual, createHash } from 'node:crypto';

// scrypt with N=2^15, r=8, p=1 (about 32 MiB per hash): OWASP's recommended floor for scrypt.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
// Tests only (usePasswordHashCost('test')): N=2^10, a thirty-second of the work. A hash carries its
// own parameters, so verifyPassword checks either kind; production hashes are always N=2^15.
const TEST_N = 2 ** 10;
let newHashN = N;

/**
 * Tests only: `'test'` makes hashPassword use N=2^10 instead of 2^15 (about 2 ms instead of 170 ms
 * of processor time per hash), for test runs that sign in hundreds of times (identity's
 * WAYMARK_TEST_CHEAP_PASSWORD_HASHES=1, which only the test stacks set). The production cost keeps
 * its own test in this package.
 */
export function usePasswordHashCost(cost: 'production' | 'test'): void {
  newHashN = cost === 'test' ? TEST_N : N;
}

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: 128 * n * r * 2 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, newHashN, R, P);
  return ['scrypt', newHashN, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Session tokens and API secrets are stored only as their SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
