// The data access log in the browser: a careers leader opens a pupil's record, then finds that read
// in the log, filters it with the keyboard alone, sees the form's errors, downloads the log as CSV,
// and the page works at phone and laptop widths with no serious axe findings. See docs/audit-trail.md.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { openLeaderPage, startPortals, tabTo, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-audit', shared: true });
});

afterAll(() => portals?.close());

const rows = (page: Page) => page.getByRole('table', { name: /data access events/i }).locator('tbody tr');

describe('the data access log', () => {
  it("shows a leader's read of a pupil's record, filters by keyboard, explains mistakes, downloads CSV, and reads well at 390 and 1,366 px", async () => {
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByText('Northfield Academy').first().waitFor({ timeout: 30_000 });

    // Reading Maya's record (her groups, date of birth and guidance notes) is what the log should show.
    await openLeaderPage(page, /^pupils$/i);
    await page.getByLabel('Search by name or UPN').fill('Okafor');
    await page.getByRole('link', { name: 'Maya Okafor' }).click();
    await page.getByRole('heading', { level: 1, name: /Maya Okafor/ }).waitFor({ timeout: 30_000 });
    await page.getByText(/Keen on engineering/).waitFor({ timeout: 30_000 });

    // A subject access request from the same page: one request, saved as JSON and as a printable page.
    const saved: Promise<Download>[] = [
      page.waitForEvent('download'),
      page.waitForEvent('download', { predicate: (d) => d.suggestedFilename().endsWith('.html') }),
    ];
    await page.getByRole('button', { name: 'Download everything Waymark holds' }).click();
    const [first, html] = await Promise.all(saved);
    const jsonDownload = first.suggestedFilename().endsWith('.json') ? first : html;
    expect(jsonDownload.suggestedFilename()).toMatch(/^subject-access-maya-okafor-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8')) as { parts: { source: string }[] };
    expect(exported.parts.map((part) => part.source)).toEqual(['pupils', 'encounters', 'destinations']);
    expect(readFileSync(await html.path(), 'utf8')).toContain('Everything Waymark holds about Maya Okafor');
    await page.getByText(/^Downloaded subject-access-maya-okafor-.*\.json and /).waitFor();
    await portals.expectAccessible(page, 'audit-pupil-record');

    await openLeaderPage(page, /^data access log$/i);
    await page.getByRole('heading', { level: 1, name: 'Data access log' }).waitFor();
    const mayaRow = rows(page)
      .filter({ has: page.getByRole('link', { name: 'Maya Okafor' }) })
      .first();
    await mayaRow.waitFor({ timeout: 30_000 });
    const mayaText = (
      await rows(page)
        .filter({ has: page.getByRole('link', { name: 'Maya Okafor' }) })
        .allTextContents()
    ).join(' ');
    expect(mayaText).toMatch(/Looked at: .*date of birth/);
    expect(mayaText).toMatch(/vulnerable groups/);
    expect(mayaText).toMatch(/guidance meeting notes/);
    expect(mayaText).toMatch(/careers leader · signed in/);
    expect(
      await rows(page)
        .filter({ hasText: /Downloaded: whole record \(subject access request\)/ })
        .count(),
    ).toBe(1);
    await portals.expectAccessible(page, 'audit-log');

    // Keyboard only: choose "Changed" and apply; no change was made, so nothing matches.
    await page.getByRole('heading', { level: 1, name: 'Data access log' }).focus();
    await tabTo(page, /^What happened$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('What happened').inputValue()).toBe('CHANGE');
    await tabTo(page, /^Show events$/);
    await page.keyboard.press('Enter');
    await page.getByText('No events match these filters.').waitFor({ timeout: 30_000 });
    await tabTo(page, /^Clear filters$/);
    await page.keyboard.press('Enter');
    await mayaRow.waitFor({ timeout: 30_000 });

    // Only this pupil, from the table, with the keyboard.
    await mayaRow.getByRole('button', { name: /^Only this pupil\s*:\s*Maya Okafor$/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Pupil: Maya Okafor', { exact: true }).waitFor();
    // The filter's label shows at once; the rows follow when the filtered page arrives.
    await expect
      .poll(
        async () => {
          const texts = await rows(page).allTextContents();
          return texts.length > 0 && texts.every((text) => text.includes('Maya Okafor'));
        },
        { timeout: 30_000 },
      )
      .toBe(true);

    // A range that ends before it starts: the summary takes focus and links to the field.
    await page.getByLabel('From').fill('2026-10-01');
    await page.getByLabel('To', { exact: true }).fill('2026-09-01');
    await page.getByRole('button', { name: 'Show events' }).click();
    const summary = page.locator('.wm-error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('wm-error-summary'))).toBe(true);
    await summary.getByRole('link', { name: /"to" date must be the same as or after/ }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('to');
    await portals.expectAccessible(page, 'audit-log-error');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await mayaRow.waitFor({ timeout: 30_000 });

    // The CSV download carries the log, and is itself recorded.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download these events (CSV)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^data-access-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^When \(UTC\),Action,Fields,Pupil/);
    expect(csv).toContain('Maya Okafor');
    await page.getByText(/The download is recorded in the log/).waitFor();
    await rows(page)
      .filter({ hasText: /Downloaded: this log/ })
      .first()
      .waitFor({ timeout: 30_000 });

    // Laptop and phone widths: nothing wider than the window, and still accessible.
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByRole('heading', { level: 1, name: 'Data access log' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal scroll at ${width}px`).toBeLessThanOrEqual(0);
      await portals.expectAccessible(page, `audit-log-${width}`);
    }
    await context.close();
  });

  it("shows another school's leader their own log, with nothing of Northfield's pupils", async () => {
    const { context, page } = await portals.signIn('leader@southbank.test');
    await page.getByText('Southbank School').first().waitFor({ timeout: 30_000 });
    await openLeaderPage(page, /^data access log$/i);
    await page.getByRole('heading', { level: 1, name: 'Data access log' }).waitFor();
    await page.getByText(/^Showing \d+ of \d+ events$/).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('link', { name: 'Maya Okafor' }).count()).toBe(0);
    await context.close();
  });
});
