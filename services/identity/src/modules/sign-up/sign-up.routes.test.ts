import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@waymark/auth';
import { DEMO_PASSWORD, demoData } from '@waymark/demo-data';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '@waymark/stack';
import { IdentityHarness } from '../../../test/harness.js';
import { Account } from '../account/account.entity.js';
import { PasswordResetService } from '../password-reset/password-reset.service.js';
import { Session } from '../session/session.entity.js';
import { SessionService, WRONG_CREDENTIALS } from '../session/session.service.js';
import { smtpMailer } from '../mail/mailer.js';
import { LINK_NOT_VALID, MAIL_OFF, RESET_SENT, SIGN_UP_SENT } from '../../routes.js';
import { EmailToken, VolunteerSignUp } from './sign-up.entity.js';
import { SignUpService } from './sign-up.service.js';

/*
 * Sign-up, email confirmation and password resets through identity's internal routes, as the
 * gateway calls them, on a real database, with every email crossing SMTP to a real local catcher
 * and read back from it.
 */
const ORIGIN = 'https://waymark.example.org';
const FROM = 'Waymark <no-reply@waymark.example.org>';

let catcher: MailCatcher;
let h: IdentityHarness;
beforeAll(async () => {
  catcher = await startMailCatcher();
  h = await IdentityHarness.start({ mail: { smtpUrl: catcher.smtpUrl, from: FROM } });
});
afterAll(async () => {
  await h?.close();
  await catcher?.stop();
});

let people = 0;
const employer = (overrides: Record<string, unknown> = {}) => ({
  kind: 'employer',
  name: 'Priya Shah',
  email: `priya${(people += 1)}@brightworks.test`,
  password: 'correct horse battery',
  jobTitle: 'Civil engineer',
  organisationName: 'Brightworks Ltd',
  sector: 'F',
  sizeBand: 'MEDIUM',
  postcode: 'ls11 5aa',
  website: 'brightworks.example',
  origin: ORIGIN,
  ...overrides,
});
const tokenIn = (mail: CaughtMail, page: string) => {
  const match = new RegExp(`${ORIGIN}/${page}#token=([A-Za-z0-9_-]+)`).exec(mail.text);
  expect(match, mail.text).not.toBeNull();
  return match![1];
};
const signIn = (email: string, password: string) =>
  h.internal<{ token?: string; error?: string; principal?: Principal }>('/internal/sign-in', { email, password, address: '198.51.100.7' });
const mailTo = (to: string) => catcher.messages().filter((mail) => mail.to.includes(to));

