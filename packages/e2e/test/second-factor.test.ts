// A second factor in the browser. A careers leader turns on "require an authenticator app" for their
// school's staff on Your account, signs out, and at the next sign-in sets up the app (the key shown
// on the page, the code computed here as the app would), saves the recovery codes, then signs in
// again with a code. On Your account they see the device they are on marked and sign another one
// out. Every new page is axe-clean with nothing sideways at 1,366 and 390 px. See docs/security.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { base32Decode, totp } from '@waymark/identity';
import { DEMO_PASSWORD, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-second-factor', shared: true });
});

afterAll(() => portals?.close());

const LEADER = 'leader@northfield.test';

/** Laptop and phone widths: nothing wider than the window, and no serious axe findings. */
async function expectFitsAndAccessible(page: Page, name: string, heading: string): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scroll on ${name} at ${width}px`).toBeLessThanOrEqual(0);
    await portals.expectAccessible(page, `second-factor-${name}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function openYourAccount(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your account' }).click();
  await page.getByRole('heading', { level: 2, name: 'Where you are signed in' }).waitFor({ timeout: 30_000 });
}

async function enterPassword(page: Page): Promise<void> {
  await page.getByLabel('Email address').fill(LEADER);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('a second factor in the browser', () => {
  it('a careers leader requires an app of their staff, sets one up at sign-in, signs in with a code and signs another device out', async () => {
    // Another browser the leader is signed in on, to sign out later.
    const other = await portals.signIn(LEADER);
    await other.page.getByRole('link', { name: 'Your account' }).waitFor({ timeout: 30_000 });

    const { context, page } = await portals.signIn(LEADER);
    await openYourAccount(page);
    await expectFitsAndAccessible(page, 'your-account', 'Your account');

    const rule = page.getByRole('region', { name: 'Authenticator apps for your staff' });
    await rule.getByRole('button', { name: "Require it of your school's staff" }).click();
    await rule.getByText("A code is now required of your school's staff").waitFor();
    await rule.getByRole('button', { name: 'Stop requiring it' }).waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await enterPassword(page);

    // Not set up yet: the key to type into an app, grouped in fours, and the link for a phone.
    await page.getByRole('heading', { level: 1, name: 'Set up your authenticator app' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Set up your authenticator app');
    const shownKey = (await page.locator('main ol code').textContent())!;
    expect(shownKey).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    expect(await page.getByRole('link', { name: 'open it in your authenticator app' }).getAttribute('href')).toMatch(/^otpauth:\/\/totp\//);
    const codeField = page.getByLabel('Code from your authenticator app');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    await expectFitsAndAccessible(page, 'set-up', 'Set up your authenticator app');

    // A code of the wrong shape: the error summary takes focus and links to the field.
    await codeField.fill('12345');
    await page.getByRole('button', { name: 'Turn it on and sign in' }).click();
    await page.getByRole('link', { name: 'Enter the code as 6 digits, such as 123456' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('wm-error-summary');

    const key = base32Decode(shownKey.replace(/ /g, ''))!;
    await codeField.fill(totp(key, new Date()));
    await page.getByRole('button', { name: 'Turn it on and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Save your recovery codes' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Save these codes now' }).waitFor();
    expect(await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count()).toBe(10);
    await expectFitsAndAccessible(page, 'recovery-codes', 'Save your recovery codes');
    await page.getByRole('button', { name: 'I have saved them, continue' }).click();
    await page.getByRole('link', { name: 'Your account' }).waitFor({ timeout: 30_000 });

    // The next sign-in asks for a code; one from the app's next 30 seconds, as a code is good once.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await enterPassword(page);
    await page.getByRole('heading', { level: 1, name: 'Enter your code' }).waitFor({ timeout: 30_000 });
    await page.getByText('Enter the 6-digit code from your authenticator app (or a recovery code).').waitFor();
    await expectFitsAndAccessible(page, 'code', 'Enter your code');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: 'Enter the 6-digit code from your authenticator app', exact: true }).waitFor();
    await page.getByLabel('Code from your authenticator app').fill(totp(key, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: 'Continue' }).click();

    await openYourAccount(page);
    const app = page.getByRole('region', { name: 'Authenticator app' });
    await app.getByText(/You have 10 recovery codes left/).waitFor();
    await app.getByText('Your school or trust requires it, so it cannot be turned off.').waitFor();
    expect(await app.getByRole('button', { name: 'Turn off your authenticator app' }).count()).toBe(0);

    const devices = page.getByRole('list', { name: 'Signed-in devices' });
    expect(await devices.getByText('This device', { exact: true }).count()).toBe(1);
    const endButtons = devices.getByRole('button', { name: /^Sign out this device/ });
    const before = await endButtons.count();
    expect(before).toBeGreaterThanOrEqual(1);
    await expectFitsAndAccessible(page, 'your-account-second-factor', 'Your account');
    await endButtons.first().click();
    await page.getByText(/has been signed out$/).waitFor();
    await endButtons.nth(before - 1).waitFor({ state: 'detached' });
    expect(await devices.getByText('This device', { exact: true }).count()).toBe(1);

    await other.context.close();
    await context.close();
  });

  it('a pupil has Your account with a password and devices, and no authenticator app to set up', async () => {
    const { context, page } = await portals.signIn('pupil@northfield.test');
    await openYourAccount(page);
    await page.getByRole('region', { name: 'Change your password' }).waitFor();
    expect(await page.getByRole('region', { name: 'Authenticator app' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: /Authenticator apps (for|in) your/ }).count()).toBe(0);
    expect(await page.getByRole('list', { name: 'Signed-in devices' }).getByText('This device', { exact: true }).count()).toBe(1);
    await expectFitsAndAccessible(page, 'your-account-pupil', 'Your account');
    await context.close();
  });
});
