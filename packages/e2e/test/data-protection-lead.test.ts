// The data protection lead in the browser, keyboard only: they land on their school's data access log
// (and see no programme pages), export a parent's data from the subject access requests page as JSON and
// a printable page, are told plainly when an email is not someone connected to their school, and find
// their own export in the log. Both pages work at 390 and 1,366 px with no serious axe findings.
// See docs/security.md and docs/audit-trail.md.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { startPortals, tabTo, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-dpl', shared: true });
});

afterAll(() => portals?.close());

async function fitsAt(page: Page, heading: string, name: string): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scroll at ${width}px`).toBeLessThanOrEqual(0);
    await portals.expectAccessible(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

const rows = (page: Page) => page.getByRole('table', { name: /data access events/i }).locator('tbody tr');

describe('the data protection lead', () => {
  it('reads the log, exports a parent by keyboard alone, and finds that export in the log, at 390 and 1,366 px', async () => {
    const { context, page } = await portals.signIn('dpl@northfield.test');
    const nav = page.getByRole('navigation', { name: 'Data protection' });
    await page.getByRole('heading', { level: 1, name: 'Data access log' }).waitFor({ timeout: 30_000 });
    expect(await nav.getByRole('button').allTextContents()).toEqual(['Data access log', 'Subject access requests', "Export a pupil's data"]);
    await page.getByText(/^Showing \d+ of \d+ events$/).waitFor({ timeout: 30_000 });
    await fitsAt(page, 'Data access log', 'dpl-log');

    // The pupil list and pupils' records are not theirs to open, even by address: they stay on the log.
    for (const hash of ['#/pupils', '#/pupils/any-pupil', '#/settings']) {
      await page.evaluate((to) => window.location.assign(to), hash);
      await page.getByRole('heading', { level: 1, name: 'Data access log' }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Data access log']);
    }

    // Keyboard only: to the subject access requests page.
    await page.getByRole('heading', { level: 1, name: 'Data access log' }).focus();
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, /^Subject access requests$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Subject access requests' }).waitFor();

    // Someone not connected to the school: told so, and nothing is saved.
    await tabTo(page, /^Their email address/);
    await page.keyboard.type('leader@southbank.test');
    await tabTo(page, /^Download everything Waymark holds about them$/);
    await page.keyboard.press('Enter');
    await page.getByText('No parent, carer or volunteer connected to your school has that email address.').waitFor({ timeout: 30_000 });
    await portals.expectAccessible(page, 'dpl-export-refused');

    // A parent of a Northfield pupil: one request, saved as JSON and as a printable page.
    await tabTo(page, /^Their email address/);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('parent@northfield.test');
    const saved: Promise<Download>[] = [
      page.waitForEvent('download'),
      page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.html') }),
    ];
    await tabTo(page, /^Download everything Waymark holds about them$/);
    await page.keyboard.press('Enter');
    const [first, html] = await Promise.all(saved);
    const json = first.suggestedFilename().endsWith('.json') ? first : html;
    expect(json.suggestedFilename()).toMatch(/^subject-access-grace-okafor-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await json.path(), 'utf8')) as { person: { name: string; kind: string }; parts: { source: string }[] };
    expect(exported.person).toMatchObject({ name: 'Grace Okafor', kind: 'PARENT_OR_CARER' });
    expect(exported.parts.map((part) => part.source)).toEqual(['identity', 'pupils', 'employers', 'encounters', 'destinations']);
    expect(readFileSync(await html.path(), 'utf8')).toContain('Everything Waymark holds about Grace Okafor');
    await page.getByText(/^Downloaded subject-access-grace-okafor-.*\.json and /).waitFor();
    await fitsAt(page, 'Subject access requests', 'dpl-export');

    // Back to the log by keyboard: the export is there, naming whom and who, and pupils are not links.
    await page.getByRole('heading', { level: 1, name: 'Subject access requests' }).focus();
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, /^Data access log$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Data access log' }).waitFor();
    const exportRow = rows(page).filter({ hasText: 'Subject-access export of a parent or carer: Grace Okafor' });
    await exportRow.first().waitFor({ timeout: 30_000 });
    expect(await exportRow.count()).toBe(1);
    expect(await exportRow.first().textContent()).toContain('Helen Brooks');
    expect(await rows(page).getByRole('link').count()).toBe(0);
    await context.close();
  });
});
