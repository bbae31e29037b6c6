// "Delete my account" in the browser: a volunteer on My volunteering reads what is deleted and what
// schools keep, is told on the field when the password is wrong, then deletes their account with
// the keyboard and is signed out; signing in again is refused. The page stays axe-clean with no
// sideways scroll at 1,366 and 390 px. See docs/domain-rules.md, "A volunteer deletes their account".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  // A stack of its own: the test deletes a demo account.
  portals = await startPortals({ name: 'e2e-delete-account' });
});

afterAll(() => portals?.close());

describe('Delete my account', () => {
  it('a volunteer deletes their own account with their password and is signed out', async () => {
    const { context, page } = await portals.signIn('employer@acme.test');
    await page.getByRole('heading', { level: 1, name: 'My volunteering' }).waitFor({ timeout: 30_000 });
    const section = page.getByRole('region', { name: 'Delete my account' });
    await section.getByRole('heading', { level: 3, name: 'What schools keep' }).waitFor();
    await section.getByText(/"Former volunteer"/).waitFor();

    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal scroll at ${width}px`).toBeLessThanOrEqual(0);
      await portals.expectAccessible(page, `delete-account-${width}`);
    }

    // A wrong password: the error summary and the field say so, and nothing is deleted.
    const password = section.getByLabel('Enter your password to confirm');
    await password.fill('not my password');
    await section.getByRole('button', { name: 'Delete my account' }).click();
    await section
      .locator('.wm-error-summary')
      .getByText(/password is not right/)
      .waitFor();
    await expect(password.getAttribute('aria-invalid')).resolves.toBe('true');
    await portals.expectAccessible(page, 'delete-account-wrong-password-390');

    // By keyboard: the right password, then Enter.
    await password.fill(DEMO_PASSWORD);
    await password.press('Enter');
    await section.getByRole('status').getByText('Your Waymark account has been deleted and you have been signed out.').waitFor({ timeout: 30_000 });
    await section.getByRole('link', { name: 'Go to the sign-in page' }).waitFor();
    await portals.expectAccessible(page, 'delete-account-done-390');
    await context.close();

    const again = await fetch(`${portals.stack.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'employer@acme.test', password: DEMO_PASSWORD }),
    });
    expect(again.status).toBe(401);
  });
});
