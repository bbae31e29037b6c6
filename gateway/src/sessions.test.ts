import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialSigner, generateCredentialKeys } from '@waymark/auth';
import { IdentityClient } from './sessions.js';

/*
 * When a class signs in at once, identity checks thirty passwords at a time and the last may take
 * longer than the gateway waits. That pupil must read "not available right now, try again", the same
 * as when identity is down, not a 500 "something went wrong on our side".
 */
let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** An identity that takes the request and never answers. */
async function silentIdentity(): Promise<string> {
  server = createServer(() => undefined);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const origin = { address: '203.0.113.9', device: '', userAgent: 'test' };

describe('IdentityClient sign-in', () => {
  it('answers 503, try again shortly, when identity takes longer than the gateway waits', async () => {
    const client = new IdentityClient(await silentIdentity(), new CredentialSigner(generateCredentialKeys().privateKeyPem), 100, 0, {
      perMinute: 600,
      burst: 120,
    });
    await expect(client.signIn('pupil@northfield.test', 'a password', origin)).resolves.toEqual({
      ok: false,
      status: 503,
      message: 'Sign-in is not available right now. Try again shortly.',
    });
    await expect(client.completeSecondFactor('pending', '123456', origin)).resolves.toMatchObject({ ok: false, status: 503 });
  });

  it('answers 503 when nothing listens at identity’s address', async () => {
    const closed = await silentIdentity();
    server!.close();
    server = undefined;
    const client = new IdentityClient(closed, new CredentialSigner(generateCredentialKeys().privateKeyPem), 1000, 0, { perMinute: 600, burst: 120 });
    await expect(client.signIn('pupil@northfield.test', 'a password', origin)).resolves.toMatchObject({ ok: false, status: 503 });
  });
});
