// A trust analyst registers a webhook endpoint, keyboard only: the page is in the trust's navigation,
// an address Waymark cannot call is refused with the reason, a public https
// address is registered and its signing secret shown once, the endpoint's deliveries can be seen, and
// it can be turned off after a confirmation; another gets a new signing secret (shown once) and is
// deleted, each after a confirmation. It works at 390 and 1,366 px with no serious axe findings. See docs/trust-api.md, "Webhooks", and docs/security.md, "Webhooks".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fitsAtBothWidths, startPortals, tabTo, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-webhooks', shared: true });
});

afterAll(() => portals?.close());

const fitsAt = (page: Page, name: string) => fitsAtBothWidths(portals, page, 'Webhooks', name);
const table = (page: Page) => page.getByRole('table', { name: "Your trust's webhook endpoints" });
// A public address given as a number, so the test needs no DNS; nothing is sent to it (no event happens).
const PUBLIC_URL = 'https://93.184.216.34/waymark-events';

async function openPage(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Trust' }).getByRole('button', { name: 'Webhooks' }).waitFor({ timeout: 30_000 });
  await page.locator('body').focus();
  await tabTo(page, /^Webhooks$/, 120);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
  await table(page).waitFor({ timeout: 30_000 });
}

describe("a trust's webhooks", () => {
  it('an analyst registers an endpoint, sees the secret once, sees its deliveries and turns it off, by keyboard alone', async () => {
    const { page } = await portals.signIn('trust@waymark-trust.test');
    await openPage(page);
    await table(page).getByText('Your trust has no webhook endpoints yet.').waitFor();
    await fitsAt(page, 'webhooks-empty');

    // An address Waymark cannot send to is refused, and the summary says why. (The browser tests' stack
    // runs with test settings, which allow this machine; production's refusals are tested in identity.)
    await page.getByRole('textbox', { name: 'Address' }).focus();
    await page.keyboard.type('ftp://files.yourtrust.example/hook');
    // The first event's checkbox comes straight after the address.
    await page.keyboard.press('Tab');
    const rosterBox = page.getByRole('checkbox', { name: /A roster import was committed/ });
    expect(await rosterBox.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    expect(await rosterBox.isChecked()).toBe(true);
    await tabTo(page, /^Register endpoint$/, 20);
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert');
    await summary.getByText(/must start with https:\/\//).waitFor({ timeout: 30_000 });
    await portals.expectAccessible(page, 'webhooks-refused');

    // A public https address is registered; the secret is shown once.
    await page.getByRole('textbox', { name: 'Address' }).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(PUBLIC_URL);
    await tabTo(page, /^Register endpoint$/, 8);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Endpoint registered' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('code', { hasText: /^whsec_[A-Za-z0-9_-]{43}$/ }).count()).toBe(1);
    const row = table(page).getByRole('row', { name: new RegExp(PUBLIC_URL.replace(/[./]/g, '\\$&')) });
    await row.getByRole('cell', { name: 'On' }).waitFor();
    await fitsAt(page, 'webhooks-registered');

    // Its deliveries: none yet.
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).focus();
    await tabTo(page, /^See deliveries for /);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Recent deliveries' }).waitFor();
    await page.getByText('Nothing has been sent to this endpoint yet.').waitFor({ timeout: 30_000 });
    await fitsAt(page, 'webhooks-deliveries');

    // Turned off after a confirmation; the secret is not shown again after a reload.
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).focus();
    await tabTo(page, /^Turn off /);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Turn this endpoint off?' });
    await dialog.waitFor();
    await portals.expectAccessible(page, 'webhooks-confirm');
    await tabTo(page, /^Turn off$/, 5);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Endpoint turned off' }).waitFor({ timeout: 30_000 });
    await row.getByRole('cell', { name: /^Turned off on / }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor({ timeout: 30_000 });
    await table(page).waitFor({ timeout: 30_000 });
    expect(await page.locator('code', { hasText: /^whsec_/ }).count()).toBe(0);
  });

  it('an analyst gives an endpoint a new signing secret, shown once, and deletes it after a confirmation, by keyboard alone', async () => {
    const url = 'https://93.184.216.34/waymark-rotation';
    const named = new RegExp(url.replace(/[./]/g, '\\$&'));
    const { page } = await portals.signIn('trust@waymark-trust.test');
    await openPage(page);

    await page.getByRole('textbox', { name: 'Address' }).focus();
    await page.keyboard.type(url);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await tabTo(page, /^Register endpoint$/, 8);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Endpoint registered' }).waitFor({ timeout: 30_000 });
    const first = await page.locator('code', { hasText: /^whsec_/ }).textContent();
    const row = table(page).getByRole('row', { name: named });
    await row.waitFor();

    // A new secret: asked first (Escape keeps the old one), then shown once, different from the first.
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).focus();
    await tabTo(page, new RegExp(`^New secret for ${named.source}`));
    await page.keyboard.press('Enter');
    const rotate = page.getByRole('dialog', { name: 'Give this endpoint a new signing secret?' });
    await rotate.waitFor();
    await portals.expectAccessible(page, 'webhooks-rotate-confirm');
    await page.keyboard.press('Escape');
    await rotate.waitFor({ state: 'hidden' });
    expect(await page.getByRole('heading', { name: 'New signing secret made' }).count()).toBe(0);
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).focus();
    await tabTo(page, new RegExp(`^New secret for ${named.source}`));
    await page.keyboard.press('Enter');
    await rotate.waitFor();
    await tabTo(page, /^Make a new secret$/, 5);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'New signing secret made' }).waitFor({ timeout: 30_000 });
    const secrets = page.locator('code', { hasText: /^whsec_[A-Za-z0-9_-]{43}$/ });
    expect(await secrets.count()).toBe(1);
    expect(await secrets.textContent()).not.toBe(first);
    await fitsAt(page, 'webhooks-rotated');

    // Deleted after a confirmation: "Keep it" keeps it; "Delete endpoint" removes its row.
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).focus();
    await tabTo(page, new RegExp(`^Delete ${named.source}`));
    await page.keyboard.press('Enter');
    const remove = page.getByRole('dialog', { name: 'Delete this endpoint?' });
    await remove.waitFor();
    // Focus starts on the button that keeps it, so Enter never deletes by accident.
    await page.keyboard.press('Enter');
    await remove.waitFor({ state: 'hidden' });
    await row.waitFor();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).focus();
    await tabTo(page, new RegExp(`^Delete ${named.source}`));
    await page.keyboard.press('Enter');
    await remove.waitFor();
    await portals.expectAccessible(page, 'webhooks-delete-confirm');
    await tabTo(page, /^Delete endpoint$/, 5);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Endpoint deleted' }).waitFor({ timeout: 30_000 });
    await row.waitFor({ state: 'detached', timeout: 30_000 });
    await fitsAt(page, 'webhooks-deleted');
    await page.reload();
    await table(page).waitFor({ timeout: 30_000 });
    expect(await table(page).getByRole('row', { name: named }).count()).toBe(0);
    expect(await page.locator('code', { hasText: /^whsec_/ }).count()).toBe(0);
  });
});
