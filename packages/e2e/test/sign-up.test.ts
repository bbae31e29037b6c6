// Volunteer sign-up and "forgot password" in the browser, on a phone-width window. A person who
// works for an employer follows "Volunteer with schools" from the sign-in page, fills in the form,
// reads the confirmation email from the stack's mail catcher (it crossed real SMTP), follows its
// link and signs in, and saves their profile on the volunteer record the confirmation made. A former
// pupil finds their school in Waymark's list with the keyboard alone and chooses it; that school
// confirms them: its careers leader sees them waiting and confirms them, and the former pupil reads
// the answer. A demo account asks for a reset link, chooses a new password with
// it, and signs in with that. Every new page is axe-clean with nothing sideways. See docs/security.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { COUNT_REACT_RENDERERS, DEMO_PASSWORD, fitsAtBothWidths, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-sign-up' });
});

afterAll(() => portals?.close());

const PHONE = { width: 390, height: 900 };

async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE });
  await context.addInitScript(COUNT_REACT_RENDERERS);
  return context.newPage();
}

/** The page's h1, nothing wider than the window, and no serious axe findings. */
async function expectPage(page: Page, name: string, heading: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 30_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal scroll on ${name}`).toBeLessThanOrEqual(0);
  await portals.expectAccessible(page, `sign-up-${name}-390`);
}

/** The link in an email the catcher received, on this stack's own origin. */
function linkIn(text: string, page: string): string {
  const match = new RegExp(`(http://[^\\s]+/${page}#token=[A-Za-z0-9_-]+)`).exec(text);
  expect(match, text).not.toBeNull();
  return match![1];
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('volunteer sign-up and password reset in the browser', () => {
  it('an employer volunteer signs up at 390 px, confirms their email from the mail catcher, and signs in', async () => {
    const email = 'jo.bright@brightworks.test';
    const password = 'bright sparks all round';
    const page = await phonePage(portals.browser);
    await page.goto(portals.stack.url);
    await expectPage(page, 'sign-in', 'Sign in to Waymark');
    await page.getByRole('link', { name: 'Volunteer with schools' }).click();
    await expectPage(page, 'form', 'Volunteer with schools');

    // Sending it empty: the summary takes focus and links each problem to its field.
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('link', { name: 'Choose whether you work for an employer or are a former pupil.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('wm-error-summary');

    await page.getByLabel('I work for an employer').check();
    await page.getByLabel('Your full name').fill('Jo Bright');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Choose a password').fill(password);
    await page.getByLabel('Job title').fill('Site manager');
    await page.getByLabel('Organisation name').fill('Brightworks Ltd');
    await page.getByLabel('Sector').selectOption('F');
    await page.getByLabel('Size of your organisation').selectOption('SMALL');
    // A postcode that is not one is caught by the server, beside its field.
    await page.getByLabel('Workplace postcode').fill('LS11');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('link', { name: /Enter the postcode of your workplace, like LS11 5AA/ }).waitFor();
    await expectPage(page, 'form-errors', 'Volunteer with schools');
    await page.getByLabel('Workplace postcode').fill('LS11 5AA');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expectPage(page, 'sent', 'Check your email');

    // Not confirmed yet: sign-in is refused like a wrong password.
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await signIn(page, email, password);
    await page.getByText('Email or password is not right.').waitFor();

    const mail = await portals.stack.mail!.waitFor(email, /Confirm your email/);
    await page.goto(linkIn(mail.text, 'verify-email'));
    await expectPage(page, 'verified', 'Email address confirmed');
    expect(new URL(page.url()).hash).toBe('');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await signIn(page, email, password);
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor({ timeout: 30_000 });
    // Their portal opens with the volunteer record confirming the email made (docs/domain-rules.md,
    // "Volunteering: sign-up and alumni confirmation"), so they can fill in and save their profile.
    await page.getByRole('heading', { level: 1, name: 'My volunteering' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Your profile' }).waitFor({ timeout: 30_000 });
    await page.getByRole('navigation', { name: 'Volunteering' }).getByRole('button', { name: 'What I can offer' }).click();
    await expectPage(page, 'profile', 'What I can offer');
    await page.getByRole('checkbox', { name: 'Talk to a class or assembly' }).check();
    await page.getByLabel('Your home postcode').fill('LS11 5AA');
    await page.getByLabel('Which schools can you help?').selectOption('DISTRICTS');
    await page.getByLabel('Postcode districts').fill('LS6');
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByRole('heading', { name: 'Profile saved' }).waitFor({ timeout: 30_000 });
    await expectPage(page, 'profile-saved', 'What I can offer');

    // The link worked once.
    const again = await phonePage(portals.browser);
    await again.goto(linkIn(mail.text, 'verify-email'));
    await expectPage(again, 'link-used', 'This link does not work');
  });

  it("a former pupil finds and chooses their school with the keyboard at 390 px; that school's careers leader sees them waiting and confirms, at 1,366 and 390 px", async () => {
    const email = 'jordan.lee@alumni.test';
    const password = 'back to northfield again';
    const post = (path: string, body: unknown) =>
      fetch(`${portals.stack.url}/auth/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const form = await phonePage(portals.browser);
    await form.goto(`${portals.stack.url}/volunteer-sign-up`);
    await expectPage(form, 'form-alumni', 'Volunteer with schools');
    await form.getByRole('radio', { name: 'I am a former pupil of a school' }).press('Space');
    await form.getByLabel('Your full name').fill('Jordan Lee');
    await form.getByLabel('Email address').fill(email);
    await form.getByLabel('Choose a password').fill(password);
    await form.getByLabel('Job title').fill('Paramedic');
    await form.getByLabel('Year you left').fill('2014');
    // Without a school chosen from the list, the form says so and sends nothing.
    await form.getByRole('button', { name: 'Sign up' }).click();
    await form.getByRole('link', { name: 'Search for the school you went to and choose it from the list.' }).waitFor();
    // A misspelling finds nothing, and says so; Enter in the box searches (it does not send the form).
    const search = form.getByLabel('Name of your school');
    await search.fill('nrothfeld');
    await search.press('Enter');
    await form.getByRole('status').getByText('No school found — check the spelling').waitFor({ timeout: 30_000 });
    await search.fill('northfield');
    await form.getByRole('button', { name: 'Find my school' }).press('Enter');
    await form.getByRole('status').getByText('1 school found').waitFor({ timeout: 30_000 });
    const school = form.getByRole('radio', { name: /Northfield Academy/ });
    await school.press('Space');
    expect(await school.isChecked()).toBe(true);
    await expectPage(form, 'form-alumni-school', 'Volunteer with schools');
    await form.getByRole('button', { name: 'Sign up' }).press('Enter');
    await expectPage(form, 'sent-alumni', 'Check your email');
    const mail = await portals.stack.mail!.waitFor(email, /Confirm your email/);
    expect((await post('verify-email', { token: /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1] })).status).toBe(200);

    const { page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: 'Volunteer requests' }).click();
    await page.getByRole('heading', { level: 1, name: 'Volunteer requests' }).waitFor({ timeout: 30_000 });
    const jordan = page.getByRole('form', { name: 'Answer Jordan Lee' });
    await jordan.waitFor({ timeout: 30_000 });
    await fitsAtBothWidths(portals, page, 'Volunteer requests', 'sign-up-alumni-waiting');
    // Declining needs a message: the field says so.
    await jordan.getByRole('button', { name: 'Decline' }).click();
    await page.getByText('Write a message saying why you are declining').waitFor();
    await jordan.getByLabel('Your message to them (needed if you decline)').fill('Welcome back to Northfield!');
    await jordan.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('status').getByText('Jordan Lee is confirmed as a former pupil.').waitFor({ timeout: 30_000 });
    // Decided: no longer waiting.
    await page.getByRole('form', { name: 'Answer Jordan Lee' }).waitFor({ state: 'detached', timeout: 30_000 });
    await fitsAtBothWidths(portals, page, 'Volunteer requests', 'sign-up-alumni-confirmed');

    // The former pupil reads the school's answer in their portal.
    const own = await phonePage(portals.browser);
    await own.goto(portals.stack.url);
    await signIn(own, email, password);
    await own.getByRole('heading', { level: 1, name: 'My volunteering' }).waitFor({ timeout: 30_000 });
    await own.getByText('has confirmed you were a pupil there').waitFor({ timeout: 30_000 });
    await own.getByText('Welcome back to Northfield!').waitFor();
    await expectPage(own, 'alumni-confirmed', 'My volunteering');
  });

  it('forgot password: the same answer for any address, a one-time link by email, and sign-in with the new password', async () => {
    const email = 'parent@northfield.test';
    const page = await phonePage(portals.browser);
    await page.goto(portals.stack.url);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expectPage(page, 'forgot', 'Forgot your password?');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expectPage(page, 'forgot-sent', 'Check your email');
    const answer = await page.locator('main p').first().textContent();

    const stranger = await phonePage(portals.browser);
    await stranger.goto(`${portals.stack.url}/forgot-password`);
    await stranger.getByLabel('Email address').fill('nobody@northfield.test');
    await stranger.getByRole('button', { name: 'Send me a link' }).click();
    await stranger.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    expect(await stranger.locator('main p').first().textContent()).toBe(answer);

    const mail = await portals.stack.mail!.waitFor(email, /new Waymark password/);
    const link = linkIn(mail.text, 'reset-password');
    await page.goto(link);
    await expectPage(page, 'reset', 'Choose a new password');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByRole('link', { name: /Use at least 12 characters/ }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('a fresh new passphrase');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expectPage(page, 'reset-done', 'Password changed');

    await page.getByRole('link', { name: 'Sign in' }).click();
    await signIn(page, email, DEMO_PASSWORD);
    await page.getByText('Email or password is not right.').waitFor();
    await signIn(page, email, 'a fresh new passphrase');
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor({ timeout: 30_000 });

    // The link worked once.
    const reuse = await phonePage(portals.browser);
    await reuse.goto(link);
    await reuse.getByLabel('New password', { exact: true }).fill('another fresh passphrase');
    await reuse.getByRole('button', { name: 'Save new password' }).click();
    await reuse.getByRole('link', { name: 'Get a new link' }).waitFor();
    await expectPage(reuse, 'reset-used', 'Choose a new password');
  });
});
