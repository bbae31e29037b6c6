// A trust analyst who has pupil-level access gives it to another analyst of the trust and takes it
// away again, keyboard only: the page is in the trust's navigation, the grant's confirmation says
// what the access lets them see, each change shows who made it and when, and the other analyst sees
// the change on their next page without signing in again (and, without access, cannot change
// anyone's). It works at 390 and 1,366 px with no serious axe findings. See docs/security.md,
// "Pupil-level access for trust analysts".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fitsAtBothWidths, startPortals, tabTo, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-pupil-level-access', shared: true });
});

afterAll(() => portals?.close());

const fitsAt = (page: Page, name: string) => fitsAtBothWidths(portals, page, 'Pupil-level access', name);
const table = (page: Page) => page.getByRole('table', { name: 'Analysts and their pupil-level access' });
const rowOf = (page: Page, name: RegExp) => table(page).getByRole('row', { name });
const DATE = String.raw`\d{2}/\d{2}/\d{4}`;

/** From the top of the page to the trust's "Pupil-level access" page, by keyboard. */
async function openPage(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Trust' }).getByRole('button', { name: 'Pupil-level access' }).waitFor({ timeout: 30_000 });
  await page.locator('body').focus();
  await tabTo(page, /^Pupil-level access$/, 120);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Pupil-level access' }).waitFor();
  await table(page).waitFor({ timeout: 30_000 });
}

describe("granting and withdrawing an analyst's pupil-level access", () => {
  it('the lead analyst grants it to Alex Morgan and withdraws it, by keyboard alone, and Alex sees each change on the next page', async () => {
    const lead = await portals.signIn('lead.analyst@waymark-trust.test');
    const alex = await portals.signIn('trust@waymark-trust.test');
    await openPage(lead.page);
    await openPage(alex.page);

    // Alex has no access, so cannot change anyone's, and is told whom to ask.
    await alex.page
      .getByText('Only an analyst who has pupil-level access can give it to someone or take it away. Ask Nadia Rahman if someone needs it.')
      .waitFor();
    expect(await alex.page.getByRole('button', { name: /pupil-level access for/ }).count()).toBe(0);
    await fitsAt(alex.page, 'pla-without');

    await rowOf(lead.page, /^Alex Morgan/)
      .getByRole('cell', { name: /^No\s*Never given here/ })
      .waitFor();
    await rowOf(lead.page, /^Nadia Rahman \(you\)/)
      .getByRole('cell', { name: /^Yes\s*No record of who gave it or when/ })
      .waitFor();
    expect(await lead.page.getByRole('button', { name: /pupil-level access for Nadia Rahman/ }).count()).toBe(0);
    await fitsAt(lead.page, 'pla-holder');

    // Grant, after a confirmation that says what it lets them see (it starts on "No").
    await lead.page.getByRole('heading', { level: 1, name: 'Pupil-level access' }).focus();
    await tabTo(lead.page, /^Grant pupil-level access for Alex Morgan$/);
    await lead.page.keyboard.press('Enter');
    const grantDialog = lead.page.getByRole('dialog', { name: 'Give Alex Morgan pupil-level access?' });
    await grantDialog.waitFor();
    await grantDialog.getByText('which vulnerable or target groups each pupil is in, such as SEN support, free school meals or looked after').waitFor();
    await grantDialog.getByText(/pupils' names and records/).waitFor();
    await grantDialog.getByText(/from their next page in Waymark/).waitFor();
    await portals.expectAccessible(lead.page, 'pla-grant-confirm');
    await tabTo(lead.page, /^Yes, give access$/, 5);
    await lead.page.keyboard.press('Enter');
    await lead.page.getByRole('heading', { name: 'Alex Morgan now has pupil-level access' }).waitFor({ timeout: 30_000 });
    const granted = rowOf(lead.page, /^Alex Morgan/);
    await granted.getByRole('cell', { name: new RegExp(`^Yes\\s*Given by Nadia Rahman on ${DATE}`) }).waitFor();
    await fitsAt(lead.page, 'pla-granted');

    // Alex's next page carries it, without signing in again: Alex can now change Nadia's.
    await alex.page.reload();
    await alex.page.getByRole('heading', { level: 1, name: 'Pupil-level access' }).waitFor({ timeout: 30_000 });
    await rowOf(alex.page, /^Alex Morgan \(you\)/)
      .getByRole('cell', { name: new RegExp(`^Yes\\s*Given by Nadia Rahman on ${DATE}`) })
      .waitFor({ timeout: 30_000 });
    await alex.page.getByRole('button', { name: 'Withdraw pupil-level access for Nadia Rahman' }).waitFor();

    // Withdraw, after its own confirmation.
    await lead.page.getByRole('heading', { level: 1, name: 'Pupil-level access' }).focus();
    await tabTo(lead.page, /^Withdraw pupil-level access for Alex Morgan$/);
    await lead.page.keyboard.press('Enter');
    const withdrawDialog = lead.page.getByRole('dialog', { name: "Take away Alex Morgan's pupil-level access?" });
    await withdrawDialog.waitFor();
    await portals.expectAccessible(lead.page, 'pla-withdraw-confirm');
    await tabTo(lead.page, /^Yes, take it away$/, 5);
    await lead.page.keyboard.press('Enter');
    await lead.page.getByRole('heading', { name: 'Alex Morgan no longer has pupil-level access' }).waitFor({ timeout: 30_000 });
    const withdrawn = rowOf(lead.page, /^Alex Morgan/);
    await withdrawn.getByRole('cell', { name: new RegExp(`^No\\s*Taken away by Nadia Rahman on ${DATE}`) }).waitFor();
    await fitsAt(lead.page, 'pla-withdrawn');

    await alex.page.reload();
    await alex.page.getByText(/^Only an analyst who has pupil-level access/).waitFor({ timeout: 30_000 });
    expect(await alex.page.getByRole('button', { name: /pupil-level access for/ }).count()).toBe(0);
    await lead.context.close();
    await alex.context.close();
  });
});
