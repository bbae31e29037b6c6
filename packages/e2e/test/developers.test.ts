// The API for trusts in the browser: anyone can read the developer documentation at /developers
// (plain HTML, axe-clean, nothing sideways at 390 px, a skip link first for keyboards); a trust
// analyst makes a key on "API keys", sees it used (requests and errors counted by the gateway), and
// tries it in the explorer, and revokes it. See docs/trust-api.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeScan, serious, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-developers', shared: true });
});

afterAll(() => portals?.close());

async function expectFits(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  // On failure, name the widest elements that stick out, to say what to fix.
  const culprits = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((element) => !element.parentElement?.closest('.wm-table-wrap, pre, .table'))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );
  expect(overflow, `horizontal scroll at ${width}px: ${culprits.join(', ')}`).toBeLessThanOrEqual(0);
}

describe('the API for trusts', () => {
  it('shows anyone the developer documentation, accessible at both widths and by keyboard', async () => {
    const context = await portals.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const response = await page.goto(`${portals.stack.url}/developers`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'The Waymark API for trusts' }).waitFor();
    expect(await page.locator('script').count()).toBe(0);
    for (const heading of ['What you can read', 'What you can change', 'Paging', 'Errors', 'Limits', 'Examples']) {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    }
    await page.getByRole('heading', { level: 3, name: 'trustDashboard' }).waitFor();
    for (const width of [1366, 390]) {
      await expectFits(page, width);
      await page.screenshot({ path: `${portals.root}/test-results/developers-${width}.png`, fullPage: true });
      expect(serious(await axeScan(page)), `axe on /developers at ${width}px`).toEqual([]);
    }
    // The first Tab reaches the skip link, which takes the keyboard past the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the documentation');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe('#main');
    // The code samples scroll by keyboard: each one can take focus.
    expect(await page.locator('pre:not([tabindex="0"])').count()).toBe(0);
    await context.close();
  });

  it('lets a trust analyst make a key, see its usage, try it in the explorer, and revoke it', async () => {
    const { context, page } = await portals.signIn('trust@waymark-trust.test');
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor({ timeout: 30_000 });

    // Nothing filled in: the error summary takes focus and names both problems.
    await page.getByRole('button', { name: 'Make key' }).click();
    const summary = page.locator('.wm-error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await summary.getByText('Give the key a name').waitFor();
    await summary.getByText('Choose what the key may do').waitFor();

    await page.getByRole('textbox', { name: 'Name' }).fill('Power BI reports');
    await page.getByLabel(/Read reports/).check();
    await page.getByRole('button', { name: 'Make key' }).click();
    await page.getByRole('heading', { name: 'Power BI reports is ready' }).waitFor();
    const secret = (await page.locator('code').filter({ hasText: /^wm_/ }).textContent())!;
    expect(secret).toMatch(/^wm_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);

    // The integration uses it: two answers and one refusal (a field for people only).
    const call = (query: string) =>
      fetch(`${portals.stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query }),
      });
    expect((await call('{ schools { name } }')).status).toBe(200);
    expect((await call('{ trustDashboard { pupilCount } }')).status).toBe(200);
    expect((await call('{ apiCredentials { id } }')).status).toBe(403);

    // The gateway adds its counts to the key every so often: look again until they show.
    const row = page.getByRole('row').filter({ hasText: 'Power BI reports' });
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
          return (await row.textContent()) ?? '';
        },
        { timeout: 90_000, interval: 2_000 },
      )
      .toMatch(/3\s*1 \(33%\)/);
    expect(await row.textContent()).not.toContain('Never');

    for (const width of [1366, 390]) {
      await expectFits(page, width);
      await portals.expectAccessible(page, `api-keys-${width}`);
    }

    // The explorer: the key stays in the form; nothing is sent without it.
    const explorer = await context.newPage();
    await explorer.goto(`${portals.stack.url}/developers/explorer`);
    await explorer.getByRole('heading', { level: 1, name: 'Try the API' }).waitFor();
    await explorer.getByRole('button', { name: 'Run query' }).click();
    const problem = explorer.getByRole('alert');
    await problem.getByText('Enter your API key.').waitFor();
    expect(await problem.evaluate((element) => element === document.activeElement)).toBe(true);
    await explorer.getByLabel('API key').fill(secret);
    await explorer.getByRole('button', { name: 'Run query' }).click();
    await explorer.getByRole('status').getByText('Query: HTTP 200.').waitFor();
    expect(await explorer.locator('#answer').textContent()).toContain('Northfield Academy');
    await explorer.getByRole('button', { name: 'Show the schema for this key' }).click();
    await explorer.getByRole('status').getByText('Schema: HTTP 200.').waitFor();
    const schema = (await explorer.locator('#answer').textContent()) ?? '';
    expect(schema).toContain('trustDashboard');
    expect(schema).not.toContain('previewRosterImport');
    for (const width of [1366, 390]) {
      await expectFits(explorer, width);
      expect(serious(await axeScan(explorer)), `axe on the explorer at ${width}px`).toEqual([]);
    }
    expect(await explorer.evaluate(() => JSON.stringify({ ...localStorage }) + document.cookie)).not.toContain(secret);
    await explorer.close();

    await page.setViewportSize({ width: 1366, height: 900 });
    await row.getByRole('button', { name: 'Revoke Power BI reports' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke Power BI reports?' });
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByRole('heading', { name: 'Power BI reports has been revoked' }).waitFor();
    await row.getByText(/^Revoked/).waitFor();
    expect((await call('{ schools { name } }')).status).toBe(401);
    await context.close();
  });
});
