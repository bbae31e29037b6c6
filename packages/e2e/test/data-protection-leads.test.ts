// The careers leader names the school's data protection leads, keyboard only: the page is in their
// navigation, lists the lead, refuses another school's account in words without saying whose it is,
// takes the role away after a confirmation and gives it back by email. It works at 390 and 1,366 px
// with no serious axe findings. See docs/security.md, "The data protection lead".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fitsAtBothWidths, startPortals, tabTo, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-dpl-naming', shared: true });
});

afterAll(() => portals?.close());

const fitsAt = (page: Page, name: string) => fitsAtBothWidths(portals, page, 'Data protection leads', name);

const leadNames = (page: Page) => page.getByRole('table', { name: 'Data protection leads' }).locator('tbody th').allTextContents();

describe("naming the school's data protection leads", () => {
  it('the careers leader removes the lead and names her again by keyboard alone, at 390 and 1,366 px', async () => {
    const { context, page } = await portals.signIn('leader@northfield.test');
    const nav = page.getByRole('navigation', { name: 'Careers programme' });
    await nav.getByRole('button', { name: 'Data protection leads' }).waitFor({ timeout: 30_000 });

    // From the top of the page to the navigation entry, by keyboard.
    await page.locator('body').focus();
    await tabTo(page, /^Data protection leads$/, 120);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Data protection leads' }).waitFor();
    await page.getByRole('table', { name: 'Data protection leads' }).waitFor({ timeout: 30_000 });
    expect(await leadNames(page)).toEqual(['Helen Brooks']);
    await fitsAt(page, 'dpl-naming');

    // Another school's careers leader: the same words as an unknown email, and nothing changes.
    await tabTo(page, /^Their email address/);
    await page.keyboard.type('leader@southbank.test');
    await tabTo(page, /^Make them a data protection lead$/);
    await page.keyboard.press('Enter');
    const refusal = 'No member of staff at your school has a Waymark account with that email address.';
    await page.getByText(refusal, { exact: false }).first().waitFor({ timeout: 30_000 });
    await portals.expectAccessible(page, 'dpl-naming-refused');
    expect(await leadNames(page)).toEqual(['Helen Brooks']);

    // Take the role away, after the confirmation (which starts on "No").
    await page.getByRole('heading', { level: 1, name: 'Data protection leads' }).focus();
    await tabTo(page, /^Remove Helen Brooks$/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Remove Helen Brooks as a data protection lead?' });
    await dialog.waitFor();
    await portals.expectAccessible(page, 'dpl-naming-confirm');
    await tabTo(page, /^Yes, remove the role$/, 5);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Helen Brooks is no longer a data protection lead' }).waitFor({ timeout: 30_000 });
    await page.getByText('Nobody at your school has the role yet.').waitFor();

    // And give it back by her email.
    await page.getByRole('heading', { level: 1, name: 'Data protection leads' }).focus();
    await tabTo(page, /^Their email address/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('dpl@northfield.test');
    await tabTo(page, /^Make them a data protection lead$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Helen Brooks is now a data protection lead' }).waitFor({ timeout: 30_000 });
    await page.getByRole('rowheader', { name: 'Helen Brooks' }).waitFor();
    expect(await leadNames(page)).toEqual(['Helen Brooks']);
    await fitsAt(page, 'dpl-naming-named');
    await context.close();
  });
});
