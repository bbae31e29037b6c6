import { describe, expect, it } from 'vitest';
import { useTestStack } from './test-stack.js';

/*
 * Signing up as a volunteer and "forgot password" through the real gateway and identity, with
 * production settings and the local mail catcher: the same rules as sign-in (JSON only, from
 * Waymark's own pages), answers that never tell whether an email has an account, and links that
 * open the configured public origin, never the Host a request names.
 */
const PUBLIC_ORIGIN = 'https://waymark.example.org';
const stack = useTestStack({ name: 'account_steps', env: { WAYMARK_PUBLIC_ORIGIN: PUBLIC_ORIGIN } });

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${stack.url}/auth/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const answer = async (response: Response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> });

const volunteer = (email: string) => ({
  kind: 'employer',
  name: 'Lee Harper',
  email,
  password: 'twelve or more characters',
  jobTitle: 'Electrician',
  organisationName: 'Harper Electrical',
  sector: 'F',
  sizeBand: 'MICRO',
  postcode: 'M1 1AE',
});

describe('public account steps', () => {
  it('take only JSON from our own pages', async () => {
    for (const path of ['sign-up', 'verify-email', 'forgot-password', 'reset-password', 'find-school']) {
      const plain = await fetch(`${stack.url}/auth/${path}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
      expect(plain.status).toBe(415);
      expect((await post(path, {}, { origin: 'https://evil.example' })).status).toBe(403);
      expect((await post(path, {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    }
  });

  it('answer a sign-up with a known email exactly like a new one; each owner learns which by email', async () => {
    const fresh = await answer(await post('sign-up', volunteer('lee.harper@harper.test'), { host: 'evil.example' }));
    const known = await answer(await post('sign-up', volunteer('employer@acme.test')));
    expect(fresh.status).toBe(200);
    expect(known).toEqual(fresh);
    const confirm = await stack.mail!.waitFor('lee.harper@harper.test', /Confirm your email/);
    expect(confirm.text).toContain(`${PUBLIC_ORIGIN}/verify-email#token=`);
    expect(confirm.text).not.toContain('evil.example');
    await stack.mail!.waitFor('employer@acme.test', /already have a Waymark account/);
  });

  it('answer "forgot password" the same for any email, and confirm an email only with a real link', async () => {
    const known = await answer(await post('forgot-password', { email: 'leader@northfield.test' }));
    const unknown = await answer(await post('forgot-password', { email: 'nobody@northfield.test' }));
    expect(known.status).toBe(200);
    expect(unknown).toEqual(known);
    const reset = await stack.mail!.waitFor('leader@northfield.test', /new Waymark password/);
    expect(reset.text).toContain(`${PUBLIC_ORIGIN}/reset-password#token=`);
    expect(stack.mail!.messages().some((mail) => mail.to.includes('nobody@northfield.test'))).toBe(false);

    expect((await answer(await post('verify-email', { token: 'not-a-real-token' }))).status).toBe(400);
    const token = /#token=([A-Za-z0-9_-]+)/.exec(reset.text)![1];
    // A reset link is not a confirmation link.
    expect((await answer(await post('verify-email', { token }))).status).toBe(400);
  });

  it('say so in plain words when identity is not answering (run last: it stops identity)', async () => {
    await stack.stopService('identity');
    const down = await answer(await post('forgot-password', { email: 'leader@northfield.test' }));
    expect(down).toEqual({ status: 503, body: { error: 'This is not available right now. Try again shortly.' } });
  });
});