describe('volunteer sign-up', () => {
  it('emails a confirmation link over SMTP; the account signs in only after the link is followed, and the link works once', async () => {
    const form = employer();
    const res = await h.internal('/internal/sign-up', form);
    expect(res).toEqual({ status: 200, body: { message: SIGN_UP_SENT } });

    const mail = await catcher.waitFor(form.email, /Confirm your email/);
    expect(mail.from).toBe('no-reply@waymark.example.org');
    const token = tokenIn(mail, 'verify-email');
    const em = h.orm.em.fork();
    const account = await em.findOneOrFail(Account, { email: form.email });
    expect(account.roles).toEqual(['employer_volunteer']);
    expect(account.awaitingVerificationSince).not.toBeNull();
    expect(account.passwordHash).not.toContain(form.password);
    const details = await em.findOneOrFail(VolunteerSignUp, { accountId: account.id });
    expect(details).toMatchObject({ kind: 'employer', status: 'active', postcode: 'LS11 5AA', sector: 'F', website: 'https://brightworks.example' });
    // Only the token's hash is kept.
    const stored = await em.findOneOrFail(EmailToken, { accountId: account.id });
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(24 * 60 * 60 * 1000);

    // Before confirming: the same answer as a wrong password.
    expect(await signIn(form.email, form.password)).toEqual({ status: 401, body: { error: WRONG_CREDENTIALS } });

    expect((await h.internal('/internal/verify-email', { token })).status).toBe(200);
    expect(await h.internal('/internal/verify-email', { token })).toEqual({ status: 400, body: { error: LINK_NOT_VALID } });
    const signedIn = await signIn(form.email, form.password);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.token).toBeTruthy();

    // What they told us is in their own data download.
    type Part = { sections: { title: string; rows: Record<string, unknown>[] }[] };
    const own = await h.query<{ me: { identitySubjectAccess: Part } }>(signedIn.body.principal!, '{ me { id identitySubjectAccess } }');
    expect(own.errors).toBeUndefined();
    const sections = own.data!.me.identitySubjectAccess.sections;
    expect(sections.find((section) => section.title === 'What you told us when you signed up to volunteer')!.rows).toEqual([
      expect.objectContaining({ kind: 'employer', organisation_name: 'Brightworks Ltd', postcode: 'LS11 5AA', job_title: 'Civil engineer' }),
    ]);
    expect(sections.find((section) => section.title === 'Links we have emailed you that are not used yet')!.rows).toEqual([]);
    expect(JSON.stringify(own)).not.toContain(form.password);
  });

  it('a former pupil waits for the school they chose (by its id, with the name the gateway found for it) to confirm them', async () => {
    const northfield = demoData().schools[0];
    const form = { kind: 'alumni', name: 'Sam Okafor', email: 'sam.okafor@alumni.test', password: 'a long enough password', jobTitle: 'Nurse' };
    const school = { schoolId: northfield.id.toUpperCase(), schoolName: northfield.name };
    expect((await h.internal('/internal/sign-up', { ...form, ...school, yearLeft: '2015', origin: ORIGIN })).status).toBe(200);
    await catcher.waitFor(form.email, /Confirm your email/);
    const em = h.orm.em.fork();
    const account = await em.findOneOrFail(Account, { email: form.email });
    expect(account.roles).toEqual(['alumni']);
    expect(await em.findOneOrFail(VolunteerSignUp, { accountId: account.id })).toMatchObject({
      kind: 'alumni',
      status: 'awaiting-school',
      schoolId: northfield.id,
      schoolName: northfield.name,
      yearLeft: 2015,
      organisationName: null,
    });
  });

  it('answers a known email exactly like a new one, and tells the owner by email instead', async () => {
    const accountsBefore = await h.orm.em.fork().count(Account, {});
    const res = await h.internal('/internal/sign-up', employer({ email: 'Employer@Acme.test' }));
    expect(res).toEqual({ status: 200, body: { message: SIGN_UP_SENT } });
    const mail = await catcher.waitFor('employer@acme.test', /already have a Waymark account/);
    expect(mail.text).toContain(`${ORIGIN}/forgot-password`);
    expect(mail.text).not.toMatch(/#token=/);
    expect(await h.orm.em.fork().count(Account, {})).toBe(accountsBefore);
    // The existing account's password is untouched.
    expect((await signIn('employer@acme.test', DEMO_PASSWORD)).status).toBe(200);
  });

  it('lists every problem with its field and saves nothing', async () => {
    const form = employer({ name: ' ', password: 'short', sector: 'Z', sizeBand: 'HUGE', postcode: 'not a postcode', website: 'nope', jobTitle: '' });
    const res = await h.internal<{ problems: { field: string }[] }>('/internal/sign-up', form);
    expect(res.status).toBe(400);
    expect(res.body.problems.map((p) => p.field)).toEqual(['name', 'password', 'jobTitle', 'sector', 'sizeBand', 'postcode', 'website']);
    const alumni = await h.internal<{ problems: { field: string }[] }>('/internal/sign-up', {
      ...employer({ kind: 'alumni' }),
      schoolName: 'Northfield Academy',
      yearLeft: String(new Date().getUTCFullYear() + 1),
    });
    expect(alumni.body.problems.map((p) => p.field)).toEqual(['schoolId', 'yearLeft']);
    // A school's name alone, or an id without the name the gateway adds once it found the school, is no choice.
    for (const school of [
      { schoolName: 'Northfield Academy' },
      { schoolId: demoData().schools[0].id },
      { schoolId: 'northfield', schoolName: 'Northfield Academy' },
    ]) {
      const res = await h.internal<{ problems: { field: string }[] }>('/internal/sign-up', { ...employer({ kind: 'alumni' }), ...school, yearLeft: '2015' });
      expect(res.status).toBe(400);
      expect(res.body.problems.map((p) => p.field)).toEqual(['schoolId']);
    }
    expect(await h.orm.em.fork().count(Account, { email: form.email })).toBe(0);
    expect(mailTo(form.email)).toEqual([]);
  });

  it('saves nothing when the mail server does not take the email', async () => {
    const closed = await startMailCatcher();
    await closed.stop();
    const service = new SignUpService(h.orm.em.fork(), smtpMailer({ smtpUrl: closed.smtpUrl, from: FROM }));
    const form = employer();
    const [detailsBefore, tokensBefore] = await Promise.all([h.orm.em.fork().count(VolunteerSignUp, {}), h.orm.em.fork().count(EmailToken, {})]);
    await expect(service.signUp(form, ORIGIN)).rejects.toThrow();
    const em = h.orm.em.fork();
    expect(await em.count(Account, { email: form.email })).toBe(0);
    expect(await em.count(VolunteerSignUp, {})).toBe(detailsBefore);
    expect(await em.count(EmailToken, {})).toBe(tokensBefore);
  });

  it('a confirmation link lasts 24 hours', async () => {
    const at = new Date('2026-03-02T09:00:00Z');
    const form = employer();
    await new SignUpService(h.orm.em.fork(), smtpMailer({ smtpUrl: catcher.smtpUrl, from: FROM })).signUp(form, ORIGIN, at);
    const token = tokenIn(await catcher.waitFor(form.email, /Confirm/), 'verify-email');
    const verify = (when: Date) => new SignUpService(h.orm.em.fork(), smtpMailer({ smtpUrl: catcher.smtpUrl, from: FROM })).verifyEmail(token, when);
    expect(await verify(new Date(at.getTime() + 24 * 60 * 60 * 1000 + 1))).toBeNull();
    // An expired link is gone, not merely refused.
    expect(await verify(at)).toBeNull();
    expect((await h.orm.em.fork().findOneOrFail(Account, { email: form.email })).awaitingVerificationSince).not.toBeNull();
  });

  it('is turned off, saying so, without a mail server', async () => {
    const off = await IdentityHarness.start();
    try {
      expect(await off.internal('/internal/sign-up', employer())).toEqual({ status: 503, body: { error: MAIL_OFF } });
      expect(await off.internal('/internal/forgot-password', { email: 'employer@acme.test', origin: ORIGIN })).toEqual({
        status: 503,
        body: { error: MAIL_OFF },
      });
    } finally {
      await off.close();
    }
  });
});

describe('password reset', () => {
  it('emails a one-hour link; the new password ends every session, and the link works once', async () => {
    const who = 'alumni@northfield.test';
    const session = await signIn(who, DEMO_PASSWORD);
    expect(session.status).toBe(200);
    const res = await h.internal('/internal/forgot-password', { email: ' Alumni@Northfield.test ', origin: ORIGIN });
    expect(res).toEqual({ status: 200, body: { message: RESET_SENT } });
    const token = tokenIn(await catcher.waitFor(who, /new Waymark password/), 'reset-password');

    const weak = await h.internal<{ problems: { field: string }[] }>('/internal/reset-password', { token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.problems.map((p) => p.field)).toEqual(['password']);

    expect((await h.internal('/internal/reset-password', { token, password: 'a brand new passphrase' })).status).toBe(200);
    expect(await h.internal('/internal/session', { token: session.body.token })).toMatchObject({ status: 401 });
    const account = await h.orm.em.fork().findOneOrFail(Account, { email: who });
    expect(await h.orm.em.fork().count(Session, { accountId: account.id })).toBe(0);
    expect(await h.internal('/internal/reset-password', { token, password: 'yet another passphrase' })).toEqual({
      status: 400,
      body: { error: LINK_NOT_VALID },
    });
    expect((await signIn(who, DEMO_PASSWORD)).status).toBe(401);
    expect((await signIn(who, 'a brand new passphrase')).status).toBe(200);
  });

  it('answers an unknown email the same, and sends nothing', async () => {
    const before = catcher.messages().length;
    expect(await h.internal('/internal/forgot-password', { email: 'nobody@nowhere.test', origin: ORIGIN })).toEqual({
      status: 200,
      body: { message: RESET_SENT },
    });
    expect(catcher.messages().length).toBe(before);
  });

  it('a reset link lasts one hour, and asking again within a minute sends nothing more', async () => {
    const at = new Date('2026-04-01T10:00:00Z');
    const who = 'parent@northfield.test';
    const service = () => new PasswordResetService(h.orm.em.fork(), smtpMailer({ smtpUrl: catcher.smtpUrl, from: FROM }));
    await service().request(who, ORIGIN, at);
    await service().request(who, ORIGIN, new Date(at.getTime() + 30_000));
    const token = tokenIn(await catcher.waitFor(who, /new Waymark password/), 'reset-password');
    expect(mailTo(who)).toHaveLength(1);
    expect(await service().reset(token, 'a brand new passphrase', new Date(at.getTime() + 60 * 60 * 1000 + 1))).toEqual({ ok: false, reason: 'invalid-link' });
    expect((await new SessionService(h.orm.em.fork()).signIn(who, DEMO_PASSWORD, { address: '198.51.100.9', device: null })).ok).toBe(true);
  });

  it('sends a new confirmation link, not a reset, to an account still waiting for one', async () => {
    const form = employer();
    await h.internal('/internal/sign-up', form);
    await catcher.waitFor(form.email, /Confirm/);
    const at = new Date(Date.now() + 2 * 60 * 1000);
    await new PasswordResetService(h.orm.em.fork(), smtpMailer({ smtpUrl: catcher.smtpUrl, from: FROM })).request(form.email, ORIGIN, at);
    const confirmations = mailTo(form.email);
    expect(confirmations.map((mail) => mail.subject)).toEqual(['Confirm your email address for Waymark', 'Confirm your email address for Waymark']);
    // Only the newest link works.
    expect((await h.internal('/internal/verify-email', { token: tokenIn(confirmations[0], 'verify-email') })).status).toBe(400);
    expect((await h.internal('/internal/verify-email', { token: tokenIn(confirmations[1], 'verify-email') })).status).toBe(200);
  });
});
